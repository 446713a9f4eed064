#!/usr/bin/env bash
# Slack slash-command benchmark, end to end (issue 3): signed
# `/access request RESOURCE [for DURATION] [because REASON]` commands POSTed by wrk to
#   1. AccessBot (release build, SQLite), and
#   2. the Slack Bolt for Python peer (../shared/bench/bolt_peer.py, gunicorn -w 5 on 127.0.0.1:3000),
# on this machine, with the same pre-signed requests. Each server verifies the signature,
# parses, writes the request and its outbox rows in one SQLite transaction and acks with an
# ephemeral JSON reply.
#
# Phases (each server alone on the machine while it is measured; the other one is stopped):
#   peer: throughput (closed loop, CONNECTIONS connections, WARMUP then DURATION), then the
#         fixed-rate latency test (RATE req/s, open loop, RATE_WARMUP then RATE_DURATION)
#   accessbot: the same two, each from a fresh database (AccessBot's delivery worker keeps
#         working on the outbox a run leaves behind; a fresh start keeps the phases apart)
# Before each phase one signed request per Slack user is checked to get the "submitted"
# reply (this also fills AccessBot's Slack user -> person cache: warm-up). Rows in the
# `requests` table are counted before and after each measured window.
#
# AccessBot's Slack Web API is a local fake (scripts/bench/fake_slack.py): users.info maps
# U0BALICE.. to the config's people; chat.postMessage etc. answer ok.
#
# Usage: scripts/bench-slack.sh                 (builds accessbot in release if needed)
#        SKIP_BUILD=1 scripts/bench-slack.sh
# Knobs: DURATION (20s), WARMUP (5s), CONNECTIONS (32), THREADS (2), RATE (1000),
#        RATE_DURATION (30s), RATE_WARMUP (5s), POOL_SIZE (2000), AB_PORT (18089),
#        PEER_PORT (3000), AB_SYNC (full | normal: AccessBot's SQLite synchronous; the peer
#        uses NORMAL), ONLY (accessbot | peer), PROFILE (1: perf-record AccessBot for
#        PROFILE_SECONDS under full load after its throughput run), BOLT_VENV
#        (/tmp/accessbot-bench-slack-venv, created with pip if missing), PEER_DIR
#        (../shared/bench), ACCESSBOT_BIN (a built accessbot), KEEP=1 (keep the work dir),
#        RESULTS (also write the JSON lines there), RATE_CONNECTIONS (128, see below),
#        SKIP_RATE=1 (throughput only), SKIP_THROUGHPUT=1 (fixed rate only), QUIET_WAIT (90:
#        seconds to wait before each phase for other processes to go quiet; 0 = don't).
# Diagnostics only (not the benchmark): COMMAND_TEXT (e.g. help: no database work),
#        HOLD_POSTS=1 (the fake answers chat.postMessage 429 Retry-After 3600: AccessBot's
#        pacer then holds each channel for an hour, so a card is put back once, not every second).
#
# The fixed-rate test is wrk2-style pacing in Lua (scripts/bench/slack.lua): one wrk thread
# per connection, each connection on its own schedule, latency from the intended send time.
# It uses RATE_CONNECTIONS (128) connections, so that at 1,000/s each connection has 128 ms
# between sends: a connection only queues its own next request behind a slow reply, while
# Slack would open a new connection for it, so with too few connections the test would
# measure the client, not the server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
connections=${CONNECTIONS:-32}
rate_connections=${RATE_CONNECTIONS:-128}
threads=${THREADS:-2}
rate=${RATE:-1000}
rate_duration=${RATE_DURATION:-30s}
rate_warmup=${RATE_WARMUP:-5s}
pool_size=${POOL_SIZE:-2000}
ab_port=${AB_PORT:-18089}
peer_port=${PEER_PORT:-3000}
ab_sync=${AB_SYNC:-full}
only=${ONLY:-}
profile=${PROFILE:-0}
profile_seconds=${PROFILE_SECONDS:-10}
venv=${BOLT_VENV:-/tmp/accessbot-bench-slack-venv}
peer_dir=$(cd "${PEER_DIR:-../shared/bench}" && pwd)
config="$root/config/accessbot.yaml"
secret=s3cret
# Slack users (fake_slack.py: U0B + the email's local part) who all have a manager in the config.
users=U0BALICE,U0BBOB,U0BCAROL,U0BDAVE,U0BGRACE,U0BHEIDI
wrk_timeout=10s

# Loopback only: no proxy in the way.
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*' PYTHONDONTWRITEBYTECODE=1

if [ -n "${ACCESSBOT_BIN:-}" ]; then
  accessbot=$ACCESSBOT_BIN
else
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build -c release --product accessbot
  fi
  accessbot="$(swift build -c release --show-bin-path)/accessbot"
fi
[ -x "$accessbot" ] || { echo "no accessbot binary at $accessbot" >&2; exit 1; }

if [ "$only" != accessbot ] && [ ! -x "$venv/bin/gunicorn" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet slack_bolt gunicorn pyyaml
fi

work=$(mktemp -d /tmp/bench-slack.XXXXXX)
results="$work/results.jsonl"
fake_pid="" ab_pid="" peer_pid=""

stop() { # pid: TERM, then KILL after 20 s
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$ab_pid"; stop "$peer_pid"; stop "$fake_pid"
  if [ "${KEEP:-0}" = 1 ]; then echo "work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'echo "bench-slack.sh: failed at line $LINENO" >&2' ERR
trap 'exit 130' INT TERM

log() { echo "== $*" >&2; }

port_free() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT from the last run is fine
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

wait_http() { # url pid name
  for _ in $(seq 300); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "$3 exited; see $work" >&2; return 1; }
    sleep 0.1
  done
  echo "$3 did not answer $1 within 30 s" >&2
  return 1
}

# What else is using the CPUs (other engineers build and test on this machine too).
machine_load() {
  local busy
  busy=$(top -b -n 2 -d 1 -w 200 | awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 5 {printf "%s%s %s%%", sep, $12, $9; sep = ", "}')
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg); busy now: ${busy:-nothing}"
}

# Waits (up to QUIET_WAIT s, default 90) until processes other than ours use under 25% of a
# CPU in total, so another engineer's build does not land in a measured window.
wait_quiet() {
  local ours deadline=$((SECONDS + ${QUIET_WAIT:-90})) busy
  while :; do
    ours=" $fake_pid $ab_pid $peer_pid $( { [ -z "$peer_pid" ] || pgrep -P "$peer_pid" || true; } | tr '\n' ' ') "
    busy=$(top -b -n 2 -d 1 -w 200 | awk -v ours="$ours" '/^top -/ {n++}
      n == 2 && $1 ~ /^[0-9]+$/ && index(ours, " " $1 " ") == 0 && $12 != "top" {sum += $9} END {printf "%d", sum}')
    [ "$busy" -lt 25 ] && return 0
    [ "$SECONDS" -ge "$deadline" ] && { log "machine still busy (${busy}% CPU from others); measuring anyway"; return 0; }
    sleep 2
  done
}

make_pool() {
  python3 scripts/bench/make_pool.py --count "$pool_size" --secret "$secret" --users "$users" --out "$work/pool.tsv" \
    ${COMMAND_TEXT:+--text "$COMMAND_TEXT"}
}

rows() { sqlite3 "$1" 'SELECT COUNT(*) FROM requests'; }
# Outbox messages the delivery worker put back (paced or failed), from its Prometheus counter
# (paced retries are logged at debug level only, so the log no longer counts them).
retried_metric() {
  curl -s --max-time 2 "http://127.0.0.1:$ab_port/metrics" | awk '$1 == "accessbot_outbox_retried_total" { n = int($2) } END { print n + 0 }'
}

# run_wrk LABEL URL DURATION [RATE]: prints the BENCH_JSON object
run_wrk() {
  local label=$1 url=$2 dur=$3 r=${4:-} out="$work/wrk-$1.out"
  make_pool
  if [ -n "$r" ]; then
    SLACK_POOL="$work/pool.tsv" LABEL="$label" RATE="$r" CONNECTIONS="$rate_connections" \
      wrk -t "$rate_connections" -c "$rate_connections" -d "$dur" --timeout "$wrk_timeout" -s scripts/bench/slack.lua "$url" >"$out" 2>&1
  else
    SLACK_POOL="$work/pool.tsv" LABEL="$label" \
      wrk -t "$threads" -c "$connections" -d "$dur" --timeout "$wrk_timeout" -s scripts/bench/slack.lua "$url" >"$out" 2>&1
  fi
  grep '^BENCH_JSON ' "$out" | sed 's/^BENCH_JSON //' || { cat "$out" >&2; return 1; }
}

# measure PHASE SERVER URL DB DURATION [RATE]: warm-up, then the measured window; appends to results
measure() {
  local phase=$1 server=$2 url=$3 db=$4 dur=$5 r=${6:-} warm=$warmup before after json load extra=""
  [ -n "$r" ] && warm=$rate_warmup
  wait_quiet
  log "$phase: warm-up $warm"
  run_wrk "$phase-warmup" "$url" "$warm" "$r" >/dev/null
  load=$(machine_load)
  log "$phase: $dur measured ($load)"
  before=$(rows "$db")
  local retried_before=0
  [ "$server" = accessbot ] && retried_before=$(retried_metric)
  json=$(run_wrk "$phase" "$url" "$dur" "$r")
  sleep 0.5
  after=$(rows "$db")
  if [ "$server" = accessbot ]; then
    local retried pending wal
    retried=$(( $(retried_metric) - retried_before ))
    pending=$(sqlite3 "$db" "SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
    wal=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
    extra=",\"delivery_retries\":$retried,\"outbox_pending\":$pending,\"wal_bytes\":$wal"
  fi
  echo "${json%\}},\"phase\":\"$phase\",\"server\":\"$server\",\"rows\":$((after - before)),\"machine\":\"$load\"$extra}" | tee -a "$results"
}

# --- the fake Slack Web API (AccessBot's outbound calls) ---------------------------------
python3 scripts/bench/fake_slack.py --config "$config" ${HOLD_POSTS:+--hold-posts} >"$work/fake.out" 2>&1 &
fake_pid=$!
for _ in $(seq 100); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.05; done
fake_port=$(awk '/listening/ {print $2}' "$work/fake.out")
[ -n "$fake_port" ] || { echo "fake Slack did not start" >&2; exit 1; }

start_accessbot() { # phase
  local db="$work/accessbot-$1.sqlite"
  port_free "$ab_port" || { echo "port $ab_port is in use (set AB_PORT)" >&2; exit 1; }
  PORT=$ab_port HOST=127.0.0.1 DATABASE_URL="sqlite:$db?synchronous=$ab_sync" ACCESSBOT_CONFIG="$config" \
    SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL="http://127.0.0.1:$fake_port/api" \
    stdbuf -oL "$accessbot" serve >"$work/accessbot-$1.out" 2>"$work/accessbot-$1.err" &
  ab_pid=$!
  wait_http "http://127.0.0.1:$ab_port/readyz" "$ab_pid" accessbot
  python3 scripts/bench/slack_check.py --url "http://127.0.0.1:$ab_port" --users "$users" --secret "$secret" --quiet \
    || { echo "AccessBot did not accept a valid signed request" >&2; exit 1; }
  [ "$(rows "$db")" -ge 6 ] || { echo "AccessBot answered but wrote no request rows" >&2; exit 1; }
}

start_peer() {
  port_free "$peer_port" || { echo "port $peer_port is in use (set PEER_PORT)" >&2; exit 1; }
  SLACK_SIGNING_SECRET=$secret PEER_DB="$work/peer.sqlite" ACCESSBOT_CONFIG="$config" \
    "$venv/bin/gunicorn" -w 5 -b "127.0.0.1:$peer_port" --chdir "$peer_dir" 'bolt_peer:create_wsgi()' \
    >"$work/peer.out" 2>&1 &
  peer_pid=$!
  wait_http "http://127.0.0.1:$peer_port/healthz" "$peer_pid" "bolt peer"
  python3 scripts/bench/slack_check.py --url "http://127.0.0.1:$peer_port" --users "$users" --secret "$secret" --quiet \
    || { echo "the peer did not accept a valid signed request" >&2; exit 1; }
  [ "$(rows "$work/peer.sqlite")" -ge 6 ] || { echo "the peer answered but wrote no request rows" >&2; exit 1; }
}

{
  echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), Linux $(uname -r)"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(swift --version 2>/dev/null | head -1); python $(python3 -c 'import platform; print(platform.python_version())')"
  [ -x "$venv/bin/python" ] && echo "peer: $("$venv/bin/pip" list 2>/dev/null | awk '$1 ~ /^(slack_bolt|slack-bolt|gunicorn)$/ {printf "%s %s, ", $1, $2}')python $("$venv/bin/python" -c 'import platform; print(platform.python_version())')"
  echo "accessbot: $accessbot (SQLite synchronous=$ab_sync), built $(date -u -r "$accessbot" '+%Y-%m-%d %H:%M:%S UTC');" \
    "tree now $(git rev-parse --short HEAD 2>/dev/null || echo '?') + $(git status --porcelain -- Sources Package.swift 2>/dev/null | wc -l)" \
    "uncommitted source files; fake Slack API on 127.0.0.1:$fake_port"
  echo "load: $connections connections (wrk -t $threads) for $duration after $warmup; fixed rate $rate req/s over $rate_connections connections (one wrk thread each) for $rate_duration after $rate_warmup; pool of $pool_size signed requests"
} | tee "$work/machine.txt" >&2

if [ "$only" != accessbot ]; then
  log "Bolt peer: gunicorn -w 5 on 127.0.0.1:$peer_port"
  start_peer
  [ "${SKIP_THROUGHPUT:-0}" = 1 ] || measure peer-throughput peer "http://127.0.0.1:$peer_port" "$work/peer.sqlite" "$duration"
  [ "${SKIP_RATE:-0}" = 1 ] || measure peer-rate peer "http://127.0.0.1:$peer_port" "$work/peer.sqlite" "$rate_duration" "$rate"
  stop "$peer_pid"; peer_pid=""
fi

# perf-record AccessBot under full load (after its measured window): where the time goes.
profile_accessbot() {
  command -v perf >/dev/null || { log "profile: perf not found"; return 0; }
  log "profile: perf on AccessBot for ${profile_seconds}s under the same load"
  make_pool
  SLACK_POOL="$work/pool.tsv" LABEL=profile wrk -t "$threads" -c "$connections" -d "$((profile_seconds + 2))s" \
    --timeout "$wrk_timeout" -s scripts/bench/slack.lua "http://127.0.0.1:$ab_port" >"$work/wrk-profile.out" 2>&1 &
  local wrk_pid=$! stat_pid
  sleep 1
  perf stat -x, -o "$work/perf-stat.txt" -e syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync,syscalls:sys_enter_pwrite64 \
    -p "$ab_pid" -- sleep "$profile_seconds" >/dev/null 2>&1 &
  stat_pid=$!
  perf record -F 499 -g -p "$ab_pid" -o "$work/perf.data" -- sleep "$profile_seconds" >/dev/null 2>&1 || true
  wait "$stat_pid" || true
  wait "$wrk_pid" || true
  log "profile window: $(grep -o '"rps":[0-9.]*' "$work/wrk-profile.out") requests/s; per second:" \
    "$(awk -F, -v s="$profile_seconds" '/syscalls/ {sub("syscalls:sys_enter_", "", $3); printf "%s %.0f  ", $3, $1 / s}' "$work/perf-stat.txt")"
  log "AccessBot CPU in the window: $(perf report -i "$work/perf.data" --stdio --sort comm -g none 2>/dev/null |
    awk -v s="$profile_seconds" '/Event count/ {printf "%.2f cores", $NF / 1e9 / s}')"
  log "profile by thread:"
  perf report -i "$work/perf.data" --no-children --sort comm -g none --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -12 >&2 || true
  log "profile by symbol, self time (top 30):"
  perf report -i "$work/perf.data" --no-children --sort dso,sym -g none --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -30 >&2 || true
}

if [ "$only" != peer ]; then
  log "AccessBot on 127.0.0.1:$ab_port"
  if [ "${SKIP_THROUGHPUT:-0}" != 1 ]; then
    start_accessbot accessbot-throughput
    measure accessbot-throughput accessbot "http://127.0.0.1:$ab_port" "$work/accessbot-accessbot-throughput.sqlite" "$duration"
    [ "$profile" = 1 ] && profile_accessbot
    # The store's group-commit timings, where the build prints them (TMP lines on stdout).
    grep -a '^TMP' "$work/accessbot-accessbot-throughput.out" | tail -8 >&2 || true
    stop "$ab_pid"; ab_pid=""
  fi
  if [ "${SKIP_RATE:-0}" != 1 ]; then
    start_accessbot accessbot-rate
    measure accessbot-rate accessbot "http://127.0.0.1:$ab_port" "$work/accessbot-accessbot-rate.sqlite" "$rate_duration" "$rate"
    grep -a '^TMP' "$work/accessbot-accessbot-rate.out" | tail -8 >&2 || true
    stop "$ab_pid"; ab_pid=""
  fi
fi

log "fake Slack API calls: $(curl -s "http://127.0.0.1:$fake_port/stats")"
[ -n "${RESULTS:-}" ] && cp "$results" "$RESULTS"

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
by = {r["phase"]: r for r in rows}
print()
print("| run | server | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | rows written |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    kind = "fixed %d/s" % r["target_rps"] if "target_rps" in r else "max throughput"
    print(f"| {kind} | {r['server']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} "
          f"| {r['max_ms']:.0f} | {r['non2xx']} | {r['socket_errors']} | {r['rows']:,} |")
fixed = [r for r in rows if "target_rps" in r]
if fixed:
    print()
    print("Fixed rate, latency from the intended send time (open loop, no coordinated omission):")
    print()
    print("| server | target/s | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | good replies | bad replies |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in fixed:
        print(f"| {r['server']} | {r['target_rps']:,} | {r['achieved_rps']:,.0f} | {r['fixed_p50_ms']:.1f} | {r['fixed_p90_ms']:.1f} "
              f"| {r['fixed_p99_ms']:.1f} | {r['fixed_p999_ms']:.1f} | {r['fixed_max_ms']:.0f} | {r['good']:,} | {r['bad']:,} |")
ab, peer = by.get("accessbot-throughput"), by.get("peer-throughput")
print()
if ab and peer:
    ratio = ab["rps"] / peer["rps"]
    print(f"AccessBot / Bolt requests/s: {ratio:.2f}x (target >= 10x: {'met' if ratio >= 10 else 'MISSED'})")
rate = by.get("accessbot-rate")
if rate:
    p99 = rate["fixed_p99_ms"]
    print(f"AccessBot p99 ack at a fixed {rate['target_rps']:,}/s: {p99:.1f} ms (target < 20 ms: {'met' if p99 < 20 else 'MISSED'})")
for r in rows:
    if "delivery_retries" in r:
        print(f"{r['phase']}: delivery worker put back (paced or failed) {r['delivery_retries']:,} outbox messages in the window; "
              f"{r['outbox_pending']:,} pending after; WAL {r['wal_bytes'] / 1e6:.0f} MB")
PY
