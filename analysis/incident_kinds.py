"""The kinds of incident a figure's sentence tells of: what keeps two incidents from reading as
one incident counted two ways.

Conflicting figures (:func:`analysis.figure_views.conflict_groups`) pair figures of one thing, one
place and a few days. A monitor's "17 killed in a triple bombing in central Damascus" and the
state agency's "two killed by mortar shells on Bab Sharqi" the same day were shown as numbers
that cannot both be true. So each comparable figure carries the kinds its sentence names (air
strikes, shelling, bombs, fighting, shooting, chemical weapons, mines), and two figures whose
sentences name kinds and no kind in common are not paired. A word may name two kinds
("bombing": from the air or a car bomb, "missiles"); a sentence naming none is comparable with
any. Computed in SQL from the figure's sentence (:data:`KINDS_SQL`, one bit per kind) when the
store writes the figure, and kept with it (``figures.kinds``, :data:`FILL_SQL`): the conflict
summary, the copies of the rows in view and the article index read it from there.

What was hit is told the same way (:data:`TARGETS`: a market, a school, a hospital, a convoy …, in
the bits above the kinds): two figures whose sentences name targets and none in common are two
incidents. And two figures are only paired on evidence that they tell of one incident: a kind
or a target both sentences name. A city at war has several incidents a day; on FA-KES, pairing
by place, days and compatible kinds alone put a strike on one village beside a gas attack on
another town ("7 of the first 12 killed conflicts", an analyst's read), and a chemical attack is
a kind no other incident shares, so one named beside one not is never the same.

The same integer carries the weapon named (:data:`WEAPONS`: a mortar is not a missile, though
both are shelling), who attacked (:data:`SIDES`: rebels' rockets on Damascus and the regime's
bombardment of Ghouta are two incidents), whether the toll is one over a span of days
(:data:`SPAN_PATTERN`: "over the last 48 hours" is no single strike's) and the day of the week
named (:data:`WEEKDAYS`: a day after the other article was published is not its incident).
Aircraft named without an attacker are the government's or the coalition's (:data:`AIR_POWER`).
It carries too whether the sentence names one strike (:data:`SINGLE_PATTERN`: one strike's toll
is not the toll of a day's strikes unless both name its target), a province's total (read as a
span), a toll the source has since replaced (:data:`SUPERSEDED_PATTERN`) and a part of a larger
figure (``figures.part_of``). The sentence is read up to an earlier incident it goes on to
("Syrian air strikes kill 70 after rebel rocket attack": the rockets are not the 70's).

Three rules came from an analyst's read of the real store's 40 killed conflicts, 17 of them two
incidents: tolls published two or more days apart are paired only on evidence of one incident
(a target both name, or days named at most one apart: :data:`EVIDENCE_MASK`); a part of the
place (a neighbourhood, what was hit: :data:`PLACE_PART_BIT`) with a lower toll than the wider
place's is no disagreement (:data:`NOT_PART_OF_WIDER_SQL`); a day's span ("in the past 24
hours") is not a span of days (:data:`DAY_SPAN_BIT`). The attacker is read, where none is named,
from whose area was hit (:data:`REBEL_HELD`), and a hospital where the wounded were taken is no
target.

Three more from the next read of the 29 left (schema 30): one name is often a city and the
province around it ("Deir Ezzor", "Idlib"), and a toll of the city is no toll of elsewhere in
its province (:data:`CITY_BIT`: a missile on a neighbourhood of "the eastern city" beside boats
hit on the Euphrates in "the province"); two neighbourhoods named are two incidents
(:data:`PART_NAME_PATTERN`: SANA's separate rocket attacks on two Aleppo neighbourhoods of one
day); a day named two or more days from the other report's incident day needs the evidence
tolls published apart need ("Saturday" in an article of Wednesday beside that Wednesday's toll).
"""

from __future__ import annotations

# (kind, a regular expression over the lower-cased sentence); a kind's bit is its position.
INCIDENT_KINDS = (
    ("air", r"air ?strikes?|air raids?|air force|warplanes?|jets?\b|helicopters?|barrel bombs?|"
            r"bombing|bombard|missiles?|drones?"),
    ("shelling", r"\bshell(s|ing|ed)?\b|mortars?|rockets?|artillery|missiles?|bombard|barrage"),
    ("bomb", r"car bombs?|bombing|bomber|suicide|explosions?|explosives?|blasts?|\bied\b"),
    ("fighting", r"clash(es)?\b|fighting|battles?|ambush"),
    ("shooting", r"snipers?|shooting|gunmen|gunfire|shot dead|executed|execution"),
    ("chemical", r"chemical|chlorine|sarin|toxic gas|poison gas|gas attack|nerve (agent|gas)"),
    ("mine", r"land ?mines?|mine blast"),
)  # fmt: skip


