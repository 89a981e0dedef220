"""The scaled-out deployment, for real: production settings on PostgreSQL (DATABASE_URL) and Redis
(REDIS_URL), a recording queued on Redis and transcribed by an RQ worker process, and the
compendium searched with PostgreSQL full-text search through gunicorn.

Every step runs as its own process with oep.settings.production, as on a server; the test reads
the outcome straight from PostgreSQL and Redis. See docs/scaling-out.md.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
import rq

from tests.fixtures.audio.reference import script_text, word_error_rate

from .servers import Postgres, free_port, wait_until

pytestmark = pytest.mark.slow

BASE_DIR = Path(__file__).resolve().parents[2]
MANAGE = BASE_DIR / "manage.py"
DIALOGUE = BASE_DIR / "tests" / "fixtures" / "audio" / "dialogue_1min.ogg"
COMPENDIUM_TEXT = BASE_DIR / "compendium" / "data" / "compendium-2010.txt"
# Variables of the machine running the tests that would change what production settings build.
NOT_INHERITED = {
    "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS",
    "OEP_VAR_DIR", "RECORDINGS_ROOT", "AWS_STORAGE_BUCKET_NAME", "RECORDINGS_BUCKET_NAME",
    "SECURE_SSL_REDIRECT", "RQ_JOB_TIMEOUT", "WAGTAILSEARCH_CONFIG",
}  # fmt: skip
# tiny.en on the generated one-minute dialogue measures 8-12% (see tests/recordings).
MAX_WER = 0.2
THREE_HOURS = 3 * 60 * 60


@dataclass
class Deployment:
    env: dict
    var: Path
    postgres: Postgres
    redis_url: str

    def manage(self, *args, env=None, timeout=300):
        done = subprocess.run(
            [sys.executable, str(MANAGE), *args],
            cwd=BASE_DIR,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}"
        return done.stdout

    def start(self, name, *command, env=None):
        """A long-running process of the deployment, its output in a log file under var/."""
        log = (self.var / f"{name}.log").open("w")
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env or self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        return process

    def log(self, name):
        return (self.var / f"{name}.log").read_text(errors="replace")[-3000:]

    def recording(self, recording_id):
        return self.postgres.query(
            "SELECT status, stage, error_message, audio FROM recordings_recording WHERE id = %s",
            recording_id,
        )[0]

    def transcript(self, recording_id):
        return self.postgres.query(
            "SELECT role, text FROM recordings_transcriptsegment WHERE recording_id = %s "
            'ORDER BY "index"',
            recording_id,
        )

    def work_off(self, recording_id, name, env=None):
        """Runs an RQ worker on the recordings queue until the recording is done, then stops it
        as a supervisor would; returns the recording's status, stage and error message."""
        worker = self.start(
            name, sys.executable, str(MANAGE), "rqworker", "recordings", "--name", name, env=env
        )
        try:
            failed_jobs = rq.Queue(
                "recordings", connection=redis.Redis.from_url(self.redis_url)
            ).failed_job_registry

            def finished():
                assert worker.poll() is None, f"the RQ worker died:\n{self.log(name)}"
                assert not failed_jobs.count, f"the RQ job failed:\n{self.log(name)}"
                return self.recording(recording_id)[0] in {"ready", "failed"}

            try:
                wait_until(finished, 300, "the transcription")
            except TimeoutError as error:
                raise AssertionError(f"{error}\n{self.log(name)}") from None
        finally:
            stop(worker)
        return self.recording(recording_id)[:3]


