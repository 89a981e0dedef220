"""The page-load bench's reference choice: bakerydemo from a folder (a rebuilt copy with its own
virtualenv, on the development machine) or Wagtail's project template when no folder is given
(CI). These checks need no bakerydemo: a stand-in virtualenv records what the bench asks of it."""

import importlib
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench"
OUR_SERVER = "gunicorn, 2 sync workers"


@pytest.fixture(scope="module")
def bench():
    """bench/bench.page_load.py and its sibling reference_site, imported by name from bench/ as they
    are when run, with sys.path and sys.modules put back afterwards so that no other test
    module sees bench/ on the path."""
    saved_path = list(sys.path)
    sys.path.insert(0, str(BENCH))
    try:
        page_load = importlib.import_module("page_load")
        yield SimpleNamespace(page_load=page_load, reference_site=page_load.reference_site)
    finally:
        sys.path[:] = saved_path
        for name, module in list(sys.modules.items()):
            if str(getattr(module, "__file__", None) or "").startswith(str(BENCH)):
                del sys.modules[name]


def fake_bakerydemo(folder: Path, with_gunicorn=True) -> Path:
    """A folder shaped like the rebuilt bakerydemo whose python only logs its arguments."""
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / "manage.py").write_text("")
    log = folder / "calls.log"
    python = folder / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    if with_gunicorn:
        (folder / ".venv" / "bin" / "gunicorn").write_text("")
    return log


def test_a_reference_folder_turns_on_the_side_by_side_run_against_it(bench, tmp_path):
    args = bench.page_load.parse_args(["--reference-dir", str(tmp_path), "--rounds", "2"])

    assert args.reference is True
    assert args.reference_dir == tmp_path
    assert args.rounds == 2


def test_without_a_folder_the_reference_stays_the_project_template(bench):
    args = bench.page_load.parse_args(["--reference"])

    assert args.reference is True
    assert args.reference_dir is None


def test_bakerydemo_is_set_up_with_its_own_virtualenv_and_its_data_loaded_once(bench, tmp_path):
    folder = tmp_path / "bakerydemo"
    log = fake_bakerydemo(folder)
    var = tmp_path / "var"

    reference = bench.reference_site.reference_for(folder, var)

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
    bench.reference_site.reference_for(folder, var)
    assert log.read_text().count("load_initial_data") == 1


def test_a_folder_without_a_rebuilt_bakerydemo_is_refused_with_the_reason(bench, tmp_path):
    with pytest.raises(SystemExit, match="no bakerydemo"):
        bench.reference_site.reference_for(tmp_path, tmp_path / "var")


def test_the_reference_p95_pools_every_response_of_every_page_and_round(bench):
    fast_page = {"latencies": [0.01] * 90}
    slow_page = {"latencies": [1.0] * 10}

    # 10 % of all responses are slow, so the pooled 95th percentile is a slow one, although
    # the fast page's own p95 (and the median of per-page p95s) would hide them.
    assert bench.page_load.pooled_p95([fast_page, slow_page]) == 1.0
    assert bench.page_load.pooled_p95([fast_page]) == 0.01


def test_a_bakerydemo_without_gunicorn_is_refused_rather_than_served_by_runserver(bench, tmp_path):
    folder = tmp_path / "bakerydemo"
    fake_bakerydemo(folder, with_gunicorn=False)

    with pytest.raises(SystemExit, match="no gunicorn"):
        bench.reference_site.reference_for(folder, tmp_path / "var")


def test_the_project_template_is_served_by_the_same_gunicorn_as_our_site(
    bench, tmp_path, monkeypatch
):
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "manage.py").write_text("")  # already made: no `wagtail start`
    monkeypatch.setattr(bench.reference_site, "manage", lambda *args, **kwargs: "")

    reference = bench.reference_site.reference_for(None, tmp_path)
    theirs = bench.page_load.server_command(
        8001, 2, reference.wsgi, gunicorn=reference.gunicorn, python=reference.python
    )
    ours = bench.page_load.server_command(8001, 2, reference.wsgi)

    assert theirs == ours