# (target, a regular expression over the lower-cased sentence): what an incident hit. A target's
# bit is TARGETS_FIRST_BIT plus its position.
TARGETS = (
    ("market", r"\bmarkets?\b|bazaar|souk"),
    ("school", r"\bschools?\b|kindergarten|universit"),
    ("hospital", r"hospital|clinic|medical (centre|center|facilit)"),
    ("convoy", r"convoy|\bbus(es)?\b|evacuees"),
    ("worship", r"mosques?\b|church|shrine"),
    ("bakery", r"baker(y|ies)|bread queue"),
    ("checkpoint", r"checkpoint"),
    ("prison", r"prison|\bjail"),
    ("camp", r"\bcamps?\b"),
    ("gathering", r"wedding|funeral|celebration|graduation"),
    ("police", r"police (station|headquarters)"),
)  # fmt: skip
TARGETS_FIRST_BIT = 8
KINDS_MASK = (1 << len(INCIDENT_KINDS)) - 1
TARGETS_MASK = ((1 << len(TARGETS)) - 1) << TARGETS_FIRST_BIT
# (weapon, a regular expression over the lower-cased sentence): the weapon named, in the bits from
# WEAPONS_FIRST_BIT. A kind holds several weapons ("shelling": mortars, rockets, artillery), so two
# figures of one kind may still be two incidents: on FA-KES "a mortar attack on Al Qousour
# district" had been paired with "15 killed in missile strike" the next day. Two figures whose
# sentences name weapons and none in common are two incidents. "Rocket" and "missile" are one
# weapon here: reports call one strike by either word.
WEAPONS = (
    ("mortar", r"mortars?"),
    ("missile", r"missiles?|rockets?"),
    ("artillery", r"artillery|tank (fire|shells?)"),
    ("barrel bomb", r"barrel bombs?"),
)  # fmt: skip
WEAPONS_FIRST_BIT = 19
WEAPONS_MASK = ((1 << len(WEAPONS)) - 1) << WEAPONS_FIRST_BIT
# A toll over a span of days ("over the last 48 hours", "in two days", "since Thursday", "over the
# weekend", "in continued ... attacks") counts
# several strikes, no single one: a figure of a span and one of no span are not two counts of one
# incident (FA-KES: "79 civilians killed over the last 48 hours by air strikes" against "15 killed
# in missile strike" on Deir Ezzor). Its scope stays an event (FA-KES gold takes such a toll for
# the day's); only the pairing reads the bit.
_NUMBER_OF_DAYS = r"(two|three|four|five|six|seven|ten|several|few|\d+)"
SPAN_PATTERN = (
    rf"(over|in|during|within|for) the (last|past|previous) ({_NUMBER_OF_DAYS} )?(days|weeks?|month)"
    rf"|(over|in|during|within|for) (the (last|past|previous) )?(24|36|48|72|96) hours"
    rf"|(over|in|during|within|for) (the (last|past|previous) )?(twenty-four|forty-eight) hours"
    rf"|\b(over|in|within|during) {_NUMBER_OF_DAYS} days|\b{_NUMBER_OF_DAYS}-day"
    rf"|\b(over|during) the weekend"
    rf"|\b(continued|continuing|ongoing) ([a-z-]+ )?([a-z-]+ )?([a-z-]+ )?(attacks|strikes|raids|shelling)"
    rf"|\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week)"
)
SPAN_BIT = 1 << 23
# (side, who it names, how): who carried out the attack (the side's name before an attack word,
# "rebels fired rockets", "Russian air strikes", or after "by", "shelling by the Assad regime"),
# in the bits from SIDES_FIRST_BIT. Two figures whose sentences name attackers and none in common
# are two incidents: FA-KES paired "rebels fired rockets on Damascus killing three civilians" with
# the regime's bombardment of Ghouta. A name that only says who holds a place ("rebel-held", "a
# village held by Islamic State") is not read as an attacker.
_ATTACK_WORDS = (
    r"(air ?strikes?|airstrikes?|air raids?|air force|raids?|warplanes?|jets|planes|aircraft|helicopters?|"
    r"drones?|shelling|shells?|bombardment|bombing|artillery|mortars?|rockets?|"
    r"missiles?|barrel bombs?|barrage|attacks?|offensive|fire|fired|shelled|launched|attacked|"
    r"bombarded|car bombs?|suicide|advance|advances|advanced|advancing|assault)"
)
_BY_WORDS = (
    r"(strikes?|raids?|shelling|bombardment|bombing|attacks?|attacked|fired|launched|carried out|conducted|"
    r"shells?|rockets?|mortars?|missiles?|killed)"
)
SIDES = (
    ("government", r"(regime|government|pro-government|pro-regime|loyalist|syrian|russian|russia|"
                   r"assad|army|iranian|hezbollah)"),
    ("opposition", r"(rebels?|insurgents?|jihadists?|militants?|islamic state|isis|isil|daesh|"
                   r"nusra|opposition|terrorists?|armed groups?)"),
    ("coalition", r"(coalition|us-led|u\.s\.-led|american|u\.s\.|israeli|turkish|turkey)"),
)  # fmt: skip
SIDES_FIRST_BIT = 27
SIDES_MASK = ((1 << len(SIDES)) - 1) << SIDES_FIRST_BIT
# Aircraft named and no attacker: the government's or the coalition's (the rebels have none). On
# the real store "nine civilians killed in rebel shelling" of western Aleppo was paired with "51
# killed in air raids and shelling attacks" across the city and its countryside.
AIR_POWER = r"air ?strikes?|airstrikes?|air raids?|warplanes?|\bjets?\b|helicopters?|barrel bombs?|air force"
AIR_SIDES = sum(
    1 << (SIDES_FIRST_BIT + i) for i, (side, _) in enumerate(SIDES) if side != "opposition"
)
# Whose area was hit, where no attacker nor aircraft is named: a toll in "rebel-held areas" is
# the government's or the coalition's, one in "government-held" districts the rebels'. On the
# real store "43 civilians dead in bombardment of rebel-held areas" had been paired with "five
# civilians killed by a rocket shell fired by terrorists" on a park of the same city.
REBEL_HELD = r"\b(rebel|opposition|insurgent|jihadist)[- ](held|controlled|run)\b"
GOVERNMENT_HELD = r"\b(government|regime|army|loyalist)[- ](held|controlled)\b"
OPPOSITION_SIDE = next(
    1 << (SIDES_FIRST_BIT + i) for i, (side, _) in enumerate(SIDES) if side == "opposition"
)


def _side_pattern(names: str) -> str:
    # "Russia's jets", "regime forces shelled", "carried out by Assad regime warplanes"; the
    # forces alone are no attack ("an attack on government forces" names the attacked). The
    # apostrophe may be gone ("Assads air force", as FA-KES prints it).
    return (
        rf"\b{names}(\x27s|s)? ((forces|troops|army|fighters|militants) )?{_ATTACK_WORDS}\b"
        rf"|\b{_BY_WORDS} by (the )?([a-z-]+ )?{names}\b"
    )


