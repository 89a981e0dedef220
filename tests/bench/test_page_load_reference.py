"""The page-load bench's reference choice: bakerydemo from a folder (a rebuilt copy with its own
virtualenv, on the development machine) or Wagtail's project template when no folder is given
(CI). These checks need no bakerydemo: a stand-in virtualenv records what the bench asks of it."""

import importlib
import stat
import sys
from pathlib import Path

import pytest
from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench"


# The bench's scripts import each other by name from bench/, as they do when run.
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
page_load = importlib.import_module("page_load")
reference_site = importlib.import_module("reference_site")


def fake_bakerydemo(folder: Path) -> Path:
    """A folder shaped like the rebuilt bakerydemo whose python only logs its arguments."""
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / "manage.py").write_text("")
    log = folder / "calls.log"
    python = folder / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return log


def test_a_reference_folder_turns_on_the_side_by_side_run_against_it(tmp_path):
    args = page_load.parse_args(["--reference-dir", str(tmp_path), "--rounds", "2"])

    assert args.reference is True
    assert args.reference_dir == tmp_path
    assert args.rounds == 2


def test_without_a_folder_the_reference_stays_the_project_template():
    args = page_load.parse_args(["--reference"])

    assert args.reference is True
    assert args.reference_dir is None


def test_bakerydemo_is_loaded_on_the_pages_the_issue_compares():
    paths = dict(reference_site.BAKERYDEMO_PAGES).values()

    assert list(paths) == [
        "/",
        "/blog/",
        "/blog/wild-yeast/",
        "/breads/",
        "/breads/anpan/",
        "/locations/",
        "/search/?q=bread",
    ]


def test_bakerydemo_is_set_up_with_its_own_virtualenv_and_its_data_loaded_once(tmp_path):
    folder = tmp_path / "bakerydemo"
    log = fake_bakerydemo(folder)
    var = tmp_path / "var"

    reference = reference_site.reference_for(folder, var)

    assert reference.name == "bakerydemo"
    assert reference.python == str(folder / ".venv" / "bin" / "python")
    assert reference.gunicorn == str(folder / ".venv" / "bin" / "gunicorn")
    assert reference.wsgi == "bakerydemo.wsgi"
    assert reference.env["DJANGO_SETTINGS_MODULE"] == "bakerydemo.settings.production"
    database = Path(reference.env["BAKERYDEMO_DB"])
    assert database.parent == var / "bakerydemo"
    calls = log.read_text()
    assert "migrate" in calls and "collectstatic" in calls
    assert calls.count("load_initial_data") == 1

    database.write_text("")  # a second run finds its data already loaded
    reference_site.reference_for(folder, var)
    assert log.read_text().count("load_initial_data") == 1


def test_a_folder_without_a_rebuilt_bakerydemo_is_refused_with_the_reason(tmp_path):
    with pytest.raises(SystemExit, match="no bakerydemo"):
        reference_site.reference_for(tmp_path, tmp_path / "var")


def test_the_reference_p95_pools_every_response_of_every_page_and_round():
    fast_page = {"latencies": [0.01] * 90}
    slow_page = {"latencies": [1.0] * 10}

    # 10 % of all responses are slow, so the pooled 95th percentile is a slow one, although
    # the fast page's own p95 (and the median of per-page p95s) would hide them.
    assert page_load.pooled_p95([fast_page, slow_page]) == 1.0
    assert page_load.pooled_p95([fast_page]) == 0.01
