"""Property tests (hypothesis) over ingestion and the extractors with random and adversarial
input — arbitrary bytes under every suffix, unbalanced quotes, huge numbers, deeply nested HTML,
control characters: the only exception that may escape a reader is IngestError (one clear
message), the extractors never raise, and nothing takes long."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import chunking, clean, export
from analysis.ingest import IngestError, decode_bytes, read_file
from analysis.numbers import find_numbers
from analysis.records import Article

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text that news extractors find hard: quote marks of every kind, unbalanced; numbers from tiny
# to absurd; speech verbs; control characters; markup.
PIECES = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", "«", "»", "„", " said ", " told ", " according to ",
        "Kerry", "John Kerry", "the minister", "he", "she", "they", "Aleppo", "Russia",
        "1", "0", "-3", "85%", "100,000", "tens of thousands", "1e308", "9" * 400,
        "3.14.15", "1,2,3,4", "$5bn", "£", "\x00", "\x07", "\u200b", "\u2028", "\r", "\n",
        "\n\n", "\t", "<p>", "</p>", "<div>" * 50, "</div>" * 50, "<script>x()</script>",
        "&amp;", "&#0;", "(", ")", ":", ";", ",", ".", "?", "!", "—", "–", "…", " ",
    ]
)  # fmt: skip
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=80).map("".join)


@FAST
@given(st.binary(max_size=4000))
def test_decode_bytes_gives_text_or_one_clear_error(data):
    try:
        text = decode_bytes(data)
    except IngestError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".jsonl", ".csv", ".tsv"])
@settings(max_examples=60, deadline=3000)
@given(data=st.one_of(st.binary(max_size=3000), NEWSY.map(str.encode)))
def test_read_file_only_raises_ingest_error(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            docs, failures = read_file(path)
        except IngestError as exc:
            assert str(exc)
            return
        for doc in docs:
            assert isinstance(doc.text, str)
        for failure in failures:
            assert failure.reason


@FAST
@given(NEWSY)
def test_cleaning_and_numbers_never_raise(text):
    cleaned = clean.clean(text)
    assert isinstance(cleaned.text, str)
    started = time.monotonic()
    find_numbers(text)
    assert time.monotonic() - started < 5  # a hang, not a slow machine


@FAST
@given(st.text(max_size=3000), st.integers(min_value=8, max_value=400))
def test_split_is_lossless_and_bounded(text, limit):
    pieces = chunking.split(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(p for p in pieces[:-1])


@FAST
@given(st.one_of(st.text(max_size=50), st.integers(), st.none(), st.floats()))
def test_neutralised_cells_never_start_a_formula(value):
    out = export.neutralise(value)
    if isinstance(out, str):
        assert not out.startswith(export.FORMULA_START)


@SLOW
@given(NEWSY)
def test_the_extractors_never_raise_on_hostile_text(nlp, text):
    from analysis.extract import extract_article

    cleaned = clean.clean(text).text or text
    article = Article(id="p", title="t", text=cleaned, n_words=len(cleaned.split()))
    started = time.monotonic()
    result = extract_article(nlp(cleaned), article)
    assert time.monotonic() - started < 20
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(cleaned)
    for f in result.figures:
        assert 0 <= f.start <= f.end <= len(cleaned)
