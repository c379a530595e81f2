"""Classes of ordinary text that round 5's real articles showed the attribution stages missing,
each as a table of made-up snippets (no name or phrase from a fixture) with the negatives that
keep the rule honest. Each row: a title, the article's paragraphs, a quotation in it (a
distinctive part), and the speaker and role it must have; speaker None: no quotation at all."""

from __future__ import annotations

import pytest

from reporter import Article
from reporter.analysis import analyze


def attributed(title: str, paragraphs: tuple[str, ...], subheadings=()) -> list[tuple[str, str, str | None]]:
    facts = analyze(Article(title=title, paragraphs=paragraphs, subheadings=tuple(subheadings)))
    for q in facts.quotes:  # the property every row relies on: a quotation is verbatim
        assert q.text in paragraphs[q.paragraph - 1]
    return [(q.text, q.speaker, q.role) for q in facts.quotes]


def check(title, paragraphs, text, speaker, role, subheadings=()):
    found = attributed(title, paragraphs, subheadings)
    hits = [(s, r) for t, s, r in found if text in t]
    if speaker is None:
        assert not hits, f"{text!r} is no quotation: {found}"
    else:
        assert hits == [(speaker, role)], found


READOUT = ("Ministry Spokesperson Lena Ortiz provided the following readout:",
           "Minister Tavi Rask met Foreign Minister Ole Brandt in Vienna today to discuss energy security.",
           "The ministers agreed to meet again in the spring.",
           "Official news published at https://example.org/readouts/rask-brandt",
           "Minister Rask’s Visit to Lisbon Previous post Next post")

