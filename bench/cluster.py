#!/usr/bin/env python3
"""Checks for bench/cluster.sh: two app instances, nginx, a primary and a streaming replica, all on 127.0.0.1.
Standard library only; reuses the keep-alive client of bench/resilience.py. Each check prints one JSON line.

  cluster.py session     --app1 URL --app2 URL --user U --password P
  cluster.py propagation --app1 URL --app2 URL --user U --password P --article SLUG
  cluster.py live        --app1 URL --app2 URL --lb URL --user U --password P --article SLUG
  cluster.py ratelimit   --app1 URL --app2 URL --user U
  cluster.py killload    --lb URL --users U1,U2 --password P --articles A,B --seconds N --kill-after S --kill CMD --out DIR
  cluster.py ownwrites   --app1 URL --app2 URL --user U --password P --article SLUG --pause CMD --resume CMD
  cluster.py pages       --urls URL1,URL2 --rounds N
"""
import argparse
import json
import subprocess
import sys
import threading
import time
import os

sys.path.insert(0, os.path.dirname(__file__))
from resilience import Client, now  # noqa: E402

READER_PAGES = ["/", "/sections/software", "/articles/year-2038-problem-embedded-systems", "/search?q=cloud",
                "/feeds/articles.atom", "/sitemap.xml", "/authors/grace-hopper", "/api/articles",
                "/api/articles/year-2038-problem-embedded-systems/comments"]


def out(**row):
    print(json.dumps(row), flush=True)


def post_comment(client, slug, body):
    status, _, data, _, _ = client.api("POST", f"/api/articles/{slug}/comments", {"body": body})
    return status, data


def session(a):
    c = Client(a.app1)
    c.login(a.user, a.password)
    other = Client(a.app2)
    other.cookies = dict(c.cookies)
    status, _, page, _, _ = other.request("GET", "/settings")
    out(check="session", status=status, logged_in=status == 200 and a.user.encode() in page)


def propagation(a):
    writer = Client(a.app1)
    writer.login(a.user, a.password)
    reader = Client(a.app2)
    reader.request("GET", f"/articles/{a.article}")  # the other instance has the page cached already
    text = f"Written through one, read through the other {time.time_ns()}"
    status, data = post_comment(writer, a.article, text)
    acked = now()
    seen = None
    while now() - acked < 10:
        s, _, page, _, _ = reader.request("GET", f"/articles/{a.article}")
        if s == 200 and text.encode() in page:
            seen = now()
            break
        time.sleep(0.02)
    out(check="propagation", post_status=status, seen_ms=None if seen is None else round((seen - acked) * 1000))


class Stream(threading.Thread):
    """An SSE client on the standard library: reads /articles/SLUG/live line by line and notes when a text arrives."""

    def __init__(self, base, slug, text):
        super().__init__(daemon=True)
        import http.client
        import urllib.parse
        u = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        self.conn.request("GET", f"/articles/{slug}/live", headers={"Accept": "text/event-stream"})
        self.response = self.conn.getresponse()
        self.text = text.encode()
        self.started = threading.Event()
        self.seen = None

    def run(self):
        try:
            for line in self.response:
                if line.startswith(b"retry:"):
                    self.started.set()
                elif line.startswith(b"data:") and self.text in line:
                    self.seen = now()
                    return
        except OSError:
            pass


def live(a):
    """A comment written through app 1 arrives on SSE streams opened on app 2 and through nginx."""
    text = f"Live from one instance to the other {time.time_ns()}"
    streams = {"app2": Stream(a.app2, a.article, text), "lb": Stream(a.lb, a.article, text)}
    for s in streams.values():
        s.start()
    ready = all(s.response.status == 200 and s.started.wait(5) for s in streams.values())
    writer = Client(a.app1)
    writer.login(a.user, a.password)
    status, _ = post_comment(writer, a.article, text)
    acked = now()
    for s in streams.values():
        s.join(max(0.1, 10 - (now() - acked)))
    ms = {k: None if s.seen is None else round((s.seen - acked) * 1000) for k, s in streams.items()}
    out(check="live", ready=ready, post_status=status, seen_ms_app2=ms["app2"], seen_ms_lb=ms["lb"],
        headers={k: dict(s.response.getheaders()).get("X-Accel-Buffering") for k, s in streams.items()})


