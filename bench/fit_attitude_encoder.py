"""Fit the sentence encoder's head ("encoder" attitudes) on NewsMTSC train: features, CV, weights.

    .venv/bin/python -m bench.fit_attitude_encoder [--limit N] [--cache FILE] [--write]

Needs scikit-learn (the ``bench`` extra); the fitted head does not (``analysis.attitude_encoder``
multiplies by the committed weights with numpy).

The features are the ones ``presslens analyze --encoder`` computes: every train sentence is
cleaned into an article and analysed by :func:`analysis.pipeline.analyse_batch` with the encoder
on, and :func:`analysis.attitude_encoder.predict` replaced by a recorder that keeps each target's
feature row (and returns its index as the polarity, so the attitude covering a gold target,
matched as ``bench.eval_sentiment`` matches it, leads back to it). Targets no attitude covers
cannot be learned from and count as neutral in the scores, as in the evaluation. Only the train
split is read; devtest_mt is never used to choose anything.

It prints 5-fold cross-validated macro-F1 on train (folds grouped by sentence) for each feature
set (the target's vector; with the sentence's; with the news scorer's probabilities) and
regularisation strength, fits the best on all of train, and ``--write`` stores it in
``analysis/lexicon/attitude_encoder.tsv`` (the standardisation folded into the weights).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from unittest import mock

import numpy as np

from analysis import attitude_encoder, attitude_model, sentiment
from bench import eval_sentiment, fit_attitude_model

ENCODER = sentiment.ENCODER_SCORER
DIM = attitude_encoder.DIM
# Feature sets by their columns in attitude_encoder.FEATURES.
SETS = {
    "target": slice(0, DIM),
    "target + sentence": slice(0, 2 * DIM),
    "target + sentence + news": slice(0, 2 * DIM + 3),
}
CS = (0.001, 0.003, 0.01, 0.03)
FOLDS = 5
OUT = Path(__file__).resolve().parents[1] / "analysis" / "lexicon" / "attitude_encoder.tsv"


def collect(rows: list[dict]) -> tuple[np.ndarray, list[bool], list[str], list[int]]:
    """Per gold target: its feature row (zeros when no attitude covers it), whether one does,
    its gold label and its sentence's index. The news scorer's probabilities in the rows are
    out-of-fold ones (:func:`news_out_of_fold`): the committed news model was fitted on these
    very targets, and its in-sample confidence would teach the head to trust it too much."""
    captured: list[np.ndarray] = []
    news_feats: list[dict] = []
    real_probabilities = attitude_model.probabilities

    def record(matrix):
        first = len(captured)
        captured.extend(matrix)
        return [(float(first + k), "neutral") for k in range(len(matrix))]

    def probabilities(feats, common=None, table=None):
        # Called once per encoded target, in the encoder's order: the news features beside it.
        news_feats.append({**feats, **(common.features if common is not None else {})})
        return real_probabilities(feats, common, table)

    with (
        mock.patch.object(attitude_encoder, "predict", record),
        mock.patch.object(attitude_model, "probabilities", probabilities),
        attitude_encoder.enabled(),
    ):
        items = eval_sentiment.predict(rows)
    X = np.zeros((len(items), len(attitude_encoder.FEATURES)), dtype=np.float32)
    covered, gold, groups, feats = [], [], [], []
    sentence_of: dict[str, int] = {}
    # One news record per encoder row, in the same order (attitude_model.predict does not go
    # through the recorded call).
    assert len(news_feats) == len(captured), (len(news_feats), len(captured))
    for i, it in enumerate(items):
        index = it["attitude"][ENCODER]
        covered.append(index is not None)
        if index is not None:
            X[i] = captured[int(index)]
        feats.append(news_feats[int(index)] if index is not None else None)
        gold.append(it["gold"])
        groups.append(sentence_of.setdefault(it["text"], len(sentence_of)))
    for i, z in news_out_of_fold(feats, covered, gold, groups).items():
        e = np.exp(np.array(z) - max(z))
        X[i, 2 * DIM :] = e / e.sum()
    return X, covered, gold, groups


def news_out_of_fold(feats, covered, gold, groups) -> dict[int, list[float]]:
    """Per covered target, the news scorer's logits from a model of the committed settings
    (read from the header of ``lexicon/attitude_model.tsv``) fitted on the folds without it."""
    header = (OUT.parent / "attitude_model.tsv").read_text(encoding="utf-8").splitlines()
    text = " ".join(line for line in header if line.startswith("#"))
    min_count = int(text.split("features seen beside >= ")[1].split()[0])
    c = float(text.split("C=")[1].split(",")[0])
    cw = text.split("class weights ")[1].split(";")[0]
    names = [
        line.lstrip("# ").strip() for line in header if line.startswith("#   ")
    ]  # the feature groups listed last
    chosen = fit_attitude_model.select(
        fit_attitude_model.only(feats, fit_attitude_model.frequent(feats, min_count)), names
    )
    return fit_attitude_model.out_of_fold(
        chosen, covered, gold, groups, c, fit_attitude_model.CLASS_WEIGHTS[cw]
    )


def model(c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=3000))


def cross_validate(X, covered, gold, groups, c) -> tuple[float, float]:
    """(macro-F1 over every train target, uncovered = neutral; over the covered ones)."""
    from sklearn.model_selection import StratifiedGroupKFold

    idx = np.array([i for i, cov in enumerate(covered) if cov])
    y = np.array(gold)[idx]
    g = np.array(groups)[idx]
    pred = ["neutral"] * len(gold)
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(X[idx], y, g):
        m = model(c).fit(X[idx[train]], y[train])
        for i, p in zip(idx[test], m.predict(X[idx[test]]), strict=True):
            pred[i] = p
    every = eval_sentiment.scores(gold, pred)["macro_f1"]
    seen = eval_sentiment.scores(list(y), [pred[i] for i in idx])["macro_f1"]
    return every, seen


def write(m, path: Path, *, columns: slice, c: float, cv: float, n: int) -> None:
    """The fitted head as ``feature<TAB>w_negative<TAB>w_neutral<TAB>w_positive`` rows, with
    the scaler folded in (a feature outside ``columns`` weighs 0)."""
    scaler, lr = m.steps[0][1], m.steps[-1][1]
    assert tuple(lr.classes_) == attitude_encoder.CLASSES, lr.classes_
    coef = lr.coef_ / scaler.scale_  # (3, k): per raw feature
    bias = lr.intercept_ - coef @ scaler.mean_
    names = attitude_encoder.FEATURES
    weights = np.zeros((len(names), 3))
    weights[columns] = coef.T
    head = [
        "attitude_encoder: read by analysis/attitude_encoder.py as the encoder scorer's head.",
        "One row per feature: its weight toward negative, neutral, positive (a multinomial",
        "logistic regression over all-MiniLM-L6-v2's mean vectors of the target and of its",
        "sentence, and the news scorer's class probabilities; the row 'bias' holds the",
        "intercepts). Source: fitted on NewsMTSC's train split only (never devtest_mt) by",
        "bench/fit_attitude_encoder.py --write, on the features presslens analyze --encoder",
        f"computes ({n} covered train targets; C={c}; standardised, the scaling folded into",
        f"these weights; 5-fold grouped cross-validated macro-F1 on train {cv:.3f}).",
    ]
    rows = [f"{attitude_encoder.BIAS}\t" + "\t".join(f"{w:.6g}" for w in bias)]
    rows += [
        f"{k}\t" + "\t".join(f"{w:.6g}" for w in ws) for k, ws in zip(names, weights, strict=True)
    ]
    path.write_text("\n".join([f"# {line}" for line in head] + rows) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N train sentences only")
    ap.add_argument("--cache", type=Path, help="keep the collected features in this .npz")
    ap.add_argument("--write", action="store_true", help=f"store the best head in {OUT.name}")
    args = ap.parse_args(argv)
    if args.cache and args.cache.exists():
        data = np.load(args.cache)
        X, covered = data["X"], list(data["covered"])
        gold, groups = list(data["gold"]), list(data["groups"])
    else:
        t0 = time.perf_counter()
        X, covered, gold, groups = collect(eval_sentiment.load("train", args.limit))
        print(f"features of {len(gold)} train targets in {time.perf_counter() - t0:.0f} s")
        if args.cache:
            np.savez(args.cache, X=X, covered=covered, gold=gold, groups=groups)
    print(f"{sum(covered)} of {len(gold)} train targets covered")
    best = None
    for name, columns in SETS.items():
        for c in CS:
            every, seen = cross_validate(X[:, columns], covered, gold, groups, c)
            print(f"{name:28} C={c:<5} CV macro-F1 {every:.3f} (covered {seen:.3f})")
            if best is None or every > best[0]:
                best = (every, name, c)
    cv, name, c = best
    print(f"best: {name}, C={c}: {cv:.3f}")
    if args.write:
        columns = SETS[name]
        idx = [i for i, cov in enumerate(covered) if cov]
        m = model(c).fit(X[idx][:, columns], np.array(gold)[idx])
        write(m, OUT, columns=columns, c=c, cv=cv, n=len(idx))
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
