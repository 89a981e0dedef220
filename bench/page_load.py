"""Page-load bench: the site under production-like settings on 127.0.0.1, loaded page by page.

    python bench/page_load.py [--clients 20] [--seconds 20] [--workers 2] [--var DIR]
                              [--reference [--reference-dir BAKERYDEMO] [--rounds 3]]

Sets up a throwaway site (migrate, collectstatic, demo data; or reuses --var), starts it with
gunicorn (sync workers; runserver if gunicorn is missing) under oep.settings.production, then
for each page drives --clients concurrent clients (threads with keep-alive http.client
connections) for --seconds, after one warming request. Anonymous pages are fetched without
cookies; signed-in pages as the demo practitioner and manager. Prints per page: requests per
second, p50 and p95 latency, the server's CPU time per request, the page's size and the errors.
Only 127.0.0.1 is ever contacted, and every run is bounded in time.

With --reference it also starts a reference Wagtail site (bench/reference_site.py) on the same
gunicorn settings and loads the anonymous pages of both sites in alternating rounds, then prints
each of our pages' median p95 against the reference's pooled p95 (the 95th percentile of every
reference response in every round), with requests per second and server CPU per request. The
reference is wagtail/bakerydemo when --reference-dir names a folder holding a rebuilt copy with
its own virtualenv (implies --reference; its python and gunicorn serve it), else Wagtail's
project template (`wagtail start`), which needs nothing outside this repository.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import reference_site  # noqa: E402
from site_process import manage  # noqa: E402

DEMO_PASSWORD = "bench-" + secrets.token_urlsafe(12)

ANONYMOUS_PAGES = [
    ("home", "/"),
    ("compendium index", "/compendium/"),
    ("evidence page", "/compendium/{evidence}/"),
    ("theme", "/compendium/themes/{theme}/"),
    ("compendium search", "/compendium/search/?q=motivation"),
    ("bulletins", "/bulletins/"),
    ("bulletin", "/bulletins/{bulletin}/"),
    ("training index", "/training/"),
]
SIGNED_IN_PAGES = [
    ("practitioner", "training index (signed in)", "/training/"),
    ("practitioner", "my learning", "/training/my-learning/"),
    ("practitioner", "module", "/training/{module}/"),
    ("practitioner", "lesson", "/training/{module}/{lesson}/"),
    ("manager", "team page", "/reviews/team/"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(var: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL", "AWS_STORAGE_BUCKET_NAME"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="oep.settings.production",
        SECRET_KEY="bench-" + secrets.token_hex(24),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS proxy in front, so no redirect to https.
        SECURE_SSL_REDIRECT="false",
        OEP_VAR_DIR=str(var),
        DEMO_PASSWORD=DEMO_PASSWORD,
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env, fresh: bool):
    if fresh:
        print("Setting up a throwaway site (migrate, demo data)...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    if fresh:
        manage(env, "load_demo_data")
    # Demo passwords are set only for new users: the bench sets its own.
    manage(
        env,
        "shell",
        "-c",
        "from accounts.models import User\n"
        "for user in User.objects.filter(username__in=['practitioner', 'manager']):\n"
        f"    user.set_password({DEMO_PASSWORD!r}); user.save()\n",
    )


def slugs(env) -> dict:
    code = (
        "from compendium.models import EvidencePage, BulletinPage, Theme\n"
        "from training.models import LessonPage\n"
        "e = EvidencePage.objects.live().order_by('number').first()\n"
        "b = BulletinPage.objects.live().first()\n"
        "lesson = LessonPage.objects.live().order_by('path').first()\n"
        "theme = Theme.objects.filter(evidence_items__isnull=False).first()\n"
        "print(e.slug, b.slug, lesson.get_parent().slug, lesson.slug, theme.slug)\n"
    )
    evidence, bulletin, module, lesson, theme = manage(env, "shell", "-c", code).split()[-5:]
    return {
        "evidence": evidence,
        "bulletin": bulletin,
        "module": module,
        "lesson": lesson,
        "theme": theme,
    }


def server_command(
    port: int, workers: int, wsgi="oep.wsgi", gunicorn=None, python=None
) -> tuple[list[str], str]:
    """The command that serves a site, and its server's name for the report: gunicorn (`gunicorn`
    if given: another site's virtualenv), else runserver with `python` (the site's own
    interpreter; this one if none is given)."""
    gunicorn = gunicorn or shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
    if Path(gunicorn).exists():
        # No access log: writing it would be part of what is measured.
        command = [
            gunicorn, wsgi, "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
            "--log-level", "warning",
        ]  # fmt: skip
        return command, f"gunicorn, {workers} sync workers"
    command = [
        python or sys.executable,
        "manage.py",
        "runserver",
        f"127.0.0.1:{port}",
        "--noreload",
    ]
    return command, "runserver (gunicorn is not installed)"


def start_server(
    env, port: int, workers: int, var: Path, root=ROOT, wsgi="oep.wsgi", gunicorn=None, python=None
):
    """Starts the site (see server_command) and waits for "/"."""
    log = (var / f"server-{port}.log").open("w")
    command, server_name = server_command(port, workers, wsgi, gunicorn, python)
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server stopped:\n{Path(log.name).read_text()[-3000:]}")
        try:
            status, _body, _headers = get(port, "/")
            if status == 200:
                return process, server_name
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("The server did not answer within 60 s.")


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def get(port, path, cookie="", connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, response.getheaders()
    finally:
        if own:
            connection.close()


def sign_in(port, username) -> str:
    """The session cookie of `username`, signed in through the sign-in form."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/accounts/login/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    page = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = f"username={username}&password={DEMO_PASSWORD}&csrfmiddlewaretoken={token}"
    connection.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Host": "127.0.0.1",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": "http://127.0.0.1/accounts/login/",
        },
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    match = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie", "") or "")
    if response.status != 302 or not match:
        raise SystemExit(f"Could not sign in as {username} (HTTP {response.status}).")
    return f"sessionid={match.group(1)}"


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def client_loop(port, path, cookie, until, result: Result):
    connection = None
    latencies, errors = [], 0
    while time.monotonic() < until:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.perf_counter()
        try:
            status, _body, headers = get(port, path, cookie, connection)
            if status != 200:
                errors += 1
            # gunicorn's sync workers close the connection after each response.
            if any(k.lower() == "connection" and v.lower() == "close" for k, v in headers):
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = None
            continue
        latencies.append(time.perf_counter() - started)
    if connection is not None:
        connection.close()
    with result.lock:
        result.latencies += latencies
        result.errors += errors


