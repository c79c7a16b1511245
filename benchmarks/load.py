"""Load on the production server (`luoshi serve`: gunicorn) next to Django's runserver, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/load.py [--postgres postgres://user@127.0.0.1:5432/postgres] [--seconds 4]

Loopback only, bounded in time. For each database (a fresh SQLite file; with --postgres, a fresh
database on that server, dropped afterwards) it builds the Jinhua demo, then for each server:

- writers: 50 clients at once each submit 20 figures through the API (1,000 writes, every one to a
  target and month of its own); counts the errors and then the figures in the database: a write
  answered 201 that is not there is lost;
- readers: the dashboard, a target page and the API's target list at 1, 10 and 50 clients, each for
  --seconds; requests/s and the 50th/95th percentile of the time to answer.

Both servers get the same settings (DEBUG off) and the same database; runserver is threaded (one
process), gunicorn runs 2 processes × 4 threads. The machine is shared, so only the ratios in one run
mean much: the table prints gunicorn's figures next to runserver's. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import http.cookiejar
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PLAN = "jinhua-2024"
PASSWORD = "luoshi-demo"
PAGES = {"dashboard": f"/plans/{PLAN}/?on=2024-06-30", "target page": f"/plans/{PLAN}/targets/1.1.1/?on=2024-06-30",
         "API list": f"/api/plans/{PLAN}/targets"}
LEVELS = (1, 10, 50)
WRITERS, WRITES_EACH = 50, 20


def luoshi(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "luoshi.cli", *args], env=env, cwd=ROOT, text=True,
                          capture_output=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"luoshi {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running(env: dict[str, str], kind: str) -> Iterator[int]:
    port = free_port()
    if kind == "gunicorn":
        argv = ["serve", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"]
    else:
        argv = ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"]
    server = subprocess.Popen([sys.executable, "-m", "luoshi.cli", *argv], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"{kind} did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=60)


def session_cookie(port: int, username: str) -> str:
    """Sign in through the login form as a browser would; the session cookie."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = browser.open(f"http://127.0.0.1:{port}/login/", timeout=120).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit(f"no login form at port {port}")
    body = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)})
    browser.open(f"http://127.0.0.1:{port}/login/", body.encode(), timeout=120).read()
    session = [c.value for c in jar if c.name == "sessionid"]
    if not session:
        raise SystemExit(f"could not sign in as {username}")
    return f"sessionid={session[0]}"


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)  # what went wrong: an HTTP status or an exception
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.times.append(seconds)
            if error:
                self.errors[error] += 1


def read_load(port: int, path: str, headers: dict[str, str], clients: int, seconds: float) -> tuple[float, float,
                                                                                                       float, int]:
    """requests/s, p50 ms, p95 ms, errors for ``clients`` clients asking for ``path`` for ``seconds``."""
    tally = Tally()
    stop = time.monotonic() + seconds

    def client() -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                c.request("GET", path, headers=headers)
                r = c.getresponse()
                r.read()
                error = None if r.status == 200 else f"HTTP {r.status}"
            except (OSError, http.client.HTTPException) as e:
                error = type(e).__name__
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            tally.add(time.perf_counter() - start, error)

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - began
    times = sorted(tally.times)
    p50 = statistics.median(times) * 1000
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))] * 1000
    return len(times) / took, p50, p95, sum(tally.errors.values())


