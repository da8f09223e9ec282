#!/usr/bin/env python3
"""Client of latency.sh: builds documents of 200, 2,000 and 10,000 lines from the development
set's files of one language (concatenated), then types words into them one key at a time at
random lines (what an editor sends: the text up to the cursor, then the text from the end of
the cursor's line), and reports the latency of each request: p50, p99, max.
Every word starts on a new line, so each one also pays for moving the cursor.
"""
import argparse
import http.client
import json
import os
import random
import socket
import sys
import time
import urllib.parse

EVAL_DIR = os.environ.get("AC_EVAL_DIR", "/work/shared/autocomplete-eval")
sys.path.insert(0, EVAL_DIR)
import corpus  # noqa: E402


def document(lang, lines):
    texts = [t for _, _, t in corpus.load_set("dev", [lang])]
    out = []
    i = 0
    while len(out) < lines:
        out.extend(texts[i % len(texts)].split("\n"))
        i += 1
    return "\n".join(out[:lines]) + "\n"


class Client:
    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def post(self, body):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.conn.connect()
            self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        t0 = time.perf_counter()
        self.conn.request("POST", "/api/autocomplete", body=body, headers={"Content-Type": "application/json"})
        r = self.conn.getresponse()
        data = r.read()
        dt = time.perf_counter() - t0
        if r.status != 200:
            raise SystemExit(f"HTTP {r.status}: {data[:200]!r}")
        return dt


def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, max(0, -(-len(v) * q // 100) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--lang", default="python", choices=["python", "java", "javascript"])
    ap.add_argument("--sizes", default="200,2000,10000")
    ap.add_argument("--words", type=int, default=40, help="words typed per document")
    ap.add_argument("--seed", default="pairpad-latency-v1")
    a = ap.parse_args()
    client = Client(a.url)
    rows = []
    for n in [int(x) for x in a.sizes.split(",")]:
        text = document(a.lang, n)
        rng = random.Random(f"{a.seed}:{n}")
        lines = text.split("\n")
        starts = []
        pos = 0
        for ln in lines:
            starts.append(pos)
            pos += len(ln) + 1
        lat = []
        warm = 10
        for w in range(a.words + warm):
            li = rng.randrange(len(lines) - 1)
            line = lines[li]
            indent = len(line) - len(line.lstrip())
            word = line[indent:indent + 12] or "x"
            base = starts[li] + indent
            for k in range(len(word) + 1):
                cursor = base + k
                code = text[:base] + word[:k] + text[starts[li] + len(line):]
                # UTF-16 offset of the cursor
                units = cursor + sum(1 for ch in code[:cursor] if ord(ch) > 0xFFFF)
                body = json.dumps({"code": code, "cursorPosition": units, "language": a.lang}).encode("utf-8")
                dt = client.post(body)
                if w >= warm:
                    lat.append(dt * 1000)
        rows.append((n, len(text), len(lat), pct(lat, 50), pct(lat, 99), max(lat)))
        print(f"{n:6d} lines {len(text):8d} chars: {len(lat)} requests  p50 {pct(lat, 50):6.1f} ms  "
              f"p99 {pct(lat, 99):6.1f} ms  max {max(lat):6.1f} ms", flush=True)
    print()
    print("| lines | characters | requests | p50 ms | p99 ms | max ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, c, r, p50, p99, mx in rows:
        print(f"| {n:,} | {c:,} | {r} | {p50:.1f} | {p99:.1f} | {mx:.1f} |")


if __name__ == "__main__":
    main()
