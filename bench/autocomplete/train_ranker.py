#!/usr/bin/env python3
"""Fits the ranker's weights (src/main/resources/complete/ranker.json) on events written by
TrainDump: for each context class, a softmax over each event's candidates and an "other
token" outcome, by L-BFGS with a small L2 penalty. A candidate's score is linear in its features
plus, outside a word, a small hidden layer (tanh units over the standardised features), which
learns how the features combine: how much a cache count is worth depends on how far back it was
seen, and so on.

  train_ranker.py /tmp/ac/train --out src/main/resources/complete/ranker.json [--hidden 8]
"""
import argparse
import json
import sys

import numpy as np
from scipy.optimize import minimize

FEATURES = [
    "log_p_cache", "log_p_prior", "prior_unknown", "log_c3", "log_c2", "log_c1", "log_uni",
    "rel3", "rel2", "rel1", "prior_rel3", "prior_rel2", "prior_rel1", "log_dist", "unseen_before",
    "seen_after", "keyword", "builtin", "name", "op", "literal", "parameter", "log_rest_len", "exact",
    "repeat_prev", "log_p_mix", "snippet", "log_analog", "analog_rel", "sibling_first", "prev_line_first",
    "log_follow", "follow_rel", "match_len", "log_long_matches", "log_match_dist",
    "log_dist_after", "first_use", "recv_member", "recv_method", "import_new", "import_order", "block_clause",
    "next_clause", "log_doc_tokens", "log_child_first", "child_first_rel",
]
OOV = ["oov_bias", "oov_prefix_len", "oov_log_cands", "oov_top_p_mix"]
CLASSES = ["WORD", "MEMBER", "LINE_START", "OTHER"]


# Features the hidden units see held within a central range of the training rows (here the 5th to 95th
# percentile): few training files are as short as a pad being started, so beyond that the units' shape
# would be a guess (units inside a word, unclipped, put an unused builtin level with a four-line pad's own
# function).
HIDDEN_CLIP = {"log_doc_tokens": 5}

LANGUAGES = ["python", "java", "javascript"]
# features that get a per-language adjustment (shrunk toward the shared weight by --l2-lang)
LANG_FEATURES = ["log_p_cache", "log_p_prior", "prior_unknown", "keyword", "builtin", "name", "op", "literal",
                 "log_dist", "log_p_mix", "analog_rel", "follow_rel", "exact", "seen_after", "parameter"]


def load(prefixes, nf=len(FEATURES)):
    """Rows: event, class, gold, language, features (nf of them); several dumps are joined (events renumbered)."""
    no = len(OOV)
    cands, oovs, base = [], [], 0
    for prefix in prefixes.split(","):
        cand = np.fromfile(prefix + ".cand", dtype="<f4").reshape(-1, 4 + nf).astype(np.float64)
        oov = np.fromfile(prefix + ".oov", dtype="<f4").reshape(-1, 4 + no).astype(np.float64)
        cand[:, 0] += base
        oov[:, 0] += base
        base = int(oov[:, 0].max()) + 1 if len(oov) else base
        cands.append(cand)
        oovs.append(oov)
    return np.vstack(cands), np.vstack(oovs)


def augment(F, lang, on=True):
    """Shared features, then for each language its copy of LANG_FEATURES (zero for other languages)."""
    if not on:
        return F
    idx = [FEATURES.index(f) for f in LANG_FEATURES]
    parts = [F]
    for li in range(len(LANGUAGES)):
        parts.append(F[:, idx] * (lang == li)[:, None])
    return np.hstack(parts)


def segments(cand, oov):
    """For each candidate row, the index of its event's row in oov."""
    ids = {e: i for i, e in enumerate(oov[:, 0].astype(np.int64))}
    return np.array([ids[e] for e in cand[:, 0].astype(np.int64)], dtype=np.int64)


