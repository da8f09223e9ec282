#!/usr/bin/env python3
"""Fits how sure the ranker should be (src/main/resources/complete/confidence.json): per context
class, a logistic model of "the ranker's first candidate is the right token" on the first two
candidates' probabilities, the first candidate's features, the "other" outcome's features and the
language. Ranker.rank then tempers its distribution so that the first candidate gets that
probability (Confidence.temper): the ranking stays, only how peaked it is changes. The softmax
alone cannot say how predictable the place is, only which candidate is likeliest there.

Fit it on events the ranker was not trained on (TrainDump of another sample of positions); a second
model, confidence-end.json, on positions with nothing after the cursor (TrainDump -Dprefix.only=true),
serves pads being written, where the ranker is far surer than it has reason to be:

  fit_confidence.py /tmp/ac/t3 --ranker src/main/resources/complete/ranker.json \\
      --out src/main/resources/complete/confidence.json [--eval /tmp/ac/x]
"""
import argparse
import json

import numpy as np
from scipy.optimize import minimize

import train_ranker as tr

# Confidence.FEATURES, in order; then the first candidate's Features.NAMES, then the languages.
HEAD = ["logit_p1", "logit_p2", "p1_minus_p2", "log_cands", "oov_prefix_len", "oov_log_cands", "oov_top_p_mix"]
EPS = 1e-6  # Confidence.EPS


def logit(p):
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p / (1 - p))


def events(cand, oov, ranker, ci, name):
    """Per event of class ci: the confidence features and whether the first candidate is right."""
    c, o = cand[cand[:, 1] == ci], oov[oov[:, 1] == ci]
    s, so = tr.candidate_scores(ranker, name, c[:, 4:]), o[:, 4:] @ np.array(ranker["oov"][name])
    seg = tr.segments(c, o)
    m = len(o)
    mx = so.copy()
    np.maximum.at(mx, seg, s)
    z = np.exp(so - mx)
    np.add.at(z, seg, np.exp(s - mx[seg]))
    p = np.exp(s - mx[seg]) / z[seg]
    order = np.lexsort((-p, seg))
    first = np.ones(len(order), bool)
    first[1:] = seg[order][1:] != seg[order][:-1]
    second = np.zeros(len(order), bool)
    second[1:] = ~first[1:] & first[:-1]
    top = order[first]
    p1, p2, right = np.zeros(m), np.zeros(m), np.zeros(m)
    p1[seg[top]] = p[top]
    right[seg[top]] = c[top, 2]
    p2[seg[order[second]]] = p[order[second]]
    topf = np.zeros((m, c.shape[1] - 4))
    topf[seg[top]] = c[top, 4:]
    lang = o[:, 3]
    X = np.column_stack([logit(p1), logit(p2), p1 - p2, np.log1p(np.bincount(seg, minlength=m)), o[:, 5:], topf]
                        + [lang == li for li in range(len(tr.LANGUAGES))])
    return X, right, p1


def fit(X, y, l2):
    mu, sd = X.mean(0), X.std(0)
    sd[sd == 0] = 1
    Z = np.column_stack([np.ones(len(X)), (X - mu) / sd])

    def f(w):
        q = 1 / (1 + np.exp(-(Z @ w)))
        pen = l2 * (w[1:] @ w[1:])
        return (-np.sum(y * np.log(q + 1e-12) + (1 - y) * np.log(1 - q + 1e-12)) + pen,
                Z.T @ (q - y) + 2 * l2 * np.concatenate([[0], w[1:]]))

    w = minimize(f, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 3000}).x
    weights = w[1:] / sd
    return float(w[0] - weights @ mu), weights


def coverage(score, right, precision):
    """The share of events shown when showing the surest ones while their precision stays at least precision."""
    y = right[np.argsort(-score)]
    ok = np.nonzero(np.cumsum(y) / np.arange(1, len(y) + 1) >= precision)[0]
    return (ok[-1] + 1) / len(y) if len(ok) else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prefix", help="TrainDump output prefix of positions the ranker was not trained on; "
                                   "several joined by commas")
    ap.add_argument("--ranker", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--eval", help="TrainDump output prefix of other events to compare with the ranker's own")
    a = ap.parse_args()
    ranker = json.load(open(a.ranker))
    nf = len(ranker["features"])
    cand, oov = tr.load(a.prefix, nf)
    test = tr.load(a.eval, nf) if a.eval else None
    out = {"about": "logistic models of P(the ranker's first candidate is right), per context class; "
                    "fitted by bench/autocomplete/fit_confidence.py on the dev set",
           "features": HEAD + ranker["features"] + tr.LANGUAGES, "bias": {}, "weights": {}}
    for ci, name in enumerate(tr.CLASSES):
        X, y, _ = events(cand, oov, ranker, ci, name)
        if len(y) < 200:
            continue
        b, w = fit(X, y, a.l2)
        out["bias"][name] = round(b, 6)
        out["weights"][name] = [round(x, 6) for x in w]
        if test is not None:
            Xt, yt, p1 = events(test[0], test[1], ranker, ci, name)
            q = 1 / (1 + np.exp(-(Xt @ w + b)))
            line = f"{name:11} events={len(yt):6d} top1={yt.mean():.3f} log-loss p1 " \
                   f"{-np.mean(yt * np.log(np.clip(p1, EPS, 1)) + (1 - yt) * np.log(np.clip(1 - p1, EPS, 1))):.4f}" \
                   f" model {-np.mean(yt * np.log(q) + (1 - yt) * np.log(1 - q)):.4f};"
            for prec in (0.8, 0.85, 0.9):
                line += f" shown at precision {prec}: {coverage(p1, yt, prec):.3f} -> {coverage(q, yt, prec):.3f}"
            print(line)
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