def server_cpu_seconds(process) -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    try:
        parent = psutil.Process(process.pid)
        total = 0.0
        for proc in [parent, *parent.children(recursive=True)]:
            times = proc.cpu_times()
            total += times.user + times.system
        return total
    except psutil.Error:
        return None


def load_page(port, path, cookie, clients, seconds, server):
    status, body, _headers = get(port, path, cookie)  # warms caches; checks the page works
    if status != 200:
        return {"error": f"HTTP {status}"}
    result = Result()
    cpu_before = server_cpu_seconds(server)
    until = time.monotonic() + seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=client_loop, args=(port, path, cookie, until, result))
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    cpu_after = server_cpu_seconds(server)
    latencies = sorted(result.latencies)
    if not latencies:
        return {"error": "no response"}
    count = len(latencies)
    cpu = (cpu_after - cpu_before) / count if None not in (cpu_before, cpu_after) else None
    return {
        "latencies": latencies,
        "rps": count / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[min(count - 1, int(0.95 * count))],
        "cpu": cpu,
        "kb": len(body) / 1024,
        "errors": result.errors,
        "count": count,
    }


def print_row(name, row):
    if "error" in row:
        print(f"{name:40} {row['error']}")
        return
    cpu = f"{row['cpu'] * 1000:7.1f}" if row["cpu"] is not None else "      -"
    print(
        f"{name:40} {row['rps']:7.1f} {row['p50'] * 1000:8.0f} {row['p95'] * 1000:8.0f} "
        f"{cpu} {row['kb']:7.1f} {row['errors']:6d}",
        flush=True,
    )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0, help="per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--var", type=Path, help="reuse (or make) the site's data folder here")
    parser.add_argument("--anonymous-only", action="store_true")
    parser.add_argument(
        "--reference", action="store_true", help="side by side with a reference Wagtail site"
    )
    parser.add_argument(
        "--reference-dir",
        type=Path,
        help="a rebuilt wagtail/bakerydemo with its own .venv: the reference (implies --reference)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="with --reference")
    args = parser.parse_args(argv)
    if args.reference_dir is not None:
        args.reference = True
    return args


def main():
    args = parse_args()

    var = args.var or Path(tempfile.mkdtemp(prefix="oep-page-load-"))
    fresh = not (var / "db.sqlite3").exists()
    var.mkdir(parents=True, exist_ok=True)
    env = site_env(var)
    prepare(env, fresh)
    names = slugs(env)
    port = free_port()
    server, server_name = start_server(env, port, args.workers, var)
    if args.reference:
        try:
            side_by_side(args, port, names, server, server_name, var)
        finally:
            stop_server(server)
            if args.var is None:
                shutil.rmtree(var, ignore_errors=True)
        return
    try:
        print(
            f"{server_name}; oep.settings.production on SQLite; {args.clients} clients for "
            f"{args.seconds:g} s per page; load average before: "
            f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs"
        )
        print(f"{'page':40} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>7} "
              f"{'KB':>7} {'errors':>6}")  # fmt: skip
        for name, path in ANONYMOUS_PAGES:
            row = load_page(port, path.format(**names), "", args.clients, args.seconds, server)
            print_row(name, row)
        if not args.anonymous_only:
            cookies = {}
            for username, name, path in SIGNED_IN_PAGES:
                if username not in cookies:
                    cookies[username] = sign_in(port, username)
                row = load_page(
                    port, path.format(**names), cookies[username], args.clients, args.seconds,
                    server,
                )  # fmt: skip
                print_row(f"{name} ({username})", row)
        print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        stop_server(server)
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)


