#!/usr/bin/env python3
"""Fits the ranker's weights (src/main/resources/complete/ranker.json) on events written by
TrainDump: for each context class, a softmax over each event's candidates and an "other
token" outcome, by L-BFGS with a small L2 penalty.

  train_ranker.py /tmp/ac/train --out src/main/resources/complete/ranker.json [--l2-lang 10]
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
    "next_clause",
]
OOV = ["oov_bias", "oov_prefix_len", "oov_log_cands", "oov_top_p_mix"]
CLASSES = ["WORD", "MEMBER", "LINE_START", "OTHER"]


LANGUAGES = ["python", "java", "javascript"]
# features that get a per-language adjustment (shrunk toward the shared weight by --l2-lang)
LANG_FEATURES = ["log_p_cache", "log_p_prior", "prior_unknown", "keyword", "builtin", "name", "op", "literal",
                 "log_dist", "log_p_mix", "analog_rel", "follow_rel", "exact", "seen_after", "parameter"]


def load(prefixes):
    """Rows: event, class, gold, language, features; several dumps are joined (events renumbered)."""
    nf, no = len(FEATURES), len(OOV)
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


def fit_class(cand, oov, l2, l2_lang):
    ev = cand[:, 0].astype(np.int64)
    oev = oov[:, 0].astype(np.int64)
    ids = {e: i for i, e in enumerate(oev)}
    seg = np.array([ids[e] for e in ev], dtype=np.int64)
    per_language = l2_lang < 1e5
    F, G = augment(cand[:, 4:], cand[:, 3], per_language), cand[:, 2]
    O, GO = oov[:, 4:], oov[:, 2]
    m, nf, no = len(oev), F.shape[1], O.shape[1]
    pen = np.full(nf + no, l2)
    pen[len(FEATURES):nf] = l2_lang

    def f(theta):
        w, v = theta[:nf], theta[nf:]
        s = F @ w
        so = O @ v
        mx = np.maximum(so, np.full(m, -np.inf))
        np.maximum.at(mx, seg, s)
        es = np.exp(s - mx[seg])
        eo = np.exp(so - mx)
        z = eo.copy()
        np.add.at(z, seg, es)
        lse = np.log(z) + mx
        gold_s = np.zeros(m)
        np.add.at(gold_s, seg, s * G)
        gold_s += so * GO
        nll = np.sum(lse - gold_s)
        p = es / z[seg]
        po = eo / z
        gw = F.T @ (p - G)
        gv = O.T @ (po - GO)
        grad = np.concatenate([gw, gv]) + 2 * pen * theta
        return nll + theta @ (pen * theta), grad

    theta0 = np.zeros(nf + no)
    theta0[FEATURES.index("log_p_mix")] = 1.0
    theta0[nf] = -4.0
    r = minimize(f, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return r.x[:nf], r.x[nf:], r.fun / m, m


def evaluate(cand, oov, out):
    """Per class on other events: mean log-loss and how often the top candidate is the right token."""
    for ci, name in enumerate(CLASSES):
        if name not in out["weights"]:
            continue
        c, o = cand[cand[:, 1] == ci], oov[oov[:, 1] == ci]
        w, v = np.array(out["weights"][name]), np.array(out["oov"][name])
        s, so = c[:, 4:] @ w, o[:, 4:] @ v
        ids = {e: i for i, e in enumerate(o[:, 0].astype(np.int64))}
        seg = np.array([ids[e] for e in c[:, 0].astype(np.int64)], dtype=np.int64)
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
    a = ap.parse_args()
    cand, oov = load(a.prefix)
    out = {"features": FEATURES, "oov_features": OOV, "weights": {}, "oov": {},
           "language_weights": {lg: {} for lg in LANGUAGES}}
    for ci, name in enumerate(CLASSES):
        c = cand[cand[:, 1] == ci]
        o = oov[oov[:, 1] == ci]
        if len(o) == 0:
            continue
        w_all, v, loss, m = fit_class(c, o, a.l2, a.l2_lang)
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
