"""Generates distinct synthetic articles for pipeline tests (own words, random but reproducible)."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = [
    "council",
    "harbour",
    "bridge",
    "ministers",
    "budget",
    "river",
    "school",
    "hospital",
    "market",
    "railway",
    "festival",
    "police",
    "farmers",
    "museum",
    "library",
    "station",
    "weather",
    "energy",
    "housing",
    "airport",
    "teachers",
    "nurses",
    "workers",
    "drivers",
    "plan",
    "vote",
    "report",
    "delay",
    "funding",
    "repair",
    "opening",
    "strike",
    "protest",
    "review",
    "inquiry",
    "contract",
    "scheme",
    "morning",
    "evening",
    "weekend",
    "spring",
    "autumn",
    "winter",
    "summer",
    "north",
    "south",
    "east",
    "west",
    "central",
    "coastal",
    "approved",
    "rejected",
    "announced",
    "delayed",
    "welcomed",
    "criticised",
    "opened",
    "closed",
    "expanded",
    "reduced",
]


def article_text(rng: random.Random, n_words: int) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < n_words:
        words = rng.sample(WORDS, 9)
        sentences.append(
            f"The {words[0]} {words[1]} was {words[-1]} by the {words[2]} "
            f"{words[3]} after the {words[4]} {words[5]} {words[6]} {words[7]}."
        )
    return " ".join(sentences)


def write_articles(folder: Path, count: int, *, n_words: int = 60, seed: int = 7) -> list[Path]:
    """Write ``count`` distinct .txt articles (title on line 1) into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"story-{i:05d}.txt"
        path.write_text(f"Story {i}\n\n{article_text(rng, n_words)}\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_stories(folder: Path, stories: dict[str, tuple[str, str | None]]) -> list[Path]:
    """Write each story ``name: (text, published)`` into ``folder`` as ``name.txt`` (titled
    "Story name"), with a ``name.meta.json`` sidecar giving its date when it has one."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (text, published) in stories.items():
        path = folder / f"{name}.txt"
        path.write_text(f"Story {name}\n\n{text}\n", encoding="utf-8")
        if published:
            meta = json.dumps({"title": f"Story {name}", "published": published})
            (folder / f"{name}.meta.json").write_text(meta, encoding="utf-8")
        paths.append(path)
    return paths


def analysed_stories(tmp_path: Path, stories: dict[str, tuple[str, str | None]]) -> Path:
    """A store of ``stories`` (:func:`write_stories`, in ``tmp_path/news``) analysed as
    ``presslens analyze`` does, at ``tmp_path/undated.duckdb``; returns its path."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path / "news"
    write_stories(folder, stories)
    db = tmp_path / "undated.duckdb"
    with Store(db) as store:
        analyze_paths([folder], store)
    return db


def analysed_outlet_stories(
    tmp_path: Path,
    stories: list[tuple[str, str, str | None, str]],
    *,
    title: str = "Story",
    db_name: str = "c.duckdb",
):
    """A store of ``stories`` — ``(name, outlet, published or None, text)`` each, written into
    ``tmp_path/in`` as ``name.txt`` with a sidecar giving its title ("``title`` name"), outlet
    and date — analysed as ``presslens analyze`` does, at ``tmp_path/db_name``. Returns the
    store's path and the run's summary (:func:`analysis.pipeline.analyze_paths`)."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    for name, source, published, text in stories:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"title": f"{title} {name}", "source": source}
        if published:
            meta["published"] = published
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = tmp_path / db_name
    with Store(db) as store:
        summary, _ = analyze_paths([folder], store)
    return db, summary
