"""A multi-outlet news corpus of our own writing, for tests that need more than one article.

Sixty-odd articles in the shape of wire and newspaper coverage of a war over nine months: five
outlets (each its own export file, in the formats ``presslens analyze`` reads: JSONL, JSON, CSV,
``.txt`` with a ``.meta.json`` sidecar), dated stories, direct and reported quotes from a dozen
speakers, casualty, displacement, troop and territory figures with places, and a few syndicated
copies of one story (near-duplicates the store keeps once). All texts are written here, from
sentence patterns filled with reproducible random choices; the people, outlets and events are
invented (the places are real towns, so the gazetteer knows them).

A few things are there on purpose, for the tests that use the corpus:
- spelling variants of one speaker ("Rami Haddad" / "Rami al-Haddad") and of one place
  ("Deir ez-Zor" / "Deir Ezzor"), for the corpus identity pass;
- a pronoun-attributed quote and a page-furniture line ("Share this article") in some stories;
- a story whose headline and opening sentence say "killed" and "injured" together.

:func:`write_corpus` writes the files and returns a :class:`CorpusSpec` naming what it wrote.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

OUTLETS = ("Harbour Herald", "Northern Wire", "Daily Ledger", "Example Times", "Capital Post")
START = date(2017, 1, 9)

# (name, how the story introduces them, how it refers back)
SPEAKERS = (
    ("Leila Mansour", "a spokeswoman for the Red Crescent", "Mansour"),
    ("Omar Khatib", "the governor of the province", "Khatib"),
    ("Viktor Sorokin", "a Russian defence ministry spokesman", "Sorokin"),
    ("Anna Lindqvist", "the UN envoy for the region", "Lindqvist"),
    ("Samuel Okafor", "a spokesman for the World Food Programme", "Okafor"),
    ("Rami Haddad", "who heads a monitoring group based in Britain", "Haddad"),
    ("Claire Dubois", "the French foreign minister", "Dubois"),
    ("Hassan Barakat", "a local council member", "Barakat"),
    ("Nadia Farouk", "a doctor at the main hospital", "Farouk"),
    ("James Whitfield", "a US State Department spokesman", "Whitfield"),
)
PLACES = ("Aleppo", "Idlib", "Homs", "Hama", "Douma", "Raqqa", "Deir ez-Zor", "Daraa", "Palmyra")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

QUOTES = (
    "We are running out of everything, from bread to bandages",
    "Nobody can tell these families when they will be able to go home",
    "The corridors must stay open for as long as people need them",
    "This is the worst week the city has seen since the siege began",
    "We have asked for a pause in the fighting and we are still waiting",
    "Every convoy that is turned back costs lives",
    "There is no military solution to this conflict",
    "Our teams worked through the night to reach the wounded",
    "The talks will continue, but patience is running short",
    "The shelling stopped for an hour and then started again",
    "Children are sleeping in schools and mosques because there is nowhere else",
    "We will not accept a ceasefire that exists only on paper",
)
REPORTED = (
    "the situation in the city had become desperate",
    "aid workers had been denied access for a third week",
    "the ceasefire was being broken every day",
    "new talks could begin within a month",
    "the road to the north had been cut",
    "the hospital had lost power twice in two days",
)


def _strike(rng: random.Random, place: str, day: str, s: list[tuple]) -> tuple[str, list[str]]:
    killed = rng.randint(7, 64)
    children = rng.randint(2, max(3, killed // 4))
    (n1, role1, short1), (n2, role2, short2) = s[0], s[1]
    title = rng.choice(
        (
            f"Air strikes kill {killed} in {place}",
            f"{killed} civilians dead after raids on {place}",
            f"Raids on {place} leave {killed} dead, monitor says",
        )
    )
    paras = [
        f"At least {killed} civilians, including {children} children, were killed in air "
        f"strikes on {place} on {day}, {n2}, {role2}, said.",
        f"“{rng.choice(QUOTES)},” said {n1}, {role1}.",
        f"{short2} said {rng.choice(REPORTED)}. Rescue workers were still searching the rubble "
        "of two buildings late in the evening.",
        f"{short1} said: “{rng.choice(QUOTES)}.”",
    ]
    return title, paras


def _displaced(rng: random.Random, place: str, day: str, s: list[tuple]) -> tuple[str, list[str]]:
    families = rng.choice((1200, 2500, 3000, 4500, 6000, 8000))
    people = families * rng.choice((5, 6))
    (n1, role1, short1), (n2, role2, short2) = s[0], s[1]
    title = rng.choice(
        (
            f"Thousands flee fighting around {place}",
            f"{people:,} displaced from {place} in a week",
            f"Families leave {place} as front line moves",
        )
    )
    paras = [
        f"About {people:,} people have fled {place} since {day}, {n1}, {role1}, said, as "
        "fighting moved closer to the town centre.",
        f"“{rng.choice(QUOTES)},” {short1} said. Camps to the north were already full, and "
        f"some {families:,} families were sleeping in the open.",
        f"{n2}, {role2}, said {rng.choice(REPORTED)}.",
        f"“{rng.choice(QUOTES)},” said {short2}.",
    ]
    return title, paras


def _troops(rng: random.Random, place: str, day: str, s: list[tuple]) -> tuple[str, list[str]]:
    troops = rng.choice((150, 200, 300, 400, 500, 800))
    share = rng.choice((40, 55, 60, 70, 85, 90))
    (n1, role1, short1), (n2, role2, short2) = s[0], s[1]
    title = rng.choice(
        (
            f"More troops sent to {place} as offensive widens",
            f"Government forces tighten grip on {place}",
            f"{troops} soldiers deployed near {place}",
        )
    )
    paras = [
        f"The army has sent {troops} more troops to {place}, {n1}, {role1}, said on {day}.",
        f"Government forces now control {share}% of {place}, according to {n2}, {role2}.",
        f"“{rng.choice(QUOTES)},” {short1} said.",
        f"{short2} said {rng.choice(REPORTED)}, and that {rng.choice(REPORTED)}.",
    ]
    return title, paras


def _talks(rng: random.Random, place: str, day: str, s: list[tuple]) -> tuple[str, list[str]]:
    (n1, role1, _), (n2, role2, short2), (n3, role3, _) = s[0], s[1], s[2]
    rounds = rng.randint(3, 9)
    title = rng.choice(
        (
            f"Talks on {place} resume in Geneva",
            f"Envoys meet again over {place} truce",
            f"Round {rounds} of talks opens with little hope for {place}",
        )
    )
    paras = [
        f"Negotiators met in Geneva on {day} for the {rounds}th round of talks on a truce in "
        f"{place}, where the fighting has not stopped for a single day this month.",
        f"“{rng.choice(QUOTES)},” said {n1}, {role1}. “{rng.choice(QUOTES)}.”",
        f"{n2}, {role2}, said {rng.choice(REPORTED)}.",
        f"{n3}, {role3}, said the talks would go on. {short2} did not comment.",
    ]
    return title, paras


KINDS = (_strike, _displaced, _troops, _talks)
# Background and closing paragraphs, as wire stories end; several of each, so that two stories
# share little text (near-duplicate detection compares word 5-grams).
BACKGROUND = (
    "The war, now in its seventh year, has killed more than 300,000 people and driven half "
    "of the country's population from their homes, according to UN estimates.",
    "Fighting in the province intensified last month after a local truce collapsed, and aid "
    "agencies have warned of shortages of fuel, flour and medicine.",
    "The town changed hands twice in 2015, and much of its old centre lies in ruins after "
    "months of shelling from the surrounding hills.",
    "Several ceasefires agreed in the capital have failed to hold for more than a few days, "
    "each broken within hours by shelling on the outskirts.",
    "Aid groups say roads into the area are often closed without warning, leaving lorries "
    "waiting at checkpoints for days in the heat.",
    "Local officials say the population of the district has doubled since the start of the "
    "year as people arrive from villages further east.",
)
CLOSING = (
    "Neither side could be reached for comment on the latest reports.",
    "The government has not commented on the figures, which could not be independently verified.",
    "Reporters were not allowed into the area, and the account could not be checked on the ground.",
    "The United Nations Security Council is due to discuss the situation next week.",
    "Residents said electricity had been cut for most of the day and mobile networks were down.",
)


@dataclass
class CorpusSpec:
    """What :func:`write_corpus` wrote: the files, and the stories by title (every title is
    unique among originals; ``duplicates`` maps a copy's title to its original's)."""

    files: list[Path] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    by_outlet: dict[str, list[str]] = field(default_factory=dict)
    duplicates: dict[str, str] = field(default_factory=dict)


def _story(rng: random.Random, i: int) -> dict:
    place = rng.choice(PLACES)
    day = START + timedelta(days=i * 4 + rng.randint(0, 3))  # one story every few days
    speakers = rng.sample(SPEAKERS, 3)
    title, paras = KINDS[i % len(KINDS)](rng, place, WEEKDAYS[day.weekday()], speakers)
    paras.insert(2, rng.choice(BACKGROUND))
    paras.append(rng.choice(CLOSING))
    if i % 7 == 3:
        paras.append("Share this article")
    return {
        "title": title,
        "published": day.isoformat(),
        "source": OUTLETS[i % len(OUTLETS)],
        "url": f"https://news.example.org/{day:%Y/%m/%d}/story-{i + 1}",
        "text": "\n\n".join(paras),
    }


# Written out in full: the stories the tests look for by name.
HANDWRITTEN = (
    {
        "title": "Three killed, over 70 injured as shells hit market in Hama",
        "published": "2017-05-02",
        "source": "Northern Wire",
        "text": "Three people were killed and more than 70 injured when shells hit the "
        "covered market in Hama on Tuesday morning, Hassan Barakat, a local council member, "
        "said.\n\n“The market was full, it was the first day of the month,” Barakat said. "
        "“We took the wounded to three hospitals because one could not cope.”\n\nNadia "
        "Farouk, a doctor at the main hospital, said 14 of the injured were in a serious "
        "condition. He said the shelling came from the west.\n\nShare this article",
    },
    {
        "title": "Monitor counts dead in Deir Ezzor siege",
        "published": "2017-06-20",
        "source": "Capital Post",
        "text": "At least 41 people have been killed in Deir Ezzor since the siege was "
        "tightened on Friday, Rami al-Haddad, who heads a monitoring group based in Britain, "
        "said on Tuesday.\n\n“Food stocks will last two weeks at most,” al-Haddad said. "
        "About 90,000 people remain in the government-held districts of the city.\n\nThe UN "
        "envoy, Anna Lindqvist, said an airdrop of food was being prepared.",
    },
    {
        "title": "Aid convoy reaches Douma after month-long wait",
        "published": "2017-03-15",
        "source": "Harbour Herald",
        "text": "A convoy of 46 lorries carrying food and medicine reached Douma on "
        "Wednesday, the first to enter the town in more than a month.\n\nSamuel Okafor, a "
        "spokesman for the World Food Programme, said the convoy carried enough food for "
        "35,000 people for one month.\n\n“It is a start, but it is not enough,” Okafor said. "
        "“We need access every week, not once a season.”\n\nLeila Mansour, a spokeswoman "
        "for the Red Crescent, said volunteers had unloaded the lorries overnight.",
    },
    {
        "title": "Ministers sign pledge on Raqqa reconstruction",
        "published": "2017-09-28",
        "source": "Example Times",
        "text": "Foreign ministers from eleven countries signed a pledge in Paris on "
        "Thursday to fund the rebuilding of Raqqa once the fighting ends.\n\nClaire Dubois, "
        "the French foreign minister, said the pledge was worth $1.2 billion over five "
        "years.\n\n“Raqqa must not be left in ruins for a generation,” Dubois said.\n\nJames "
        "Whitfield, a US State Department spokesman, said Washington would announce its own "
        "contribution next month.",
    },
)


def _copy_of(story: dict, outlet: str, n: int) -> dict:
    """A syndicated copy: another outlet, a standfirst added, the same body."""
    return {
        **story,
        "title": f"{story['title']} — {outlet}",
        "source": outlet,
        "url": f"https://copy.example.org/{n}",
        "text": f"{outlet} republished this report, first published by {story['source']}, "
        f"with permission.\n\n{story['text']}",
    }


def write_corpus(folder: Path, *, n_generated: int = 56, seed: int = 11) -> CorpusSpec:
    """Write the corpus into ``folder``: per outlet one file, in a format of its own."""
    rng = random.Random(seed)
    stories = [_story(rng, i) for i in range(n_generated)] + [
        {**h, "url": f"https://news.example.org/feature-{n}"} for n, h in enumerate(HANDWRITTEN)
    ]
    # Headlines repeat across generated stories of one kind: number the repeats as an outlet
    # would ("… (update)") so that every original has its own title.
    seen: dict[str, int] = {}
    for s in stories:
        n = seen[s["title"]] = seen.get(s["title"], 0) + 1
        if n > 1:
            s["title"] = f"{s['title']} (update {n - 1})"
    originals = (stories[5], stories[5], stories[-2])
    outlets = ("Capital Post", "Daily Ledger", "Northern Wire")
    copies = [
        _copy_of(o, outlet, n) for n, (o, outlet) in enumerate(zip(originals, outlets, strict=True))
    ]
    spec = CorpusSpec()
    spec.titles = [s["title"] for s in stories]
    spec.duplicates = {c["title"]: o["title"] for c, o in zip(copies, originals, strict=True)}
    folder.mkdir(parents=True, exist_ok=True)
    by_outlet: dict[str, list[dict]] = {}
    for s in stories + copies:
        by_outlet.setdefault(s["source"], []).append(s)
    spec.by_outlet = {o: [s["title"] for s in items] for o, items in by_outlet.items()}
    for outlet, items in by_outlet.items():
        slug = outlet.lower().replace(" ", "-")
        if outlet == "Harbour Herald":  # a CSV export with its own column names
            path = folder / f"{slug}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["headline", "date", "outlet", "link", "content"])
                for s in items:
                    w.writerow([s["title"], s["published"], outlet, s["url"], s["text"]])
            spec.files.append(path)
        elif outlet == "Daily Ledger":  # one JSON file holding a list
            path = folder / f"{slug}.json"
            path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
            spec.files.append(path)
        elif outlet == "Capital Post":  # one .txt per story, metadata beside it
            sub = folder / slug
            sub.mkdir(exist_ok=True)
            for n, s in enumerate(items):
                txt = sub / f"story-{n:03d}.txt"
                txt.write_text(f"{s['title']}\n\n{s['text']}\n", encoding="utf-8")
                meta = {k: s[k] for k in ("title", "published", "source", "url")}
                (sub / f"story-{n:03d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
            spec.files.append(sub)
        else:  # JSONL, one story a line
            path = folder / f"{slug}.jsonl"
            path.write_text(
                "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in items), encoding="utf-8"
            )
            spec.files.append(path)
    return spec
