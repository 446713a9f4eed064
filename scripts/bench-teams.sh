#!/usr/bin/env bash
# Teams benchmarks (issue 4), both through accessbot-bench:
#   1. teams-token: Bot Framework token validation with cached keys, one task, pinned to one
#      CPU (taskset -c 0; PIN=0 turns it off). Target: >= 20,000 validations/s on one core.
#   2. teams-invoke: the release `accessbot serve` as a child process (SQLite in a temporary
#      directory, Teams pointed at an in-process fake Bot Framework, Slack off), approve
#      invokes on real pending requests at a fixed open-loop rate. Target: p99 < 20 ms at 200/s.
#
# Usage: scripts/bench-teams.sh             (builds accessbot and accessbot-bench in release)
#        SKIP_BUILD=1 scripts/bench-teams.sh
# Knobs: TOKEN_SECONDS (10 per run), RATE (200), INVOKE_SECONDS (20), WARMUP (2),
#        ONLY (token | invoke), KEEP=1 (keep the server's work dir and logs).
set -euo pipefail
cd "$(dirname "$0")/.."

token_seconds=${TOKEN_SECONDS:-10}
rate=${RATE:-200}
invoke_seconds=${INVOKE_SECONDS:-20}
warmup=${WARMUP:-2}
only=${ONLY:-}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product accessbot
  swift build -c release --product accessbot-bench
fi
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/accessbot" ] && [ -x "$bin/accessbot-bench" ] || { echo "no release binaries in $bin" >&2; exit 1; }

# Loopback only: no proxy in the way of the fake or the server.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

pin=()
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null; then pin=(taskset -c 0); fi

machine() {
  local busy
  busy=$(top -b -n 2 -d 1 -w 200 | awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 5 {printf "%s%s %s%%", sep, $12, $9; sep = ", "}')
  echo "== $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg); busy now: ${busy:-nothing}"
}

echo "== accessbot $bin/accessbot, built $(date -u -r "$bin/accessbot" '+%Y-%m-%d %H:%M:%S UTC'); $(swift --version 2>/dev/null | head -1)"

if [ "$only" != invoke ]; then
  machine
  echo "== teams-token${pin[*]:+ (${pin[*]})}"
  "${pin[@]}" "$bin/accessbot-bench" teams-token --seconds "$token_seconds"
fi

if [ "$only" != token ]; then
  machine
  echo "== teams-invoke at $rate/s for $invoke_seconds s after $warmup s of warm-up"
  "$bin/accessbot-bench" teams-invoke --server-binary "$bin/accessbot" --rate "$rate" --seconds "$invoke_seconds" \
    --warmup "$warmup" --config config/accessbot.yaml ${KEEP:+--keep 1}
  machine
fi
