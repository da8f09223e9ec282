#!/usr/bin/env python3
"""Fits the calibration (src/main/resources/complete/calibration.json) and the threshold for
showing a suggestion (policy.json) on records of the in-process harness run with the
calibration off and every suggestion shown, cross-validated (each file predicted with a prior
that left it out):

  java ... -Dexplain=true -Dcalibration=off -Dpolicy.showMin=0 -Dfolds.dir=DIR OfflineEval TASKS REC
  fit_calibration.py REC --out-dir src/main/resources/complete --brier 0.10

Calibration: isotonic regression (pool adjacent violators) of "the suggestion was right" on
the raw probability, per context class and kind of suggestion (full token, shortened,
word-complete), falling back to the class alone (--per-language adds maps per language); stored as knots of a monotone piecewise-linear map.
Threshold: the lowest calibrated confidence that keeps the Brier score over shown
suggestions at or below --brier.
"""
import argparse
import json
import os
from collections import defaultdict


def pava(points):
    """points: [(x, y)] -> knots [(x, y)] of the isotonic fit (block means at block mid-x)."""
    points.sort()
    blocks = []  # [sum_y, n, x_lo, x_hi]
    for x, y in points:
        blocks.append([y, 1, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            b = blocks.pop()
            a = blocks.pop()
            blocks.append([a[0] + b[0], a[1] + b[1], a[2], b[3]])
    return [((b[2] + b[3]) / 2, b[0] / b[1], b[1]) for b in blocks]


def smooth(knots, prior_n=8):
    """Shrink each block toward its neighbours' mean when small, keep monotone; thin to <= 40 knots."""
    xs = [k[0] for k in knots]
    ys = [k[1] for k in knots]
    ns = [k[2] for k in knots]
    out_x, out_y = [], []
    for i in range(len(xs)):
        lo, hi = max(0, i - 1), min(len(xs), i + 2)
        nb = sum(ns[lo:hi])
        mean = sum(ys[j] * ns[j] for j in range(lo, hi)) / nb
        y = (ys[i] * ns[i] + mean * prior_n) / (ns[i] + prior_n)
        out_x.append(xs[i])
        out_y.append(max(y, out_y[-1]) if out_y else y)
    while len(out_x) > 40:
        # merge the closest pair of knots
        j = min(range(len(out_x) - 1), key=lambda k: out_x[k + 1] - out_x[k])
        out_x[j] = (out_x[j] + out_x[j + 1]) / 2
        out_y[j] = (out_y[j] + out_y[j + 1]) / 2
        del out_x[j + 1], out_y[j + 1]
    return [round(x, 5) for x in out_x], [round(min(1.0, max(0.0, y)), 5) for y in out_y]


def interp(xs, ys, r):
    if r <= xs[0]:
        return ys[0]
    if r >= xs[-1]:
        return ys[-1]
    for i in range(1, len(xs)):
        if r <= xs[i]:
            t = (r - xs[i - 1]) / (xs[i] - xs[i - 1]) if xs[i] > xs[i - 1] else 0
            return ys[i - 1] + t * (ys[i] - ys[i - 1])
    return ys[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--brier", type=float, default=0.10)
    ap.add_argument("--min-group", type=int, default=60)
    ap.add_argument("--per-language", action="store_true",
                    help="also fit maps per language (noisier: on the dev set it did not help)")
    a = ap.parse_args()
    recs = [json.loads(line) for line in open(a.records)]
    keys = []
    if os.path.exists(a.records + ".keys"):
        keys = [json.loads(line) for line in open(a.records + ".keys")]

    def key(cls, how):
        return cls + "/" + how.rstrip("+")

    groups = defaultdict(list)
    by_cls = defaultdict(list)
    by_lang = defaultdict(list)
    for r in recs:
        if r["how"]:
            pt = (r["raw"], 1.0 if r["choiceOk"] else 0.0)
            groups[key(r["cls"], r["how"])].append(pt)
            by_cls[r["cls"] + "/*"].append(pt)
            by_lang[r["lang"] + "/" + key(r["cls"], r["how"])].append(pt)
    maps = {}
    extra = list(by_lang.items()) if a.per_language else []
    for k, pts in list(groups.items()) + list(by_cls.items()) + extra:
        if len(pts) < a.min_group:
            continue
        xs, ys = smooth(pava(list(pts)))
        maps[k] = {"x": xs, "y": ys, "n": len(pts)}

    def cal(cls, how, raw, lang=None):
        m = (maps.get(f"{lang}/{key(cls, how)}") if lang else None) or maps.get(key(cls, how)) or maps.get(cls + "/*")
        return interp(m["x"], m["y"], raw) if m else raw

    n = len(recs)
    for r in recs:
        r["c"] = cal(r["cls"], r["how"], r["raw"], r["lang"]) if r["how"] else 0.0
    best = None
    print(f"{'tau':>5} {'shown':>6} {'accept':>6} {'brier':>6} {'KS':>6}")
    words = defaultdict(list)
    for k in keys:
        words[(k["path"], k["word"])].append(k)
    for i in range(20, 96):
        tau = i / 100
        sh = [r for r in recs if r["how"] and r["c"] >= tau]
        if not sh:
            continue
        acc = sum(r["choiceOk"] for r in sh) / n
        br = sum((r["c"] - r["choiceOk"]) ** 2 for r in sh) / len(sh)
        tot = sav = 0
        for ks in words.values():
            length = ks[0]["length"]
            tot += length
            for k in sorted(ks, key=lambda k: k["k"]):
                if k["covers"] and cal(k["cls"], k["how"], k["raw"], k["lang"]) >= tau:
                    sav += length - k["k"] - 1
                    break
        if i % 5 == 0:
            print(f"{tau:5.2f} {len(sh) / n:6.3f} {acc:6.3f} {br:6.4f} {sav / max(tot, 1):6.3f}")
        if br <= a.brier and best is None:
            best = (tau, acc, br)
    # a threshold for a word being typed and one for the other context classes: lower for words
    # buys keystroke savings at a small cost in Brier score
    def score(tw, to):
        th = lambda cls: tw if cls == "WORD" else to
        sh = [r for r in recs if r["how"] and r["c"] >= th(r["cls"])]
        if not sh:
            return None
        acc = sum(r["choiceOk"] for r in sh) / n
        br = sum((r["c"] - r["choiceOk"]) ** 2 for r in sh) / len(sh)
        tot = sav = 0
        for ks in words.values():
            length = ks[0]["length"]
            tot += length
            for k in sorted(ks, key=lambda k: k["k"]):
                if k["covers"] and cal(k["cls"], k["how"], k["raw"], k["lang"]) >= th(k["cls"]):
                    sav += length - k["k"] - 1
                    break
        return acc, br, sav / max(tot, 1)

    best2 = None
    for i in range(40, 92, 2):
        for j in range(50, 92, 2):
            r = score(i / 100, j / 100)
            if r and r[1] <= a.brier and (best2 is None or r[0] + r[2] > best2[2][0] + best2[2][2]):
                best2 = (i / 100, j / 100, r)
    if best2:
        tw, to, (acc, br, ks) = best2
        print(f"thresholds: word {tw}, other {to}: accept {acc:.3f}, brier {br:.4f}, keystroke savings {ks:.3f}")
    else:
        tw = to = best[0] if best else 0.5
    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, "calibration.json"), "w") as f:
        json.dump({"about": "isotonic maps of raw suggestion probability to P(right), per context class/kind; "
                            "fitted by bench/autocomplete/fit_calibration.py on the dev set (cross-validated priors)",
                   "maps": maps}, f, indent=1)
        f.write("\n")
    pol_path = os.path.join(a.out_dir, "policy.json")
    pol = json.load(open(pol_path)) if os.path.exists(pol_path) else {}
    pol["showMin"] = [tw, to, to, to]
    with open(pol_path, "w") as f:
        json.dump(pol, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
