"""Sends one signed `/access request ...` per Slack user to a server and checks the reply.

Used by scripts/bench-slack.sh before each measurement: it proves that a valid
request is accepted and answered with the ephemeral "submitted" reply (not an
ephemeral error), and it warms AccessBot's Slack-user -> person cache
(users.info on the first request of each user). Exits 1 on any other answer.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import sys
import time
import urllib.request

from make_pool import body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="base URL, e.g. http://127.0.0.1:8089")
    parser.add_argument("--users", required=True)
    parser.add_argument("--secret", default="s3cret")
    parser.add_argument("--resource", default="github-admins")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    failed = 0
    for n, user in enumerate(args.users.split(",")):
        text = body(9000 + n, user, args.resource)
        ts = str(int(time.time()))
        sig = "v0=" + hmac.new(args.secret.encode(), f"v0:{ts}:{text}".encode(), hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            args.url.rstrip("/") + "/slack/commands", data=text.encode(), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
                     "X-Slack-Signature": sig})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, reply = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, reply = error.code, error.read().decode()
        try:
            message = json.loads(reply)
        except ValueError:
            message = {}
        ok = status == 200 and message.get("response_type") == "ephemeral" and "submitted" in message.get("text", "")
        failed += not ok
        if not args.quiet or not ok:
            print(f"  {user}: {status} {reply[:160]}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
