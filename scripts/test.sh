#!/usr/bin/env bash
# The whole test suite: SQLite and PostgreSQL. Installs what it needs, starts a throwaway
# PostgreSQL 15 cluster (unless ACCESSBOT_TEST_POSTGRES_URL is already set) and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh --tests

started_pg=""
if [[ -z "${ACCESSBOT_TEST_POSTGRES_URL:-}" ]]; then
    eval "$(scripts/pg-cluster.sh start)"
    started_pg=1
fi
cleanup() { [[ -n "$started_pg" ]] && scripts/pg-cluster.sh stop || true; }
trap cleanup EXIT

# The crash tests start the real binary: build it first.
swift build --product accessbot
swift test "$@"

# libcurl reads proxy variables from the environment: checked in a process of its own.
if [[ $# -eq 0 ]]; then
    scripts/test-http-proxy-env.sh
fi
