#!/usr/bin/env bash
# `scripts/format.sh` rewrites files in place; `scripts/format.sh --check` fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--check" ]]; then
    swift format lint --strict --recursive --parallel Package.swift Sources Tests
else
    swift format format --in-place --recursive --parallel Package.swift Sources Tests
fi