def ratelimit(a):
    """5 failed log-ins for one account, alternating instances; the 6th, on either, must wait (429)."""
    statuses = []
    for i in range(7):
        c = Client(a.app1 if i % 2 == 0 else a.app2)
        st, _, page, _, _ = c.request("GET", "/login")
        import re
        token = re.search(rb'name="csrf-token" value="([^"]+)"', page).group(1).decode()
        from urllib.parse import urlencode
        form = urlencode({"login": a.user, "password": "wrong password " + str(i), "csrf-token": token}).encode()
        st, _, _, _, _ = c.request("POST", "/login", body=form,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses.append(st)
    out(check="ratelimit", statuses=statuses)


def killload(a):
    users = a.users.split(",")
    articles = a.articles.split(",")
    writers = []
    for name in users:
        c = Client(a.lb)
        c.login(name, a.password)
        writers.append(c)
    stop = threading.Event()
    lock = threading.Lock()
    acked, write_fail, reads = [], [], []

    def write(i, c):
        n = 0
        while not stop.is_set():
            n += 1
            body = f"kill test {i}-{n}-{time.time_ns()}"
            st, data = post_comment(c, articles[n % len(articles)], body)
            with lock:
                if 200 <= st < 300:
                    acked.append((json.loads(data)["id"], body))
                else:
                    write_fail.append(st)

    def read():
        c = Client(a.lb)
        n = 0
        while not stop.is_set():
            n += 1
            st, _, _, t0, t1 = c.request("GET", READER_PAGES[n % len(READER_PAGES)])
            with lock:
                reads.append((st, t0))

    threads = [threading.Thread(target=write, args=(i, c)) for i, c in enumerate(writers)]
    threads += [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(a.kill_after)
    killed = now()
    subprocess.run(a.kill, shell=True, check=True)
    time.sleep(max(0.0, a.seconds - a.kill_after))
    stop.set()
    for t in threads:
        t.join()
    with open(os.path.join(a.out, "acked.tsv"), "w") as f:
        for cid, body in acked:
            f.write(f"{cid}\t{body}\n")
    bad_reads = [s for s, _ in reads if s != 200]
    out(check="killload", acknowledged=len(acked), write_failures=write_fail, reads=len(reads),
        reads_after_kill=sum(1 for _, t in reads if t > killed), bad_reads=bad_reads)


def ownwrites(a):
    writer = Client(a.app1)
    writer.login(a.user, a.password)
    reader = Client(a.app2)
    subprocess.run(a.pause, shell=True, check=True)
    try:
        text = f"Mine, while the replica is paused {time.time_ns()}"
        status, _ = post_comment(writer, a.article, text)
        st, _, page, _, _ = writer.request("GET", f"/articles/{a.article}")
        writer_sees = st == 200 and text.encode() in page
        time.sleep(0.5)
        st, _, page, _, _ = reader.request("GET", f"/articles/{a.article}")
        reader_sees_while_paused = st == 200 and text.encode() in page
    finally:
        subprocess.run(a.resume, shell=True, check=True)
    deadline = now() + 10
    reader_after = False
    while now() < deadline and not reader_after:
        st, _, page, _, _ = reader.request("GET", f"/articles/{a.article}")
        reader_after = st == 200 and text.encode() in page
        time.sleep(0.05)
    out(check="ownwrites", post_status=status, wrote_cookie="tribune-wrote" in writer.cookies,
        writer_sees_at_once=writer_sees, reader_sees_while_paused=reader_sees_while_paused,
        reader_sees_after_resume=reader_after)


def pages(a):
    statuses = {}
    for base in a.urls.split(","):
        c = Client(base)
        for _ in range(a.rounds):
            for p in READER_PAGES:
                st, _, _, _, _ = c.request("GET", p)
                statuses.setdefault(str(st), []).append(base + p)
    out(check="pages", statuses={k: len(v) for k, v in statuses.items()},
        not_ok=sorted(set(u for k, v in statuses.items() if k != "200" for u in v)))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    for name in ("session", "propagation", "ratelimit", "ownwrites", "live"):
        s = sub.add_parser(name)
        s.add_argument("--app1", required=True)
        s.add_argument("--app2", required=True)
        s.add_argument("--user", required=True)
        if name != "ratelimit":
            s.add_argument("--password", required=True)
        if name in ("propagation", "ownwrites", "live"):
            s.add_argument("--article", required=True)
        if name == "live":
            s.add_argument("--lb", required=True)
        if name == "ownwrites":
            s.add_argument("--pause", required=True)
            s.add_argument("--resume", required=True)
    k = sub.add_parser("killload")
    for arg in ("--lb", "--users", "--password", "--articles", "--kill", "--out"):
        k.add_argument(arg, required=True)
    k.add_argument("--seconds", type=float, default=10)
    k.add_argument("--kill-after", type=float, default=4)
    g = sub.add_parser("pages")
    g.add_argument("--urls", required=True)
    g.add_argument("--rounds", type=int, default=2)
    a = p.parse_args()
    globals()[a.mode](a)


if __name__ == "__main__":
    main()
