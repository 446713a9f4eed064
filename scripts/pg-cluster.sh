#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#
#   eval "$(scripts/pg-cluster.sh start)"   # prints export lines for the URL and the data dir
#   swift test --filter AccessStoreTests
#   scripts/pg-cluster.sh stop              # stops and removes $ACCESSBOT_PG_DIR
#
# Runs as root (installs postgresql-15 with apt if missing) and starts the server as the
# `postgres` user. fsync stays on: durability is part of what the benchmark measures.
# Environment: PG_PORT (default: the first free port from 54329), PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB_USER="accessbot"
DB_NAME="accessbot"

log() { echo "pg-cluster: $*" >&2; }

port_in_use() {
    # /dev/tcp succeeds when something listens.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port="${PG_PORT:-54329}"
    while port_in_use "$port"; do port=$((port + 1)); done
    echo "$port"
}

ensure_installed() {
    if [[ ! -x "$PG_BIN/initdb" ]]; then
        log "installing postgresql-15"
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >&2
    fi
}

start() {
    ensure_installed
    local dir port password
    dir="$(mktemp -d /tmp/accessbot-pg.XXXXXX)"
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    port="$(free_port)"
    password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"

    # initdb --pwfile=<(...) cannot read a process substitution under runuser: use a real file.
    local pwfile="$dir/pwfile"
    printf '%s\n' "$password" >"$pwfile"
    chown postgres:postgres "$pwfile"
    chmod 600 "$pwfile"

    runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
    rm -f "$pwfile"

    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = on
synchronous_commit = on
max_connections = 200
shared_buffers = 256MB
EOF

    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2

    runuser -u postgres -- "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
CREATE ROLE $DB_USER LOGIN PASSWORD '$password' CREATEDB;
CREATE DATABASE $DB_NAME OWNER $DB_USER;
SQL

    echo "export ACCESSBOT_TEST_POSTGRES_URL=postgres://$DB_USER:$password@127.0.0.1:$port/$DB_NAME?sslmode=disable"
    echo "export ACCESSBOT_PG_DIR=$dir"
}

stop() {
    local dir="${ACCESSBOT_PG_DIR:-}"
    if [[ -z "$dir" || ! -d "$dir/data" ]]; then
        log "ACCESSBOT_PG_DIR is not set or holds no cluster"
        exit 1
    fi
    case "$dir" in
    /tmp/accessbot-pg.*) ;;
    *)
        log "refusing to remove $dir (not made by this script)"
        exit 1
        ;;
    esac
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    log "stopped and removed $dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
