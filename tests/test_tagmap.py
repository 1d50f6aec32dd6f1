"""The tag map and the cached lemmatizer give exactly the annotations of spaCy's own attribute
ruler and lemmatizer, token for token."""

from __future__ import annotations

import json

import pytest
import spacy

from analysis import lemmas, tagmap
from analysis import nlp as nlp_module
from tests.conftest import DATED, SAMPLE


@pytest.fixture(scope="module")
def stock(nlp):
    """The same model as the project loads, without the tag map and the cached lemmatizer
    (with the project's paragraph breaks, which change the parse, not the tags)."""
    pipeline = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    pipeline.add_pipe(nlp_module.PARAGRAPHS, before="parser")
    return pipeline


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def test_the_project_pipeline_uses_the_tag_map(nlp):
    # Every rule of the stock model is a lookup or an array rule: the Matcher has nothing left,
    # and the emptied ruler stays in its place, disabled.
    names = nlp.component_names
    assert names.index(tagmap.NAME) == names.index("attribute_ruler") - 1
    assert nlp.get_pipe("attribute_ruler").patterns == []
    assert "attribute_ruler" in nlp.disabled and tagmap.NAME in nlp.pipe_names
    assert 0 < len(nlp.get_pipe(tagmap.NAME).rest) < 40
    assert isinstance(nlp.get_pipe("lemmatizer"), lemmas.CachedLemmas)


def test_same_annotations_as_the_attribute_ruler(nlp, stock):
    texts = [SAMPLE.read_text(encoding="utf-8")] + [
        json.loads(line)["text"] for line in DATED.read_text(encoding="utf-8").splitlines()
    ]
    texts.append("I told him: “They're gonna say it ain't so, y'all.” Nothing doin'.\n\n ")
    # Every rule the Matcher ran before (regex, multi-token, negated, space), in one place.
    texts.append(
        "Nothin' goin' on, ol' pal: somethin' told 'em we'll go. Y'all gotta come, c'mon, let's "
        "see. 'Nuff said; it ca n't be, wo n't be, sha n't be. There is a man there were two "
        "women. I did it and he had it; you had seen it, I was there, they were gone, she'd "
        "gone, he gets it and got it. Give it to me, that is what which said \t\n\n  it."
    )
    assert tagmap.NAME not in stock.pipe_names
    for text in texts:
        assert _annotations(nlp(text)) == _annotations(stock(text))


def test_a_rule_arrays_cannot_express_stays_in_the_ruler(stock):
    """A quantifier is beyond the array rules: that rule and every later one stay in the ruler
    (order is precedence), and the annotations are still the ruler's."""
    ours = spacy.load(stock.meta["lang"] + "_" + stock.meta["name"])
    both = [ours, stock]
    for pipeline in both:  # the same extra rules in both, before and after a quantifier
        pipeline.get_pipe("attribute_ruler").add_patterns(
            [
                {"patterns": [[{"LOWER": "blue"}]], "attrs": {"LEMMA": "azure"}},
                {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "much"}},
                {"patterns": [[{"LOWER": "sky"}]], "attrs": {"LEMMA": "heaven"}},
            ]
        )
    tagmap.install(ours)
    kept = ours.get_pipe("attribute_ruler").patterns
    assert "attribute_ruler" in ours.pipe_names  # rules left: it still runs
    assert [p["patterns"][0][0]["LOWER"] for p in kept] == ["very", "sky"]
    text = "The very very blue sky, it ain't gonna fall. There is a sky."
    assert _annotations(ours(text)) == _annotations(stock(text))
    assert [t.lemma_ for t in ours(text)][1:5] == ["much", "much", "azure", "heaven"]


def test_install_is_idempotent_and_skips_pipelines_without_a_ruler(nlp):
    before = nlp.pipe_names
    assert tagmap.install(nlp).pipe_names == before
    assert lemmas.install(nlp).pipe_names == before
    blank = spacy.blank("en")
    assert tagmap.install(blank).pipe_names == []
    assert lemmas.install(blank).pipe_names == []


def test_text_of_is_the_doc_text(nlp):
    doc = nlp("Kerry said: “We will not stop.”")
    assert nlp_module.text_of(doc) == doc.text
    assert nlp_module.text_of(doc) is nlp_module.text_of(doc)
