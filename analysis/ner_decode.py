"""spaCy's greedy entity recogniser, its decoding loop run over arrays: the same entities, less CPU.

The stock ``ner`` component scores each token's state with its network, then picks the best
*valid* move (B-, I-, L-, U- a label, or O) in compiled code that runs without the GIL; but the
compiled validity checks, built with Cython 3, take the GIL back for every token they look at
(74 moves, a few looks each, per token). That ping-pong was 60 % of the recogniser's decoding
and a quarter of the whole parse (perf, 200 BBC articles). With no entity set before the
recogniser runs (the pipeline sets none), a move's validity depends only on whether an entity is
open and with which label, whether the token is a space, and whether there is a next token that
starts a sentence — so the valid moves are a handful of masks, and every document of a batch
takes one move per token, in lockstep. :class:`ArrayNER` keeps the stock network and scoring
(its own precomputed layer and output layer, the same float operations), chooses as the stock
loop does (the first best-scoring valid move) and sets the entities as its
``set_annotations`` does. Anything it cannot mirror exactly — a preset entity, a class the model
never saw, a beam, a GPU — goes through the stock component. tests/test_ner_decode.py checks the
entities against the stock component's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

NAME = "presslens_ner"
STOCK = "ner"
FEATURES = 3  # the recogniser's state features: the token, the open entity's first and previous

# move types, from the class names ("B-ORG", "O", "U-")
BEGIN, IN, LAST, UNIT, OUT = "BILUO"


class ArrayNER:
    """Wraps the stock greedy ``EntityRecognizer`` ``ner``."""

    def __init__(self, ner) -> None:
        self.ner = ner
        moves = ner.moves
        names = [moves.get_class_name(c) for c in range(moves.n_moves)]
        self.kinds = [name.partition("-")[0] for name in names]
        self.labels = [name.partition("-")[2] for name in names]
        label_names = sorted({label for label in self.labels if label})
        self.label_ids = {label: i for i, label in enumerate(label_names)}
        self.masks = self._masks()

    def _masks(self) -> dict[tuple, numpy.ndarray]:
        """The valid moves of a state, as a boolean mask, keyed by (open entity's label or "",
        the token is a space, there is a next token and it does not start a sentence) — the
        stock checks (spacy/pipeline/_parser_internals/ner.pyx) with no preset entity."""
        masks = {}
        for open_label in ("", *self.label_ids):
            for space in (False, True):
                for goes_on in (False, True):
                    masks[open_label, space, goes_on] = numpy.array(
                        [
                            _valid(kind, label, open_label, space, goes_on)
                            for kind, label in zip(self.kinds, self.labels, strict=True)
                        ]
                    )
        return masks

    def supported(self, docs: list[Doc]) -> bool:
        """Whether the array loop gives these docs exactly what the stock component would."""
        ner = self.ner
        model = ner.model
        return (
            ner.cfg.get("beam_width", 1) == 1
            and type(model.ops).__name__ == "NumpyOps"
            and not model.attrs.get("unseen_classes")
            and model.get_ref("lower").get_dim("nF") == FEATURES
            and model.attrs.get("has_upper", True)
            and all(not doc.has_annotation("ENT_IOB") for doc in docs)
        )

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            if not any(len(doc) for doc in batch) or not self.supported(batch):
                self.ner.set_annotations(batch, self.ner.predict(batch))
            else:
                self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        step = self.ner.model.predict(docs)  # the network over the batch (ParserStepModel)
        try:
            if not step._class_mask.all():  # a class to score lowest: the stock loop does it
                found = None
            else:
                found = self._decode(docs, step)
        finally:
            step.clear_memory()
        if found is None:
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        for doc, ents in zip(docs, found, strict=True):
            spans = [Span(doc, start, end, label=label) for start, end, label in ents]
            # = the stock set_annotations: these entities, every other token outside any
            doc.set_ents(spans, default="outside")

    def _decode(self, docs: list[Doc], step) -> list[list[tuple[int, int, str]]]:
        """The entities of each doc: one move per token, all docs of the batch in step."""
        lengths = [len(doc) for doc in docs]
        offsets = numpy.cumsum([0, *lengths[:-1]])
        spaces, goes_on = [], []
        for doc in docs:
            rows = doc.to_array([IS_SPACE, SENT_START])
            spaces.append(rows[:, 0].astype(bool).tolist())
            nxt = (rows[1:, 1] != 1).tolist()
            goes_on.append([*nxt, False])  # the last token has no next one
        opened = [""] * len(docs)  # the open entity's label
        starts = [-1] * len(docs)
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        masks, kinds, labels = self.masks, self.kinds, self.labels
        state2vec, vec2scores = step.state2vec, step.vec2scores
        for t in range(max(lengths, default=0)):
            active = [d for d, n in enumerate(lengths) if n > t]
            ids = numpy.full((len(active), FEATURES), -1, dtype="i")
            for row, d in enumerate(active):
                ids[row, 0] = offsets[d] + t
                if opened[d]:
                    ids[row, 1] = offsets[d] + starts[d]
                    ids[row, 2] = offsets[d] + t - 1
            scores = vec2scores.predict(state2vec.predict(ids))
            valid = numpy.array([masks[opened[d], spaces[d][t], goes_on[d][t]] for d in active])
            best = numpy.where(valid, scores, -numpy.inf).argmax(axis=1).tolist()
            for d, move in zip(active, best, strict=True):
                kind = kinds[move]
                if kind == BEGIN:
                    opened[d], starts[d] = labels[move], t
                elif kind == LAST:
                    found[d].append((starts[d], t + 1, opened[d]))
                    opened[d] = ""
                elif kind == UNIT:
                    found[d].append((t, t + 1, labels[move]))
        return found


def _valid(kind: str, label: str, open_label: str, space: bool, goes_on: bool) -> bool:
    """The stock ``is_valid`` of a move (spacy/pipeline/_parser_internals/ner.pyx: Begin, In,
    Last, Unit, Out) when no token has a preset entity. ``goes_on``: there is a next token and
    it does not start a sentence."""
    if kind == BEGIN:
        return not open_label and bool(label) and goes_on and not space
    if kind == IN:
        return bool(open_label) and label == open_label and goes_on
    if kind == LAST:
        return bool(open_label) and label == open_label
    if kind == UNIT:
        return not open_label and bool(label) and not space
    if kind == OUT:
        return not open_label
    return False  # the "missing" move is never valid


@Language.factory(NAME)
def make_array_ner(nlp: Language, name: str) -> ArrayNER:
    return ArrayNER(nlp.get_pipe(STOCK))


def install(nlp: Language) -> Language:
    """Put :class:`ArrayNER` in the stock recogniser's place, under its name (no-op without one)."""
    if STOCK not in nlp.pipe_names or isinstance(nlp.get_pipe(STOCK), ArrayNER):
        return nlp
    nlp.add_pipe(NAME, before=STOCK)
    nlp.remove_pipe(STOCK)
    nlp.rename_pipe(NAME, STOCK)
    return nlp
