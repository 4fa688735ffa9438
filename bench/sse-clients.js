#!/usr/bin/env node
// Many Server-Sent Events clients on one article's live stream, and comments posted at a steady rate; Node's
// built-in http module only. Used by bench/sse-load.sh.
//
//   node bench/sse-clients.js BASE SLUG CLIENTS RATE POST_SECONDS GO_FILE COOKIE_FILE...
//
// 1. opens CLIENTS streams on BASE/articles/SLUG/live and waits until each has started ("retry:"); prints
//    "CONNECTED n ms";
// 2. waits for GO_FILE to exist (the caller measures the heap meanwhile);
// 3. posts RATE comments a second for POST_SECONDS through the JSON API, round robin over the sessions in the
//    COOKIE_FILEs (curl cookie jars), each body carrying its send time;
// 4. waits 3 s more and prints one JSON line: comments posted, events expected and received, latency p50/p99/max in
//    ms from the POST being sent to the event being read by a client (and from the POST's response).
'use strict';
const http = require('http');
const fs = require('fs');

const [base, slug, clientsArg, rateArg, secondsArg, goFile, ...cookieFiles] = process.argv.slice(2);
const clients = Number(clientsArg);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

const latencies = [];
const sinceAck = [];
const acked = new Map();
let started = 0;
let failed = 0;
let received = 0;

function stream() {
  const req = http.get({ host: url.hostname, port: url.port, path: `/articles/${slug}/live`, agent,
    headers: { Accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      failed++;
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buffer = '';
    let counted = false;
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!counted && event.startsWith('retry:')) {
          counted = true;
          started++;
        } else if (event.includes('event: comment')) {
          const now = Date.now();
          for (const m of event.matchAll(/tok(\d+)x(\d+)/g)) {
            received++;
            latencies.push(now - Number(m[2]));
            if (acked.has(m[1])) {
              sinceAck.push(now - acked.get(m[1]));
            }
          }
        }
      }
    });
  });
  req.on('error', () => failed++);
}

function sessions() {
  return cookieFiles.map((file) => {
    const cookies = {};
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const parts = line.replace(/^#HttpOnly_/, '').split('\t');
      if (parts.length === 7) {
        cookies[parts[5]] = parts[6];
      }
    }
    return { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '), csrf: cookies['csrf-token'] };
  });
}

function post(session, n) {
  const sent = Date.now();
  const body = JSON.stringify({ body: `Live bench comment tok${n}x${sent}` });
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', agent,
      path: `/api/articles/${slug}/comments`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: session.cookie,
        'X-CSRF-TOKEN': session.csrf, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode < 300) {
          acked.set(String(n), Date.now());
        }
        resolve(res.statusCode);
      });
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function percentile(values, p) {
  if (!values.length) {
    return null;
  }
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const t0 = Date.now();
  // open in batches, so the server's accept queue is not flooded
  for (let i = 0; i < clients; i++) {
    stream();
    if (i % 200 === 199) {
      await sleep(100);
    }
  }
  while (started + failed < clients && Date.now() - t0 < 120000) {
    await sleep(100);
  }
  console.log(`CONNECTED ${started} failed=${failed} ms=${Date.now() - t0}`);
  while (!fs.existsSync(goFile)) {
    await sleep(100);
  }
  const users = sessions();
  const statuses = {};
  const posts = [];
  const total = Math.round(rate * seconds);
  const start = Date.now();
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / rate;
    await sleep(Math.max(0, due - Date.now()));
    posts.push(post(users[n % users.length], n).then((s) => { statuses[s] = (statuses[s] || 0) + 1; }));
  }
  await Promise.all(posts);
  await sleep(3000);
  console.log(JSON.stringify({
    clients: started, refused_or_failed: failed, posted: acked.size, statuses,
    expected: acked.size * started, received,
    p50_ms: percentile(latencies, 0.5), p99_ms: percentile(latencies, 0.99), max_ms: percentile(latencies, 1),
    p50_after_ack_ms: percentile(sinceAck, 0.5), p99_after_ack_ms: percentile(sinceAck, 0.99),
  }));
  process.exit(0);
})();
