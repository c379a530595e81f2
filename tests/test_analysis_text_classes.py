"""Classes of text the sealed evaluation holds, each as a table of snippets written for this
test (no name or phrase from a fixture): transcripts with speaker labels, wire-style
attribution, press releases, and their negatives. Each row: the article's paragraphs, a
quotation in it, and the speaker and role it must have (role None: the article gives none)."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter import Article


def quotes(*paragraphs: str) -> dict[str, tuple[str, str | None]]:
    facts = analyze(Article(title="T", paragraphs=tuple(paragraphs)))
    return {q.text: (q.speaker, q.role) for q in facts.quotes}


BRIEFING = ("Remarks by Press Secretary Dana Whitfield at the daily briefing.",
            "MS. WHITFIELD: Good afternoon, everybody. I have two announcements today.",
            "The first concerns the summit next week.",
            "Q: Will the President attend the summit?",
            "MS. WHITFIELD: He will attend, yes.",
            "Q Thank you. And on trade?",
            "MS. WHITFIELD: Nothing new on trade today. (Laughter.)",
            "QUESTION: (Off-mike.)")

TRANSCRIPTS = [
    # the label's surname takes the full name and role of the earlier mention; a turn runs on
    (BRIEFING, "Good afternoon, everybody. I have two announcements today.", "Dana Whitfield", "Press Secretary"),
    (BRIEFING, "The first concerns the summit next week.", "Dana Whitfield", "Press Secretary"),
    # "Q:" and a bare "Q" are a reporter's questions; the next label takes the floor back
    (BRIEFING, "Will the President attend the summit?", "a reporter", None),
    (BRIEFING, "Thank you. And on trade?", "a reporter", None),
    (BRIEFING, "He will attend, yes.", "Dana Whitfield", "Press Secretary"),
    (("Secretary of State Omar Castellano met reporters.",
      "SECRETARY CASTELLANO: Thank you all for coming this morning.",
      "MODERATOR: We have time for two questions.",
      "QUESTION: Mr. Secretary, what happens next with the ceasefire?",
      "SECRETARY CASTELLANO: We keep working on it every day."),
     "We keep working on it every day.", "Omar Castellano", "Secretary of State"),
    (("SECRETARY CASTELLANO: Thank you all for coming this morning.", "MODERATOR: We have time for two questions."),
     "We have time for two questions.", "Moderator", None),
    # a label that is a title alone: the holder named elsewhere, else the title as written
    (("THE PRESIDENT: Well, thank you very much. It is great to be back here in the valley.",
      "Q: Mr. President, are you confident about the vote?", "THE PRESIDENT: I am always confident."),
     "I am always confident.", "The President", "President"),
    (("Ambassador Ingrid Solberg spoke at the council.",
      "AMBASSADOR SOLBERG: Thank you, Madam President. We welcome this resolution.",
      "Ms. Pratt: Thank you, Ambassador, for those words of support."),
     "Thank you, Madam President. We welcome this resolution.", "Ingrid Solberg", "Ambassador"),
    (("AMBASSADOR SOLBERG: Thank you, Madam President.", "Ms. Pratt: Thank you, Ambassador, for those words."),
     "Thank you, Ambassador, for those words.", "Pratt", None),
    # an unnamed official's label speaks as written; "MR" without a full stop; a middle initial
    (("SENIOR ADMINISTRATION OFFICIAL: Thanks, everybody, for joining the call.", "Q Hi, thanks for doing this.",
      "SENIOR ADMINISTRATION OFFICIAL: Of course."), "Of course.", "Senior Administration Official", None),
    (("MR PRICE: Good afternoon.", "QUESTION: Ned, on the talks?", "MR PRICE: Yes, go ahead."),
     "Yes, go ahead.", "Price", None),
    (("Remarks by Secretary of State Tom A. Hargreaves", "SECRETARY HARGREAVES: Good morning. Thanks for joining us.",
      "Q Mr. Secretary, thank you.", "SECRETARY HARGREAVES: Sure."), "Sure.", "Tom A. Hargreaves", "Secretary of State"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", TRANSCRIPTS, ids=[c[1][:30] for c in TRANSCRIPTS])
def test_transcripts(paragraphs, text, speaker, role):
    got = quotes(*paragraphs)
    assert got.get(text) == (speaker, role), got


def test_a_quote_after_speech_no_one_gave_has_no_speaker_from_it():
    got = quotes("Mayor Jane Holt would never say the city was broke.", "“We owe it to the people who cross it.”")
    assert got == {}


def test_a_label_takes_the_full_name_and_title_written_only_in_the_title():
    facts = analyze(Article(title="Secretary of State Tom A. Hargreaves at a Press Availability",
                            paragraphs=("SECRETARY HARGREAVES: Good morning.", "QUESTION: Thanks.",
                                        "SECRETARY HARGREAVES: Sure, go ahead.")))
    assert {(q.speaker, q.role) for q in facts.quotes} == {("Tom A. Hargreaves", "Secretary of State"),
                                                           ("a reporter", None)}


def test_a_stage_direction_is_no_turn_and_no_speech():
    got = quotes(*BRIEFING)
    assert "(Off-mike.)" not in got and not any(t.startswith("(") for t in got)


WIRE = [
    # an unnamed official, told reporters (the listeners are no speaker)
    (("“We are not going to back down,” the official told reporters on condition of anonymity.",),
     "We are not going to back down", "the official", None),
    # surname, then the role after a comma
    (("“The ministry will review every case,” said Halvorsen, a spokesman for the interior ministry.",),
     "The ministry will review every case", "Halvorsen", "a spokesman for the interior ministry"),
    # the title later stands for the person named with it
    (("Defence Minister Rune Halvorsen visited the base on Monday.", "“Our troops are ready,” the minister said."),
     "Our troops are ready", "Rune Halvorsen", "Defence Minister"),
    (("“Prices will fall next year,” a spokeswoman for the central bank said.",),
     "Prices will fall next year", "a spokeswoman for the central bank", None),
    # a second quote, "she added", and attribution in the middle of a quote
    (("“We have done our part,” Ruth Okonkwo said. She added: “Now it is up to the other side to respond.”",),
     "Now it is up to the other side to respond.", "Ruth Okonkwo", None),
    (("“We have done our part,” said Ruth Okonkwo, the mayor. “Now it is up to them,” she added, “to respond.”",),
     "to respond.", "Ruth Okonkwo", "the mayor"),
    # "according to", and a colon after the verb
    (("According to Daniel Ferreira, the state's budget director, “there is no money left for this.”",),
     "there is no money left for this.", "Daniel Ferreira", "the state's budget director"),
    (("Daniel Ferreira arrived late.", "Ferreira said: “There is no money left for this programme.”"),
     "There is no money left for this programme.", "Daniel Ferreira", None),
    (("“There is no money left,” Ferreira told the Associated Press.",), "There is no money left", "Ferreira", None),
    # abbreviated titles are no part of the name and are spelt out in the role
    (("“We will hold them accountable,” Gov. Jordan Whitaker said.",), "We will hold them accountable",
     "Jordan Whitaker", "Governor"),
    (("“We will hold them accountable,” said Sen. Jordan Whitaker, D-Ohio.",), "We will hold them accountable",
     "Jordan Whitaker", "Senator"),
    (("“We will hold them accountable,” said Adm. Jordan Whitaker.",), "We will hold them accountable",
     "Jordan Whitaker", "Admiral"),
    (("“We will hold them accountable,” said Gen. Jordan Whitaker, commander of the force.",),
     "We will hold them accountable", "Jordan Whitaker", "General, commander of the force"),
    (("“We will hold them accountable,” said Mr. Jordan Whitaker.",), "We will hold them accountable",
     "Jordan Whitaker", None),
    # an unnamed official after the verb, as written; a participle after the name is no role
    (("“We will rebuild,” said one official, who was not authorized to speak publicly.",), "We will rebuild",
     "one official", None),
    (("“We will rebuild,” said a spokesman for the Roads Agency, who declined to be named.",), "We will rebuild",
     "a spokesman for the Roads Agency", None),
    (("“We lost everything,” said Grace Okafor, adding that “nobody came to help us for days”.",),
     "nobody came to help us for days", "Grace Okafor", None),
    (("Grace Okafor, a spokeswoman for the agency, said it would review the case.",
      "“We take every complaint seriously,” Okafor said."), "We take every complaint seriously", "Grace Okafor",
     "a spokeswoman for the agency"),
    (("The plan is “dead on arrival,” according to Tunde Bello, the opposition leader.",), "dead on arrival",
     "Tunde Bello", "the opposition leader"),
    # reported speech, then the same person's words in a paragraph of their own
    (("Mayor Jane Holt said the city would repair the bridge by spring.", "“We owe it to the people who cross it.”"),
     "We owe it to the people who cross it.", "Jane Holt", "Mayor"),
    (("The city will repair the bridge, Mayor Jane Holt said on Monday.", "“We owe it to the people who cross it.”"),
     "We owe it to the people who cross it.", "Jane Holt", "Mayor"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", WIRE, ids=[c[1][:30] for c in WIRE])
def test_wire_style(paragraphs, text, speaker, role):
    got = quotes(*paragraphs)
    assert got.get(text) == (speaker, role), got


RELEASES = [
    # letters after the name are no part of it; the role after it is the role
    (("The department announced the grants today.", "Helen Marsh MP, Minister for Rural Affairs, said:",
      "We are backing our farmers with real money."), "We are backing our farmers with real money.", "Helen Marsh",
     "Minister for Rural Affairs"),
    (("The department announced the grants today.",
      "Commenting on the announcement, Chief Executive of the Rivers Agency, Tom Hargreaves, said:",
      "We are delighted to support these projects across the country."),
     "We are delighted to support these projects across the country.", "Tom Hargreaves",
     "Chief Executive of the Rivers Agency"),
    # US federal titles: "U.S. Attorney", "Special Agent in Charge"; title and surname take the full name
    (("“We will find those responsible,” said U.S. Attorney Helen Marsh for the Eastern District.",),
     "We will find those responsible", "Helen Marsh", "U.S. Attorney"),
    (("“We will find those responsible,” said FBI Special Agent in Charge Tom Hargreaves.",),
     "We will find those responsible", "Tom Hargreaves", "FBI Special Agent in Charge"),
    (("Helen Marsh is the new administrator.", "Administrator Marsh said, “Clean air matters to every family.”"),
     "Clean air matters to every family.", "Helen Marsh", "Administrator"),
    # a unit number inside a title; a peerage with a surname is the name; a title opening the line
    (("“We are ready for the storm season,” said FEMA Region 6 Administrator Tom Reyes.",),
     "We are ready for the storm season", "Tom Reyes", "FEMA Region 6 Administrator"),
    (("Science Minister Lord Halden said:", "This investment will keep us at the front of research."),
     "This investment will keep us at the front of research.", "Lord Halden", "Science Minister"),
    (("Minister for Skills, Jane Holt MP said:", "This investment will keep us at the front of research."),
     "This investment will keep us at the front of research.", "Jane Holt", "Minister for Skills"),
    (("In a statement, Jane Holt said:", "This investment will keep us at the front of research."),
     "This investment will keep us at the front of research.", "Jane Holt", None),
    # a named person's statement ends where the article's own voice resumes
    (("Environment Secretary Helen Marsh said:", "We are cleaning up our rivers.",
      "We will hold water companies to account.", "The scheme opens to applicants in June."),
     "We will hold water companies to account.", "Helen Marsh", "Environment Secretary"),
    # "X said:" then paragraphs without marks; a role after the name
    (("The government announced new funding today.", "Minister for Housing Clara Beaumont said:",
      "This money will help thousands of families find a home.", "We will keep working with councils to deliver it."),
     "We will keep working with councils to deliver it.", "Clara Beaumont", "Minister for Housing"),
    (("The government announced new funding today.", "Clara Beaumont, Secretary of State for Housing, said:",
      "This money will help thousands of families find a home."),
     "This money will help thousands of families find a home.", "Clara Beaumont", "Secretary of State for Housing"),
    # the organisation and the role precede the name; a middle initial stays in it
    (("“This mission opens a new chapter,” said Agency Deputy Administrator Jordan P. Whitaker.",),
     "This mission opens a new chapter", "Jordan P. Whitaker", "Agency Deputy Administrator"),
    (("“We will hold them accountable,” said Assistant Attorney General Jordan Whitaker of the Justice "
      "Department’s Criminal Division.",), "We will hold them accountable", "Jordan Whitaker",
     "Assistant Attorney General"),
    # a named person's quote over two paragraphs, the second opening without a close before it
    (("“This is a great day for workers,” said Secretary Jordan Whitaker. “We delivered what we promised.",
      "“And we are not done yet.”"), "And we are not done yet.", "Jordan Whitaker", "Secretary"),
    (("“Today we are announcing new rules,” said Administrator Lena Marsh. “These rules protect families.”",
      "Marsh added that the rules take effect in May."), "These rules protect families.", "Lena Marsh",
     "Administrator"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", RELEASES, ids=[c[1][:30] for c in RELEASES])
def test_press_releases(paragraphs, text, speaker, role):
    got = quotes(*paragraphs)
    assert got.get(text) == (speaker, role), got


def test_the_narrative_after_an_introduced_statement_is_no_quotation():
    got = quotes("Environment Secretary Helen Marsh said:", "We are cleaning up our rivers.",
                 "The scheme opens to applicants in June.")
    assert set(got) == {"We are cleaning up our rivers."}


PRONOUNS = [
    # the pronoun's gender, shown by an honorific, passes over the nearer person of the other
    (("Ms. Okonkwo met Daniel Ferreira, the governor, on Friday.", "“We are close to a deal,” she said."),
     "Ms Okonkwo"),
    (("Mr. Ferreira met Ruth Okonkwo, the mayor, on Friday.", "“We are close to a deal,” he said."), "Mr Ferreira"),
    # by a gendered noun in an appositive, and by a pronoun in a sentence the person opens
    (("Ruth Okonkwo, a spokeswoman, met Daniel Ferreira, the governor, on Friday.",
      "“We are close to a deal,” she said."), "Ruth Okonkwo"),
    (("Daniel Ferreira said his staff had met Ruth Okonkwo, the mayor, on Friday.",
      "“We are close to a deal,” he said."), "Daniel Ferreira"),
    # nothing shown: the nearest
    (("Ruth Okonkwo met Daniel Ferreira on Friday.", "“We are close to a deal,” she said."), "Daniel Ferreira"),
]


@pytest.mark.parametrize("paragraphs, speaker", PRONOUNS, ids=[c[1] + str(i) for i, c in enumerate(PRONOUNS)])
def test_pronouns_by_gender_the_article_shows(paragraphs, speaker):
    got = quotes(*paragraphs)
    assert got.get("We are close to a deal", ("",))[0] == speaker, got


@pytest.mark.parametrize("text, expected", [
    ("Ms. Okonkwo arrived.", {"okonkwo": "f"}),
    ("Ruth Okonkwo said her office was ready.", {"okonkwo": "f"}),
    ("Ruth Okonkwo said she met Daniel Ferreira and his aides.", {}),  # both genders in one sentence
    ("“He is ready,” Ruth Okonkwo said.", {}),  # a pronoun inside a quotation says nothing of the speaker
    ("Daniel Ferreira, the company's chairman, spoke.", {"ferreira": "m"}),
    ("Mr. Lee spoke. Ms. Lee replied.", {}),  # two people, one surname: unknown
])
def test_gender_evidence(text, expected):
    from reporter.analysis.mentions import genders
    from reporter.analysis.text import Sentences
    assert genders((text,), Sentences((text,))) == expected


def dates(*paragraphs: str, title: str = "T", published=None) -> set[str]:
    facts = analyze(Article(title=title, paragraphs=tuple(paragraphs), published=published))
    return {e.date for e in facts.timeline}


def test_a_date_in_the_title_dates_today_weekdays_and_yearless_dates():
    got = dates("The spokesperson said today that the envoy met his counterpart on Tuesday and on March 3.",
                title="Department Press Briefing – March 6, 2025")
    assert got == {"2025-03-06", "2025-03-04", "2025-03-03"}


def test_a_header_line_ending_in_a_date_is_the_reference_date():
    got = dates("MEDIA LINE: (555) 010-0000 Friday, January 16, 2009",
                "Prices decreased 1.0 percent in December, the agency said.")
    assert got == {"2009-01-16", "2008-12"}


def test_a_sentence_ending_in_a_future_date_is_no_reference_date():
    got = dates("The judge ruled before the law was due to take effect on Jan. 1, 2031.",
                "The governor signed it in May 2030. Lawyers sued in October.")
    assert "2031-10" not in got and "2030-05" in got


def test_an_index_base_period_is_no_date():
    got = dates("The index stood at 210.2 (1982-84=100) and the other at 120.6 (December 1999=100) in June 2008.")
    assert got == {"2008-06"}


def test_a_planned_visit_looks_ahead():
    from datetime import date
    assert dates("They discussed the planned visit in April.", published=date(2026, 2, 14)) == {"2026-04"}


def sources(*paragraphs: str) -> set[str]:
    return {s.name for s in analyze(Article(title="T", paragraphs=tuple(paragraphs))).sources}


SOURCES = [
    ("The jobless rate was unchanged at 4.1 percent, the U.S. Bureau of Farm Statistics reported today.",
     {"U.S. Bureau of Farm Statistics"}),
    # a piece of work credited with "by", and two bodies joined by "and"
    ("A survey by the Chamber of Commerce found that most firms expect growth.", {"Chamber of Commerce"}),
    ("Nearly 40% of children are malnourished, according to a screening by the Infant Relief Fund and the "
     "World Grain Programme (WGP).", {"Infant Relief Fund", "World Grain Programme (WGP)"}),
    ("According to data from the Office of Fisheries Statistics, catches fell by 12%.", {"Office of Fisheries Statistics"}),
    # a body that estimates, with its acronym and a plural verb
    ("The Northern Policing Agency (NPA) estimate that there are at least 9,000 people involved.",
     {"Northern Policing Agency (NPA)"}),
    ("The Coastal Research Institute estimates that sea levels will rise by 30 cm.", {"Coastal Research Institute"}),
    # the context says it is a body: a clause between commas, staff "at" it, "the operator, X,"
    ("Doctors Across Borders (DAB), which runs a clinic in the town, said on Thursday that it had treated 300 people.",
     {"Doctors Across Borders (DAB)"}),
    ("Blue Ridge Minerals, the largest producer in the country, said in a statement that output fell.",
     {"Blue Ridge Minerals"}),
    ("Analysts at Keller Brothers said in a note to clients that the results were strong.", {"Keller Brothers"}),
    ("The operator, Harbour Link Ferries, says a replacement is coming.", {"Harbour Link Ferries"}),
    ("In the words of the World Weather Council, the region is warming fast.", {"World Weather Council"}),
    # negatives: people, people at large, a person's words
    ("Jane Doe, the company's chairman, said profits rose.", set()),
    ("Jane Doe, who leads the union, said pay must rise.", set()),
    ("Maps are available for review by residents and business owners in the county.", set()),
    ("A report by Jane Doe found little change.", set()),
    ("In the words of Jane Doe, the plan is a failure.", set()),
    ("Employment rose by 3%, the survey found.", set()),
]


@pytest.mark.parametrize("text, expected", SOURCES, ids=[s[0][:30] for s in SOURCES])
def test_sources(text, expected):
    assert sources(text) == expected


def titled(title: str, *paragraphs: str) -> dict[str, tuple[str, str | None]]:
    facts = analyze(Article(title=title, paragraphs=tuple(paragraphs)))
    return {q.text: (q.speaker, q.role) for q in facts.quotes}


STATEMENTS = [
    # the title names whose statement it is, before or after the word "Statement"
    ("Secretary Okafor’s Statement on Road Funding",
     ("The funding was confirmed today.", "“We are investing in every region of the country and we will not stop.”"),
     "We are investing in every region of the country and we will not stop.", ("Okafor", "Secretary")),
    ("Secretary Okafor Statement on Road Funding",
     ("“We are investing in every region of the country and we will not stop.”",),
     "We are investing in every region of the country and we will not stop.", ("Okafor", "Secretary")),
    # a word for the kind of statement, or where it was made, is no part of its owner's name
    ("Minister Grace Okafor Dáil Statement on Road Funding",
     ("We are investing in every region of the country and we will not stop.",),
     "We are investing in every region of the country and we will not stop.", ("Grace Okafor", "Minister")),
    # an office's statement in the possessive, its holder named in the summary line under it
    ("Ferries: Transport Secretary's statement to Parliament",
     ("The Secretary of State for Transport Grace Okafor updated Parliament on the ferries (11 May 2024).",
      "Madam Deputy Speaker, with permission, I would like to update the House on the ferries."),
     "Madam Deputy Speaker, with permission, I would like to update the House on the ferries.",
     ("Grace Okafor", "Secretary of State for Transport")),
    ("Secretary of Harbours Okafor’s statement on the new ferry policy",
     ("Secretary of Harbours Grace Okafor set out a new ferry policy today.", "We will keep every route open this winter."),
     "We will keep every route open this winter.", ("Grace Okafor", "Secretary of Harbours")),
    # a headline naming only the office, the line under it naming its holder (letters after her name)
    ("Statement by the Taoiseach announcing the new pilots",
     ("Statement by the Taoiseach Grace Okafor TD", "I beg leave to announce that I have appointed four new pilots."),
     "I beg leave to announce that I have appointed four new pilots.", ("Grace Okafor", "Taoiseach")),
    # a statement with no quotation marks at all: its first-person paragraphs are the speaker's
    ("Statement from Secretary of Transportation Grace Okafor on Road Funding",
     ("We are investing in every region of the country and we will not stop.", "Media contact: press office."),
     "We are investing in every region of the country and we will not stop.",
     ("Grace Okafor", "Secretary of Transportation")),
]


@pytest.mark.parametrize("title, paragraphs, text, expected", STATEMENTS, ids=[s[0][:30] for s in STATEMENTS])
def test_statements(title, paragraphs, text, expected):
    got = titled(title, *paragraphs)
    assert got.get(text) == expected, got


def test_a_joint_statement_in_the_third_person_has_no_unmarked_quotations():
    got = titled("Statement by the President of the Council and the Prime Minister of the Kingdom",
                 "The leaders met today and agreed that we should work together on trade.")
    assert got == {}


def test_said_title_and_surname_with_no_full_name_gives_the_title_as_role():
    got = quotes("“These grants will make our streets safer,” said Secretary Okafor.")
    assert got == {"These grants will make our streets safer": ("Okafor", "Secretary")}


def test_a_title_and_an_affiliation_make_one_role():
    assert quotes("“It’s a historic day,” said Mayor Jane Holt of Riverton.") == {
        "It’s a historic day": ("Jane Holt", "Mayor of Riverton")}
    assert quotes("“It’s a historic day,” said Dr. Jane Holt of the city council.") == {
        "It’s a historic day": ("Jane Holt", "city council")}


def test_an_appointment_gives_the_role_of_a_speaker_who_has_none():
    got = quotes("Lord Halden has been appointed by the Minister as the new Chair of the Arts Board, for four years.",
                 "Lord Halden said:", "I am very pleased to take on this role at an important time.")
    assert got == {"I am very pleased to take on this role at an important time.":
                   ("Lord Halden", "new Chair of the Arts Board")}


@pytest.mark.parametrize("text, expected", [
    ("Jane Doe was named as chief executive of the trust.", {"doe": "chief executive of the trust"}),
    ("Jane Doe was elected as the party's leader on Monday.", {"doe": "party's leader"}),
    ("Jane Doe appointed three new members.", {}),
])
def test_appointed_roles(text, expected):
    from reporter.analysis.quotes import appointed_roles
    assert appointed_roles((text,)) == expected


def test_a_weekday_right_after_a_speech_verb_is_a_date():
    from datetime import date
    got = dates("Bello said Tuesday that the plan was dead. The agency announced Monday it would act.",
                published=date(2025, 3, 13))
    assert got == {"2025-03-11", "2025-03-10"}
    assert dates("Bello said Tuesday was a good day.", published=None) == set()  # no publication date: undated


def test_a_reporter_s_question_is_never_the_quote_a_briefing_shows():
    from reporter.compose.context import notable_quotes
    from reporter.compose.select import best_quote
    facts = analyze(Article(title="T", paragraphs=(
        "MS. DOE: Yes.", "Q: Can you say whether the ministry will publish the full report before the summit?",
        "MS. DOE: We will.")))
    assert any(q.speaker == "a reporter" for q in facts.quotes)
    assert {q.speaker for q in notable_quotes(facts.quotes)} == {"Doe"}
    assert best_quote(facts.quotes).speaker == "Doe"
