-- A mix of anonymous reads and logged-in writes for the soak test: the home page, article pages
-- (bench-article-<POST_FIRST> .. <POST_LAST>), comment posts and up-votes, picked at random with the weights in
-- MIX (default "home=20,article=40,post=10,vote=30"). Rate control and the RESULT line come from common.lua.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/common.lua")
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/post.lua")
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/vote.lua")

local weights = {}
local total = 0

function init(args)
  common_init()
  comments = read_tsv("comments.txt")
  for name, w in string.gmatch(os.getenv("MIX") or "home=20,article=40,post=10,vote=30", "(%w+)=(%d+)") do
    total = total + tonumber(w)
    weights[#weights + 1] = { name = name, upto = total }
  end
end

local first = tonumber(os.getenv("POST_FIRST") or "6")
local last = tonumber(os.getenv("POST_LAST") or "1005")
local kinds = {
  home = function() return wrk.format("GET", "/") end,
  article = function() return wrk.format("GET", "/articles/bench-article-" .. math.random(first, last)) end,
  post = post_request,
  vote = vote_request,
}

request = function()
  local r = math.random(total)
  for _, w in ipairs(weights) do
    if r <= w.upto then return kinds[w.name]() end
  end
end
