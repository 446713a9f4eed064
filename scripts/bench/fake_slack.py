"""A tiny fake Slack Web API for scripts/bench-slack.sh (not what is measured).

Answers the methods AccessBot calls while a benchmark runs: users.info and
users.lookupByEmail (every person in the config's `users:` list has a Slack id,
U0B + the email's local part in capitals, e.g. alice@example.com <-> U0BALICE),
chat.postMessage, chat.update, conversations.open (and anything else with
{"ok": true}). GET /stats returns how often each method was called.
With --hold-posts (diagnostics only) chat.postMessage answers 429 Retry-After: 3600.

Prints `listening PORT` once it accepts connections. Loopback only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def slack_id(email: str) -> str:
    return "U0B" + re.sub(r"[^A-Z0-9]", "", email.split("@")[0].upper())


def config_people(path: str) -> dict[str, str]:
    """email -> display name, from the `users:` list (no YAML library needed for the flow style used there)."""
    people: dict[str, str] = {}
    with open(path) as config:
        for line in config:
            match = re.search(r"email:\s*([^,\s}]+@[^,\s}]+)\s*,\s*name:\s*([^,}]+)", line)
            if match:
                people[match.group(1)] = match.group(2).strip()
    return people


class State:
    def __init__(self, people: dict[str, str]):
        self.people = people
        self.by_id = {slack_id(email): email for email in people}
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()
        self.ts = itertools.count(1)

    def user(self, email: str) -> dict:
        name = self.people[email]
        return {"id": slack_id(email), "team_id": "T0001AAAA", "name": email.split("@")[0], "real_name": name,
                "deleted": False, "is_bot": False, "profile": {"email": email, "real_name": name}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: State
    hold_posts = False

    def log_message(self, *args) -> None:  # quiet: thousands of calls
        pass

    def reply(self, payload: dict, status: int = 200) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/stats":
            with self.state.lock:
                self.reply(dict(self.state.calls))
        else:
            self.reply({"ok": True})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if "json" in (self.headers.get("Content-Type") or ""):
            try:
                args = json.loads(raw or b"{}")
            except ValueError:
                args = {}
        else:
            args = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}
        method = self.path.rsplit("/", 1)[-1]
        state = self.state
        with state.lock:
            state.calls[method] = state.calls.get(method, 0) + 1
        if method == "users.info":
            email = state.by_id.get(str(args.get("user", "")))
            return self.reply({"ok": True, "user": state.user(email)} if email else {"ok": False, "error": "user_not_found"})
        if method == "users.lookupByEmail":
            email = str(args.get("email", ""))
            return self.reply({"ok": True, "user": state.user(email)} if email in state.people
                              else {"ok": False, "error": "users_not_found"})
        if method == "conversations.open":
            users = str(args.get("users", "U0")).split(",")[0]
            return self.reply({"ok": True, "channel": {"id": "D" + users[1:]}})
        if method == "chat.postMessage" and self.hold_posts:
            # Diagnostics (--hold-posts): a 429 with a long Retry-After makes AccessBot's pacer hold
            # the channel, so every later card is claimed and put back once instead of every second.
            body = b'{"ok":false,"error":"ratelimited"}'
            self.send_response(429)
            self.send_header("Retry-After", "3600")
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral"):
            channel = str(args.get("channel", "C0"))
            if channel.startswith("U"):
                channel = "D" + channel[1:]
            ts = args.get("ts") or f"1700000000.{next(state.ts):06d}"
            return self.reply({"ok": True, "channel": channel, "ts": ts, "message_ts": ts})
        if method.startswith("views."):
            return self.reply({"ok": True, "view": {"id": "V0BENCH", "hash": "h1"}})
        return self.reply({"ok": True})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--config", required=True)
    parser.add_argument("--hold-posts", action="store_true", help="answer chat.postMessage with 429, Retry-After: 3600")
    args = parser.parse_args()
    Handler.state = State(config_people(args.config))
    Handler.hold_posts = args.hold_posts
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"listening {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
