"""The test settings clean up after themselves."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

PRINT_MEDIA_ROOT = (
    "import django, os;"
    "os.environ['DJANGO_SETTINGS_MODULE'] = 'oep.settings.test';"
    "django.setup();"
    "from django.conf import settings;"
    "print(settings.MEDIA_ROOT.parent)"
)


def test_a_test_process_removes_its_temporary_folder_when_it_ends():
    done = subprocess.run(
        [sys.executable, "-c", PRINT_MEDIA_ROOT],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    folder = Path(done.stdout.strip())
    assert folder.name.startswith("oep-test-")
    assert not folder.exists()