def stop(process):
    """SIGTERM, as systemd or a supervisor would; RQ and gunicorn shut down warm on it."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def deployment(postgres_server, redis_server, tmp_path_factory):
    """A site set up as docs/scaling-out.md says: migrated, static files collected, demo users
    and the compendium loaded, all in the empty PostgreSQL database."""
    var = tmp_path_factory.mktemp("deployment")
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="oep.settings.production",
        DATABASE_URL=postgres_server.url,
        REDIS_URL=redis_server,
        SECRET_KEY="scale-out-test-" + os.urandom(24).hex(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Files on this machine: the worker runs here too (several machines need S3).
        OEP_VAR_DIR=str(var),
        PYTHONUNBUFFERED="1",
    )
    site = Deployment(env=env, var=var, postgres=postgres_server, redis_url=redis_server)
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    # The demo users only: the rest of load_demo_data (sample recording, training) is not needed.
    site.manage(
        "shell", "-c",
        "from home.management.commands.load_demo_data import Command; Command().create_users()",
    )  # fmt: skip
    site.manage("import_compendium")
    return site


def test_a_recording_queued_on_redis_is_transcribed_by_an_rq_worker_into_postgresql(deployment):
    submitted = deployment.manage(
        "process_recording", str(DIALOGUE), "--owner", "practitioner", "--client-consented"
    )
    recording_id = json.loads(submitted)["id"]

    # Nothing has run it yet: the job waits in Redis, with a timeout a 3-hour recording fits in.
    assert deployment.recording(recording_id)[0] == "queued"
    connection = redis.Redis.from_url(deployment.redis_url)
    queued = rq.Queue("recordings", connection=connection).get_jobs()
    assert [(job.func_name, job.args) for job in queued] == [
        ("recordings.tasks.process_recording", (recording_id,))
    ]
    assert queued[0].timeout >= THREE_HOURS

    outcome = deployment.work_off(recording_id, "rq-worker-1")

    assert outcome == ("ready", "done", ""), deployment.log("rq-worker-1")
    segments = deployment.transcript(recording_id)
    assert {role for role, _ in segments} == {"practitioner", "client"}
    text = " ".join(line for _, line in segments)
    assert word_error_rate(script_text(DIALOGUE), text) < MAX_WER, text
    # That RQ worker ran it, and the queue is empty again.
    assert rq.Queue("recordings", connection=connection).count == 0
    job = rq.job.Job.fetch(queued[0].id, connection=connection)
    assert (job.get_status(), job.worker_name) == ("finished", "rq-worker-1")


def test_a_worker_on_another_machine_gets_the_recording_from_s3(deployment, s3_server, tmp_path):
    # Two machines, each with its own local folder: they share only PostgreSQL, Redis and S3.
    storage = {
        "AWS_STORAGE_BUCKET_NAME": s3_server.bucket,
        "RECORDINGS_BUCKET_NAME": s3_server.recordings_bucket,
        "AWS_S3_ENDPOINT_URL": s3_server.endpoint_url,
        "AWS_ACCESS_KEY_ID": s3_server.access_key,
        "AWS_SECRET_ACCESS_KEY": s3_server.secret_key,
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    web_machine = {**deployment.env, **storage, "OEP_VAR_DIR": str(tmp_path / "web")}
    worker_machine = {**deployment.env, **storage, "OEP_VAR_DIR": str(tmp_path / "worker")}

    submitted = deployment.manage(
        "process_recording",
        str(DIALOGUE),
        "--owner",
        "practitioner2",
        "--client-consented",
        env=web_machine,
    )
    recording_id = json.loads(submitted)["id"]
    audio = deployment.recording(recording_id)[3]
    # In the recordings' own bucket; nothing in the media bucket.
    assert s3_server.keys(bucket=s3_server.recordings_bucket) == [f"recordings/{audio}"]
    assert s3_server.keys() == []
    stored = s3_server.client().get_object(
        Bucket=s3_server.recordings_bucket, Key=f"recordings/{audio}"
    )
    assert stored["Body"].read() == DIALOGUE.read_bytes()

    outcome = deployment.work_off(recording_id, "rq-worker-2", env=worker_machine)

    assert outcome == ("ready", "done", ""), deployment.log("rq-worker-2")
    assert deployment.transcript(recording_id), "transcript lines saved in PostgreSQL"
    # Neither machine kept a copy: the worker's temporary download is gone too.
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_compendium_search_runs_on_postgresql_full_text_search_through_gunicorn(deployment):
    # English stemming: "mentored" is nowhere in the compendium, yet finds the entries on
    # mentoring, as only PostgreSQL's stemmed search does (a LIKE search would find nothing).
    assert "mentored" not in COMPENDIUM_TEXT.read_text(encoding="utf-8").lower()
    [(indexed,)] = deployment.postgres.query(
        "SELECT count(*) FROM wagtailsearch_indexentry "
        "WHERE body @@ plainto_tsquery('english', 'mentored')"
    )
    assert indexed > 0

    port = free_port()
    server = deployment.start(
        "gunicorn", sys.executable, "-m", "gunicorn", "oep.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--no-control-socket",
    )  # fmt: skip

    def get(path, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
            response = connection.getresponse()
            return response.status, response.getheader("Location"), response.read().decode()
        finally:
            connection.close()

    def answers():
        assert server.poll() is None, f"gunicorn exited:\n{deployment.log('gunicorn')}"
        try:
            return get("/")
        except OSError:
            return False

    # What the reverse proxy adds after terminating TLS.
    https = {"X-Forwarded-Proto": "https"}
    try:
        wait_until(answers, 60, "gunicorn")
        # Plain http that did not come through the proxy is sent to https.
        status, location, _ = get("/compendium/search/?q=mentored")
        assert (status, location) == (301, "https://127.0.0.1/compendium/search/?q=mentored")

        status, _, html = get("/compendium/search/?q=mentored", **https)
        assert status == 200, deployment.log("gunicorn")
        titles = [
            re.sub(r"<[^>]+>|^\d+\. ", "", title)
            for title in re.findall(
                r'<h3 class="govuk-heading-m"><a href="[^"]+">(.*?)</a></h3>', html
            )
        ]
        assert {"Peer mentor scheme", "Mentoring and Offender Management"} <= set(titles)
        assert f"{len(titles)} results for “mentored”" in html

        # Static files from collectstatic's manifest, served by whitenoise under gunicorn.
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
        assert stylesheet, "the page links the hashed stylesheet"
        status, _, css = get(stylesheet.group(1), **https)
        assert status == 200 and css.strip()
    finally:
        stop(server)


def test_the_deployment_check_passes_with_postgresql_and_redis(deployment):
    out = deployment.manage("check", "--deploy", "--fail-level", "WARNING")
    assert "no issues" in out
