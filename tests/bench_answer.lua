-- wrk script for `make bench`: people answering a survey, one person per connection.
-- Each wrk thread has one connection and its own Lua state, so per-thread state is per-person.
-- BENCH_PEOPLE: a file of "cookie<TAB>csrf_token" lines, one per person already past consent.
-- BENCH_STEPS: a file of "path<TAB>form body" lines, the answers in an order the branches allow.
-- An answer is a POST that must redirect (302), then a GET of where it points (200).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local function lines(path)
  local found = {}
  for line in io.lines(path) do
    local a, b = line:match("^([^\t]*)\t(.*)$")
    table.insert(found, {a, b})
  end
  return found
end

function init(args)
  local people = lines(os.getenv("BENCH_PEOPLE"))
  local me = people[((id - 1) % #people) + 1]
  cookie, token = me[1], me[2]
  steps = lines(os.getenv("BENCH_STEPS"))
  step = 1
  follow = nil
  last = nil
  answers = 0
  errors = 0
end

function request()
  local headers = {Cookie = cookie, ["Accept-Encoding"] = "gzip"}
  if follow then
    last, follow = "GET", nil
    return wrk.format("GET", last_location, headers)
  end
  last = "POST"
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  local s = steps[step]
  return wrk.format("POST", s[1], headers, s[2] .. "&csrf_token=" .. token)
end

function response(status, headers, body)
  if last == "POST" then
    if status == 302 then
      answers = answers + 1
      last_location = headers["Location"]
      follow = true
      step = (step % #steps) + 1
    else
      errors = errors + 1
    end
  elseif status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local answered, failed = 0, 0
  for _, t in ipairs(threads) do
    answered = answered + t:get("answers")
    failed = failed + t:get("errors")
  end
  local e = summary.errors
  failed = failed + e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "BENCH answers=%d errors=%d seconds=%.3f requests=%d p95_ms=%.1f p99_ms=%.1f\n",
    answered, failed, summary.duration / 1e6, summary.requests,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
