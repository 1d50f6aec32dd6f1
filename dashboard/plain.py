"""Strings from the data or the URL, made safe to place in Streamlit's Markdown elements.

``st.markdown``, ``st.caption``, ``st.info``/``st.warning``/``st.error`` and headings render their
body as Markdown (links, images, emphasis, LaTeX, coloured-text directives). A stored title, a
speaker's name or a URL parameter is data, not markup: :func:`md` backslash-escapes every ASCII
punctuation character (CommonMark lets any of them be escaped, and an escaped character is
always literal text) and folds line breaks, so ``[click](https://evil.example)`` or
``![x](https://evil.example/t.png)`` shows exactly those characters and makes no link or request.
Escapes do not stop GitHub-style *autolinks* (Streamlit turns a bare ``https://…``, ``www.…`` or
``name@host.org`` in the rendered text into a link), so an invisible WORD JOINER (U+2060) is put
inside each of those patterns: the text looks the same and no longer matches. Our own
formatting goes around the escaped value.
"""

from __future__ import annotations

import math
import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(://|www(?=\.)|@)")


def md(value: object) -> str:
    """``value`` as literal text inside Markdown: one line, every ASCII punctuation escaped."""
    text = " ".join(str(value).split())
    text = _AUTOLINK.sub(lambda m: _break(m.group(1)), text)
    return _PUNCTUATION.sub(r"\\\1", text)


def given(value: object, default: str) -> object:
    """``value``, or ``default`` when it is missing: None, empty, or the NaN pandas puts in a
    text column that holds no value in the rows read ("Claimed by nan" was shown)."""
    if value is None or value == "" or isinstance(value, float) and math.isnan(value):
        return default
    return value


def _break(match: str) -> str:
    # "://" → ":⁠//", "www" → "www⁠" (before its dot), "@" → "@⁠": the pattern no longer matches.
    return f":{JOINER}//" if match == "://" else f"{match}{JOINER}"
