#!/usr/bin/env python3
"""Writes the files of an evaluation list as JSON lines {"lang", "path", "text"} for
PriorBuilder. Only the development list may feed a shipped model.

  dump_files.py --set dev --out /tmp/ac/dev-files.jsonl
"""
import argparse
import json
import os
import sys

EVAL_DIR = os.environ.get("AC_EVAL_DIR", "/work/shared/autocomplete-eval")
sys.path.insert(0, EVAL_DIR)
import corpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev", choices=["dev"])
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    files = corpus.load_set(a.set, ["python", "java", "javascript"])
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for lang, path, text in files:
            f.write(json.dumps({"lang": lang, "path": path, "text": text}, ensure_ascii=False) + "\n")
    print(f"{len(files)} files -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
