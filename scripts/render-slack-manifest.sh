#!/usr/bin/env bash
# Prints manifests/slack/app-manifest.yaml with ${PUBLIC_URL} filled in.
set -euo pipefail
cd "$(dirname "$0")/.."
url="${PUBLIC_URL:?set PUBLIC_URL, e.g. https://accessbot.example.com}"
url="${url%/}"
case "$url" in http://*|https://*) ;; *) echo "PUBLIC_URL must start with http:// or https://" >&2; exit 2 ;; esac
sed "s#\${PUBLIC_URL}#${url}#g" manifests/slack/app-manifest.yaml
