#!/usr/bin/env bash
# What HTTP alone answers on this machine, with wrk on the same two cores (issue 3's context):
#   1. a bare Hummingbird 2 server (`accessbot-bench http-floor`): GET, and POST of a
#      slash-command-sized form body that the handler reads whole;
#   2. `accessbot serve` (SQLite, the example config, no chat platform): GET /healthz, the
#      cheapest route through AccessBot's middleware (request id, JSON errors, metrics).
# A signed Slack command cannot be answered faster than these. For the Slack path without
# storage run `COMMAND_TEXT=help ONLY=accessbot SKIP_RATE=1 scripts/bench-slack.sh`.
#
# Usage: scripts/bench-http-floor.sh          (builds both binaries in release unless SKIP_BUILD=1)
# Knobs: DURATION (10s), CONNECTIONS (32), THREADS (2), FLOOR_PORT (18095), AB_PORT (18096)
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
floor_port=${FLOOR_PORT:-18095}
ab_port=${AB_PORT:-18096}
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product accessbot
  swift build -c release --product accessbot-bench
fi
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d /tmp/bench-http-floor.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2
  exit 1
}

# A form body the size of Slack's slash command (about 600 bytes), sent by wrk.
python3 - "$work/post.lua" <<'PY'
import sys
body = "&".join(f"field{i}=" + "x" * 40 for i in range(13))
with open(sys.argv[1], "w") as out:
    out.write(f'wrk.method = "POST"\nwrk.body = "{body}"\n')
    out.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
PY

measure() { # LABEL URL [LUA]
  local out
  out=$(wrk -t "$threads" -c "$connections" -d "$duration" ${3:+-s "$3"} "$2")
  printf '| %s | %s | %s |\n' "$1" "$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out")" \
    "$(awk '$1 == "Latency" { print $2 }' <<<"$out")"
}

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t $threads -c $connections -d $duration"
echo
echo "| server and route | requests/s | mean latency |"
echo "| --- | ---: | ---: |"

"$bin/accessbot-bench" http-floor --port "$floor_port" >"$work/floor.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$floor_port/floor"
wrk -t "$threads" -c "$connections" -d 3s "http://127.0.0.1:$floor_port/floor" >/dev/null # warm-up
measure "bare Hummingbird 2, GET" "http://127.0.0.1:$floor_port/floor"
measure "bare Hummingbird 2, POST 600-byte form" "http://127.0.0.1:$floor_port/floor" "$work/post.lua"
kill "${pids[0]}"

env -i PATH="$PATH" HOME="${HOME:-/root}" DATABASE_URL="sqlite:$work/accessbot.sqlite" PORT="$ab_port" \
  ACCESSBOT_CONFIG="$(pwd)/config/accessbot.yaml" LOG_LEVEL=warning \
  "$bin/accessbot" serve >"$work/accessbot.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ab_port/healthz"
wrk -t "$threads" -c "$connections" -d 3s "http://127.0.0.1:$ab_port/healthz" >/dev/null
measure "accessbot serve, GET /healthz" "http://127.0.0.1:$ab_port/healthz"
