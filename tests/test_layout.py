"""The layout's promises: the scorer and the speech pipeline are plain Python, and dependencies
between the apps run one way (core, accounts <- checklist <- recordings <- reviews <- assignments;
training <- assignments)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each app may not import: anything that depends on it.
FORBIDDEN = {
    "core": {
        "accounts",
        "checklist",
        "recordings",
        "reviews",
        "training",
        "compendium",
        "home",
        "assignments",
        "privacy",
    },
    "checklist": {"recordings", "reviews", "training", "assignments", "privacy"},
    # The access log (privacy) hears of recordings and reviews through recordings.signals.
    "recordings": {"reviews", "training", "assignments", "privacy"},
    "reviews": {"assignments", "privacy"},
    "training": {"assignments", "privacy"},
    "home": {"assignments", "privacy"},
    "scoring": {"django", "wagtail", "core", "accounts", "checklist", "recordings", "reviews"},
    "speech": {"django", "wagtail", "core", "accounts", "checklist", "recordings", "reviews"},
}


def imported_packages(package):
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path, node.module.split(".")[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependencies_run_one_way(package):
    wrong = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path, name in imported_packages(package)
        if name in FORBIDDEN[package]
    )
    assert wrong == []


def test_recordings_templates_know_nothing_of_reviews():
    for template in (ROOT / "templates" / "recordings").rglob("*.html"):
        text = template.read_text()
        assert "reviews:" not in text and ".review" not in text, template.name


def test_the_scorer_and_speech_load_no_django():
    code = (
        "import sys, scoring, speech, scoring.__main__, speech.transcribe, speech.speakers; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
