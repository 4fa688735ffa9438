#!/usr/bin/env python3
"""Load client for the resilience scripts (bench/outage.sh, bench/crash.sh). Standard library only.

Logged-in users post comments through the JSON API (session cookie + X-CSRF-TOKEN header) and vote; readers load
pages. Every request is recorded (start, end, status) so the scripts can tell what was acknowledged and how fast the
site answered. Only talks to the --base URL (127.0.0.1); every loop is bounded in time.

  resilience.py outage --base URL --users res1,res2 --password P --article SLUG --stop CMD --start CMD --out DIR
  resilience.py burst  --base URL --users res1,res2 --password P --articles A,B --seconds N --out DIR
"""
import argparse
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode, urlparse

CSRF_FIELD = re.compile(r'name="csrf-token" value="([^"]+)"')
TIMEOUT = 10.0  # a request still unanswered after this counts as hanging


def now():
    return time.monotonic()


class Client:
    """One keep-alive connection (reopened after errors) and the cookies of one visitor."""

    def __init__(self, base):
        url = urlparse(base)
        self.host, self.port = url.hostname, url.port or 80
        self.conn = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, json_body=None):
        """Returns (status, headers, body, started, ended); status 0 means no HTTP answer (connection error)."""
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = now()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self.conn.request(method, path, body=body, headers=headers)
            resp = self.conn.getresponse()
            data = resp.read()
            for cookie in resp.headers.get_all("Set-Cookie") or []:
                name, _, rest = cookie.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in cookie or value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
            if resp.getheader("Connection", "").lower() == "close":
                self.close()
            return resp.status, resp.headers, data, started, now()
        except (OSError, http.client.HTTPException) as e:
            self.close()
            return 0, {}, str(e).encode(), started, now()

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def login(self, username, password):
        status, _, page, _, _ = self.request("GET", "/login")
        match = CSRF_FIELD.search(page.decode("utf-8", "replace"))
        if status != 200 or not match:
            raise SystemExit(f"GET /login answered {status}")
        form = urlencode({"login": username, "password": password, "csrf-token": match.group(1)}).encode()
        status, _, _, _, _ = self.request("POST", "/login", body=form,
                                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        if status != 303 or "tribune-session" not in self.cookies:
            raise SystemExit(f"log-in of {username} answered {status}")

    def api(self, method, path, payload=None):
        return self.request(method, path, json_body=payload,
                            headers={"X-CSRF-TOKEN": self.cookies.get("csrf-token", ""), "Accept": "application/json"})


class Log:
    """Thread-safe list of request records."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []

    def add(self, **row):
        with self.lock:
            self.rows.append(row)

    def snapshot(self):
        with self.lock:
            return list(self.rows)


def logged_in(base, users, password):
    clients = []
    for name in users:
        c = Client(base)
        c.login(name, password)
        clients.append((name, c))
    return clients


def gone(status, misses):
    """Counts requests without an HTTP answer in a row; after three the app is gone (killed) and the loop ends."""
    misses[0] = misses[0] + 1 if status == 0 else 0
    if misses[0]:
        time.sleep(0.05)
    return misses[0] >= 3


def writer(name, client, slug, run, stop, log, parents=None, reply_share=0.0):
    seq = 0
    misses = [0]
    while not stop.is_set():
        seq += 1
        body = f"{run} {name} #{seq}: resilience check comment"
        payload = {"body": body}
        if parents and random.random() < reply_share:
            with parents["lock"]:
                ids = parents["ids"].setdefault(slug, [])
                if ids:
                    payload["parentId"] = random.choice(ids[-100:])
        status, headers, data, t0, t1 = client.api("POST", f"/api/articles/{slug}/comments", payload)
        cid = None
        if 200 <= status < 300:
            cid = json.loads(data).get("id")
            if parents is not None:
                with parents["lock"]:
                    parents["ids"].setdefault(slug, []).append(cid)
                    parents["authors"][cid] = name
        log.add(kind="comment", user=name, body=body, id=cid, parent=payload.get("parentId"), status=status,
                t0=t0, t1=t1, retry_after=headers.get("Retry-After") if status else None,
                friendly=friendly(status, headers, data))
        if gone(status, misses):
            return


def friendly(status, headers, data):
    """A 503 in the site's own words: the HTML page ("Back soon") or the JSON {status, message}."""
    if status != 503:
        return None
    text = data.decode("utf-8", "replace")
    if "json" in (headers.get("Content-Type") or ""):
        try:
            return json.loads(text).get("status") == 503 and bool(json.loads(text).get("message"))
        except ValueError:
            return False
    return "Back soon" in text and "<html" in text


def reader(client, paths, stop, log):
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        status, headers, data, t0, t1 = client.request("GET", path)
        log.add(kind="page", path=path, status=status, t0=t0, t1=t1,
                retry_after=headers.get("Retry-After") if status else None, friendly=friendly(status, headers, data))
        time.sleep(0.02)


def health(base, stop, log, every=0.1):
    client = Client(base)
    while not stop.is_set():
        status, _, data, t0, t1 = client.request("GET", "/q/health/ready")
        state = None
        try:
            state = json.loads(data).get("status")
        except ValueError:
            pass
        log.add(kind="health", status=status, state=state, t0=t0, t1=t1)
        time.sleep(every)


def start_threads(targets):
    threads = [threading.Thread(target=t, args=a, daemon=True) for t, a in targets]
    for t in threads:
        t.start()
    return threads


def outage(args):
    users = args.users.split(",")
    clients = logged_in(args.base, users, args.password)
    run = f"outage-{int(time.time())}"
    stop, log = threading.Event(), Log()
    targets = [(writer, (n, c, args.article, run, stop, log)) for n, c in clients]
    targets += [(reader, (Client(args.base), ["/", f"/articles/{args.article}", "/api/articles"], stop, log))
                for _ in range(args.readers)]
    targets.append((health, (args.base, stop, log)))
    threads = start_threads(targets)
    time.sleep(args.warm)

    t_stop = now()
    subprocess.run(args.stop, shell=True, check=True)
    t_down = now()
    time.sleep(args.down)
    t_start = now()
    subprocess.run(args.start, shell=True, check=True)
    t_up = now()
    time.sleep(args.after)
    stop.set()
    for t in threads:
        t.join(TIMEOUT + 1)
    rows = log.snapshot()

    def ms(x):
        return round(x * 1000)

    requests = [r for r in rows if r["kind"] in ("comment", "page")]
    # the outage as the site sees it: requests started after the database was gone and before it was started again
    during = [r for r in requests if t_down <= r["t0"] and r["t1"] < t_start]
    ok_before = [r for r in requests if r["t1"] < t_stop and 200 <= r["status"] < 300]
    bad_during = [r for r in during if r["status"] != 503 or not r["friendly"] or not r["retry_after"]]
    first_503 = min((r["t1"] for r in requests if r["status"] == 503 and r["t1"] >= t_stop), default=None)
    slowest_during = max((r["t1"] - r["t0"] for r in during), default=0.0)
    in_flight = [r for r in requests if r["t0"] < t_down and r["t1"] >= t_stop]
    slowest_in_flight = max((r["t1"] - r["t0"] for r in in_flight), default=0.0)
    health_rows = [r for r in rows if r["kind"] == "health"]
    first_down = min((r["t1"] for r in health_rows if r["t0"] >= t_stop and r["state"] == "DOWN"), default=None)
    health_up_during = [r for r in health_rows if t_down + 1.5 <= r["t0"] and r["t1"] < t_start and r["state"] != "DOWN"]
    first_page_ok = min((r["t1"] for r in requests if r["kind"] == "page" and r["t0"] >= t_up and r["status"] == 200),
                        default=None)
    first_comment_ok = min((r["t1"] for r in requests if r["kind"] == "comment" and r["t0"] >= t_up
                            and r["status"] == 201), default=None)
    health_up = min((r["t1"] for r in health_rows if r["t0"] >= t_up and r["state"] == "UP"), default=None)
    recovered = max(first_page_ok or float("inf"), first_comment_ok or float("inf"))
    failed_after = [r for r in requests if r["t0"] >= recovered + 0.5 and not 200 <= r["status"] < 300]
    hanging = [r for r in requests if r["t1"] - r["t0"] >= TIMEOUT - 0.5]
    comments = [r for r in rows if r["kind"] == "comment"]
    acked = [r for r in comments if 200 <= r["status"] < 300]

    with open(f"{args.out}/acked.txt", "w") as f:
        f.writelines(r["body"] + "\n" for r in acked)
    with open(f"{args.out}/unacked.txt", "w") as f:
        f.writelines(r["body"] + "\n" for r in comments if not 200 <= r["status"] < 300)
    summary = {
        "writers": len(users), "readers": args.readers, "requests": len(requests),
        "ok_before_stop": len(ok_before),
        "pg_stop_ms": ms(t_down - t_stop), "outage_s": round(t_start - t_down, 1), "pg_start_ms": ms(t_up - t_start),
        "first_503_after_stop_ms": ms(first_503 - t_stop) if first_503 else None,
        "requests_during_outage": len(during),
        "non_friendly_or_non_503_during_outage": len(bad_during),
        "statuses_during_outage": sorted({r["status"] for r in during}),
        "slowest_answer_during_outage_ms": ms(slowest_during),
        "in_flight_at_stop": len(in_flight), "slowest_in_flight_ms": ms(slowest_in_flight),
        "health_down_after_stop_ms": ms(first_down - t_stop) if first_down else None,
        "health_not_down_during_outage": len(health_up_during),
        "recovery_page_ms": ms(first_page_ok - t_up) if first_page_ok else None,
        "recovery_comment_ms": ms(first_comment_ok - t_up) if first_comment_ok else None,
        "health_up_after_start_ms": ms(health_up - t_up) if health_up else None,
        "failures_after_recovery": len(failed_after),
        "hanging_requests": len(hanging),
        "comments_sent": len(comments), "comments_acknowledged": len(acked),
    }
    for r in bad_during[:5]:
        print("  not a friendly 503 during the outage:", {k: r.get(k) for k in ("kind", "path", "status", "friendly")},
              file=sys.stderr)
    with open(f"{args.out}/summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    with open(f"{args.out}/requests.json", "w") as f:
        marks = {"stop": t_stop, "down": t_down, "start": t_start, "up": t_up}
        json.dump({"marks": marks, "rows": [{k: v for k, v in r.items() if k != "body"} for r in rows]}, f)
    print(json.dumps(summary, indent=1))


def voter(name, client, stop, log, parents):
    """Casts and takes back up-votes on other users' comments; remembers the last answer for each comment."""
    misses = [0]
    while not stop.is_set():
        with parents["lock"]:
            choices = [cid for cid, author in parents["authors"].items() if author != name]
        if not choices:
            time.sleep(0.05)
            continue
        cid = random.choice(choices[-200:])
        method = random.choice(["PUT", "PUT", "DELETE"])
        status, _, _, t0, t1 = client.api(method, f"/api/comments/{cid}/vote")
        log.add(kind="vote", user=name, id=cid, up=method == "PUT", status=status, t0=t0, t1=t1)
        if gone(status, misses):
            return


def burst(args):
    users = args.users.split(",")
    if len(users) < 2:
        raise SystemExit("burst needs at least two users: half post, half vote")
    clients = logged_in(args.base, users, args.password)
    if args.ready:
        open(args.ready, "w").close()  # logged in: the burst starts now
    run = f"{args.label}-{int(time.time())}"
    stop, log = threading.Event(), Log()
    articles = args.articles.split(",")
    parents = {"lock": threading.Lock(), "ids": {}, "authors": {}}  # ids: comments posted so far, per article
    half = max(1, len(clients) // 2)
    targets = [(writer, (n, c, articles[i % len(articles)], run, stop, log, parents, 0.5))
               for i, (n, c) in enumerate(clients[:half])]
    targets += [(voter, (n, c, stop, log, parents)) for n, c in clients[half:]]
    threads = start_threads(targets)
    time.sleep(args.seconds)
    stop.set()
    for t in threads:
        t.join(TIMEOUT + 1)
    rows = log.snapshot()
    comments = [r for r in rows if r["kind"] == "comment"]
    votes = [r for r in rows if r["kind"] == "vote"]
    with open(f"{args.out}/{args.label}-comments.tsv", "w") as f:
        f.writelines(f"{r['id']}\t{r['body']}\n" for r in comments if 200 <= r["status"] < 300)
    # a vote's final state is known when the last request for that (user, comment) was answered
    last = {}
    for r in sorted(votes, key=lambda r: r["t0"]):
        last[(r["user"], r["id"])] = r
    with open(f"{args.out}/{args.label}-votes.tsv", "w") as f:
        f.writelines(f"{u}\t{cid}\t{'t' if r['up'] else 'f'}\n" for (u, cid), r in last.items()
                     if 200 <= r["status"] < 300)
    summary = {
        "label": args.label, "seconds": args.seconds,
        "comments_sent": len(comments), "comments_acknowledged": sum(200 <= r["status"] < 300 for r in comments),
        "votes_sent": len(votes), "votes_acknowledged": sum(200 <= r["status"] < 300 for r in votes),
        "no_answer": sum(r["status"] == 0 for r in comments + votes),
        "statuses": sorted({r["status"] for r in comments + votes}),
    }
    print(json.dumps(summary))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    for mode in ("outage", "burst"):
        s = sub.add_parser(mode)
        s.add_argument("--base", required=True)
        s.add_argument("--users", required=True)
        s.add_argument("--password", required=True)
        s.add_argument("--out", required=True)
    o = sub.choices["outage"]
    o.add_argument("--article", required=True)
    o.add_argument("--readers", type=int, default=2)
    o.add_argument("--warm", type=float, default=8)
    o.add_argument("--down", type=float, default=10)
    o.add_argument("--after", type=float, default=10)
    o.add_argument("--stop", required=True)
    o.add_argument("--start", required=True)
    b = sub.choices["burst"]
    b.add_argument("--articles", required=True)
    b.add_argument("--seconds", type=float, default=10)
    b.add_argument("--label", default="burst")
    b.add_argument("--ready", help="file created once every user is logged in")
    args = p.parse_args()
    outage(args) if args.mode == "outage" else burst(args)


if __name__ == "__main__":
    main()
