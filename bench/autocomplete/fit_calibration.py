#!/usr/bin/env python3
"""Fits the calibration (src/main/resources/complete/calibration.json) and the thresholds for
showing a suggestion (policy.json) on the options the in-process harness records for every
request, cross-validated (each file predicted with a prior that left it out):

  java ... -Dexplain=true -Dfolds.dir=DIR OfflineEval TASKS REC
  fit_calibration.py REC[,REC2...] --out-dir src/main/resources/complete --brier 0.10

Calibration: isotonic regression (pool adjacent violators) of "the text typed next starts with
the option's first token part" on its raw probability, per context class and kind of option
(see SuggestionOptions.Choice), falling back to the class alone; for options of several tokens,
a second map (kind with "+") of "the rest is right too" on the tail probability, fitted where
the first part was right. Stored as knots of monotone piecewise-linear maps. Every option of
every request counts, not only the one shown, since which one is shown depends on the calibration.
Thresholds: the show threshold of each context class and the one for a suggestion of several
tokens, chosen to maximise accept + keystroke savings with the Brier score over shown
suggestions at or below --brier (one threshold for all classes outside a word: moving the
classes' thresholds one at a time from there found nothing better). The choice replays
SuggestionBuilder.pick on each half of the files with maps fitted on the other half, so that
the Brier score is not measured on the data the maps were fitted to.
"""
import argparse
import json
import os
import zlib
from collections import defaultdict

SURE_TIE = 0.02  # SuggestionBuilder.SURE_TIE
WHOLE_TOKEN_TIE = 0.1  # SuggestionBuilder.WHOLE_TOKEN_TIE


def pava(points):
    """points: [(x, y)] -> knots [(x, y, n)] of the isotonic fit (block means at block mid-x)."""
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


def fit_maps(requests, min_group):
    groups = defaultdict(list)
    for r in requests:
        for o in r["opts"]:
            how = o["how"].rstrip("+")
            if how == o["how"]:
                pt = (o["raw"], 1.0 if o["right"] else 0.0)
                groups[r["cls"] + "/" + how].append(pt)
                groups[r["cls"] + "/*"].append(pt)
            elif o["firstRight"]:
                groups[r["cls"] + "/" + o["how"]].append((o["tail"], 1.0 if o["right"] else 0.0))
    maps = {}
    for k, pts in groups.items():
        if len(pts) >= min_group:
            xs, ys = smooth(pava(pts))
            maps[k] = {"x": xs, "y": ys, "n": len(pts)}
    return maps


def calibrate(maps, cls, o):
    """Calibration.apply"""
    first = o["how"].rstrip("+")
    m = maps.get(f"{cls}/{first}") or maps.get(cls + "/*")
    c = interp(m["x"], m["y"], o["raw"]) if m else o["raw"]
    if first == o["how"]:
        return c
    t = maps.get(f"{cls}/{o['how']}")
    return c * (interp(t["x"], t["y"], o["tail"]) if t else o["tail"])


CLASSES = ["WORD", "MEMBER", "LINE_START", "OTHER"]  # ContextClass, in order


def pick(maps, r, th):
    """SuggestionBuilder.pick: th = (the show threshold of each class in CLASSES..., several tokens)."""
    if not r["cls"]:
        return None
    word = r["cls"] == "WORD"
    least = th[CLASSES.index(r["cls"])]
    ok = []
    for o in r["opts"]:
        c = calibrate(maps, r["cls"], o)
        if c >= least and (not o["how"].endswith("+") or c >= th[-1]):
            ok.append((o, c))
    if not ok:
        return None
    sure = max(c for _, c in ok)
    best = None
    for o, c in ok:
        if not word and c < sure - (SURE_TIE if o["how"] == "pre" else WHOLE_TOKEN_TIE):
            continue
        if best is None or o["len"] > best[0]["len"] or (o["len"] == best[0]["len"] and c > best[1]):
            best = (o, c)
    return best


def score(parts, th):
    """accept, Brier over shown, keystroke savings of the thresholds, over (maps, positions, words) parts."""
    n = shown = acc = 0
    brier = 0.0
    total = saved = 0
    for maps, recs, words in parts:
        for r in recs:
            n += 1
            b = pick(maps, r, th)
            if b:
                shown += 1
                acc += b[0]["right"]
                brier += (b[1] - b[0]["right"]) ** 2
        for ks in words:
            length = ks[0]["length"]
            total += length
            for k in ks:
                b = pick(maps, k, th)
                if b and b[0]["covers"]:
                    saved += length - k["k"] - 1
                    break
    return acc / max(n, 1), brier / max(shown, 1), saved / max(total, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("records", help="records of OfflineEval (several: comma-separated)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--brier", type=float, default=0.10)
    ap.add_argument("--min-group", type=int, default=60)
    a = ap.parse_args()
    recs, keys = [], []
    words = defaultdict(list)
    for sample, path in enumerate(a.records.split(",")):
        recs += [json.loads(line) for line in open(path)]
        for line in open(path + ".keys"):
            k = json.loads(line)
            keys.append(k)
            words[(k["path"], sample, k["word"])].append(k)
    for ks in words.values():
        ks.sort(key=lambda k: k["k"])

    def half(path):
        return zlib.crc32(path.encode()) % 2

    parts = []
    for h in (0, 1):
        fit_on = [r for r in recs + keys if half(r["path"]) != h]
        parts.append((fit_maps(fit_on, a.min_group),
                      [r for r in recs if half(r["path"]) == h],
                      [ks for key, ks in words.items() if half(key[0]) == h]))
    best = None

    def consider(th):
        nonlocal best
        acc, br, ks = score(parts, th)
        if br <= a.brier and (best is None or acc + ks > best[1][0] + best[1][2]):
            best = (th, (acc, br, ks))
            print(" ".join(f"{t:.2f}" for t in th) + f"  accept {acc:.3f} brier {br:.4f} KS {ks:.3f}")

    print("thresholds (" + ", ".join(CLASSES) + ", several tokens): cross-fitted figures")
    for tw in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        for to in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
            for te in (0.85, 0.9, 0.95):
                consider((tw, to, to, to, te))
    if best is None:
        raise SystemExit(f"no thresholds keep the Brier score at {a.brier}")
    th, (acc, br, ks) = best
    print(f"chosen: {th}: accept {acc:.3f}, brier {br:.4f}, keystroke savings {ks:.3f} (files' halves cross-fitted)")
    maps = fit_maps(recs + keys, a.min_group)
    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, "calibration.json"), "w") as f:
        json.dump({"about": "isotonic maps of an option's raw probability to P(right), per context class/kind; "
                            "fitted by bench/autocomplete/fit_calibration.py on the dev set (cross-validated priors)",
                   "maps": maps}, f, indent=1)
        f.write("\n")
    pol_path = os.path.join(a.out_dir, "policy.json")
    pol = json.load(open(pol_path)) if os.path.exists(pol_path) else {}
    pol["showMin"] = list(th[:-1])
    pol["extendShow"] = th[-1]
    with open(pol_path, "w") as f:
        json.dump(pol, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
