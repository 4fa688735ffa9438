-- Up-votes (PUT /api/comments/{id}/vote) random existing comments, never the voter's own, as the logged-in
-- sessions round-robin. The comments come from comments.txt (id, author) written by login-sessions.py.
-- Usage: wrk -s vote.lua http://127.0.0.1:8080   (after login-sessions.py; see write-load.sh)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")

function init(args)
  common_init()
  comments = read_tsv("comments.txt")
end

function vote_request()
  local s = next_session()
  local c
  repeat c = comments[math.random(#comments)] until c[2] ~= s[1]
  return wrk.format("PUT", "/api/comments/" .. c[1] .. "/vote", session_headers(s))
end

request = vote_request
