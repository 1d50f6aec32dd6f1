"""Descriptions of a speaker a business or sports story uses, and whom they stand for.

"The company says" (or "the airline", "the software giant") is no regulator named before it,
nor a product or project named once in passing after the company the story is about;
"the station" is a broadcaster named before; "the Indian-born magnate" is the
businessman the paragraph is about; "the Romanian international" is no expert the article
quoted; and "a senior barrister" or "a US researcher" opening a story is the person its next
sentence names for the first time. Each case is an invented passage, the words of one quote
and its speaker.
"""

from __future__ import annotations

import pytest

from analysis import nlp as nlp_module
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


CASES = [
    # --- "the company" is a company, not a public body ------------------------------------
    pytest.param(
        "Norland Telecom Inc has agreed to pay $12m after admitting it bribed officials.\n\n"
        "Norland Telecom Inc pleaded guilty to hiding the payments, which the Financial Conduct "
        "Authority had uncovered. The company says it no longer uses agents abroad.",
        "no longer uses agents",
        "Norland Telecom Inc",
        id="the-company-is-the-company-not-the-regulator-named-last",
    ),
    pytest.param(
        "The Office of Fair Trading had fined the builders last year. The company said it "
        "would appeal.",
        "it would appeal",
        None,
        id="the-company-is-no-public-office",
    ),
    # --- a kind of company ("the airline", "the software giant") is the company named ------
    pytest.param(
        "Skyline Airways is to stop its flights from Leeds to Oslo in May. The airline said "
        "the decision was a commercial one.",
        "a commercial one",
        "Skyline Airways",
        id="the-airline-is-the-airline-named-before",
    ),
    pytest.param(
        "The Securities and Exchange Commission fined Skyline Airways on Monday. The airline "
        "said it would appeal.",
        "it would appeal",
        "Skyline Airways",
        id="the-airline-is-no-regulator-named-first",
    ),
    pytest.param(
        "Brightsoft sold 4m copies of its office suite. In June, the software giant said that "
        "its new update would not work with pirated copies.",
        "would not work with pirated copies",
        "Brightsoft",
        id="the-software-giant-is-the-company-named-before",
    ),
    pytest.param(
        "The Competition Commission has cleared the takeover. The retailer said it was delighted.",
        "it was delighted",
        None,
        id="the-retailer-is-no-public-body",
    ),
    # --- a name in passing nearest before is not the company the story is about -----------
    pytest.param(
        "Norland Air is cutting fares by as much as 40% to survive. Norland is restructuring to "
        "fight off insolvency. Norland's new FlexiFares were tried on routes from Leeds. The "
        "airline says no fare will now cost more than $300.",
        "no fare will now cost more",
        "Norland Air",
        id="the-airline-is-the-story-s-firm-not-its-product",
    ),
    pytest.param(
        "Harwell Air has ordered 70 new planes. Harwell Air said the deal was its biggest. "
        "Harwell Air shares rose. The order went to Boeing. The manufacturer said the first "
        "planes would arrive in 2008.",
        "first planes would arrive",
        "Boeing",
        id="the-manufacturer-is-the-maker-named-last-not-the-story-s-buyer",
    ),
    pytest.param(
        "Kortel may pull out of the $3bn deal. Kortel shares fell 4%. Analysts said Kortel faced "
        "a hard choice. If Kortel does back out, Zamtel - the Zambian firm which lost the tender "
        "- may be back in the running. The company has said it is ready to accept a minority "
        "stake.",
        "ready to accept a minority stake",
        "Zamtel",
        id="the-company-is-the-one-named-last-that-the-text-calls-a-firm",
    ),
    # --- "the station" is a broadcaster named before ---------------------------------------
    pytest.param(
        "Radio 9 said it would not replace the host. The three DJs were chosen for their "
        "knowledge, the station said.",
        "chosen for their knowledge",
        "Radio 9",
        id="the-station-is-the-radio-named-before",
    ),
    pytest.param(
        "Brightsoft said it had made a new chip. Its staff were flown in, the station said.",
        "staff were flown in",
        None,
        id="the-station-is-no-company",
    ),
    # --- "he" after a described subject is not the name in what the subject believes -------
    pytest.param(
        "Lacombe has been given confidence by the impact manager Tomas Varga has had.\n\nAnd "
        "the French international defender believes Varga is suited to lead the squad. "
        '"It is only normal that you put the finishing touch to it," he said.',
        "only normal that you put",
        None,
        id="he-is-not-the-name-the-described-subject-believes-in",
    ),
    # --- a business magnate is a description of the person named ---------------------------
    pytest.param(
        "Northgate Steel could cut 9,000 jobs, its chief executive has said.\n\nRavi Anand has "
        "told investors the merged firm will have to close plants. The Indian-born magnate "
        "did not say which plants would close.",
        "which plants would close",
        "Ravi Anand",
        id="the-magnate-is-the-businessman-named-before",
    ),
    # --- a player's description is no one the article gives a role off the pitch -----------
    pytest.param(
        "Rovers have sacked Dan Petrescu after he failed a drugs test.\n\nThe club was backed "
        "by Ann Bellamy, a former director of drug-free sport, who said the club was right. "
        '"It was a hard decision," Bellamy said. The Romanian international later said the '
        "substance was a cold remedy.",
        "was a cold remedy",
        None,
        id="the-international-is-no-former-director",
    ),
    # --- a person an opening describes, named in the next sentence --------------------------
    pytest.param(
        "Barristers quit\n\nA senior barrister who has resigned over the new court rules says "
        "the system is unfair.\n\nPeter Lindqvist QC quit when the ministry ignored a ruling. "
        "He said others would follow.",
        "the system is unfair",
        "Peter Lindqvist QC",
        id="an-opening-description-is-the-person-named-next",
    ),
    pytest.param(
        "Games as teachers\n\nComputer games could teach languages, says a study. A US "
        "researcher has suggested that building games could help pupils.\n\nMaria Okafor "
        "believes games make grammar stick.",
        "building games could help pupils",
        "Maria Okafor",
        id="the-sentence-after-the-lead-describes-the-person-named-next",
    ),
    pytest.param(
        "Firm denies claims\n\nA spokesman for the firm said the claims were false.\n\nJohn "
        "Abbott, its founder, started the business in 1998.",
        "the claims were false",
        None,
        id="an-aide-is-not-the-person-named-next",
    ),
    pytest.param(
        "Town hall row\n\nTom Reyes leads the council. A local woman says the council ignored "
        "her complaints.\n\nTom Reyes said the complaints were being handled.",
        "ignored her complaints",
        # (the next sentence's subject was named before: not the one the opening describes)
        None,
        id="one-named-before-is-not-the-person-described",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_a_description_stands_for_whom_the_text_says(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker
