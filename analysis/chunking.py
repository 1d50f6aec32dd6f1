"""Parsing a long text in pieces: bounded memory and time for any article length.

spaCy's parser needs memory in proportion to the length of the text it is given in one go (a
1,000,000-character text took 3.4 GB) and refuses texts over ``nlp.max_length`` (error E088).
:func:`parse` cuts a long text into consecutive pieces of at most :data:`CHUNK_CHARS`
characters — after a paragraph break where there is one, else after a sentence end, else after
any whitespace — parses the pieces with ``nlp.pipe`` and joins the parses with
``Doc.from_docs``. The joined ``Doc`` has exactly the original text, so every character offset
the extractors record stays valid, and each piece starts a sentence, which is where the cut was.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# Long enough that almost every news article is one piece (the parse is then unchanged), short
# enough that a piece's parse needs a few hundred MB at most.
CHUNK_CHARS = 100_000
# A cut is looked for in the last half of a window, so that pieces are never tiny.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
_SPACE = re.compile(r"\s+")


def split(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` of at most ``limit`` characters; ``"".join`` gives it back."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at ``start`` (at most ``end``)."""
    lo = start + (end - start) // 2
    para = text.rfind("\n\n", lo, end)
    if para >= 0:
        return _after_space(text, para, end)
    line = text.rfind("\n", lo, end)
    if line >= 0:
        return _after_space(text, line, end)
    last = None
    for m in _SENTENCE_END.finditer(text, lo, end):
        last = m
    if last is not None:
        return last.end()
    for m in _SPACE.finditer(text, lo, end):
        last = m
    if last is not None:
        return last.end()
    return end  # one "word" longer than half a piece: cut it


def _after_space(text: str, at: int, end: int) -> int:
    m = _SPACE.match(text, at, end)
    return m.end() if m else at + 1


def parse(language: Language, text: str, *, limit: int = CHUNK_CHARS) -> Doc:
    """``language(text)``, in pieces when ``text`` is longer than ``limit``."""
    if len(text) <= limit:
        return language(text)
    # One piece at a time (batch_size=1): nlp.pipe would otherwise parse up to 1,000 pieces
    # together, and the memory that chunking saves would be spent again.
    docs = list(language.pipe(split(text, limit), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    del docs
    assert doc.text == text, "pieces must join back to the text"  # offsets depend on it
    return doc