# The day of the week the sentence names ("killed on Thursday", "Saturday's air strikes"), 1
# (Monday) to 7 (Sunday), 0 for none, in three bits from WEEKDAY_FIRST_BIT: with the article's
# date it is the incident's day, and two casualty figures whose days differ are two incidents (on
# the real store 9 of 97 conflicts paired "killed on Saturday" with "killed on Monday" within the
# window).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_FIRST_BIT = 24
CHEMICAL_BIT = 1 << next(b for b, (kind, _) in enumerate(INCIDENT_KINDS) if kind == "chemical")


# One strike named ("an airstrike hit a field hospital", "a shell fired by regime troops", "the
# attack", "a Damascus blast"), in bit SINGLE_BIT: its toll and a toll of strikes in the plural
# ("17 killed in air strikes" across a province, "11 killed in regime shelling" of a town) are
# one incident only when both sentences name the same target (on the real store a shell on one
# school in Jisreen had been paired with the day's toll of the town's shelling). Up to three
# words may stand between the article and the noun ("a separate air strike", "an alleged
# chemical weapon attack"); the noun is singular ("a number of rocket shells" is no one shell). A
# blast, an explosion, a car bomb is one with or without its article; "a bombing" of a town may
# be a day's raids. "A rocket hit" is one, "a number of rocket shells" many; "a twin bombing" one.
SINGLE_PATTERN = (
    r"\b(a|an|one|the|single|separate)( [a-z-]+)?( [a-z-]+)?( [a-z-]+)? (air ?strike|airstrike|"
    r"air raid|strike|raid|shell|bomb|car bomb|car bombing|blast|explosion|suicide (bomber|bombing|"
    r"attack)|attack)\b|\b(blast|explosion|car bomb|car bombing|suicide bomber|suicide bombing)\b"
    r"|\b(a|an|one|the|single)( [a-z-]+)? (rocket|missile)( [^s]|[^ a-z]|$)"
    r"|\b(double|twin|triple) (suicide )?(bombings?|blasts?|explosions?|car bombs?|attacks?)\b"
)
SINGLE_BIT = 1 << 7
# A toll over a province ("in Aleppo province", "across rebel-held Idlib province") that names no
# smaller place (a town, a village, a neighbourhood, a building) nor one strike is the sum of
# several incidents, as a span of days is: it reads as the SPAN_BIT. On the real store "327
# civilians including 126 children killed in fighting in Aleppo province" was paired with a
# day's "51 killed" in the city, "17 killed in air strikes" in Idlib province with a strike on
# a fuel market in one of its towns.
PROVINCE_PATTERN = (
    r"\b(in|on|across|throughout) (the )?([a-z-]+ )?([a-z-]+ )?([a-z-]+ )?(province|governorate)\b"
    r"|\b(across|throughout) (the )?([a-z-]+ )?(country|syria)\b"
)
SMALLER_PLACE = (
    r"\b(towns?|villages?|city|neighbo(u)?rhoods?|districts?|camps?|streets?|square|suburbs?|"
    r"roads?|buildings?|crossing|hospitals?|schools?|markets?|river|bridge)\b"
)
# A figure the sentence gives as a toll since replaced ("the monitor had initially given a death
# toll of 34", "up from 34", "an earlier toll of 34"), in bit SUPERSEDED_BIT: it takes part in
# no conflict, and another article's figure of that value is no conflict with this article's
# either (analysis.figure_views: the source updated it). Read in the words just before the figure.
SUPERSEDED_PATTERN = (
    r"(initial|earlier|previous|preliminary|first|old) (death )?toll (of|at|was|stood at)"
    r"( about| around| at least| some)? $"
    r"|(initially|originally|previously|earlier|first) (gave|given|put|reported|said|announced|"
    r"set)( [a-z-]+)?( [a-z-]+)?( [a-z-]+)?( [a-z-]+)? $"
    r"|(up|rose|risen|rising|climbed|jumped|increased|revised( up| upward| down)?) from"
    r"( about| around| at least| some)? $"
)
SUPERSEDED_BIT = 1 << 30
# A toll told as a running count ("death toll rises to 70", "the toll hits 43", "has risen to
# 112", "the number of dead climbed from 34 to 53"), in bit RISING_BIT: the count at one hour of
# a day, which goes on rising as the dead are found. A larger toll of the same incident reported
# the same day is a later count, not a claim against it (analysis.figure_views._NOT_RISEN_SQL;
# on the real store Reuters' "Death Toll ... Rises to 70" and AFP's "toll ... hits 43" of the
# Rashidin bus bombing were paired with the day's "at least 100"). Read in the words just
# before the figure: a noun of a count, then a verb of rising right before it.
RISING_PATTERN = (
    r"\b(toll|tolls|tally|count|number|casualties)\b.*\b(rises|rose|risen|rising|climbs|climbed|"
    r"climbing|hits|hit|reached|reaches|jumped|jumps|mounted|mounts|increased|increases|soared|"
    r"soars)( from [a-z0-9,.-]+)?( to)?( about| around| at least| nearly| almost| some| more than|"
    r" over)? $"
)
RISING_BIT = 1 << 46
# "Members" name no kind of people until the group is said: "nine members of the Army of
# Conquest" (fighters) and "15 members of medical staff" share the victims class "members" (the
# unit's head noun), and the real store paired them as one toll of a Khan Tuman clinic that
# disagreed. A figure whose unit is members carries its group in bits 47-54: the first word
# after "members of (the)" in the words after the figure, else the word before "members" there
# ("Four Hezbollah members"), coded as the neighbourhood's name is (five letters; 0: none said).
# Two tolls of members are paired only when they say the same group, or neither says one.
_AFTER_FIGURE = (
    "substr(lower({f}.sentence), strpos(lower({f}.sentence), lower({f}.text)) + length({f}.text))"
)
MEMBERS_GROUP_SQL = (
    f"coalesce(nullif(regexp_extract({_AFTER_FIGURE}, "
    f"'^ ?(?:[a-z-]+ ){{{{0,2}}}}?members? of (?:the |a |an |its |their )?([a-z-]+)', 1), ''), "
    f"regexp_extract({_AFTER_FIGURE}, '^ ?(?:[a-z-]+ ){{{{0,2}}}}?([a-z-]+) members?\\b', 1))"
)
MEMBERS_UNITS = ("members", "member")
GROUP_FIRST_BIT = 47
GROUP_MASK = 255 << GROUP_FIRST_BIT
# A figure that is part of a larger one of its own sentence ("51 civilians including four
# children": figures.part_of) is paired only with another part: the part of one toll beside
# another's whole is no disagreement (the same sentence in two articles paired "including 10
# when their bus was hit" with the 31 it belongs to).
PART_BIT = 1 << 32
# An aircraft shot down or crashed ("All five people on board a Russian military helicopter were
# killed when it was shot down"): its dead are the crew's, told of no strike on the ground. Like
# a chemical attack, a kind no other incident shares, so it pairs only with another downing
# (the real store paired a helicopter's five with "15 killed by Russian airstrikes" that day:
# both sentences name aircraft). In bit 33 (the kinds' low bits are all taken).
DOWNING_PATTERN = (
    r"\b(shot|brought) down\b|\bdowning\b|\bdowned\b"
    r"|\b(plane|jet|helicopter|aircraft|drone)s? (crash(ed|es)?|came down|went down)\b"
)
DOWNING_BIT = 1 << 33
# A day's toll ("in the past 24 hours") is a span too (SPAN_PATTERN), but a day's: it and a toll
# of days ("in continued attacks", "over the weekend") count different spans, the day's a part of
# the longer one. Bit 34 tells them apart (the real store paired "25 civilians killed in rocket
# attacks during the past 24 hours" with "at least 57 killed in continued terrorist attacks").
DAY_SPAN_PATTERN = (
    r"(over|in|during|within|for) (the (last|past|previous) )?(24|twenty-four) hours"
    r"|(over|in|during|within|for) the (last|past|previous) day\b"
)
DAY_SPAN_BIT = 1 << 34
# The sentence tells of a part of its figure's place: what was hit (TARGETS) or one
# neighbourhood, district, road, building or named area, or a list of named ones ("on al-Midan and
# al-Ashrafiyeh neighbourhoods"), in bit 35. A part's toll below the toll of the place around
# it is no disagreement: "three civilians killed by rocket shells on Salah Eddin neighbourhood"
# and "51 civilians killed in air raids and shelling on the city and its countryside" can both
# be true (analysis.figure_views reads the bit with NOT_PART_OF_WIDER_SQL). Plural
# neighbourhoods of no name ("opposition-held neighbourhoods", "the eastern districts") are the
# wider place, not a part.
PLACE_PART_PATTERN = (
    r"\b(neighbo(u)?rhood|district|road|building)\b"
    r"|\band (al-)?[a-z-]+ (neighbo(u)?rhoods|districts)\b"
    r"|\b[a-z-]+\)? area (of|in)\b"
)
# Plural neighbourhoods that name none, read out first: "Hamadaniyah and other neighbourhoods",
# "opposition-held neighbourhoods"; an area of a place is a part where it has a name ("the Bab
# Sharqi area of Old Damascus", not "the area of Aleppo").
_UNNAMED_PARTS = (
    r"\b(other|several|many|some|residential|nearby|surrounding|eastern|western|northern|"
    r"southern|central|[a-z]+-held|[a-z]+-controlled) (neighbo(u)?rhoods|districts)\b"
    r"|\b(the|a|an|wider|surrounding|rural|whole|entire|border|residential|same|this|that) area\b"
)
PLACE_PART_BIT = 1 << 35
# Which part of a place's name the sentence tells of, where one name is a city and the province
# around it ("Idlib", "Deir Ezzor", "Hasakeh"): the city itself ("in the eastern city of Deir
# el-Zour", "Aleppo city", "the provincial capital": CITY_BIT, bit 36) or somewhere else in the
# province ("its small boats crossing the Euphrates River" in "Deir al-Zor province", "the
# countryside", "rural Idlib": ELSEWHERE_BIT, bit 37). A figure of the city and one of elsewhere in
# its province are two incidents: the real store paired a missile's 15 on a neighbourhood of
# "the eastern city of Deir el-Zour" with 60 killed on boats on the Euphrates in "Deir al-Zor
# province". A sentence that names the city and more ("the city and its countryside", "on the
# city outskirts", "a town 15 km from Idlib city") is neither; a province named with no smaller
# place is its total (PROVINCE_PATTERN), and "the town of" alone says nothing of a province (a
# town is "the city of Douma" in one report and "the town of Douma" in the next).
CITY_PATTERN = r"\b(city|provincial capital)\b"
BEYOND_CITY = (
    r"\b(province|governorate|countryside|rural|outskirts|suburbs?|towns?|villages?)\b"
    r"|\b(near|outside|around|from) (the )?([a-z-]+ )?city\b"
)
ELSEWHERE_PATTERN = (
    r"\b(countryside|rural|outskirts|suburbs?)\b"
    r"|\b(province|governorate)\b.*\b(towns?|villages?|river|crossing|border|camps?)\b"
    r"|\b(towns?|villages?|river|crossing|border|camps?)\b.*\b(province|governorate)\b"
)
CITY_BIT = 1 << 36
ELSEWHERE_BIT = 1 << 37
# The one neighbourhood or district the sentence names ("on al-Hamadaniye neighborhood", "the
# neighbourhood of Al-Maghayer", "the Maghayir district"), as the first five letters of its name
# without "al-", coded into bits 38-45 (0: none, or a list: "al-Midan and al-Ashrafiyeh
# neighbourhoods"). Two figures naming two neighbourhoods are two incidents: SANA's "two others
# injured ... on al-Hamadaniye neighborhood" had been paired with "4 others were injured due to
# rocket shells ... on Salah-Eddin neighborhood" the same day. Five letters, as transliterations
# differ in their ends ("al-Hamadaniye", "al-Hamadaniyeh", "Maghayir", "Al-Maghayer"). Read from
# the sentence as written: a name is capitalised ("a residential neighbourhood" names none), and
# the figure's own place is none ("a neighbourhood of Aleppo").
_PART_NOUN = r"(?:[Nn]eighbo(?:u)?rhood|[Dd]istrict|[Qq]uarter)"
_AL = r"(?:(?:al|Al|el|El|Ash|ash)-)?"
_GENERIC_PARTS = (
    r"^(Residential|Eastern|Western|Northern|Southern|Central|Old|New|Same|Busy|Crowded|Nearby|"
    r"Populated|Densely|Rebel|Government|Opposition|Regime|Kurdish|Christian|Shiite|Sunni|Alawite)$"
)
# the name before the noun ("Salah Eddin neighborhood"), else after it ("the district of Midan")
PART_NAME_BEFORE = rf"(?:^|[^A-Za-z-]){_AL}([A-Z][a-z]+)(?:[ -][A-Z][a-z]+)? {_PART_NOUN}\b"
PART_NAME_AFTER = rf"(?:[Nn]eighbo(?:u)?rhood|[Dd]istrict) of (?:the )?{_AL}([A-Z][a-z]+)"
PART_NAME_FIRST_BIT = 38
PART_NAME_MASK = 255 << PART_NAME_FIRST_BIT
# Where a sentence goes on to an earlier incident after the figure's own ("Syrian air strikes
# kill 70 people after rebel rocket attack", "following rocket attacks by rebels") or to another
# ("the rebel barrage killed 10 in Damascus while the government air strikes ..."), the kinds
# are read up to that word: the rockets are another incident's. Only when the words before it
# hold the figure and name a kind (not "10 killed after a missile hit the school", where the
# words after tell how), or when the earlier incident is dated apart ("hours after").
_LATER = r"\b(after|following|in (retaliation|response) (for|to)|while|whereas)\b"
_HOURS_LATER = r"\b(hours|days|a day|weeks|shortly|just|soon) after\b"
# Schoolchildren are no school hit ("11 people including six school children were killed in
# shelling on the town").
# Nor is a hospital where the wounded were treated or the dead were seen ("31 hurt were being
# treated in Turkish hospitals", "two elderly people dead at a hospital": on the real store these
# two had been paired on the hospital they both name).
_NOT_TARGETS = (
    r"\bschool ?(children|child|kids|boys|girls|students|pupils)"
    r"|\b(treated|taken|rushed|brought|admitted|died|dead|evacuated|transferred|transported|"
    r"hospitali[sz]ed|receiving treatment)( [a-z-]+)?( [a-z-]+)? (in|to|at|from|into) "
    r"(a |an |the )?([a-z-]+ )?(hospitals?|clinics?|medical (centres?|centers?))"
    # nor the hospitals that took the wounded in ("hospitals received more than 80 wounded")
    r"|\b(hospitals?|clinics?) (received|receiving|treated|treating|admitted|took in)\b"
)


