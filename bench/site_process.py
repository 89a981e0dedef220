"""What the benches that start the site share: `manage.py` run in a child process with the
bench's environment, failing loudly with the end of its error output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(env, *args, timeout=900, root: Path = ROOT, python: str | None = None) -> str:
    """Runs `root`/manage.py (this project's unless another site's folder is given) with
    `python` (this interpreter unless another site's virtualenv is given)."""
    done = subprocess.run(
        [python or sys.executable, str(root / "manage.py"), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout
