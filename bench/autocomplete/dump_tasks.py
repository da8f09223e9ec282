#!/usr/bin/env python3
"""Writes the dev set's evaluation tasks as JSON lines, for the in-process harness
(src/test/java/io/pairpad/complete/OfflineEval.java) and the trainer.

  dump_tasks.py --out /tmp/ac/dev-eval.jsonl                      # the positions eval.py uses
  dump_tasks.py --out /tmp/ac/dev-tune.jsonl --seed tune-1 --scale 3   # other positions, for tuning

One line per file: {"lang", "path", "text", "positions": [[cursor, kind, ws, we]],
"words": [[s, e]]}; offsets are UTF-16 units (what Java strings index), ws/we null when the
next token is not a word. The sampling is eval.py's own, so only the seed differs.

  dump_tasks.py --out /tmp/ac/dev-small.jsonl --seed small-1 --window-lines 15,80

--window-lines cuts each file to a window of so many whole lines at a random place (one line per
window, two windows per file), the size of a pad being written rather than of a finished module.
"""
import argparse
import json
import os
import random
import sys
import zlib

EVAL_DIR = os.environ.get("AC_EVAL_DIR", "/work/shared/autocomplete-eval")
sys.path.insert(0, EVAL_DIR)

import corpus  # noqa: E402
import eval as ev  # noqa: E402
from lexer import tokenize, utf16_len  # noqa: E402


def code_line_starts(text, lang):
    """Indices of the lines that do not begin inside a comment or a string (a window may start there)."""
    inside = set()
    for t in tokenize(text, lang):
        if t.kind in ("comment", "string") and "\n" in text[t.start:t.end]:
            inside.update(range(t.start + 1, t.end))
    starts, offset = [], 0
    for i, line in enumerate(text.splitlines(keepends=True)):
        if offset not in inside:
            starts.append(i)
        offset += len(line)
    return starts


def windows(files, spec, seed):
    """Two windows of whole lines per file, each as a file of its own (same language and path), each
    starting on a line of code, as a pad does, not in the middle of a comment or a string."""
    lo, hi = (int(x) for x in spec.split(","))
    rng = random.Random(f"windows:{seed}")
    for lang, path, text in files:
        lines = text.splitlines(keepends=True)
        starts = code_line_starts(text, lang)
        for _ in range(2):
            n = min(len(lines), rng.randint(lo, hi))
            start = rng.choice([i for i in starts if i <= len(lines) - n] or [0])
            yield lang, path, "".join(lines[start:start + n])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--set", default="dev")
    ap.add_argument("--seed", default=None, help="sampling seed (default: eval.py's)")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--ks-words", type=int, default=ev.KS_WORDS_PER_FILE)
    ap.add_argument("--window-lines", help="MIN,MAX: cut each file to two windows of MIN..MAX lines")
    ap.add_argument("--files-half", type=int, choices=(0, 1),
                    help="only the files whose path hashes to this half: train on one, judge on the other")
    a = ap.parse_args()
    if a.seed:
        ev.SAMPLE_SEED = a.seed
    files = corpus.load_set(a.set, list(ev.LANGS))
    if a.files_half is not None:
        files = [f for f in files if zlib.crc32(f[1].encode()) % 2 == a.files_half]
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for lang, path, text in windows(files, a.window_lines, a.seed) if a.window_lines else files:
            positions, words = ev.sample_file(lang, path, text, a.scale, a.ks_words)

            def u(i):
                return None if i is None else utf16_len(text[:i])

            rec = {"lang": lang, "path": path, "text": text,
                   "positions": [[u(c), k, u(s), u(e)] for c, k, s, e in positions],
                   "words": [[u(s), u(e)] for s, e in words]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(files)} files -> {a.out}" + (" (two windows each)" if a.window_lines else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