def pooled_p95(rows) -> float:
    """The 95th percentile of every response in `rows` (pages and rounds together)."""
    latencies = sorted(x for row in rows for x in row["latencies"])
    return latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]


def page_line(name: str, rows, reference_p95: float) -> str:
    """One page's line of the side-by-side table: median p95, its ratio to the reference's
    pooled p95, median requests per second and CPU per request over the rounds."""
    p95 = statistics.median(row["p95"] for row in rows)
    rps = statistics.median(row["rps"] for row in rows)
    return (
        f"{name:40} {p95 * 1000:14.0f} {p95 / reference_p95:12.2f} {rps:7.1f} {cpu_text(rows):>7}"
    )


def cpu_text(rows) -> str:
    cpus = [row["cpu"] for row in rows if row.get("cpu") is not None]
    return f"{statistics.median(cpus) * 1000:.1f}" if cpus else "-"


def side_by_side(args, port, names, server, server_name, var):
    """Our anonymous pages and the reference site's, loaded in alternating rounds."""
    reference = reference_site.reference_for(args.reference_dir, var)
    reference_port = free_port()
    reference_server, reference_server_name = start_server(
        reference.env, reference_port, args.workers, var, reference.root, reference.wsgi,
        gunicorn=reference.gunicorn, python=reference.python,
    )  # fmt: skip
    if reference_server_name != server_name:
        stop_server(reference_server)
        # A ratio between two different servers would measure the servers, not the sites.
        raise SystemExit(
            f"Unlike servers: ours on {server_name}, {reference.name} on {reference_server_name}."
        )
    ours = {name: [] for name, _path in ANONYMOUS_PAGES}
    theirs = {name: [] for name, _path in reference.pages}
    try:
        print(
            f"{server_name} for both sites (checked); reference: {reference.name}; "
            f"{args.clients} clients for {args.seconds:g} s per page; {args.rounds} rounds; "
            "load average before: "
            f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs"
        )
        print(f"{'page':40} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms':>7} "
              f"{'KB':>7} {'errors':>6}")  # fmt: skip
        for round_number in range(1, args.rounds + 1):
            print(f"round {round_number}; load average {os.getloadavg()[0]:.1f}", flush=True)
            for name, path in ANONYMOUS_PAGES:
                row = load_page(port, path.format(**names), "", args.clients, args.seconds, server)
                print_row(name, row)
                ours[name].append(row)
            for name, path in reference.pages:
                row = load_page(
                    reference_port, path, "", args.clients, args.seconds, reference_server
                )
                print_row(name, row)
                theirs[name].append(row)
    finally:
        stop_server(reference_server)
    reference_rows = [row for rows in theirs.values() for row in rows]
    if any("error" in row for row in reference_rows):
        raise SystemExit("The reference site did not serve every page.")
    reference_p95 = pooled_p95(reference_rows)
    reference_rps = statistics.median(row["rps"] for row in reference_rows)
    print(
        f"{reference.name}: pooled p95 {reference_p95 * 1000:.0f} ms over its pages and rounds; "
        f"median {reference_rps:.1f} req/s; median CPU {cpu_text(reference_rows)} ms per request"
    )
    header = f"{'page':40} {'median p95 ms':>14} {'x reference':>12} {'req/s':>7} {'CPU ms':>7}"
    print(header)
    for name, rows in theirs.items():
        print(page_line(name, rows, reference_p95))
    for name, rows in ours.items():
        good = [row for row in rows if "error" not in row]
        if not good:
            print(f"{name:40} failed")
            continue
        print(page_line(name, good, reference_p95))
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
