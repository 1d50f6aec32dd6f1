"""Near-duplicate detection: our numpy MinHash and banding against datasketch's, and the decisions.

analysis.dedup writes datasketch's MinHash ("affine32") and MinHashLSH out in numpy so a run does
not import SciPy; the stored signatures must stay bit for bit what datasketch computes (stores
written before hold them) and the bands what it chooses. datasketch is a dev dependency for this.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from analysis import dedup

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "aleppo-diplomats-urge-grace.txt"


def _datasketch_signature(text: str) -> MinHash:
    import re

    words = re.findall(r"\w+", text.lower())
    mh = MinHash(num_perm=dedup.NUM_PERM, scheme="affine32")
    mh.update_batch(
        " ".join(words[i : i + dedup.SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - dedup.SHINGLE_WORDS + 1)
    )
    return mh


def _paragraph_texts() -> list[str]:
    """Real news text of different lengths: the sample article's paragraphs and the whole."""
    text = SAMPLE.read_text(encoding="utf-8")
    return [p for p in text.split("\n") if p.strip()] + [text]


def test_signatures_are_datasketchs_bit_for_bit():
    texts = [t for t in _paragraph_texts() if len(t.split()) >= dedup.MIN_WORDS]
    assert len(texts) >= 3
    for text in texts:
        expected = _datasketch_signature(text).hashvalues.astype("<u8").tobytes()
        assert dedup.signature_bytes(text) == expected


def test_bands_are_the_ones_datasketch_chooses():
    weights = dedup.RECALL_WEIGHTS
    assert _optimal_param(dedup.DEFAULT_THRESHOLD, dedup.NUM_PERM, *weights) == (
        dedup.BANDS,
        dedup.ROWS,
    )
    lsh = MinHashLSH(threshold=dedup.DEFAULT_THRESHOLD, num_perm=dedup.NUM_PERM, weights=weights)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)


def test_the_bands_meet_a_copy_just_over_the_threshold():
    # Every 30th word of the sample changed: an estimated 0.81 of the shingles shared, which
    # datasketch's equal-weight bands (5 x 11) never met; the same for every 44th (0.83).
    text = SAMPLE.read_text(encoding="utf-8")
    words = text.split()
    index = dedup.NearDuplicateIndex()
    index.add("original", dedup.signature_bytes(text))
    for every in (30, 44):
        edited = " ".join(w + "x" if i % every == 0 else w for i, w in enumerate(words))
        assert index.original_of(f"edit{every}", dedup.signature_bytes(edited)) == "original"


def test_many_originals_each_found_by_its_own_copy():
    # More originals than the index's first allocation of rows: each copy finds its own.
    rng = np.random.default_rng(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choice(vocabulary, 80)) for _ in range(1500)]
    index = dedup.NearDuplicateIndex()
    for i, text in enumerate(texts):
        index.add(f"a{i}", dedup.signature_bytes(text))
    assert len(index) == 1500
    for i in (0, 1023, 1024, 1499):
        copy = "Wire copy. " + texts[i]
        assert index.original_of(f"c{i}", dedup.signature_bytes(copy)) == f"a{i}"


def test_short_text_has_no_signature():
    assert dedup.signature_bytes("Too short to say anything about copies. " * 3) is None


def test_a_copy_with_a_new_standfirst_is_found_and_an_unrelated_text_is_not():
    text = SAMPLE.read_text(encoding="utf-8")
    index = dedup.NearDuplicateIndex()
    index.add("original", dedup.signature_bytes(text))
    copy = "Syndicated from our partners, with thanks.\n" + text
    assert index.original_of("copy", dedup.signature_bytes(copy)) == "original"
    other = " ".join(reversed(text.split()))  # the same words, none of the same 5-word runs
    assert index.original_of("other", dedup.signature_bytes(other)) is None
    # An article is never its own duplicate.
    assert index.original_of("original", dedup.signature_bytes(text)) is None


def test_each_text_finds_itself_among_datasketchs_candidates():
    texts = _paragraph_texts()
    ours = dedup.NearDuplicateIndex()
    theirs = MinHashLSH(threshold=dedup.DEFAULT_THRESHOLD, num_perm=dedup.NUM_PERM)
    for i, text in enumerate(texts):
        sig = dedup.signature_bytes(text)
        if sig is not None:
            ours.add(f"a{i}", sig)
            theirs.insert(f"a{i}", _datasketch_signature(text))
    for i, text in enumerate(texts):
        sig = dedup.signature_bytes(text)
        if sig is None:
            continue
        found = ours.original_of("query", sig)
        assert found == f"a{i}"  # each text is its own nearest
        assert found in set(theirs.query(_datasketch_signature(text)))