STATEMENTS = [
    # a readout handed over by "X provided the following readout:", in the third person throughout
    ("Readout", READOUT, "met Foreign Minister Ole Brandt in Vienna", "Lena Ortiz", "Ministry Spokesperson"),
    ("Readout", READOUT, "agreed to meet again in the spring", "Lena Ortiz", "Ministry Spokesperson"),
    # the page's furniture after it is nobody's statement: a web address, a line of navigation after it
    ("Readout", READOUT, "Official news published at", None, None),
    ("Readout", READOUT, "Previous post Next post", None, None),
    (("The department issued the following update:", "Crews restored power to most homes overnight.",
      "/Release. This material is reproduced as published by the originating body.")[0],
     ("The department issued the following update:", "Crews restored power to most homes overnight.",
      "/Release. This material is reproduced as published by the originating body."),
     "This material is reproduced", None, None),
    # "the following" after a verb that hands nothing over, or before what is no statement, introduces none
    ("News", ("The council approved the following projects:", "A new library in the north of the town."),
     "A new library", None, None),
    ("News", ("The council made the following changes:", "The library will open on Sundays from May onwards."),
     "The library will open", None, None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", STATEMENTS,
                         ids=[f"{i}-{c[2][:24]}" for i, c in enumerate(STATEMENTS)])
def test_statements_and_readouts(title, paragraphs, text, speaker, role):
    check(title, paragraphs, text, speaker, role)


LABELS = [
    # one turn under an honorific label is a transcript when the heading says it is one
    ("Daily Press Briefing – 3 March", ("1:05 p.m.", "MS HALVERSEN: Good morning. Two items before questions.",
                                        "The department welcomes the ceasefire announced overnight."),
     "The department welcomes the ceasefire", "Halversen", None),
    ("Remarks to the press", ("MR ABELARD: Thank you all for coming.", "We expect the report on Friday."),
     "Thank you all for coming", "Abelard", None),
    # without such a heading one label is no transcript
    ("Harbour reopens", ("MR. DOE: Good afternoon.", "The talks ended."), "The talks ended", None, None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", LABELS, ids=[f"{i}" for i in range(len(LABELS))])
def test_single_labelled_turns(title, paragraphs, text, speaker, role):
    check(title, paragraphs, text, speaker, role)


BODIES = [
    # "It added that …": the body that spoke, or the one named last before
    ("The Finance Ministry said the deficit had narrowed. It added that the “worst of the slowdown is now behind us.”",
     "worst of the slowdown", "Finance Ministry"),
    ("“Exports rose in every quarter,” the Trade Bureau said on Monday. It added: “We expect the same next year.”",
     "We expect the same next year", "Trade Bureau"),
    # "continues to" and "added to" report nothing: the speaker is the subject of the verb that does
    ("The regulator noted that the airline continues to face “serious questions about its safety record.”",
     "serious questions about its safety", "The regulator"),
    # "the force", "the board": a body's own words, the body named before
    ("Northshire Police said officers found the van abandoned. “The driver fled on foot before officers arrived”, "
     "the force said.", "The driver fled on foot", "Northshire Police"),
]


@pytest.mark.parametrize("text, quote, speaker", BODIES, ids=[b[1][:24] for b in BODIES])
def test_bodies_as_speakers(text, quote, speaker):
    check("T", (text,), quote, speaker, None)


PRONOUN_CHAINS = [
    # "he said" two paragraphs after the name, past a paragraph that names no one; a participle and
    # a nationality opening a sentence ("Visiting Dutch", "Touring Kenyan") are nobody
    (("Prime Minister Ana Sorel toured the flooded towns on Monday.",
      "Visiting Dutch engineers at the dam, the premier praised the repair crews.",
      "“We owe them a great deal,” she said."), "We owe them a great deal", "Ana Sorel", "Prime Minister"),
    (("U.N. Secretary-General Oda Pirelli arrived in the capital on Friday.",
      "Touring Kenyan relief depots, the U.N. chief spoke of shortages.",
      "“We need more trucks and more drivers,” she said."), "We need more trucks", "Oda Pirelli", "U.N. Secretary-General"),
    # "…, saying …" hangs on the main clause's subject, not on the last name before its comma
    (("Mayor-elect Rui Tancredo visited the shelter.",
      "Stopping at a centre that is home to 900 Ethiopians, Tancredo also voiced anger at the delays, "
      "saying they were a “disgrace to the whole region.”"), "disgrace to the whole region", "Rui Tancredo", "Mayor-elect"),
]


@pytest.mark.parametrize("paragraphs, quote, speaker, role", PRONOUN_CHAINS, ids=[c[1][:24] for c in PRONOUN_CHAINS])
def test_pronoun_and_participle_chains(paragraphs, quote, speaker, role):
    check("T", paragraphs, quote, speaker, role)


ROLES = [
    # a lower-case modifier belongs to the title after it
    ("“We are ready for the season,” said former Deputy Mayor Ines Calder.", "ready for the season",
     "Ines Calder", "former Deputy Mayor"),
    # a degree after the name is neither name nor role; a title before the name and an appositive
    # after it are both her role (even when the person is known by the title elsewhere)
    ("“We are ready,” said retired Army Gen. Paul R. Hanley, Ph.D., director of the state emergency agency.",
     "We are ready", "Paul R. Hanley", "retired Army General, director of the state emergency agency"),
    ("“My crew performed superbly,” said Captain Rhys Tallow, the ship’s commanding officer.", "performed superbly",
     "Rhys Tallow", "Captain, the ship’s commanding officer"),
    ("Captain Rhys Tallow sailed at dawn. Later Captain Rhys Tallow, the ship’s commanding officer, said: “We made good time.”",
     "We made good time", "Rhys Tallow", "Captain, the ship’s commanding officer"),
    ("Senator Ada Kirwan, who chairs the panel, said: “We will vote on Friday.”", "We will vote on Friday",
     "Ada Kirwan", "Senator"),
    # "The Title, the Rt Hon Name MP said:": the title before the comma, courtesy words dropped
    ("The Home Secretary, the Rt Hon Mara Whitlow MP said: “Every community must feel safe.”", "must feel safe",
     "Mara Whitlow", "Home Secretary"),
    ("The Attorney General, Cal Brenner, said: “The scheme is working.”", "The scheme is working",
     "Cal Brenner", "Attorney General"),
    # a leading clause is no title: "In Geneva, Jane Doe said"
    ("In Geneva, Mara Whitlow said: “Talks will resume.”", "Talks will resume", "Mara Whitlow", None),
    # "She said:" after "Name, Role, verb …": the appositive's role
    ("Ilse Marrow, Vice-President for Trade, presented the plan. She said: “We must move faster on it.”",
     "We must move faster", "Ilse Marrow", "Vice-President for Trade"),
    # a straight-quoted title inside a straight-quoted quotation does not end it
    ('Ilse Marrow said: "We will publish the "Blue Book" next week and consult widely." The board meets in June.',
     "consult widely", "Ilse Marrow", None),
]


@pytest.mark.parametrize("text, quote, speaker, role", ROLES, ids=[r[1][:24] for r in ROLES])
def test_roles_around_names(text, quote, speaker, role):
    check("T", (text,), quote, speaker, role)


def test_a_nested_straight_quote_leaves_the_narrative_after_it_out():
    found = attributed("T", ('Ilse Marrow said: "We will publish the "Blue Book" next week." The board meets in June.',))
    assert [t for t, _, _ in found] == ['We will publish the "Blue Book" next week.']


PULL_QUOTES = [
    # a paragraph repeating what a speaker is quoted saying elsewhere is theirs
    (("The harbour handled record cargo this year.", "This is the best year the harbour has ever had",
      "Harbour master Joan Pike said the figures were a record. “This is the best year the harbour has ever had,” "
      "she said."), (), "This is the best year", 2, "Joan Pike"),
    # a first-person paragraph with a subheading under it that is only a name and a role
    (("Ministers met in the capital on Monday.", "We remain united and we will keep our support going for as long as needed.",
      "The talks will resume in March."), ((2, "Teodor Vasile, High Representative for Trade"),),
     "We remain united", 2, "Teodor Vasile"),
    # ... or a dashed byline paragraph
    (("We remain united and we will keep our support going for as long as needed.",
      "— Teodor Vasile, High Representative for Trade", "The talks will resume in March."), (),
     "We remain united", 1, "Teodor Vasile"),
]


@pytest.mark.parametrize("paragraphs, subheadings, quote, paragraph, speaker", PULL_QUOTES,
                         ids=[f"{i}" for i in range(len(PULL_QUOTES))])
def test_pull_quotes(paragraphs, subheadings, quote, paragraph, speaker):
    facts = analyze(Article(title="T", paragraphs=paragraphs, subheadings=subheadings))
    assert [(q.paragraph, q.speaker) for q in facts.quotes if quote in q.text][:1] == [(paragraph, speaker)]


@pytest.mark.parametrize("paragraphs, subheadings", [
    # a third-person paragraph over a name line is narrative; a heading that opens with a name is no byline
    (("The ministers met in the capital on Monday and agreed a plan.", "The talks will resume."),
     ((1, "Teodor Vasile, High Representative for Trade"),)),
    (("We remain united and we will keep our support going for as long as needed.", "The talks will resume."),
     ((1, "Teodor Vasile visits the northern provinces"),)),
    # a short phrase repeated is no pull quote
    (("Record cargo", "“Record cargo,” said harbour master Joan Pike, “is what we expected.”"), ()),
])
def test_no_pull_quote(paragraphs, subheadings):
    facts = analyze(Article(title="T", paragraphs=paragraphs, subheadings=subheadings))
    assert all(q.paragraph != 1 for q in facts.quotes), facts.quotes


def test_an_introduced_readout_ends_at_the_next_items_heading_and_at_a_subheading():
    paragraphs = ("Spokesperson Lena Ortiz provided the following readout:", "The minister met her counterpart today.",
                  "Readout of the Minister’s Call With the Foreign Minister of Eastland",
                  "Spokesperson Lena Ortiz provided the following readout:", "The ministers spoke by phone.",
                  "The ministers agreed to meet.")
    facts = analyze(Article(title="T", paragraphs=paragraphs, subheadings=((5, "Later"),)))
    assert [q.paragraph for q in facts.quotes] == [2, 5]


WIRE = [
    # an unnamed speaker of a named body, after the quote: the description as written
    (("“We will appeal,” a spokeswoman for Acme Holdings said.",), "We will appeal", "a spokeswoman for Acme Holdings", None),
    (("“We will appeal,” said a spokesman at the Harbour Trust.",), "We will appeal", "a spokesman at the Harbour Trust", None),
    # a determiner, a title with "of the", then the name: the person, with the title
    (("“Inflation is falling,” said the Chancellor of the Exchequer, Ada Kirwan.",), "Inflation is falling",
     "Ada Kirwan", "Chancellor of the Exchequer"),
    # an age between commas is no role
    (("Ada Kirwan, 45, said: “We did our best.”",), "We did our best", "Ada Kirwan", None),
    # a document speaks for its issuer: named, written as a body, or the body named before
    (("“The deal is off,” said a statement from the ministry.",), "The deal is off", "the ministry", None),
    (("The ministry issued a statement on Monday.", "“The deal is off,” the statement said."), "The deal is off",
     "the ministry", None),
    (("“We are reviewing the data,” according to a statement from the Department of Health.",), "reviewing the data",
     "Department of Health", None),
    # a compound title alone ("the Secretary-General") is the one person holding it
    (("Secretary-General Antonio Reyes addressed the assembly.", "“The world is watching”, the Secretary-General said."),
     "The world is watching", "Antonio Reyes", "Secretary-General"),
]


@pytest.mark.parametrize("paragraphs, quote, speaker, role", WIRE, ids=[f"{i}-{w[1][:20]}" for i, w in enumerate(WIRE)])
def test_wire_attribution(paragraphs, quote, speaker, role):
    check("T", paragraphs, quote, speaker, role)


def test_an_interview_with_one_word_labels_is_a_dialogue():
    paragraphs = ("Interviewer: How did it start?", "Voss: It started with a letter.", "Interviewer: And then?",
                  "Voss: Then the council called.")
    found = attributed("An interview", paragraphs)
    assert ("Then the council called.", "Voss", None) in found and ("It started with a letter.", "Voss", None) in found


@pytest.mark.parametrize("paragraphs", [
    ("Update: The road is closed.", "Photo: The bridge at dawn.", "Update: The road is open.", "Photo: The crowd."),
    ("Voss: It started with a letter.", "The council met.", "Voss: Then it called."),  # one label is no dialogue
])
def test_section_labels_and_one_label_are_no_dialogue(paragraphs):
    assert attributed("T", paragraphs) == []


MORE = [
    # a possessive before an appositive name is someone else's: "Her neighbour, Tom Reyes" is no woman
    (("“We lost everything,” said Ada Kirwan. “Our house, our car, our animals.”",
      "Her neighbour, Tom Reyes, agreed. “Nobody came,” he said."), "Nobody came", "Tom Reyes", None),
    # an abbreviation's full stop ends neither the subject nor the role
    (("Lt. Gen. Ada Kirwan, commander of U.S. forces in the region, said: “We are ready.”",), "We are ready",
     "Ada Kirwan", "Lieutenant General, commander of U.S. forces in the region"),
    (("“We are ready,” said Lt. Gen. Ada Kirwan, commander of U.S. forces in the region.",), "We are ready",
     "Ada Kirwan", "Lieutenant General, commander of U.S. forces in the region"),
    # a body written with a possessive keeps it
    (("“We are deeply saddened,” Kirwan’s office said.",), "deeply saddened", "Kirwan’s office", None),
]


@pytest.mark.parametrize("paragraphs, quote, speaker, role", MORE, ids=[f"{i}-{m[1][:20]}" for i, m in enumerate(MORE)])
def test_more_wire_attribution(paragraphs, quote, speaker, role):
    check("T", paragraphs, quote, speaker, role)


TRANSCRIPT_LABELS = [
    # a role in brackets after the label
    ("Press Briefing", ("JANE ROWE (Chief Executive, Acme Holdings): We had a strong quarter.", "ANALYST: What about costs?",
                        "JANE ROWE: Costs fell."), "Costs fell", "Jane Rowe", "Chief Executive, Acme Holdings"),
    # a mixed-case label with a title, four words long; "Reporter:" and "Question:" are the floor's
    ("Press Briefing", ("Press Secretary Dana Whitfield: Good afternoon.", "Reporter: Any news on the summit?",
                        "Press Secretary Dana Whitfield: Not today."), "Not today", "Dana Whitfield", "Press Secretary"),
    ("Press Briefing", ("Press Secretary Dana Whitfield: Good afternoon.", "Reporter: Any news on the summit?",
                        "Press Secretary Dana Whitfield: Not today."), "Any news on the summit", "a reporter", None),
    ("Briefing", ("Dana Whitfield: Good afternoon.", "Question: Any news on the summit?", "Dana Whitfield: Not today."),
     "Any news on the summit", "a reporter", None),
    # "A:" answers are the interviewee's the heading names; unnamed, nobody's
    ("Interview with Health Minister Dana Whitfield", ("Q: Minister, why now?", "A: Because the time is right.",
                                                       "Q: And the cost?", "A: It is affordable."),
     "It is affordable", "Dana Whitfield", "Health Minister"),
    ("Interview", ("Q: Why now?", "A: Because the time is right.", "Q: And the cost?", "A: It is affordable."),
     "It is affordable", None, None),
    # a heading "X With Jane Roe of Outlet" names the journalist: the questions are hers
    ("Minister Dana Whitfield With Ines Calder of Channel Nine", ("QUESTION: Minister, why now?",
                                                                 "MINISTER WHITFIELD: Because the time is right.",
                                                                 "QUESTION: And the cost?", "MINISTER WHITFIELD: It is affordable."),
     "And the cost", "Ines Calder", None),
    ("Minister Dana Whitfield With Ines Calder of Channel Nine", ("QUESTION: Minister, why now?",
                                                                 "MINISTER WHITFIELD: Because the time is right.",
                                                                 "QUESTION: And the cost?", "MINISTER WHITFIELD: It is affordable."),
     "It is affordable", "Dana Whitfield", "Minister"),
    # a transcript's metadata line is nobody's turn
    ("News Transcript", ("Presenter: Press Secretary Dana Whitfield, 8 May", "DANA WHITFIELD: Good afternoon.",
                         "Q: Any news?", "DANA WHITFIELD: None."), "Press Secretary Dana Whitfield, 8 May", None, None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", TRANSCRIPT_LABELS,
                         ids=[f"{i}-{c[2][:20]}" for i, c in enumerate(TRANSCRIPT_LABELS)])
def test_transcript_labels(title, paragraphs, text, speaker, role):
    check(title, paragraphs, text, speaker, role)


@pytest.mark.parametrize("text, term", [
    ("Acme Holdings and its subsidiaries (collectively, “Korvel”) agreed to pay the fine, the agency said.", "Korvel"),
    ("Police said they seized cannabis and MDMA (“molly”) in the raid.", "molly"),
    ("The regulator said the two firms (the “Parties”) must sell the plant.", "Parties"),
])
def test_a_term_defined_in_brackets_is_no_quotation(text, term):
    assert all(t != term for t, _, _ in attributed("T", (text,)))


def test_a_short_quote_at_the_end_of_a_long_bracketed_remark_stays_a_quotation():
    text = "The scheme ended (at the last vote Mayor Ana Sorel said “never again”) in May."
    assert [(t, s) for t, s, _ in attributed("T", (text,))] == [("never again", "Ana Sorel")]


DESCRIBED = [
    # "the retired teacher said": the person that noun stood in apposition to
    (("Ada Kirwan, 61, a retired teacher, lost her home in the flood.", "“It’s over,” the retired teacher said."),
     "It’s over", "Ada Kirwan", "teacher"),
    # "the ministry of health said": a body written out, not the body named last
    (("The Harbour Trust met on Monday. The ministry of health said: “Cases are falling.”",), "Cases are falling",
     "The ministry of health", None),
    # an owner's possessive before the role: the person after the comma
    (("“We regret the delay,” said Acme’s chief executive, Tom Reyes.",), "We regret the delay", "Tom Reyes",
     "Acme’s chief executive"),
]


@pytest.mark.parametrize("paragraphs, quote, speaker, role", DESCRIBED, ids=[f"{i}" for i in range(len(DESCRIBED))])
def test_described_speakers(paragraphs, quote, speaker, role):
    check("T", paragraphs, quote, speaker, role)


BRIDGE = "We are delighted that the new bridge is open to traffic ahead of schedule."
LEAD_LINES = [
    # a participle ends an introducing line as a speech verb does; the speaker is the main clause's subject
    (("Minister Ada Kirwan welcomed the news, saying:", BRIDGE), "Ada Kirwan", "Minister"),
    (("Ada Kirwan, Minister for Roads, opened the bridge, adding:", BRIDGE), "Ada Kirwan", "Minister for Roads"),
    # "Jane Doe’s full statement:" hands over what follows
    (("Ada Kirwan’s full statement:", BRIDGE, "Our thanks go to the workers who built it."), "Ada Kirwan", None),
    # a participle that reports nothing introduces nothing
    (("The figures were published on Monday, showing:", BRIDGE), None, None),
]


@pytest.mark.parametrize("paragraphs, speaker, role", LEAD_LINES, ids=[f"{i}" for i in range(len(LEAD_LINES))])
def test_lead_lines(paragraphs, speaker, role):
    check("T", paragraphs, "delighted that the new bridge", speaker, role)


@pytest.mark.parametrize("text, quote, speaker", [
    ("Ada Kirwan vowed: “We will fight on.”", "We will fight on", "Ada Kirwan"),
    ("“We will fight on,” Kirwan pledged.", "We will fight on", "Kirwan"),
    ("The union complained that the offer was “an insult to every nurse”.", "an insult to every nurse", "The union"),
    ("Dr Ana Sorel recommended that councils “publish every figure on one day each month”.", "publish every figure",
     "Ana Sorel"),
    ("Ana Sorel hailed the deal as “a historic day for the valley”.", "a historic day", "Ana Sorel"),
])
def test_more_speech_verbs(text, quote, speaker):
    check("T", (text,), quote, speaker, None)


def test_an_appointment_with_an_appositive_gives_the_role():
    paragraphs = ("Ana (Annie) R. Sorel, Ph.D., a veteran diplomat with three decades abroad, was confirmed by the "
                  "Senate today as the ambassador to Chile and the 12th envoy to the region.",
                  "“I am honoured to serve,” said Sorel.")
    roles = [r for t, s, r in attributed("T", paragraphs) if "honoured" in t and s.endswith("Sorel")]
    assert roles == ["ambassador to Chile and the 12th envoy to the region"]


INLINE = [
    # a hand-over and its statement joined in one paragraph (a scraped page often joins them)
    (("The following is attributable to Spokesperson Lena Ortiz: Minister Tavi Rask met Foreign Minister Ole "
      "Brandt in Vienna today.", "They agreed to meet again in the spring."), "met Foreign Minister Ole Brandt",
     "Lena Ortiz", "Spokesperson"),
    (("The following is attributable to Spokesperson Lena Ortiz: Minister Tavi Rask met Foreign Minister Ole "
      "Brandt in Vienna today.", "They agreed to meet again in the spring."), "agreed to meet again",
     "Lena Ortiz", "Spokesperson"),
    # after "X said:" unmarked words in the same paragraph are as often a paraphrase: no quotation
    (("Spokesperson Lena Ortiz said: the minister met her counterpart in Vienna today.",), "met her counterpart",
     None, None),
]


@pytest.mark.parametrize("paragraphs, quote, speaker, role", INLINE, ids=[f"{i}" for i in range(len(INLINE))])
def test_inline_hand_overs(paragraphs, quote, speaker, role):
    check("Readout", paragraphs, quote, speaker, role)


@pytest.mark.parametrize("header, label, speaker, role", [
    ("Dana Whitfield, Department Spokesperson\nWashington, D.C.\n", "MS WHITFIELD", "Dana Whitfield", "Department Spokesperson"),
    ("News Transcript\nPresenters: Ines K. Calder, ASD (PA)\nJuly 7, 1998\n", "Ms. Calder", "Ines K. Calder", "ASD (PA)"),
    # a presenting line for someone else gives this label nothing
    ("Ines Calder, Department Spokesperson\n", "MS WHITFIELD", "Whitfield", None),
])
def test_a_transcripts_header_presents_its_speakers(header, label, speaker, role):
    """The lines at a transcript's top that ingest leaves out of the text as its masthead
    ("Name, Role") give a labelled speaker's full name and role."""
    paragraphs = (f"{label}: Good afternoon. We have two items at the top today.", "QUESTION: What about the port?",
                  f"{label}: The port reopens on Monday, and the ferries will run again from Tuesday.")
    raw = header + "\n" + "\n\n".join(paragraphs) + "\n"
    facts = analyze(Article(title="Department Press Briefing", paragraphs=paragraphs, raw_text=raw))
    said = [(q.speaker, q.role) for q in facts.quotes if q.text.startswith("The port reopens")]
    assert said == [(speaker, role)], facts.quotes
