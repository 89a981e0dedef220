"""What the repository itself must never hold: links (a worktree's links to another checkout's
node_modules or build folder, once committed, break every fresh clone's front-end build)."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_symbolic_links_are_tracked():
    listing = subprocess.run(
        ["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    links = [line.split("\t", 1)[1] for line in listing.splitlines() if line.startswith("120000")]
    assert links == []
