#!/usr/bin/env bash
# Checks that CurlHTTPClient's default configuration honours `http_proxy` from
# the environment. It runs in a process of its own because setting the
# environment inside the shared test process would race libcurl's getenv
# calls on other threads. The fake proxy listens on the port chosen here.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export http_proxy="http://127.0.0.1:${port}" no_proxy="" NO_PROXY=""
unset HTTPS_PROXY https_proxy ALL_PROXY all_proxy
export ACCESSBOT_PROXY_TEST_PORT="$port"
exec swift test --filter 'ProxyEnvironmentTests' "$@"