def _kinds_sql() -> str:
    # One bit per kind and target: the pairing tests two integers, where two lists'
    # intersection doubled the time of a year's pairs at a million articles (0.06 -> 0.13 s).
    # The sentence is read as ``ks`` (up to an earlier incident, see _LATER), the words before
    # the figure as ``kp``: each computed once, in a lambda.
    bits = [(bit, pattern) for bit, (_kind, pattern) in enumerate(INCIDENT_KINDS)]
    bits += [(TARGETS_FIRST_BIT + i, pattern) for i, (_target, pattern) in enumerate(TARGETS)]
    bits += [(WEAPONS_FIRST_BIT + i, pattern) for i, (_weapon, pattern) in enumerate(WEAPONS)]
    bits += [(SIDES_FIRST_BIT + i, _side_pattern(names)) for i, (_, names) in enumerate(SIDES)]
    bits += [(SINGLE_BIT.bit_length() - 1, SINGLE_PATTERN)]
    days = ", ".join(f"'{d}'" for d in WEEKDAYS)
    named = "|".join(WEEKDAYS)
    any_kind = "|".join(pattern for _kind, pattern in INCIDENT_KINDS)
    # the day a source spoke is not the incident's ("has reached at least 126 ... the
    # Observatory said on Sunday", of Saturday's bombing): left out before the day is read
    said = f"(said|says|reported|announced|told [a-z]+) (late |early )?(on )?({named})"
    weekday = (
        f"coalesce(list_position([{days}], regexp_extract(regexp_replace(ks, "
        f"'{said}', '', 'g'), '\\b({named})\\b', 1)), 0) * {1 << WEEKDAY_FIRST_BIT}"
    )
    sides = " + ".join(
        f"CASE WHEN regexp_matches(ks, '{_side_pattern(names)}') THEN "
        f"{1 << (SIDES_FIRST_BIT + i)} ELSE 0 END"
        for i, (_, names) in enumerate(SIDES)
    )
    flags = " + ".join(
        f"CASE WHEN regexp_matches(ks, '{pattern}') THEN {1 << bit} ELSE 0 END"
        for bit, pattern in bits
        if not SIDES_FIRST_BIT <= bit < SIDES_FIRST_BIT + len(SIDES)
    )
    total = (
        f"CASE WHEN regexp_matches(ks, '{SPAN_PATTERN}') OR (regexp_matches(ks, "
        f"'{PROVINCE_PATTERN}') AND NOT regexp_matches(ks, '{SMALLER_PLACE}') AND NOT "
        f"regexp_matches(ks, '{SINGLE_PATTERN}')) THEN {SPAN_BIT} ELSE 0 END"
    )
    any_target = "|".join(pattern for _target, pattern in TARGETS)
    place = (
        f"CASE WHEN regexp_matches(ks, '{any_target}') OR regexp_matches(regexp_replace(ks, "
        f"'{_UNNAMED_PARTS}', ' ', 'g'), '{PLACE_PART_PATTERN}') THEN {PLACE_PART_BIT} ELSE 0 END"
    )
    day_span = f"CASE WHEN regexp_matches(ks, '{DAY_SPAN_PATTERN}') THEN {DAY_SPAN_BIT} ELSE 0 END"
    city = (
        f"CASE WHEN regexp_matches(ks, '{CITY_PATTERN}') THEN (CASE WHEN regexp_matches(ks, "
        f"'{BEYOND_CITY}') THEN 0 ELSE {CITY_BIT} END) WHEN regexp_matches(ks, "
        f"'{ELSEWHERE_PATTERN}') THEN {ELSEWHERE_BIT} ELSE 0 END"
    )
    # the named part's key: the capitalised name before the noun, else after "of", its first
    # five letters (a list of parts, or a generic word, names none)
    named = (
        f"coalesce(nullif(regexp_extract({{f}}.sentence, '{PART_NAME_BEFORE}', 1), ''),"
        f" regexp_extract({{f}}.sentence, '{PART_NAME_AFTER}', 1))"
    )
    # the five letters' codes as a number base 31 (not DuckDB's hash(), which may change with
    # its version while a store keeps the kinds it wrote)
    key = " + ".join(f"ascii(substr(lower({named}), {i + 1}, 1)) * {31**i}" for i in range(5))
    part_name = (
        # (plural parts of no name, where the attackers are, name no list: "terrorists in the
        # eastern neighborhoods fired shells on al-Midan neighborhood" names al-Midan)
        f"CASE WHEN regexp_matches(regexp_replace(ks, '{_UNNAMED_PARTS}', ' ', 'g'),"
        f" '\\b(neighbo(u)?rhoods|districts|quarters)\\b')"
        f" OR regexp_matches({named}, '{_GENERIC_PARTS}') OR {named} = ''"
        # "a neighbourhood of Aleppo": the figure's own place, no part of it
        f" OR lower(left({named}, 5)) = lower(left(coalesce({{f}}.location, ''), 5)) THEN 0"
        f" ELSE (({key}) % 255 + 1)::BIGINT << {PART_NAME_FIRST_BIT} END"
    )
    # the group of members: its first five letters' key, as the neighbourhood's
    group = MEMBERS_GROUP_SQL
    group_key = " + ".join(f"ascii(substr({group}, {i + 1}, 1)) * {31**i}" for i in range(5))
    members = (
        f"CASE WHEN lower(regexp_extract(coalesce({{f}}.unit, ''), '(\\S+)$')) IN {MEMBERS_UNITS}"
        f" AND {group} <> '' THEN (({group_key}) % 255 + 1)::BIGINT << {GROUP_FIRST_BIT} ELSE 0 END"
    )
    figure = (
        f"{place} + {day_span} + {city} + {part_name} + {members}"
        f" + CASE WHEN {{f}}.part_of IS NOT NULL THEN {PART_BIT} ELSE 0 END"
        f" + CASE WHEN regexp_matches(ks, '{DOWNING_PATTERN}') THEN {DOWNING_BIT} ELSE 0 END"
        f" + CASE WHEN regexp_matches(kp, '{SUPERSEDED_PATTERN}') THEN {SUPERSEDED_BIT} ELSE 0 END"
        f" + CASE WHEN regexp_matches(kp, '{RISING_PATTERN}') THEN {RISING_BIT} ELSE 0 END"
    )
    # the attackers named, else the aircraft's sides, else the sides that hit whose area
    attackers = (
        f"list_transform([{sides}], lambda ka: CASE WHEN ka <> 0 THEN ka"
        f" WHEN regexp_matches(ks, '{AIR_POWER}') THEN {AIR_SIDES}"
        f" ELSE (CASE WHEN regexp_matches(ks, '{REBEL_HELD}') THEN {AIR_SIDES} ELSE 0 END)"
        f" | (CASE WHEN regexp_matches(ks, '{GOVERNMENT_HELD}') THEN {OPPOSITION_SIDE} ELSE 0 END)"
        f" END)[1]"
    )
    body = f"({flags} + {total} + {attackers} + {weekday} + {figure})::BIGINT"
    text = "lower({f}.text)"
    cut = (
        f"CASE WHEN {text} = '' THEN kl"
        f" WHEN strpos(regexp_extract(kl, '^(.*?){_HOURS_LATER}', 1), {text}) > 0"
        f" THEN regexp_extract(kl, '^(.*?){_HOURS_LATER}', 1)"
        f" WHEN strpos(regexp_extract(kl, '^(.*?){_LATER}', 1), {text}) > 0"
        f" AND regexp_matches(regexp_extract(kl, '^(.*?){_LATER}', 1), '{any_kind}')"
        f" THEN regexp_extract(kl, '^(.*?){_LATER}', 1) ELSE kl END"
    )
    before = (
        f"CASE WHEN strpos(kl, {text}) > 0 THEN substr(kl, 1, strpos(kl, {text}) - 1) ELSE '' END"
    )
    return (
        f"list_transform([regexp_replace(lower({{f}}.sentence), '{_NOT_TARGETS}', ' ', 'g')],"
        f" lambda kl: list_transform([struct_pack(s := {cut}, p := {before})],"
        f" lambda kq: list_transform([kq.s], lambda ks: list_transform([kq.p], lambda kp: {body})[1])[1]"
        f")[1])[1]"
    )


# The kinds and targets of the figure aliased ``{f}`` (``.format(f="f")``): a BIGINT, bit i set
# for the i-th kind of INCIDENT_KINDS, bit TARGETS_FIRST_BIT + i for the i-th of TARGETS (0: the
# sentence names none), then the weapons (bits 19-22), a span of days or a province's total
# (23), the weekday (24-26), the attackers (27-29), a toll since replaced (30), one strike named
# (7), a part of a larger figure (32), an aircraft downed (33), a day's span ("in the past 24
# hours", 34), a part of the place (a target, a neighbourhood: 35) and the city a place's name
# stands for (36) or elsewhere in its province (37), the neighbourhood named (38-45), a toll
# told as rising (46) and the group of members (47-54).
KINDS_SQL = _kinds_sql()
# The kinds stored with each figure (``figures.kinds``), worked out once when its row is written
# or its place rewritten (analysis.store, analysis.identity): the Figures page under a filter at
# 50,000 articles spent 1.2-1.4 s of CPU on KINDS_SQL's regular expressions per filter change,
# copying the figures in view. ``FILL_SQL`` fills every row (a store's upgrade, a replicated
# store), ``FILL_ARTICLES_SQL`` the rows of the articles given as its parameter.
FILL_SQL = f"UPDATE figures SET kinds = {KINDS_SQL.format(f='figures')}"
FILL_ARTICLES_SQL = FILL_SQL + " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"


def _compatible(mask: int) -> str:
    return (
        f"((x.kinds & {mask}) = 0 OR (y.kinds & {mask}) = 0 OR (x.kinds & y.kinds & {mask}) <> 0)"
    )


def _compatible_key(mask: int) -> str:
    """A key held in the bits of ``mask``: the same on both sides, or missing on one."""
    return f"((x.kinds & {mask}) = 0 OR (y.kinds & {mask}) = 0 OR (x.kinds & {mask}) = (y.kinds & {mask}))"


# The categories of figures that count an incident's casualties: only they need a kind or a
# target in common to be paired (a share of a city held, the people remaining in it, are one
# quantity of a place at a time, told of no incident). The same three as
# analysis.figures.INCIDENT_CATEGORIES, written again: importing figures would load spaCy into
# the light modules that read the kinds (summaries, filters).
INCIDENT_CATEGORIES = ("killed", "injured", "missing")


# Two figures aliased x and y (each with ``kinds`` and ``category`` columns) may tell of one
# incident: no kinds or targets that rule it out, a chemical attack on both sides or neither
# (where both name a kind), and, for casualties, a kind or target in common.
def incident_day_sql(e: str) -> str:
    """The day of the week the sentence of the figure aliased ``e`` names, as the date on or
    before its article's ``published`` (NULL when it names none): from its ``kinds`` and
    ``published``. The rows paired carry it as a column, ``iday`` (:data:`WITH_DAY_SQL`)."""
    wd = f"(({e}.kinds >> {WEEKDAY_FIRST_BIT}) & 7)"
    return (
        f"CASE WHEN {wd} = 0 THEN NULL "
        f"ELSE {e}.published::DATE - ((isodow({e}.published) - {wd} + 7) % 7)::INTEGER END"
    )


# The rows of a query ``{rows}`` (with ``kinds`` and ``published``) with their incident day,
# ``iday``, worked out once a row: written out in the pairing's conditions it was worked out
# ten times a pair (a year's 300,000 candidate pairs of a million articles).
WITH_DAY_SQL = f"SELECT *, {incident_day_sql('d')} AS iday FROM ({{rows}}) d"


def _incident_day(e: str) -> str:
    """The incident day (:func:`incident_day_sql`) of the figure aliased ``e``, as its row
    carries it."""
    return f"{e}.iday"


def _reported_by(e: str, other: str) -> str:
    """The day the sentence of the figure aliased ``e`` names falls on or before the day the
    figure aliased ``other`` was published (or names none): an article of a Monday cannot report
    the next Thursday's strike (FA-KES: "has killed eight civilians", published Monday 20
    November, against "nine civilians were killed Thursday", the 23rd)."""
    return f"({_incident_day(e)} IS NULL OR {_incident_day(e)} <= {other}.published::DATE)"


def _anchor_day(e: str) -> str:
    """The incident's day of the figure aliased ``e``: the day its sentence names, else its
    article's date."""
    return f"coalesce({_incident_day(e)}, {e}.published::DATE)"


# Reports of one incident arrive over a few days (figure_views.INCIDENT_DAYS), but in a city at
# war each day has its own incidents: two casualty tolls whose incident days (the day named,
# else the article's) lie two or more days apart are paired only on evidence that they are one
# incident — a target or a chemical attack or a downing both name. On the real store 10 of 40
# conflicts paired two days' tolls of one city this way ("On Friday terrorists targeted
# al-Furqan … killing 44" beside "rebels fired a barrage … killing nine", published four days
# later). Articles of one day are no exception when one names a day days before: "Nine other
# civilians were killed in rebel shelling … Saturday" was paired with a rocket attack's ten of
# the Wednesday both articles were published.
EVIDENCE_MASK = TARGETS_MASK | CHEMICAL_BIT | DOWNING_BIT
_DAYS_APART_SQL = (
    f"(abs(date_diff('day', {_anchor_day('x')}, {_anchor_day('y')})) <= 1"
    f" OR (x.kinds & y.kinds & {EVIDENCE_MASK}) <> 0)"
)

# Casualties: a kind or target both name (a share of a city held, the people remaining in it,
# are one quantity of a place, told of no incident). The cheapest test of SAME_INCIDENT_SQL and
# the one most pairs fail (at a million articles three in four of a year's candidate pairs), so
# the conflicts' pairing tests it first, on its own (figure_views._conflict_pairs).
SHARED_KIND_SQL = (
    f"(x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR (x.kinds & y.kinds & {KINDS_MASK | TARGETS_MASK}) <> 0)"
)