def test_equal_candidates_resolve_to_the_first_indexed():
    text = SAMPLE.read_text(encoding="utf-8")
    sig = dedup.signature_bytes(text)
    index = dedup.NearDuplicateIndex()
    for name in ("zeta", "alpha", "mid"):
        index.add(name, sig)
    assert index.original_of("new", sig) == "zeta"
    assert np.frombuffer(sig, dtype="<u8").max() < 2**32  # 32-bit values stored as 8 bytes


def test_other_thresholds_are_refused():
    with pytest.raises(ValueError, match="threshold"):
        dedup.NearDuplicateIndex(threshold=0.5)


# An outlet's update of its own story: the sample's paragraphed text with a third of it replaced
# by a paragraph of our own (about 0.64 of the shingles shared: below the 0.8 of copies).
UPDATE = (
    "A spokeswoman for the foreign office said later on Saturday that the talks in Paris had "
    "ended without an agreement and that ministers would meet again within the week to discuss "
    "the evacuation of the wounded and the delivery of food to the districts still under siege."
)


def _story_and_update() -> tuple[str, str]:
    paras = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()][2:]
    return "\n\n".join(paras), "\n\n".join([*paras[:10], UPDATE, *paras[18:]])


def test_another_version_under_the_same_outlets_headline_is_one_story():
    story, update = _story_and_update()
    sig, sig2 = dedup.signature_bytes(story), dedup.signature_bytes(update)
    shared = np.count_nonzero(dedup._from_bytes(sig) == dedup._from_bytes(sig2)) / dedup.NUM_PERM
    assert dedup.VERSION_THRESHOLD <= shared < dedup.DEFAULT_THRESHOLD  # no copy by itself
    headline = "Diplomats urge Russia and Assad to show grace"
    index = dedup.NearDuplicateIndex()
    index.add("first", sig, dedup.title_key("The Guardian", headline))
    # the same outlet's headline, written with other case and spacing: a version
    key = dedup.title_key("the guardian ", "Diplomats  urge Russia and ASSAD to show grace")
    assert key == dedup.title_key("The Guardian", headline)
    assert index.original_of("update", sig2, key) == "first"
    # another outlet's story under that headline, or no headline: two stories
    assert index.original_of("update", sig2, dedup.title_key("Daily Ledger", headline)) is None
    assert index.original_of("update", sig2) is None
    # an unnamed outlet's story is no version of a named one's, nor the reverse
    assert index.original_of("update", sig2, dedup.title_key(None, headline)) is None
    unnamed = dedup.NearDuplicateIndex()
    unnamed.add("first", sig, dedup.title_key(None, headline))
    assert unnamed.original_of("update", sig2, dedup.title_key("", headline)) == "first"


def test_short_or_missing_headlines_and_outlets_make_no_version_key():
    assert dedup.title_key("BBC", "In brief") is None  # a column's headline, many stories
    # texts of no known outlet share one: a folder of one outlet's files read without --source
    assert dedup.title_key(None, "Diplomats urge Russia and Assad") == (
        "",
        "diplomats urge russia and assad",
    )
    assert dedup.title_key("BBC", None) is None
    assert dedup.title_key("BBC", "Brown names 16 March for Budget") == (
        "bbc",
        "brown names 16 march for budget",
    )


# An invented wire story, and two outlets' runs of it: each adds its own lead paragraph and
# dateline (an estimated 0.6-0.8 of the shingles shared: below the 0.8 of copies from anywhere).
WIRE_STORY = (
    "Twelve people including three children were killed on Tuesday when a fuel depot exploded "
    "on the edge of the river port of Valmora, the regional governor's office said. Firefighters "
    "fought the blaze through the night and 40 people were taken to the city hospital, which "
    "asked residents to give blood. The depot had been closed for repairs since the spring and "
    "its owners said the cause of the explosion was not yet known.\n\n"
    "The governor said an inquiry would report within a month and that the families of the dead "
    "would be compensated. Residents of the nearest streets, some 2,000 people, spent the night "
    "in schools and sports halls while engineers checked the walls of their houses for cracks.\n\n"
    "Valmora's port handles most of the region's grain exports and ships were kept away from the "
    "quay until the fire was out, harbour officials said, adding that trade would resume once "
    "divers had inspected the berths for damage."
)
LEAD_A = (
    "Herald Wire, 14 March 2023. A deadly blast lit up the sky over the port city late on "
    "Tuesday, witnesses told our correspondent, who saw smoke rising for hours."
)
LEAD_B = (
    "Updated on Wednesday. Officials in the port city counted the dead on Wednesday "
    "morning as emergency crews searched the ruins of the depot for anyone still missing."
)


def _wire_runs() -> tuple[str, str]:
    return f"{LEAD_A}\n\n{WIRE_STORY}", f"{LEAD_B}\n\n{WIRE_STORY}"


