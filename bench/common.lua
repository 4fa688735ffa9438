-- Shared by post.lua, vote.lua and mix.lua (loaded with dofile; wrk gives every thread its own Lua state).
-- Reads the sessions written by login-sessions.py, counts every response that is not 2xx as an error (wrk itself
-- counts only 4xx/5xx), and prints the same RESULT line as report.lua.
-- Environment: BENCH_DIR (default /tmp/tribune-bench); RATE (total requests/s; 0 or unset: as fast as possible)
-- with THREADS (wrk's -t, default 2): each wrk thread hands out send times RATE/THREADS per second apart through
-- delay(), so the load stays at RATE as long as there are connections to spare (wrk2 is not available here).

if common_loaded then return end -- mix.lua loads post.lua and vote.lua, which load this too
common_loaded = true

bench_dir = os.getenv("BENCH_DIR") or "/tmp/tribune-bench"

function read_tsv(name)
  local rows = {}
  local f = assert(io.open(bench_dir .. "/" .. name, "r"), "missing " .. bench_dir .. "/" .. name
      .. ": run bench/login-sessions.py first")
  for line in f:lines() do
    if line ~= "" then
      local row = {}
      for field in string.gmatch(line, "[^\t]+") do row[#row + 1] = field end
      rows[#rows + 1] = row
    end
  end
  f:close()
  return rows
end

-- main state: remember the threads so done() can add up their counts
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

sessions, non2xx, shown, counter = nil, 0, 0, 0
local interval, next_slot = 0, 0

local ffi = require("ffi") -- wrk runs LuaJIT; plain Lua has no millisecond clock
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

function common_init()
  sessions = read_tsv("sessions.txt")
  math.randomseed(os.time() * 1000 + id)
  -- run nonce: bodies must differ from every earlier run's within the duplicate window (an hour)
  nonce = string.format("%x%x", os.time(), math.random(0, 0xffff))
  local rate = tonumber(os.getenv("RATE") or "0") / tonumber(os.getenv("THREADS") or "2")
  if rate > 0 then interval = 1000 / rate end
end

-- round-robin over the sessions; each wrk thread starts at its own offset so threads do not share users
function next_session()
  counter = counter + 1
  return sessions[(id * 7919 + counter) % #sessions + 1]
end

function session_headers(s, extra)
  local h = { ["Cookie"] = s[2], ["X-CSRF-TOKEN"] = s[3] }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- called before every request: the next free send time of this thread, never earlier than now (a server that
-- falls behind is not flooded with a backlog afterwards)
function delay()
  if interval == 0 then return 0 end
  local now = now_ms()
  if next_slot < now then next_slot = now end
  local wait = next_slot - now
  next_slot = next_slot + interval
  return math.floor(wait)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write(string.format("non-2xx %d: %s\n", status, string.sub(body or "", 1, 200)))
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non2xx") or 0) end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + bad
  if response == nil then errors = errors + e.status end -- a script without response(): wrk's own count (>= 400)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, errors))
end