SAME_INCIDENT_SQL = (
    f"({_compatible(KINDS_MASK)} AND {_compatible(TARGETS_MASK)}"
    # two weapons named and none in common ("a mortar attack", "a missile strike"), two
    # attackers ("rebels fired rockets", "regime bombardment"): two incidents
    f" AND {_compatible(WEAPONS_MASK)} AND {_compatible(SIDES_MASK)}"
    f" AND ((x.kinds & {KINDS_MASK}) = 0 OR (y.kinds & {KINDS_MASK}) = 0"
    f" OR (x.kinds & {CHEMICAL_BIT | DOWNING_BIT}) = (y.kinds & {CHEMICAL_BIT | DOWNING_BIT}))"
    f" AND {SHARED_KIND_SQL}"
    # casualties: the days the sentences name, where both name one, are one day (a share held
    # on Friday and on Saturday is one quantity of a place, told of no incident)
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR {_incident_day('x')} IS NULL OR {_incident_day('y')} IS NULL"
    f" OR {_incident_day('x')} = {_incident_day('y')})"
    # casualties: a day named after the other figure's article was published is not its
    # incident
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR ({_reported_by('x', 'y')} AND {_reported_by('y', 'x')} AND {_DAYS_APART_SQL}"
    # casualties: a total (of days, of a province) beside one incident's toll, or one strike's
    # beside a toll of strikes, only when both name the same target ("a hospital destroyed by
    # airstrikes over the weekend that killed 13" is the hospital's toll) or a chemical attack
    # (a rare incident: "a gas attack", "chlorine dropped on the town")
    # (a day's span and a longer one are two spans)
    f" AND (((x.kinds & {SPAN_BIT | DAY_SPAN_BIT}) = (y.kinds & {SPAN_BIT | DAY_SPAN_BIT})"
    f" AND (x.kinds & {SINGLE_BIT}) = (y.kinds & {SINGLE_BIT}))"
    f" OR (x.kinds & y.kinds & {TARGETS_MASK | CHEMICAL_BIT}) <> 0)))"
    # two neighbourhoods named: two incidents (PART_NAME_PATTERN)
    f" AND {_compatible_key(PART_NAME_MASK)}"
    # members of two groups, or of one and of none said: two classes (GROUP_MASK)
    f" AND (x.kinds & {GROUP_MASK}) = (y.kinds & {GROUP_MASK})"
    # the city beside elsewhere in its province: two incidents (CITY_BIT)
    f" AND ((x.kinds | y.kinds) & {CITY_BIT | ELSEWHERE_BIT}) <> {CITY_BIT | ELSEWHERE_BIT}"
    # a toll since replaced is in no conflict; a part of a toll is paired with parts only
    f" AND (x.kinds & {SUPERSEDED_BIT}) = 0 AND (y.kinds & {SUPERSEDED_BIT}) = 0"
    f" AND (x.kinds & {PART_BIT}) = (y.kinds & {PART_BIT}))"
)


# The lower figure aliased x (x.hi < y.lo) may be a part of the higher y: x's sentence tells of a
# part of the place (a target hit, a neighbourhood: PLACE_PART_BIT) and y's of no part and no
# single strike (a day's raids on a city, a province, a bombardment). A casualty pair that is so
# is no disagreement: both tolls can be true. A part's toll above the wider toll still is one
# ("over 40 killed when jets struck the market" beside "air raids kill 29 in the town"), as is
# one strike's toll below another telling of the same strike without its target.
NOT_PART_OF_WIDER_SQL = (
    f"(x.category NOT IN {INCIDENT_CATEGORIES} OR (x.kinds & {PLACE_PART_BIT}) = 0"
    f" OR (y.kinds & {PLACE_PART_BIT | SINGLE_BIT}) <> 0)"
)


def kinds_of(mask: int) -> list[str]:
    """The kinds a ``kinds`` value holds, in INCIDENT_KINDS order."""
    return [kind for bit, (kind, _) in enumerate(INCIDENT_KINDS) if mask >> bit & 1]


# Nothing says the figures aliased x and y (each with ``kinds``, ``category``, ``published`` and
# ``iday``, WITH_DAY_SQL) tell of two incidents: the Overview's headline spread
# (analysis.figure_views.headline_figures) ranges over the figures that may report the
# headline's incident. Looser than
# SAME_INCIDENT_SQL, which pairs two figures as a conflict only on evidence of one incident: a
# sentence that names no kind is no other incident ("At least 55 people were injured by the gas"
# beside "22 injuries after barrels of chlorine were dropped"), but a kind, target, weapon,
# attacker or neighbourhood that rules the other out is, and so is an incident day (the day the
# sentence names, else its article's) two or more days from the other's with no target or
# chemical attack both name (EVIDENCE_MASK) — a week of one province's reports holds several
# incidents: FA-KES's spread of the Khan Sheikhun gas attack (58 killed) had taken in SANA's six
# killed by the US strike on an airbase three days on, and the Zubdiya chlorine barrels' 22
# injured the 3, 4 and 7 of rebel shelling on other days. An earlier toll since replaced and a
# part of a larger figure are out as in SAME_INCIDENT_SQL; a toll read as a span (a province's,
# "in the past 48 hours") is not: a span takes in the incident, and on FA-KES the province
# named beside one incident's toll ("rose to 32 and more than 115 wounded" in "the Syrian
# province of Homs", the twin car bombs' day) had dropped the top of its spread.
MAY_BE_ONE_INCIDENT_SQL = (
    f"({_compatible(KINDS_MASK)} AND {_compatible(TARGETS_MASK)}"
    f" AND {_compatible(WEAPONS_MASK)} AND {_compatible(SIDES_MASK)}"
    f" AND ((x.kinds & {KINDS_MASK}) = 0 OR (y.kinds & {KINDS_MASK}) = 0"
    f" OR (x.kinds & {CHEMICAL_BIT | DOWNING_BIT}) = (y.kinds & {CHEMICAL_BIT | DOWNING_BIT}))"
    f" AND ({_incident_day('x')} IS NULL OR {_incident_day('y')} IS NULL"
    f" OR {_incident_day('x')} = {_incident_day('y')})"
    f" AND {_reported_by('x', 'y')} AND {_reported_by('y', 'x')} AND {_DAYS_APART_SQL}"
    f" AND {_compatible_key(PART_NAME_MASK)}"
    f" AND ((x.kinds | y.kinds) & {CITY_BIT | ELSEWHERE_BIT}) <> {CITY_BIT | ELSEWHERE_BIT}"
    f" AND (y.kinds & {SUPERSEDED_BIT}) = 0 AND (x.kinds & {PART_BIT}) = (y.kinds & {PART_BIT}))"
)
