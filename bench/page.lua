-- GET one page (PAGE_PATH, default /articles/bench-article-5) as the logged-in sessions, round-robin: every
-- request comes from the next user, so the per-reader work is measured for many distinct readers, not one cookie.
-- Usage: PAGE_PATH=/ wrk -s page.lua http://127.0.0.1:8080   (after login-sessions.py; see logged-in.sh)
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")

local path = os.getenv("PAGE_PATH") or "/articles/bench-article-5"

-- no response() here: wrk would hand every body to Lua (a copy of each 250 KB page), and the client, not the server,
-- would be measured; non-2xx answers are still counted (wrk's status errors, added up in done())
response = nil

function init(args)
  common_init()
end

function request()
  local s = next_session()
  return wrk.format("GET", path, { ["Cookie"] = s[2] })
end
