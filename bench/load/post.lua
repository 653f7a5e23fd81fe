-- wrk script of bench/load-bench.sh: POSTs the JSON body in $BODY_FILE and counts answers with
-- "errors", a status other than 200 and socket errors; done() prints one RESULT line for the script.
local f = assert(io.open(assert(os.getenv("BODY_FILE"), "BODY_FILE not set"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
-- NO_CACHE=1: every request is executed, not answered from our response cache
if os.getenv("NO_CACHE") == "1" then wrk.headers["Cache-Control"] = "no-cache" end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) errors = 0; non200 = 0; responses = 0 end
function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 then non200 = non200 + 1 end
  if string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local e, n, r = 0, 0, 0
  for _, t in ipairs(threads) do e = e + t:get("errors"); n = n + t:get("non200"); r = r + t:get("responses") end
  local s = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d responses=%d errors=%d non200=%d sockerr=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, r, e, n, s.connect + s.read + s.write + s.timeout))
end
