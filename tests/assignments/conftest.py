"""The training modules of tests/training (lessons to assign) and scored recordings."""

from tests.recordings.conftest import dummy_tasks, spoken  # noqa: E402, F401
from tests.reviews.conftest import recording, scored_recording  # noqa: F401
from tests.training.conftest import content_dir, evidence_entry, training  # noqa: F401
