"""The model's tokenizer as analysis.nlp adjusts it: glued quotation marks and dashes split, "m."
no exception, the model's other exceptions kept, and the same tokenizer as setting each change
on its own (the special cases rebuilt once instead of twice)."""

from __future__ import annotations

import spacy

from analysis import nlp as nlp_module


def _texts(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.tokenizer(text)]


def test_millions_full_stop_is_its_own_token(nlp):
    assert _texts(nlp, "Sales reached £40m. Profits fell.")[-5:] == [
        "m",
        ".",
        "Profits",
        "fell",
        ".",
    ]


def test_glued_quotation_mark_and_dash_split(nlp):
    assert _texts(nlp, "it was late,”Morgan added")[:6] == ["it", "was", "late", ",", "”", "Morgan"]
    assert _texts(nlp, "two were hurt.--Ann Lee.")[2:5] == ["hurt", ".", "--"]


def test_the_models_other_exceptions_kept(nlp):
    assert _texts(nlp, "We met at 9 a.m. with Dr. Hale") == [
        "We", "met", "at", "9", "a.m.", "with", "Dr.", "Hale",
    ]  # fmt: skip
    assert _texts(nlp, "They don't know")[1:3] == ["do", "n't"]


def test_same_tokenizer_as_each_change_set_on_its_own(nlp):
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    nlp_module._split_glued_quotes(stock)  # a rebuild of the special cases...
    rules = nlp_module._no_millions_abbreviation(stock.tokenizer.rules)
    stock.tokenizer.rules = rules  # ... and another
    assert stock.tokenizer.to_bytes(exclude=["vocab"]) == nlp.tokenizer.to_bytes(exclude=["vocab"])
