#!/usr/bin/env bash
# Builds the Teams app package: manifests/teams/manifest.json with ${TEAMS_APP_ID} and
# ${PUBLIC_HOST} filled in, plus color.png and outline.png, zipped with no folder.
#   TEAMS_APP_ID=<bot app id> PUBLIC_URL=https://accessbot.example.com scripts/package-teams-app.sh [OUT.zip]
# Writes .build/teams/accessbot-teams.zip unless OUT.zip is given, and prints the path.
set -euo pipefail
cd "$(dirname "$0")/.."
app_id="${TEAMS_APP_ID:?set TEAMS_APP_ID to the Microsoft App ID of the Azure Bot (a GUID)}"
url="${PUBLIC_URL:?set PUBLIC_URL, e.g. https://accessbot.example.com}"
out="${1:-.build/teams/accessbot-teams.zip}"
hex='[0-9A-Fa-f]'
if [[ ! "$app_id" =~ ^$hex{8}-$hex{4}-$hex{4}-$hex{4}-$hex{12}$ ]]; then
    echo "TEAMS_APP_ID must be a GUID like 11111111-2222-3333-4444-555555555555, got \"$app_id\"" >&2; exit 2
fi
case "$url" in http://*|https://*) ;; *) echo "PUBLIC_URL must start with http:// or https://" >&2; exit 2 ;; esac
host="${url#*://}"; host="${host%%[/?#]*}"; host="${host%:*}"
if [[ ! "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
    echo "PUBLIC_URL has no usable host name: \"$url\"" >&2; exit 2
fi
host="$(tr '[:upper:]' '[:lower:]' <<<"$host")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s#\${TEAMS_APP_ID}#${app_id}#g" -e "s#\${PUBLIC_HOST}#${host}#g" manifests/teams/manifest.json >"$work/manifest.json"
if grep -q '\${' "$work/manifest.json"; then
    echo "manifest.json still has a placeholder: $(grep -o '\${[A-Za-z_]*}' "$work/manifest.json" | head -1)" >&2; exit 1
fi
python3 -m json.tool "$work/manifest.json" >/dev/null || { echo "rendered manifest.json is not valid JSON" >&2; exit 1; }
cp manifests/teams/color.png manifests/teams/outline.png "$work/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$work" && python3 -m zipfile -c package.zip manifest.json color.png outline.png)
mv "$work/package.zip" "$out"
echo "$out"
