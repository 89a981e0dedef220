"""Throwaway PostgreSQL, Redis and S3 servers for the scale-out tests, on free loopback ports.

PostgreSQL and Redis run from Debian's packages (postgresql, redis-server), S3 from moto's
server (a dev dependency), each with its data in a temporary folder; each is started once per
test module and always stopped and removed afterwards. As root, PostgreSQL runs as the
`postgres` system user (it refuses to run as root).
"""

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
import psycopg
import pytest
import redis
import requests

INSTALL_HINT = (
    "install them with: apt-get install postgresql redis-server (make test does, as root)"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if not found:
        pytest.fail(f"PostgreSQL's {name} is missing: {INSTALL_HINT}", pytrace=False)
    return found[0]


def wait_until(ready, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.1)
    raise TimeoutError(f"gave up waiting for {what} after {timeout}s")


@dataclass
class Postgres:
    url: str
    dsn: str

    def query(self, sql, *params):
        with psycopg.connect(self.dsn) as connection:
            return connection.execute(sql, params).fetchall()


class PostgresServer:
    """initdb + pg_ctl on a private data folder; a password-protected `seeds` database."""

    def __init__(self):
        self.as_root = os.geteuid() == 0
        # As root, in /tmp: the postgres user must reach the folder, and TMPDIR may not let it.
        self.folder = Path(
            tempfile.mkdtemp(prefix="oep-postgres-", dir="/tmp" if self.as_root else None)
        )
        self.data = self.folder / "data"
        self.port = free_port()
        self.password = secrets.token_urlsafe(16)

    def run(self, *command):
        if self.as_root:
            command = ("runuser", "-u", "postgres", "--", *command)
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (
            f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}\nServer log:\n{self.log()}"
        )

    def start(self):
        initdb, pg_ctl = postgres_bin("initdb"), postgres_bin("pg_ctl")
        if self.as_root:
            try:
                shutil.chown(self.folder, "postgres")
            except LookupError:
                pytest.fail(f"There is no postgres system user: {INSTALL_HINT}", pytrace=False)
        password_file = self.folder / "password"
        password_file.write_text(self.password)
        if self.as_root:
            shutil.chown(password_file, "postgres")
        self.run(
            initdb, "-D", str(self.data), "-U", "postgres", "--auth=scram-sha-256",
            f"--pwfile={password_file}", "--no-locale", "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        # Throwaway data: durability off for speed; TCP on loopback only, the socket in our folder.
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(pg_ctl, "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options,
                 "-w", "-t", "60", "start")  # fmt: skip
        admin = f"host=127.0.0.1 port={self.port} user=postgres password={self.password}"
        with psycopg.connect(f"{admin} dbname=postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE seeds")
        return Postgres(
            url=f"postgres://postgres:{self.password}@127.0.0.1:{self.port}/seeds",
            dsn=f"{admin} dbname=seeds",
        )

    def log(self):
        log = self.folder / "log"
        return log.read_text(errors="replace")[-3000:] if log.exists() else ""

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self.run(postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres_server():
    """A running PostgreSQL with an empty `seeds` database."""
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def redis_server():
    """A running redis-server without persistence; yields its redis:// URL."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.fail(f"redis-server is missing: {INSTALL_HINT}", pytrace=False)
    folder = Path(tempfile.mkdtemp(prefix="oep-redis-"))
    port = free_port()
    process = subprocess.Popen(
        [executable, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
         "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)

        def answers():
            if process.poll() is not None:
                raise AssertionError(f"redis-server exited with code {process.returncode}")
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        wait_until(answers, 30, "redis-server")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class S3:
    endpoint_url: str
    bucket: str
    recordings_bucket: str
    access_key: str = "scale-out-test"
    secret_key: str = "scale-out-test-secret"

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
        )

    def keys(self, prefix="", bucket=None):
        listing = self.client().list_objects_v2(Bucket=bucket or self.bucket, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]


@pytest.fixture(scope="module")
def s3_server():
    """An S3-compatible server (moto) holding two empty buckets: media, and private recordings."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    s3 = S3(
        endpoint_url=f"http://127.0.0.1:{port}",
        bucket="seeds-test",
        recordings_bucket="seeds-test-recordings",
    )
    try:

        def answers():
            if process.poll() is not None:
                raise AssertionError(f"moto's S3 server exited with code {process.returncode}")
            try:
                return requests.get(s3.endpoint_url, timeout=2).ok
            except requests.ConnectionError:
                return False

        wait_until(answers, 60, "moto's S3 server")
        s3.client().create_bucket(Bucket=s3.bucket)
        s3.client().create_bucket(Bucket=s3.recordings_bucket)
        yield s3
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
