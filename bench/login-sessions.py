#!/usr/bin/env python3
"""Logs in generated users through the real /login form and writes the files the write-load scripts read.

Usage: bench/login-sessions.py [base-url] [users] [out-dir] [vote-articles]

For bench1 .. bench<users> (password bench-password-1, see bench/setup-db.sh): GET /login for the csrf-token
cookie and the form's hidden token, POST /login with both, keep the tribune-session cookie. Writes
  <out-dir>/sessions.txt  one line per user: "username<TAB>Cookie header value<TAB>X-CSRF-TOKEN value"
  <out-dir>/comments.txt  one line per visible comment: "id<TAB>author username", read through the JSON read API
                          from the first page of bench-article-6 .. bench-article-<5 + vote-articles>, for vote.lua
Only the standard library: cookies are read from Set-Cookie headers by hand, because the production session
cookie is marked Secure and a cookie jar would not send it back over plain http://127.0.0.1.
"""
import concurrent.futures
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
USERS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
OUT = sys.argv[3] if len(sys.argv) > 3 else "/tmp/tribune-bench"
VOTE_ARTICLES = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
PASSWORD = os.environ.get("BENCH_PASSWORD", "bench-password-1")
CSRF_FIELD = re.compile(r'name="csrf-token" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def cookies(response):
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


def open_(request):
    try:
        return OPENER.open(request, timeout=60)
    except urllib.error.HTTPError as e:  # 3xx (redirects are not followed) and 4xx come here
        return e


def login(n):
    username = f"bench{n}"
    page = open_(urllib.request.Request(BASE + "/login"))
    html = page.read().decode()
    csrf_cookie = cookies(page).get("csrf-token")
    match = CSRF_FIELD.search(html)
    if page.status != 200 or not csrf_cookie or not match:
        raise RuntimeError(f"GET /login: {page.status}, no CSRF cookie or field")
    form = urllib.parse.urlencode({"csrf-token": match.group(1), "login": username, "password": PASSWORD}).encode()
    r = open_(urllib.request.Request(BASE + "/login", data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "csrf-token=" + csrf_cookie}))
    r.read()
    session = cookies(r).get("tribune-session")
    if r.status != 303 or not session:
        raise RuntimeError(f"log-in of {username}: {r.status}, session cookie {'set' if session else 'missing'}")
    # the log-in answers with a CSRF token bound to the new session; the JSON API wants it in X-CSRF-TOKEN
    csrf_cookie = cookies(r).get("csrf-token")
    if not csrf_cookie:
        raise RuntimeError(f"log-in of {username}: no CSRF cookie for the new session")
    return f"{username}\ttribune-session={session}; csrf-token={csrf_cookie}\t{csrf_cookie}"


def comments_of(n):
    r = open_(urllib.request.Request(f"{BASE}/api/articles/bench-article-{n}/comments"))
    if r.status != 200:
        return []
    found = []

    def walk(items):
        for c in items:
            if c.get("status") == "visible" and c.get("author"):
                found.append(f"{c['id']}\t{c['author']}")
            walk(c.get("replies") or [])

    walk(json.load(r).get("threads", []))
    return found


def main():
    os.makedirs(OUT, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        sessions = list(pool.map(login, range(1, USERS + 1)))
        comments = [line for lines in pool.map(comments_of, range(6, 6 + VOTE_ARTICLES)) for line in lines]
    with open(os.path.join(OUT, "sessions.txt"), "w") as f:
        f.write("\n".join(sessions) + "\n")
    with open(os.path.join(OUT, "comments.txt"), "w") as f:
        f.write("\n".join(comments) + "\n")
    print(f"{len(sessions)} sessions and {len(comments)} comments to vote on written to {OUT}")


if __name__ == "__main__":
    main()
