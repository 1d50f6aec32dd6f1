"""A bare entity mention for the labelling and naming rules' tests: a name alone, at the start
of its sentence, with the model's label and whatever flags a case sets (one helper for the
tests of names and of namesakes, which had each written it out)."""

from __future__ import annotations

from analysis import entities
from analysis.entities import spans


def mention(text: str, model_label: str, **flags) -> spans._Mention:
    """A mention of ``text`` the model tagged ``model_label``, with ``flags`` set on it."""
    made = spans._Mention(
        text=text,
        start=0,
        end=len(text),
        sent_start=0,
        model_label=model_label,
        bare=text,
        key=entities.name_key(text),
        title=None,
        speaker=False,
        locative=False,
        name=text,
    )
    for flag, value in flags.items():
        setattr(made, flag, value)
    return made