def test_without_gunicorn_a_site_falls_back_to_runserver_under_its_own_python(bench, tmp_path):
    missing = str(tmp_path / "no-gunicorn")

    command, server_name = bench.page_load.server_command(
        8001, 2, "bakerydemo.wsgi", gunicorn=missing, python="/elsewhere/.venv/bin/python"
    )

    assert command[:3] == ["/elsewhere/.venv/bin/python", "manage.py", "runserver"]
    assert server_name.startswith("runserver")


class StubbedRun:
    """side_by_side with servers and loads stubbed: records what it loads and what it pools."""

    def __init__(self, bench, monkeypatch, tmp_path, reference_server_name=OUR_SERVER):
        self.page_load = bench.page_load
        self.reference = bench.reference_site.Reference(
            "bakerydemo", tmp_path, {}, "bakerydemo.wsgi", bench.reference_site.BAKERYDEMO_PAGES
        )
        self.loaded, self.pooled, self.stopped = [], [], []
        monkeypatch.setattr(
            bench.reference_site, "reference_for", lambda folder, var: self.reference
        )
        monkeypatch.setattr(
            self.page_load,
            "start_server",
            lambda *args, **kwargs: ("reference server", reference_server_name),
        )
        monkeypatch.setattr(self.page_load, "stop_server", self.stopped.append)
        monkeypatch.setattr(self.page_load, "load_page", self.load_page)
        real_pooled_p95 = self.page_load.pooled_p95
        monkeypatch.setattr(
            self.page_load,
            "pooled_p95",
            lambda rows: self.pooled.extend(rows) or real_pooled_p95(rows),
        )

    def load_page(self, port, path, cookie, clients, seconds, server):
        self.loaded.append((server, path))
        return {
            "server": server, "path": path, "latencies": [0.1], "rps": 10.0, "p50": 0.1,
            "p95": 0.1, "cpu": 0.01, "kb": 1.0, "errors": 0, "count": 1,
        }  # fmt: skip

    def run(self, tmp_path, rounds=2):
        args = self.page_load.parse_args(["--reference", "--rounds", str(rounds)])
        names = dict.fromkeys(["evidence", "bulletin", "module", "lesson", "theme"], "x")
        self.page_load.side_by_side(args, 8000, names, "our server", OUR_SERVER, tmp_path)


def test_side_by_side_loads_and_pools_every_reference_page_in_every_round(
    bench, monkeypatch, tmp_path
):
    run = StubbedRun(bench, monkeypatch, tmp_path)

    run.run(tmp_path, rounds=2)

    reference_paths = [path for _name, path in bench.reference_site.BAKERYDEMO_PAGES]
    loaded = [path for server, path in run.loaded if server == "reference server"]
    assert sorted(loaded) == sorted(reference_paths * 2)
    pooled = [(row["server"], row["path"]) for row in run.pooled]
    assert sorted(pooled) == sorted(("reference server", path) for path in reference_paths * 2)
    assert len([1 for server, _path in run.loaded if server == "our server"]) == 2 * len(
        bench.page_load.ANONYMOUS_PAGES
    )
    assert run.stopped == ["reference server"]


def test_side_by_side_stops_when_the_reference_runs_on_another_server(bench, monkeypatch, tmp_path):
    run = StubbedRun(
        bench, monkeypatch, tmp_path, reference_server_name="runserver (gunicorn is not installed)"
    )

    with pytest.raises(SystemExit, match="Unlike servers"):
        run.run(tmp_path)

    assert run.loaded == []
    assert run.stopped == ["reference server"]


def test_the_rebuild_recipes_settings_read_what_the_bench_sets_for_bakerydemo(bench, tmp_path):
    folder = tmp_path / "bakerydemo"
    fake_bakerydemo(folder)
    reference = bench.reference_site.reference_for(folder, tmp_path / "var")
    settings_file = (BENCH / "bakerydemo_rebuild" / "production.py").read_text()

    for name in ("BAKERYDEMO_DB", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        assert name in reference.env
        assert f'"{name}"' in settings_file, f"production.py does not read {name}"
    # The hosts are given ";"-separated, as the settings split them.
    assert reference.env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1;localhost"
    assert '.split(";")' in settings_file
