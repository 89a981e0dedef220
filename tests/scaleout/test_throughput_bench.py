"""The throughput bench runs end to end: it once stopped at its first step (the import command
had come to require the client's consent) and nothing noticed until someone ran it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

BENCH = Path(settings.BASE_DIR) / "bench" / "throughput.py"
# workers, ready, failed, lost, then the figures.
ROW = re.compile(r"^\s*1\s+1\s+0\s+0\s+\d+", re.MULTILINE)


def test_the_throughput_bench_processes_a_recording_with_one_worker_and_loses_none():
    done = subprocess.run(
        [sys.executable, str(BENCH), "-n", "1", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=900,
        # The bench measures whatever model it is given; the small one keeps this check short.
        env={**os.environ, "WHISPER_MODEL": "tiny.en"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert ROW.search(done.stdout), done.stdout
