#!/usr/bin/env bash
# Runs the server on SQLite with the example config. Settings come from the environment
# and .env (see .env.example); nothing else needs installing by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh
swift build -c "${CONFIGURATION:-debug}" --product accessbot
exec "$(swift build -c "${CONFIGURATION:-debug}" --show-bin-path)/accessbot" serve "$@"
