"""The array decoding of the entity recogniser gives exactly the stock component's entities, and
its valid moves are the stock checks' in every state."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.pipeline._parser_internals.stateclass import StateClass
from spacy.tokens import Span

from analysis import lemmas, ner_decode, tagmap
from analysis import nlp as nlp_module
from tests.conftest import DATED, SAMPLE

INVENTED = [
    "Marta Quiroga flew from Lisbon to Oslo on Tuesday with 40 engineers from Norsk Vannkraft.",
    # a name run across a paragraph break: the break starts a sentence, no entity crosses it
    "The talks were led by Henrik\n\nOlafsen said the Baltic Grain Board would pay $3m.",
    "  \n Ana Ribeiro  \n\n",  # spaces first and last
    "Kowalski",  # one token
    "",  # no token
    "They met in São Paulo. Then Paulo Mendes left for the Hague in March 2021!",
    "WHO and the UN said 2,000 people fled Idlib; the Red Crescent counted 1,200 more.",
]


@pytest.fixture(scope="module")
def stock(nlp):
    """The project's pipeline (its tokenizer, tag map and components) with spaCy's own
    recogniser in the array decoder's place."""
    pipeline = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    tagmap.install(pipeline)
    lemmas.install(pipeline)
    nlp_module._adjust_tokenizer(pipeline)
    pipeline.add_pipe(nlp_module.PARAGRAPHS, before="parser")
    pipeline.add_pipe(nlp_module.ACRONYMS, after="ner")
    return pipeline


def _entities(doc):
    return (
        [(e.start, e.end, e.label_) for e in doc.ents],
        doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID]).tolist(),
    )


def test_the_project_pipeline_decodes_entities_with_arrays(nlp):
    fast = nlp.get_pipe("ner")
    assert isinstance(fast, ner_decode.ArrayNER)
    assert ner_decode.NAME not in nlp.pipe_names
    with nlp.select_pipes(disable=["ner", nlp_module.ACRONYMS]):
        doc = nlp(INVENTED[0])
    assert fast.supported([doc])  # the model's shape is the one the arrays mirror


def test_same_entities_as_the_stock_recogniser(nlp, stock):
    texts = [SAMPLE.read_text(encoding="utf-8"), *INVENTED] + [
        json.loads(line)["text"] for line in DATED.read_text(encoding="utf-8").splitlines()
    ]
    # one by one, and as one batch (documents of unequal lengths decoded in step)
    assert [_entities(nlp(t)) for t in texts] == [_entities(stock(t)) for t in texts]
    ours = [_entities(d) for d in nlp.pipe(texts, batch_size=len(texts))]
    assert ours == [_entities(d) for d in stock.pipe(texts, batch_size=len(texts))]


def test_a_preset_entity_goes_through_the_stock_recogniser(nlp, stock):
    text = "Jon Berg met Lena Holm in Bergen."
    docs = []
    for pipeline in (nlp, stock):
        with pipeline.select_pipes(disable=["ner", nlp_module.ACRONYMS]):
            doc = pipeline(text)
        doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
        docs.append(pipeline.get_pipe("ner")(doc))
    assert _entities(docs[0]) == _entities(docs[1])
    assert (docs[0].ents[0].text, docs[0].ents[0].label_) == ("Jon Berg", "ORG")


@pytest.mark.parametrize("text", INVENTED[:3] + INVENTED[5:])
def test_valid_moves_are_the_stock_checks(nlp, text):
    """Walk the text with the stock state, opening an entity wherever one may open and closing
    it when it can go on no more, and compare the masks with the stock ``is_valid`` of every
    move, in every state met (entity open or not, space, sentence start ahead, last token)."""
    fast = nlp.get_pipe("ner")
    moves = fast.ner.moves
    names = [moves.get_class_name(c) for c in range(moves.n_moves)]
    with nlp.select_pipes(disable=["ner", nlp_module.ACRONYMS]):
        doc = nlp(text)
    space = [t.is_space for t in doc]
    goes_on = [i + 1 < len(doc) and doc[i + 1].is_sent_start is not True for i in range(len(doc))]
    for label in ("PERSON", "GPE"):
        state, opened = StateClass(doc), ""
        for i in range(len(doc)):
            stock_valid = [bool(moves.is_valid(state, name)) for name in names]
            assert fast.masks[opened, space[i], goes_on[i]].tolist() == stock_valid
            if not opened and moves.is_valid(state, f"B-{label}"):
                move, opened = f"B-{label}", label
            elif opened and not moves.is_valid(state, f"I-{label}"):
                move, opened = f"L-{label}", ""
            else:
                move = f"I-{label}" if opened else "O"
            moves.apply_transition(state, move)
        assert state.is_final()
