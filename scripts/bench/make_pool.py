"""Pre-signs a pool of Slack `/access request ...` slash commands for wrk (scripts/bench-slack.sh).

wrk's LuaJIT has no HMAC, so the requests are signed here, right before a run
(Slack's replay guard allows a 5-minute clock difference), and written one
per line as `timestamp TAB signature TAB body` for slack.lua. Both servers get
the same pool. Bodies carry the field set Slack sends (protocols.md §1.2,
SlackPayloadFixtures.slashCommand), form-encoded with + for spaces.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import time
from urllib.parse import urlencode


DEFAULT_TEXT = "request {resource} for 4h because incident {n:04d}"


def body(n: int, user: str, resource: str, text: str = DEFAULT_TEXT) -> str:
    return urlencode([
        ("token", "legacy-ignored"), ("team_id", "T0001AAAA"), ("team_domain", "acme"),
        ("channel_id", "C0001BBBB"), ("channel_name", "ops"), ("user_id", user),
        ("user_name", user.lower()), ("command", "/access"),
        ("text", text.format(n=n, resource=resource)),
        ("api_app_id", "A0001DDDD"), ("is_enterprise_install", "false"),
        ("response_url", f"https://hooks.slack.com/commands/T0001AAAA/{1000 + n}/bench{n:04d}"),
        ("trigger_id", f"{1000 + n}.2222.bench{n:04d}"),
    ])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--secret", default="s3cret")
    parser.add_argument("--users", required=True, help="comma-separated Slack user ids, used in turn")
    parser.add_argument("--resource", default="github-admins")
    parser.add_argument("--text", default=DEFAULT_TEXT,
                        help="the command text; {n} and {resource} are filled in (diagnostics: e.g. help)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    users = args.users.split(",")
    ts = str(int(time.time()))
    key = args.secret.encode()
    with open(args.out, "w") as out:
        for n in range(args.count):
            text = body(n, users[n % len(users)], args.resource, args.text)
            assert "\t" not in text and "\n" not in text  # form-encoded: never
            mac = hmac.new(key, f"v0:{ts}:{text}".encode(), hashlib.sha256).hexdigest()
            out.write(f"{ts}\tv0={mac}\t{text}\n")


if __name__ == "__main__":
    main()
