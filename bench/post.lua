-- Posts comments through the JSON API as the logged-in sessions, round-robin, each with a unique body, on
-- articles bench-article-<POST_FIRST> .. bench-article-<POST_LAST> (default 6 .. 1005) picked at random.
-- Usage: wrk -s post.lua http://127.0.0.1:8080   (after login-sessions.py; see write-load.sh)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")

local first = tonumber(os.getenv("POST_FIRST") or "6")
local last = tonumber(os.getenv("POST_LAST") or "1005")
local json = { ["Content-Type"] = "application/json" }

function init(args)
  common_init()
end

function post_request()
  local s = next_session()
  local body = string.format('{"body":"Load test comment %s-%d-%d by %s: the numbers look *plausible*, '
      .. 'but I would like to see the method.","parentId":null}', nonce, id, counter, s[1])
  return wrk.format("POST", "/api/articles/bench-article-" .. math.random(first, last) .. "/comments",
      session_headers(s, json), body)
end

request = post_request