def clipped(X, clip):
    """X with the columns named in clip held within their [lo, hi]."""
    X = X.copy()
    for name, (lo, hi) in clip.items():
        i = FEATURES.index(name)
        X[:, i] = np.clip(X[:, i], lo, hi)
    return X


def hidden_out(layer, X):
    """The hidden layer's activations for rows X of FEATURES (HiddenLayer.score)."""
    Xn = (clipped(X, layer.get("clip", {})) - np.array(layer["mean"])) / np.array(layer["scale"])
    return np.tanh(Xn @ np.array(layer["in"]).T + np.array(layer["bias"]))


def candidate_scores(out, name, X):
    """Scores of candidate rows X (FEATURES) in class name, as Ranker.rank computes them."""
    s = X @ np.array(out["weights"][name])
    layer = out.get("hidden", {}).get(name)
    if layer:
        s = s + hidden_out(layer, X) @ np.array(layer["out"])
    return s


def fit_class(cand, oov, l2, l2_lang, hidden, l2_hidden, seed=1):
    """Weights (shared + per-language), "other" weights, the hidden layer (or None), loss per event, events."""
    seg = segments(cand, oov)
    per_language = l2_lang < 1e5
    X = cand[:, 4:]
    F, G = augment(X, cand[:, 3], per_language), cand[:, 2]
    O, GO = oov[:, 4:], oov[:, 2]
    m, nf, no, nx = len(oov), F.shape[1], O.shape[1], X.shape[1]
    clip = {name: [float(np.percentile(X[:, FEATURES.index(name)], p)),
                   float(np.percentile(X[:, FEATURES.index(name)], 100 - p))] for name, p in HIDDEN_CLIP.items()}
    Xh = clipped(X, clip)
    mean, scale = Xh.mean(0), Xh.std(0)
    scale[scale < 1e-6] = 1
    Xn = (Xh - mean) / scale
    nh = hidden * nx + 2 * hidden
    pen = np.concatenate([np.full(nf + no, l2), np.full(nh, l2_hidden)])
    pen[len(FEATURES):nf] = l2_lang

    def unpack(theta):
        rest = theta[nf + no:]
        return (theta[:nf], theta[nf:nf + no], rest[:hidden * nx].reshape(hidden, nx),
                rest[hidden * nx:hidden * nx + hidden], rest[hidden * nx + hidden:])

    def f(theta):
        w, v, U, b, a = unpack(theta)
        h = np.tanh(Xn @ U.T + b)
        s = F @ w + h @ a
        so = O @ v
        mx = so.copy()
        np.maximum.at(mx, seg, s)
        es = np.exp(s - mx[seg])
        eo = np.exp(so - mx)
        z = eo.copy()
        np.add.at(z, seg, es)
        gold_s = so * GO
        np.add.at(gold_s, seg, s * G)
        nll = np.sum(np.log(z) + mx - gold_s)
        r = es / z[seg] - G
        ro = eo / z - GO
        dz = (r[:, None] * a[None, :]) * (1 - h * h)
        grad = np.concatenate([F.T @ r, O.T @ ro, (dz.T @ Xn).ravel(), dz.sum(0), h.T @ r])
        return nll + theta @ (pen * theta), grad + 2 * pen * theta

    rng = np.random.default_rng(seed)
    theta0 = np.concatenate([np.zeros(nf + no), rng.normal(0, 0.1, hidden * nx), np.zeros(hidden),
                             rng.normal(0, 0.1, hidden)])
    theta0[FEATURES.index("log_p_mix")] = 1.0
    theta0[nf] = -4.0
    r = minimize(f, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    w, v, U, b, a = unpack(r.x)
    layer = None
    if hidden:
        layer = {"mean": mean.tolist(), "scale": scale.tolist(), "in": U.tolist(), "bias": b.tolist(),
                 "out": a.tolist(), "clip": clip}
    return w, v, layer, r.fun / m, m


def significant(x, digits=6):
    """x (a number or nested lists of them) rounded to a few significant digits, for the JSON."""
    if isinstance(x, dict):
        return {k: significant(y, digits) for k, y in x.items()}
    if isinstance(x, list):
        return [significant(y, digits) for y in x]
    return float(f"{x:.{digits}g}")


def evaluate(cand, oov, out):
    """Per class on other events: mean log-loss and how often the top candidate is the right token."""
    for ci, name in enumerate(CLASSES):
        if name not in out["weights"]:
            continue
        c, o = cand[cand[:, 1] == ci], oov[oov[:, 1] == ci]
        s, so = candidate_scores(out, name, c[:, 4:]), o[:, 4:] @ np.array(out["oov"][name])
        seg = segments(c, o)
        mx = so.copy()
        np.maximum.at(mx, seg, s)
        z = np.exp(so - mx)
        np.add.at(z, seg, np.exp(s - mx[seg]))
        gold = so * o[:, 2]
        np.add.at(gold, seg, s * c[:, 2])
        best = np.full(len(o), -np.inf)
        np.maximum.at(best, seg, s)
        hit = np.zeros(len(o))
        np.add.at(hit, seg, (c[:, 2] == 1) & (s >= best[seg]))
        print(f"eval {name:11} events={len(o):6d} nll/event={np.mean(np.log(z) + mx - gold):.4f} "
              f"top1={np.mean(hit > 0):.4f}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prefix", help="TrainDump output prefix; several joined by commas")
    ap.add_argument("--out", required=True)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--eval", help="TrainDump output prefix of other events to report the fit on")
    ap.add_argument("--l2-lang", type=float, default=1e6,
                    help="penalty on per-language adjustments; 1e5 or more: none learnt (the default: at 10 "
                         "they did not help on the calibration sample)")
    ap.add_argument("--hidden", type=int, default=8, help="tanh units of the hidden layer per class; 0: linear")
    ap.add_argument("--l2-hidden", type=float, default=10.0, help="penalty on the hidden layer's weights")
    ap.add_argument("--hidden-classes", default="MEMBER,LINE_START,OTHER",
                    help="classes that get the hidden layer (inside a word it fitted other positions of the training "
                         "files better but files it was not trained on worse than the linear weights)")
    a = ap.parse_args()
    cand, oov = load(a.prefix)
    out = {"features": FEATURES, "oov_features": OOV, "weights": {}, "oov": {},
           "language_weights": {lg: {} for lg in LANGUAGES}, "hidden": {}}
    for ci, name in enumerate(CLASSES):
        c = cand[cand[:, 1] == ci]
        o = oov[oov[:, 1] == ci]
        if len(o) == 0:
            continue
        w_all, v, layer, loss, m = fit_class(c, o, a.l2, a.l2_lang, a.hidden if name in a.hidden_classes.split(",") else 0,
                                           a.l2_hidden)
        nfe = len(FEATURES)
        w = w_all[:nfe]
        for li, lg in enumerate(LANGUAGES):
            adj = np.zeros(nfe)
            part = w_all[nfe + li * len(LANG_FEATURES): nfe + (li + 1) * len(LANG_FEATURES)]
            for f, x in zip(LANG_FEATURES, part if len(part) else []):
                adj[FEATURES.index(f)] = x
            out["language_weights"][lg][name] = [round(float(x), 5) for x in adj]
        out["weights"][name] = [round(float(x), 5) for x in w]
        out["oov"][name] = [round(float(x), 5) for x in v]
        if layer:
            out["hidden"][name] = {k: significant(x) for k, x in layer.items()}
        print(f"{name:11} events={m:6d} nll/event={loss:.4f}", file=sys.stderr)
        top = sorted(zip(FEATURES, w), key=lambda t: -abs(t[1]))[:8]
        print("   " + ", ".join(f"{n}={x:+.2f}" for n, x in top), file=sys.stderr)
    if a.eval:
        evaluate(*load(a.eval), out)
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
