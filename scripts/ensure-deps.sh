#!/usr/bin/env bash
# Installs the system packages AccessBot builds against, when they are missing.
# Needs root (or passwordless sudo) only when something is actually missing.
set -euo pipefail

need=()
pkg-config --exists libcurl 2>/dev/null || need+=(libcurl4-openssl-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[[ -f /usr/include/sqlite3.h ]] || need+=(libsqlite3-dev)
if [[ "${1:-}" == "--tests" ]]; then
    [[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql-15)
fi
((${#need[@]} == 0)) && exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "ensure-deps: installing ${need[*]}" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