def _shared(a: str, b: str) -> float:
    sa, sb = (
        dedup._from_bytes(dedup.signature_bytes(a)),
        dedup._from_bytes(dedup.signature_bytes(b)),
    )
    return np.count_nonzero(sa == sb) / dedup.NUM_PERM


def test_figures_leave_out_dates_and_years_and_read_spelled_numbers():
    assert dedup.figures_in(LEAD_A) == frozenset()  # a dateline only
    assert dedup.figures_in("Updated Tuesday 14 Mar 2023, Sunday 15 Oct 2017.") == frozenset()
    assert dedup.figures_in("Last updated at Jul 152015. Thirteen civilians died.") == {"13"}
    assert dedup.figures_in("On 02-06-2016 one of the 7 wounded, in 2011 two.") == {"7", "2"}
    assert dedup.figures_in(WIRE_STORY) >= {"12", "3", "40", "2,000"}


@pytest.mark.parametrize(
    "mine, theirs, copy",
    [
        ({"12", "40"}, {"12", "40", "2,000"}, True),  # cut short
        ({"12", "40", "5"}, {"12", "40"}, True),  # a paragraph of its own added
        ({"12", "40"}, {"14", "40"}, False),  # the toll reported otherwise
        (frozenset(), frozenset(), True),
    ],
)
def test_a_wire_copy_changes_no_figure(mine, theirs, copy):
    assert dedup.wire_copy(frozenset(mine), frozenset(theirs)) is copy


def test_wire_originals_are_other_outlets_texts_of_the_same_days():
    first, second = _wire_runs()
    assert dedup.WIRE_CANDIDATE <= _shared(first, second) < dedup.DEFAULT_THRESHOLD
    sig, sig2 = dedup.signature_bytes(first), dedup.signature_bytes(second)
    index = dedup.NearDuplicateIndex()
    index.add("herald", sig, origin=dedup.Origin.of("Herald", "2023-03-14"))
    assert index.original_of("courier", sig2) is None  # no copy from anywhere
    assert index.wire_originals("courier", sig2, dedup.Origin.of("Courier", "2023-03-15")) == [
        "herald"
    ]
    for outlet, day in (("Herald ", "2023-03-15"), ("Courier", "2023-04-02"), ("Courier", None)):
        # the same outlet's other story, another month's, an undated text
        assert index.wire_originals("courier", sig2, dedup.Origin.of(outlet, day)) == []


# A run of the wire story cut to its first two paragraphs, the other outlet's run adding a
# paragraph of its own; and another event at the same port that day, told with the story's
# paragraph on the port as background.
OWN_PARAGRAPH = (
    "Our reporter at the scene spoke to a dock worker who said he had felt the heat of the fire "
    "from the other side of the harbour and had helped carry two of the injured to an ambulance "
    "before the police closed the road along the quay to everyone but the fire brigade."
)
OTHER_EVENT = (
    "A cargo ship ran aground at the mouth of the river on Tuesday evening and tugs worked until "
    "dawn to free it, the harbour master said. None of its 19 crew was hurt and no fuel leaked "
    "into the water, he added, though the channel stayed closed to other ships for the night.\n\n"
)


def _cut_and_extended() -> tuple[str, str]:
    paragraphs = WIRE_STORY.split("\n\n")
    cut = "\n\n".join(paragraphs[:2])
    extended = f"{LEAD_A}\n\n{WIRE_STORY}\n\n{OWN_PARAGRAPH}"
    return cut, extended


def test_a_run_cut_short_is_contained_in_the_longer_run_however_little_they_share():
    cut, extended = _cut_and_extended()
    assert _shared(cut, extended) < 0.6  # what decided until then: two reports
    words, other = dedup.shingles(cut), dedup.shingles(extended)
    assert dedup.contained(words, other) == dedup.contained(other, words) == 1.0
    assert len(words & other) / len(words | other) < 0.6
    index = dedup.NearDuplicateIndex()
    index.add(
        "herald", dedup.signature_bytes(extended), origin=dedup.Origin.of("Herald", "2023-03-14")
    )
    origin = dedup.Origin.of("Courier", "2023-03-14")
    assert index.wire_originals("courier", dedup.signature_bytes(cut), origin) == ["herald"]


def test_another_event_told_with_the_same_background_is_not_contained():
    background = WIRE_STORY.split("\n\n")[2]
    other = OTHER_EVENT + background
    share = dedup.contained(dedup.shingles(other), dedup.shingles(WIRE_STORY))
    assert 0.2 < share < dedup.WIRE_CONTAINMENT


def test_containment_of_nothing_is_nothing():
    assert dedup.contained(frozenset(), dedup.shingles(WIRE_STORY)) == 0.0
    assert dedup.shingles("Four words only here") == frozenset()
