#!/usr/bin/env bash
# Outbound HTTP client benchmark (issue 5): small JSON posts to a loopback
# fake Slack Web API, 16 in flight, three ways in the same run:
#   1. CurlHTTPClient (accessbot-bench http client), one process
#   2. Python slack_sdk WebClient from 16 threads (in a venv it creates)
#   3. one `curl` process per post, 16 at a time
# Prints one JSON line per client and a Markdown table for docs/benchmarks.md.
#
# With taskset and two or more CPUs, the fake server runs on CPU 1 and each
# client on CPU 0: one core each, the same for all three clients, and far
# less noise than letting them fight over both (PIN=0 turns this off).
#
# Usage: scripts/bench-http.sh            (builds accessbot-bench in release)
#        SKIP_BUILD=1 scripts/bench-http.sh
# Knobs: SWIFT_REQUESTS (100000), SDK_REQUESTS (5000), CURL_REQUESTS (500),
#        CONCURRENCY (16), BENCH_VENV (.build/bench-venv), BENCH_BIN (a built accessbot-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

swift_requests=${SWIFT_REQUESTS:-100000}
sdk_requests=${SDK_REQUESTS:-5000}
curl_requests=${CURL_REQUESTS:-500}
concurrency=${CONCURRENCY:-16}
venv=${BENCH_VENV:-.build/bench-venv}

if [ -n "${BENCH_BIN:-}" ]; then
  bench=$BENCH_BIN
else
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build -c release --product accessbot-bench
  fi
  bench="$(swift build -c release --show-bin-path)/accessbot-bench"
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet slack_sdk
fi

server_cpu=() client_cpu=()
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  server_cpu=(taskset -c 1) client_cpu=(taskset -c 0)
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Loopback only: no proxy may get in the way of any of the three clients.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

"${server_cpu[@]}" "$bench" http serve --port 0 >"$work/server.out" &
server_pid=$!
for _ in $(seq 100); do
  grep -q listening "$work/server.out" 2>/dev/null && break
  sleep 0.05
done
port=$(awk '/listening/ {print $2}' "$work/server.out")
[ -n "$port" ] || { echo "fake server did not start" >&2; exit 1; }
url="http://127.0.0.1:$port"
echo "fake Slack Web API on $url (pid $server_pid)${server_cpu[*]:+, pinned: server on CPU 1, clients on CPU 0}" >&2

"${client_cpu[@]}" "$bench" http client --url "$url" --requests "$swift_requests" --concurrency "$concurrency" | tee "$work/swift.json"

"${client_cpu[@]}" "$venv/bin/python" scripts/bench_http_slack_sdk.py --url "$url" --requests "$sdk_requests" --threads "$concurrency" \
  | tee "$work/sdk.json"

body='{"channel":"C0123456789","text":"Access request #42 for prod-db was approved by @alice"}'
post_once() {
  curl -s -o /dev/null --fail -X POST -H 'Authorization: Bearer xoxb-bench-token' \
    -H 'Content-Type: application/json; charset=utf-8' --data "$body" "$url/api/chat.postMessage"
}
export -f post_once
export body url
one_rss=$(/usr/bin/time -f %M bash -c post_once 2>&1 >/dev/null | tail -1)
start=$(date +%s.%N)
failures=0
seq "$curl_requests" | "${client_cpu[@]}" xargs -P "$concurrency" -I{} bash -c post_once || failures=1
end=$(date +%s.%N)
python3 - "$curl_requests" "$start" "$end" "$one_rss" "$concurrency" "$failures" <<'PY' | tee "$work/curl.json"
import json, sys
n, start, end, rss, c, failed = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
s = end - start
print(json.dumps({"client": "curl process per post", "requests": n, "failures": "some" if failed == "1" else 0,
                  "concurrency": c, "seconds": round(s, 3), "requests_per_second": round(n / s),
                  "rss_per_process_kb": rss, "extra_rss_kb": rss * c}))
PY

python3 - "$work/swift.json" "$work/sdk.json" "$work/curl.json" <<'PY'
import json, sys
rows = [json.load(open(path)) for path in sys.argv[1:]]
swift = rows[0]["requests_per_second"]
print()
print("| client | requests | in flight | requests/s | extra RSS | vs CurlHTTPClient |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for row in rows:
    extra = row["extra_rss_kb"] / 1024
    note = " (16 × one process)" if "rss_per_process_kb" in row else ""
    ratio = swift / row["requests_per_second"]
    print(f"| {row['client']} | {row['requests']} | {row['concurrency']} | {row['requests_per_second']:,} "
          f"| {extra:.1f} MB{note} | {'1×' if row is rows[0] else f'{ratio:.1f}× slower'} |")
PY
