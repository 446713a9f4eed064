"""The peer for scripts/bench-http.sh: Python slack_sdk's WebClient posting
chat.postMessage to the same loopback fake, from N threads.

Prints one JSON line in the same shape as `accessbot-bench http client`.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from slack_sdk import WebClient


def vm_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()

    rss_before = vm_kb("VmRSS")
    client = WebClient(token="xoxb-bench-token", base_url=args.url.rstrip("/") + "/api/", timeout=10)
    failures = 0
    lock = threading.Lock()

    def post(_: int) -> None:
        nonlocal failures
        try:
            response = client.chat_postMessage(
                channel="C0123456789", text="Access request #42 for prod-db was approved by @alice")
            ok = response.status_code == 200
        except Exception:  # noqa: BLE001 - counted, as the Swift side counts
            ok = False
        if not ok:
            with lock:
                failures += 1

    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(post, range(args.threads * 5)))  # warm-up, as the Swift side does
        start = time.perf_counter()
        list(pool.map(post, range(args.requests)))
        seconds = time.perf_counter() - start
    rss_after = vm_kb("VmRSS")
    print(json.dumps({
        "client": "slack_sdk WebClient", "requests": args.requests, "failures": failures,
        "concurrency": args.threads, "seconds": round(seconds, 3),
        "requests_per_second": round(args.requests / seconds),
        "rss_before_kb": rss_before, "rss_after_kb": rss_after, "extra_rss_kb": rss_after - rss_before,
        "peak_rss_kb": vm_kb("VmHWM"),
    }))


if __name__ == "__main__":
    main()
