-- wrk script for scripts/bench-slack.sh: POSTs pre-signed Slack slash commands.
--
-- Environment:
--   SLACK_POOL  the file make_pool.py wrote: timestamp TAB signature TAB body, a line each (required)
--   RATE        total requests/s for a fixed-rate (open-loop) run; unset = as fast as possible
--   LABEL       a name for the JSON summary line
--
-- Fixed rate, wrk2 style: run with as many threads as connections (-t N -c N), so each
-- thread's Lua state drives exactly one connection. Each connection has its own schedule,
-- start + k * N/RATE (random phase); delay() waits until the next slot (never sends early:
-- wrk's timer has 1 ms steps, so the wait is rounded up). Latency is taken from the
-- INTENDED send time, so a stall delays the schedule and is counted in full (no
-- coordinated omission); the service time from the actual send is kept too.
-- A reply counts as good only if it is a 200 whose body says "submitted".

local pool_path = assert(os.getenv("SLACK_POOL"), "SLACK_POOL is not set")
local rate = tonumber(os.getenv("RATE") or "")
local label = os.getenv("LABEL") or "run"

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk, bench_timespec *tp);
]]
local tspec = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, tspec) -- CLOCK_MONOTONIC
  return tonumber(tspec.tv_sec) * 1000000 + tonumber(tspec.tv_nsec) / 1000
end

-- main state -------------------------------------------------------------------------
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count)
  table.insert(threads, thread)
end

-- thread states ----------------------------------------------------------------------
local requests = {}
local cursor = 0
local interval_us, next_us, intended_us, sent_us
-- globals, so done() can read them with thread:get()
corrected, service = {}, {}
good, bad, statuses = 0, 0, ""
first_us, last_us = nil, nil -- this connection's first intended send and last reply

local function format(p)
  return wrk.format("POST", "/slack/commands", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["User-Agent"] = "Slackbot 1.0 (+https://api.slack.com/robots)",
      ["X-Slack-Request-Timestamp"] = p.ts,
      ["X-Slack-Signature"] = p.sig,
    }, p.body)
end

local function load_pool()
  local pool = {}
  for line in io.lines(pool_path) do
    local ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    if ts then pool[#pool + 1] = {ts = ts, sig = sig, body = body} end
  end
  assert(#pool > 0, "empty pool " .. pool_path)
  return pool
end

function init(args)
  local index = thread_index or 1
  local pool = load_pool()
  if rate then
    -- one thread per connection, many threads: each formats only its own share of the pool
    local conns = tonumber(os.getenv("CONNECTIONS") or "1")
    interval_us = 1000000 * conns / rate
    local share = math.max(8, math.ceil(#pool / conns))
    for k = 1, share do requests[k] = format(pool[((index - 1) * share + k - 1) % #pool + 1]) end
  else
    for k, p in ipairs(pool) do requests[k] = format(p) end
    -- threads start at different places in the pool
    cursor = ((index - 1) * 997) % #requests
  end
  math.randomseed(index * 7919)
end

function request()
  cursor = cursor % #requests + 1
  if rate then sent_us = now_us() end
  return requests[cursor]
end

if rate then
  function delay()
    local now = now_us()
    if not next_us then next_us = now + math.random() * interval_us end
    intended_us = next_us
    first_us = first_us or intended_us
    next_us = next_us + interval_us
    local wait_ms = (intended_us - now) / 1000
    if wait_ms <= 0 then return 0 end
    return math.ceil(wait_ms)
  end

  function response(status, headers, body)
    local now = now_us()
    last_us = now
    corrected[#corrected + 1] = now - intended_us
    service[#service + 1] = now - sent_us
    if status == 200 and body and string.find(body, "submitted", 1, true) then
      good = good + 1
    else
      bad = bad + 1
      if #statuses < 200 then statuses = statuses .. tostring(status) .. " " end
    end
  end
end

-- summary (main state) ---------------------------------------------------------------
local function pct(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.max(1, math.min(#sorted, math.ceil(p / 100 * #sorted)))
  return sorted[i]
end

function done(summary, latency, reqs)
  local seconds = summary.duration / 1000000
  local e = summary.errors
  local out = {
    string.format('"label":"%s"', label),
    string.format('"requests":%d', summary.requests),
    string.format('"seconds":%.2f', seconds),
    string.format('"rps":%.1f', summary.requests / seconds),
    string.format('"non2xx":%d', e.status),
    string.format('"socket_errors":%d', e.connect + e.read + e.write + e.timeout),
    string.format('"timeouts":%d', e.timeout),
    -- wrk's own histogram: from the actual send (closed loop: the service time)
    string.format('"p50_ms":%.2f', latency:percentile(50) / 1000),
    string.format('"p90_ms":%.2f', latency:percentile(90) / 1000),
    string.format('"p99_ms":%.2f', latency:percentile(99) / 1000),
    string.format('"p999_ms":%.2f', latency:percentile(99.9) / 1000),
    string.format('"max_ms":%.2f', latency.max / 1000),
    string.format('"mean_ms":%.2f', latency.mean / 1000),
  }
  if rate then
    local all_c, all_s, g, b, codes, achieved = {}, {}, 0, 0, "", 0
    for _, t in ipairs(threads) do
      -- wrk's requests/s divides by the time after the last thread started; threads start
      -- one after another, so take each connection's own rate over its own span instead
      local n, f, l = #(t:get("corrected") or {}), t:get("first_us"), t:get("last_us")
      if f and l and l > f then achieved = achieved + n / ((l - f) / 1000000) end
      for _, v in ipairs(t:get("corrected") or {}) do all_c[#all_c + 1] = v end
      for _, v in ipairs(t:get("service") or {}) do all_s[#all_s + 1] = v end
      g = g + (t:get("good") or 0)
      b = b + (t:get("bad") or 0)
      codes = codes .. (t:get("statuses") or "")
    end
    table.sort(all_c)
    table.sort(all_s)
    table.insert(out, string.format('"target_rps":%d', rate))
    table.insert(out, string.format('"achieved_rps":%.1f', achieved))
    table.insert(out, string.format('"good":%d', g))
    table.insert(out, string.format('"bad":%d', b))
    table.insert(out, string.format('"bad_statuses":"%s"', codes))
    for _, p in ipairs({50, 90, 99, 99.9}) do
      local name = tostring(p):gsub("%.", "")
      table.insert(out, string.format('"fixed_p%s_ms":%.2f', name, pct(all_c, p) / 1000))
      table.insert(out, string.format('"service_p%s_ms":%.2f', name, pct(all_s, p) / 1000))
    end
    table.insert(out, string.format('"fixed_max_ms":%.2f', (all_c[#all_c] or 0) / 1000))
  end
  io.write("BENCH_JSON {" .. table.concat(out, ",") .. "}\n")
end