def write_load(port: int, token: str, codes: list[str], run: str) -> tuple[int, Counter[str], float]:
    """(answered 201, errors, seconds) for WRITERS clients each submitting WRITES_EACH figures at once."""
    tally = Tally()
    slots = [(code, month) for month in range(1, 13) for code in codes][:WRITERS * WRITES_EACH]
    if len(slots) < WRITERS * WRITES_EACH:
        raise SystemExit("not enough targets for a figure each")
    barrier = threading.Barrier(WRITERS)

    def writer(n: int) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        barrier.wait()
        for i in range(WRITES_EACH):
            code, month = slots[n * WRITES_EACH + i]
            body = json.dumps({"period": f"2024-{month:02d}", "value": 1 + i, "narrative": f"{run}-{n}-{i}"})
            start = time.perf_counter()
            try:
                c.request("POST", f"/api/plans/{PLAN}/targets/{code}/observations", body,
                          {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                r = c.getresponse()
                said = r.read()
                error = None if r.status == 201 else f"HTTP {r.status} {said[:80]!r}"
            except (OSError, http.client.HTTPException) as e:
                error = type(e).__name__
                c.close()
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            tally.add(time.perf_counter() - start, error)

    began = time.monotonic()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(tally.times) - sum(tally.errors.values()), tally.errors, time.monotonic() - began


def stored(database: str, run: str) -> int:
    """How many of this run's figures the database holds."""
    query = "select count(*) from progress_observation where narrative like %s"
    if database.startswith("sqlite"):
        with sqlite3.connect(database.removeprefix("sqlite:///")) as db:
            return int(db.execute(query.replace("%s", "?"), (f"{run}-%",)).fetchone()[0])
    import psycopg

    with psycopg.connect(database) as db:
        return int(db.execute(query, (f"{run}-%",)).fetchone()[0])  # type: ignore[index]


@contextlib.contextmanager
def fresh_database(kind: str, postgres: str | None, folder: Path) -> Iterator[str]:
    if kind == "SQLite":
        yield f"sqlite:///{folder}/load.sqlite3"
        return
    import psycopg

    assert postgres is not None
    name = "luoshi_load"
    with psycopg.connect(postgres, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(postgres)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(postgres, autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (a database luoshi_load is made there)")
    parser.add_argument("--seconds", type=float, default=4.0, help="how long each read measurement runs")
    options = parser.parse_args()
    if not options.postgres:
        print("PostgreSQL: skipped (no --postgres URL given)")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start (a shared machine)")
    rows: list[tuple[str, str, str, int, tuple[float, float, float, int]]] = []
    for kind in ["SQLite", "PostgreSQL"] if options.postgres else ["SQLite"]:
        with tempfile.TemporaryDirectory() as folder, fresh_database(kind, options.postgres, Path(folder)) as db:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "DJANGO_"))}
            env |= {"DATABASE_URL": db, "LUOSHI_SECRET_KEY_FILE": f"{folder}/secret.key"}
            luoshi(env, "demo", "--seed", f"{folder}/none.txt")
            luoshi(env, "collectstatic", "--noinput")  # runserver with DEBUG off needs the hashed names too
            token = luoshi(env, "users", "token", "office", "--name", "load").strip().splitlines()[-1]
            codes = json.loads(luoshi(env, "shell", "-c", "import json; from luoshi.plans.models import Target; "
                                      f"print(json.dumps(list(Target.objects.filter(plan__slug='{PLAN}')"
                                      ".values_list('code', flat=True))))").splitlines()[-1])
            for server in ("runserver", "gunicorn"):
                with running(env, server) as port:
                    run = f"load-{kind}-{server}"
                    answered, errors, took = write_load(port, token, codes, run)
                    kept = stored(db, run)
                    print(f"{kind:10} {server:9} writers: {WRITERS}×{WRITES_EACH} = {WRITERS * WRITES_EACH} writes "
                          f"in {took:.1f} s: {sum(errors.values())} errors, {answered - kept} lost ({kept} stored)"
                          + "".join(f"; {n} × {what}" for what, n in errors.most_common(3)), flush=True)
                    headers = {"Cookie": session_cookie(port, "office")}
                    for page, path in PAGES.items():
                        asked = {"Authorization": f"Bearer {token}"} if path.startswith("/api/") else headers
                        read_load(port, path, asked, 1, 0.5)  # warm: the first view works out the assessments
                        for clients in LEVELS:
                            rows.append((kind, page, server, clients,
                                         read_load(port, path, asked, clients, options.seconds)))
    print()
    print(f"{'database':10} {'page':12} {'clients':>7} | {'runserver rps':>13} {'p50':>7} {'p95':>7} {'err':>4} | "
          f"{'gunicorn rps':>12} {'p50':>7} {'p95':>7} {'err':>4} | {'rps ×':>5} {'p95 ×':>5}")
    table = {(k, p, s, c): r for k, p, s, c, r in rows}
    for kind, page, server, clients, _ in rows:
        if server != "runserver":
            continue
        a, b = table[(kind, page, "runserver", clients)], table[(kind, page, "gunicorn", clients)]
        print(f"{kind:10} {page:12} {clients:>7} | {a[0]:>13.1f} {a[1]:>6.0f}ms {a[2]:>5.0f}ms {a[3]:>4} | "
              f"{b[0]:>12.1f} {b[1]:>6.0f}ms {b[2]:>5.0f}ms {b[3]:>4} | {b[0] / a[0]:>5.2f} {a[2] / b[2]:>5.2f}")
    print("rps × = gunicorn's requests/s ÷ runserver's; p95 × = runserver's p95 ÷ gunicorn's "
          "(above 1: gunicorn better)")


if __name__ == "__main__":
    main()
