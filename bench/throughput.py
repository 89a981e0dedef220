"""Throughput bench: recordings an hour with 1 and 2 RQ workers on PostgreSQL and Redis.

    python bench/throughput.py [-n 4] [--workers 1 2] [--audio FILE]

Starts a throwaway PostgreSQL and Redis on loopback (Debian's postgresql and redis-server, as
tests/scaleout does), sets the site up under oep.settings.production with DATABASE_URL and
REDIS_URL, then for each worker count: queues N recordings of a short generated dialogue
(tests/fixtures/audio/dialogue_1min.ogg, espeak-ng speech) through `manage.py process_recording`,
starts that many `manage.py rqworker recordings` processes, and waits until every recording is
ready or failed. Prints recordings per hour, audio minutes per hour, queue wait (from the
workers' start to a worker taking the job: all N wait from the start, a burst), time per job and
the peak memory of a worker (the worker and its job process), and fails if any recording was
lost or failed. Everything is stopped and removed afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
import redis
import rq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from site_process import manage  # noqa: E402

sys.path.insert(0, str(ROOT))

from tests.scaleout.servers import PostgresServer, free_port, wait_until  # noqa: E402

DIALOGUE = ROOT / "tests" / "fixtures" / "audio" / "dialogue_1min.ogg"
# A whole run is bounded: a recording not done by then counts as lost.
TIMEOUT_SECONDS = 3600


class RedisServer:
    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="oep-bench-redis-"))
        self.port = free_port()
        self.process = None

    def start(self) -> str:
        executable = shutil.which("redis-server")
        if executable is None:
            raise SystemExit("redis-server is missing: apt-get install redis-server")
        self.process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(self.port), "--dir",
             str(self.folder), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{self.port}/0"
        client = redis.Redis.from_url(url)

        def answers():
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        wait_until(answers, 30, "redis-server")
        return url

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def site_env(database_url, redis_url, var: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"AWS_STORAGE_BUCKET_NAME", "CACHE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="oep.settings.production",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY="bench-" + secrets.token_hex(24),
        ALLOWED_HOSTS="127.0.0.1",
        OEP_VAR_DIR=str(var),
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    return env


def queue_recordings(env, count, audio: Path) -> list[int]:
    """N new recordings of the same audio, queued on Redis, in one process."""
    code = (
        "import io, json\n"
        "from django.core.management import call_command\n"
        "ids = []\n"
        f"for _ in range({count}):\n"
        "    out = io.StringIO()\n"
        f"    call_command('process_recording', {str(audio)!r}, owner='practitioner',\n"
        "                 allow_duplicate=True, client_consented=True, stdout=out)\n"
        "    ids.append(json.loads(out.getvalue())['id'])\n"
        "print(json.dumps(ids))\n"
    )
    ids = json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])
    if len(set(ids)) != count:
        raise SystemExit(f"Expected {count} new recordings, got {ids}.")
    return ids


def statuses(postgres, ids) -> dict[int, str]:
    rows = postgres.query(
        "SELECT id, status FROM recordings_recording WHERE id = ANY(%s)", list(ids)
    )
    return dict(rows)


def utc(moment: datetime) -> datetime:
    """RQ's timestamps, naive in UTC in some versions."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def tree_rss(process: psutil.Process) -> int:
    """The worker's memory with its job process (RQ forks one per job)."""
    try:
        procs = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def run_round(env, postgres, redis_url, workers, count, audio, var) -> dict:
    ids = queue_recordings(env, count, audio)
    connection = redis.Redis.from_url(redis_url)
    queue = rq.Queue("recordings", connection=connection)
    started = time.monotonic()
    workers_started = datetime.now(UTC)
    processes = []
    for index in range(workers):
        log = (var / f"worker-{workers}-{index}.log").open("w")
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "manage.py"),
                    "rqworker",
                    "recordings",
                    "--name",
                    f"bench-{workers}-{index}-{secrets.token_hex(3)}",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        )
        log.close()
    peaks = [0] * workers
    watched = [psutil.Process(p.pid) for p in processes]
    deadline = started + TIMEOUT_SECONDS
    try:
        while time.monotonic() < deadline:
            for index, proc in enumerate(watched):
                peaks[index] = max(peaks[index], tree_rss(proc))
            current = statuses(postgres, ids)
            if all(current.get(pk) in {"ready", "failed"} for pk in ids):
                break
            if any(p.poll() is not None for p in processes):
                raise SystemExit(f"A worker stopped; see {var}/worker-{workers}-*.log")
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
    final = statuses(postgres, ids)
    # Each recording's job, by the id its task backend gave it: when a worker started and ended
    # it. Waits count from the workers' start, since all N were queued before it (a burst).
    task_ids = [row[0] for row in postgres.query(
        "SELECT task_id FROM recordings_recording WHERE id = ANY(%s)", ids)]  # fmt: skip
    jobs = [job for job in rq.job.Job.fetch_many(task_ids, connection=connection) if job]
    waits = [(utc(job.started_at) - workers_started).total_seconds() for job in jobs]
    runs = [(utc(job.ended_at) - utc(job.started_at)).total_seconds() for job in jobs]
    durations = postgres.query(
        "SELECT COALESCE(SUM(duration), 0) FROM recordings_recording WHERE id = ANY(%s)", ids
    )[0][0]
    return {
        "workers": workers,
        "count": count,
        "ready": sum(1 for pk in ids if final.get(pk) == "ready"),
        "failed": sum(1 for pk in ids if final.get(pk) == "failed"),
        "lost": sum(1 for pk in ids if final.get(pk) not in {"ready", "failed"}),
        "failed_jobs": queue.failed_job_registry.count,
        "elapsed": elapsed,
        "per_hour": count / elapsed * 3600,
        "audio_minutes_per_hour": durations / 60 / elapsed * 3600,
        "wait_mean": statistics.mean(waits) if waits else float("nan"),
        "wait_max": max(waits) if waits else float("nan"),
        "job_mean": statistics.mean(runs) if runs else float("nan"),
        "peak_mb": max(peaks) / 2**20,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--count", type=int, default=4, help="recordings per round")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--audio", type=Path, default=DIALOGUE)
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="oep-throughput-"))
    postgres_server, redis_server = PostgresServer(), RedisServer()
    problems = None
    try:
        postgres = postgres_server.start()
        redis_url = redis_server.start()
        env = site_env(postgres.url, redis_url, var)
        print("Setting up the site on PostgreSQL and Redis...", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(
            env, "shell", "-c",
            "from home.management.commands.load_demo_data import Command; Command().create_users()",
        )  # fmt: skip
        manage(env, "load_checklist")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"{args.count} recordings of {args.audio.name} per round; {os.cpu_count()} CPUs; "
            f"load average before: {load}"
        )
        print(f"{'workers':>7} {'ready':>5} {'failed':>6} {'lost':>4} {'rec/h':>7} "
              f"{'audio min/h':>11} {'wait mean s':>11} {'wait max s':>10} {'job s':>7} "
              f"{'peak MB':>8}")  # fmt: skip
        problems = 0
        for workers in args.workers:
            row = run_round(env, postgres, redis_url, workers, args.count, args.audio, var)
            print(
                f"{row['workers']:7d} {row['ready']:5d} {row['failed']:6d} {row['lost']:4d} "
                f"{row['per_hour']:7.0f} {row['audio_minutes_per_hour']:11.0f} "
                f"{row['wait_mean']:11.1f} {row['wait_max']:10.1f} {row['job_mean']:7.1f} "
                f"{row['peak_mb']:8.0f}",
                flush=True,
            )
            problems += row["failed"] + row["lost"] + row["failed_jobs"]
        print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if problems:
            raise SystemExit(f"{problems} recordings failed or were lost; logs in {var}")
    finally:
        redis_server.stop()
        postgres_server.stop()
        # The workers' logs are kept when something went wrong.
        if problems == 0:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
