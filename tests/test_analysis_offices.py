"""Titles of office written around a name in ways the first rules did not read: a body named
for what it works on ("Council on …") before a title and a name, a title after a body's
words ("… Branch Supervisor Jane Roe"), a title that lists its remits with commas before
the name, an employer after "of the", and a sentence that hands over the NEXT quotation
right after one closes. Made-up snippets; each row: paragraphs, a distinctive part of a
quotation, the speaker and the role (its significant words) it must have."""

from __future__ import annotations

import pytest

from reporter import Article
from reporter.analysis import analyze


def attributed(title: str, paragraphs: tuple[str, ...], text: str) -> list[tuple[str, str | None]]:
    """(speaker, role) of each quotation holding text; every quotation verbatim in its paragraph."""
    facts = analyze(Article(title=title, paragraphs=paragraphs))
    for q in facts.quotes:
        assert q.text in paragraphs[q.paragraph - 1]
    return [(q.speaker, q.role) for q in facts.quotes if text in q.text]


ROWS = [
    # "said <Body on X> <Title> <Name>": the person, the rest of the run her role
    (("“We all have a part to play,” said Harbour Council on Coastal Quality Chair Ada Quill.",),
     "a part to play", "Ada Quill", "Harbour Council on Coastal Quality Chair"),
    (("“The bill is ready,” said Committee on Harbour Safety Chairman Ben Vale.",),
     "The bill is ready", "Ben Vale", "Committee on Harbour Safety Chairman"),
    # a title after a body's words, the surname alone at the quote
    (("On Monday, Dune Works Branch Supervisor Stan Vale presented the grant to the town.",
      "“We are proud of this town,” said Vale."), "proud of this town", "Stan Vale", "Dune Works Branch Supervisor"),
    # a title listing its remits with commas, then the name and "said:"
    (("Minister for Ports, Harbours, and Coastal Safety, Ada Quill said:",
      "This is a good day for the service and for the people who use it."),
     "a good day", "Ada Quill", "Minister for Ports, Harbours, and Coastal Safety"),
    # an employer after "of the" is the role when nothing else is given
    (("According to Ada Quill of the Northshore Institute of Oceanography, the tide was higher.",
      "Quill said that “the sea wall held” through the night."), "the sea wall held", "Ada Quill",
     "Northshore Institute of Oceanography"),
    # ... but an appositive after it says what she is
    (("Dr Ada Quill of the Northshore Institute of Oceanography, a co-author of the study, warned that the "
      "tide could “rise much faster than we thought” by 2050.",), "rise much faster", "Ada Quill", "a co-author of the study"),
    # "“….” The Commissioner added: “…”": the colon hands over the next quotation, not the last
    (("The day was marked in the capital. Vice-President Ada Quill said: “We know the hard truth and we act on it.” "
      "Commissioner for Ports, Ben Vale, added: “This day is a call to act on the harbours.”",),
     "We know the hard truth", "Ada Quill", "Vice-President"),
    (("The day was marked in the capital. Vice-President Ada Quill said: “We know the hard truth and we act on it.” "
      "Commissioner for Ports, Ben Vale, added: “This day is a call to act on the harbours.”",),
     "a call to act", "Ben Vale", "Commissioner for Ports"),
    # a quotation with its attribution after it still takes it, colon or not
    (("“We are ready for the storm,” the port’s spokesman, Ben Vale, said: the boats were in by noon.",),
     "ready for the storm", "Ben Vale", "the port’s spokesman"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", ROWS, ids=[f"{i}-{r[1][:16]}" for i, r in enumerate(ROWS)])
def test_titles_of_office_around_names(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == [(speaker, role)]


@pytest.mark.parametrize("text", [
    "The Council on Ports met on Monday and Jane Roe on Tuesday.",  # "on" joins a body's name only
    "Jane Roe on Monday visited the Harbour Board.",
])
def test_on_joins_only_the_bodies_named_for_their_work(text):
    facts = analyze(Article(title="News", paragraphs=(text,)))
    assert not [o for o in facts.organizations if "Roe" in o.name or "Monday" in o.name or "Tuesday" in o.name], \
        facts.organizations


def test_the_person_before_a_long_remit_not_a_run_inside_it():
    """"Jane Roe, Vice-President for X, also in charge of Financial Ports, Harbour Services and
    Coastal Union, said:" speaks as Jane Roe: the capitalised runs after her title are her remit."""
    text = ("Growth is up. Ada Quill, Vice-President for the Harbour and Social Dialogue, also in charge of "
            "Financial Stability, Harbour Services and Coastal Markets Union, said: “The time to mend the quay "
            "is when the sun is shining.” Jon Vale, Commissioner for Economic and Financial Affairs, Ports and "
            "Customs, said: “After five years, growth is here.”")
    facts = analyze(Article(title="News", paragraphs=(text,)))
    assert [(q.speaker, q.role.split(",")[0]) for q in facts.quotes] == [
        ("Ada Quill", "Vice-President for the Harbour and Social Dialogue"),
        ("Jon Vale", "Commissioner for Economic and Financial Affairs")], facts.quotes


COPY_DEFECTS = [
    # a copy that lost the opening mark: the quotation opens at the paragraph's start
    (("The agency awarded the grants on Monday.",
      "From restoring marshes to reducing floods, these grants keep our coasts safe,” said Ada Quill, director of "
      "the coastal office."), "these grants keep our coasts safe", "Ada Quill", "director of the coastal office"),
    # ... or a quotation running on from the paragraph before, with no mark at the new paragraph
    (("“Labour laws protect every worker. When employers cheat, we must defend the workers,” said Labour Minister "
      "Ada Quill. “We stand ready to work with our partners.",
      "Employers can no longer build their businesses on the backs of exploited people.”"),
     "can no longer build", "Ada Quill", "Labour Minister"),
    # a copy that dropped every mark: ", said <Title> <Name>." ends a sentence of speech
    (("The ministry awarded the grants on Tuesday.",
      "This investment in our airports will strengthen safety and create jobs, said Transport Secretary Ada L. Quill."),
     "This investment in our airports", "Ada L. Quill", "Transport Secretary"),
    # ... but not a short phrase, nor a verb with no person after it
    (("Officials agreed, said Ada Quill.",), "Officials agreed", None, None),
    (("The harbour will reopen next week after the storm, said Monday's notice from the port.",),
     "The harbour will reopen", None, None),
    # a title before the name and a role after it: both ("Administrator, head of …")
    (("“We are here to help,” said Administrator Ada Quill, head of the Harbour Loans Office.",),
     "here to help", "Ada Quill", "Administrator, head of the Harbour Loans Office"),
    # a title whose body follows "of the", the surname alone at the quotation
    (("(Capital) – Secretary of the Harbours Ada Quill today unveiled 110 projects.",
      "“Work will start this spring,” Quill said at the event."), "Work will start", "Ada Quill",
     "Secretary of the Harbours"),
    # a role named in the sentence that introduces the person, after "joined by"
    (("Today we are pleased to be joined by the Department spokesperson, Ada Quill; and by Jon Vale.",
      "Ms. Quill: Thanks, everyone, for having me today.", "Mr. Vale: Thank you, Ada.",
      "Ms. Quill: We will take questions now."), "for having me", "Ada Quill", "the Department spokesperson"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", COPY_DEFECTS,
                         ids=[f"{i}-{r[1][:16]}" for i, r in enumerate(COPY_DEFECTS)])
def test_quotations_in_copies_that_lost_marks_and_roles_around_them(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == ([(speaker, role)] if speaker else [])


MORE_OFFICES = [
    # a description between "a" and the title: the titled person
    (("“These have been sad days,” said a visibly moved President Ada Quill during her broadcast.",),
     "sad days", "Ada Quill", "President"),
    # ... while "a spokeswoman for the ministry" stays the unnamed speaker
    (("“We are ready,” said a spokeswoman for the ministry.",), "We are ready", "a spokeswoman for the ministry", None),
    # "the PM" is the one Prime Minister named
    (("Prime Minister Ada Quill spoke to the mayor today.",
      "The PM said the country “stands ready to help in any way it can”."), "stands ready", "Ada Quill", "Prime Minister"),
    # two offices joined by "and" before one name; a plural's apostrophe inside the second body
    (("“This case shows the work of the unit,” said Harbour County Sheriff and National Sheriffs’ Association "
      "President Ada Quill.",), "This case shows", "Ada Quill",
     "Harbour County Sheriff and National Sheriffs’ Association President"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", MORE_OFFICES, ids=[f"{i}-{r[1][:16]}" for i, r in enumerate(MORE_OFFICES)])
def test_more_offices(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == [(speaker, role)]


def test_a_plural_possessive_body_is_one_organisation():
    facts = analyze(Article(title="News", paragraphs=(
        "“This case shows the work of the unit,” said National Sheriffs’ Association President Ada Quill.",)))
    assert [o.name for o in facts.organizations] == ["National Sheriffs’ Association"]


@pytest.mark.parametrize("paragraphs, text, speaker, role", [
    # an office's body with an "and" in it, before the name
    (("“The funds will help,” said Secretary of Housing and Urban Harbours Ada Quill.",), "funds will help",
     "Ada Quill", "Secretary of Housing and Urban Harbours"),
    # ... but two people after "said" are two, the first the speaker
    (("“We met,” said Secretary of State Ada Quill and Jon Vale.",), "We met", "Ada Quill", "Secretary of State"),
    # a hand-over of a statement "from" a person: hers, not the body's that issued it
    (("The Harbour Department issued the following statement from Attorney General Ada Quill:",
      "“We are ready for the season, and the quay is open.”"), "ready for the season", "Ada Quill", "Attorney General"),
])
def test_offices_with_and_and_statements_from_a_person(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == [(speaker, role)]


@pytest.mark.parametrize("paragraphs, text, speaker, role", [
    # a round-up of reactions: a title and a name right before the colon
    (("Harbour Assistant Administrator for Ports and Coastal Assurance Ada Quill: “This is a terrific settlement.”",),
     "terrific settlement", "Ada Quill", "Harbour Assistant Administrator for Ports and Coastal Assurance"),
    (("North Harbour Environment, Great Lakes & Energy Director Jon Vale: “This settlement is real progress.”",),
     "real progress", "Jon Vale", "North Harbour Environment, Great Lakes & Energy Director"),
    # ... while a name, an appositive and a verb before the colon still work as before
    (("Ada Quill, the city’s former director, put it simply: “We are broke and we know it.”",),
     "We are broke", "Ada Quill", "the city’s former director"),
])
def test_round_ups_of_reactions(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == [(speaker, role)]


@pytest.mark.parametrize("paragraphs, text, speaker, role", [
    # a title before the name beats a relative clause after it
    (("“It is critical,” said Harbour Secretary Ada Quill, who also chairs the Storm Rebuilding Task Force.",),
     "It is critical", "Ada Quill", "Harbour Secretary"),
    # ... with no title, the clause says who she is, as before
    (("“We will vote on Friday,” said Ada Quill, who chairs the panel.",), "We will vote", "Ada Quill",
     "who chairs the panel"),
    # a title of office in the commas after a name in mid-sentence
    (("With partnerships playing a larger role, Ada Rappaport Quill, Director of the Harbour and Wildlife Service, "
      "has appointed Jon Vale as her adviser.", "“We are ready,” Quill said."), "We are ready", "Ada Rappaport Quill",
     "Director of the Harbour and Wildlife Service"),
])
def test_titles_against_clauses_and_titles_in_commas(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == [(speaker, role)]


LONG_LABELS = [
    # a remit ends the label's title and a middle name follows the given name: the header line
    # writing the middle name as an initial says which word is the given name
    ("Deputy to the Director of Harbour Works Ada Quill Briefing",
     "Deputy to the Director of Harbour Works for Public Safety Ada B. Quill",
     "DEPUTY TO THE DIRECTOR OF HARBOUR WORKS ADA BRYN QUILL: Thank you all for coming today.",
     "Ada Bryn Quill"),
    # no such line: the label's last two words are the name, as before
    ("Harbour Works Briefing", "",
     "DEPUTY TO THE DIRECTOR OF HARBOUR WORKS ADA QUILL: Thank you all for coming today.",
     "Ada Quill"),
    # a remit word before a two-word name is never a given name, even where the text repeats it
    ("Briefing by the Secretary of Harbour Security Ben Vale", "Secretary of Harbour Security Ben Vale",
     "SECRETARY OF HARBOUR SECURITY BEN VALE: Thank you all for coming today.",
     "Ben Vale"),
]


@pytest.mark.parametrize("title, header, label_line, speaker", LONG_LABELS)
def test_a_long_labels_given_name_is_the_one_the_header_writes_before_an_initial(title, header, label_line, speaker):
    raw = "\n\n".join(x for x in (title, header, label_line, "QUESTION: When will it open?") if x)
    paragraphs = tuple(p for p in (header, label_line, "QUESTION: When will it open?") if p)
    facts = analyze(Article(title=title, paragraphs=paragraphs, raw_text=raw))
    assert [q.speaker for q in facts.quotes if "coming today" in q.text] == [speaker]


ADDRESSED_OFFICES = [
    # an office label with no name: the question before its turn addresses its holder by name
    (("JOURNALIST: Mr Quill, how big a day is this for the harbour?",
      "MINISTER: It is a great day for everyone who works here.",
      "JOURNALIST: And the ferries?", "MINISTER: They will run all winter."),
     "great day", ("Quill", "Minister")),
    # the label on a line of its own, the name asked at the end of the question, a fuller name known
    (("Treasurer Ada Quill opened the terminal on Monday.", "JOURNALIST:", "What do you make of the delay, Ms Quill?",
      "TREASURER:", "It is a great day for everyone who works here.", "JOURNALIST:", "And the ferries?",
      "TREASURER:", "They will run all winter."),
     "great day", ("Ada Quill", "Treasurer")),
    # a question about someone else is no address: the office stays as written
    (("JOURNALIST: What did Mr Quill say about the ferries?",
      "TREASURER: It is a great day for everyone who works here.",
      "JOURNALIST: And the ferries?", "TREASURER: They will run all winter."),
     "great day", ("Treasurer", "Treasurer")),
]


@pytest.mark.parametrize("paragraphs, text, who", ADDRESSED_OFFICES)
def test_an_office_label_is_the_person_the_questions_address_by_name(paragraphs, text, who):
    assert attributed("Doorstop interview, Port Liria", paragraphs, text) == [who]


TITLE_HOLDERS = [
    # a postnominal after the appositive's name ("Minister for X, Jane Doe MP, said:")
    (("The harbour will reopen on Monday.", "Minister for Harbours, Ada Quill MP, said:",
      "The quay is ready for the ferries."), "quay is ready", ("Ada Quill", "Minister for Harbours")),
    # two holders of one title: "the PM" is the first named, the one the article is about
    (("Prime Minister Ada Quill has sent her sympathies to the people of Port Liria.",
      "The PM said the country “stands ready to help” and is sending a rescue team.",
      "She has spoken to her counterpart, Prime Minister Ben Vale, who thanked her."),
     "stands ready", ("Ada Quill", "Prime Minister")),
    # an "and" inside one office's remit, the words after it no title of their own
    (("“The funds will help,” said Harbours and Urban Development Secretary Ada Quill.",),
     "funds will help", ("Ada Quill", "Harbours and Urban Development Secretary")),
    # a remit after "responsible for", its words capitalised and listed with commas: no person
    (("Commissioner Ada Quill, responsible for Internal Market, Industry, Ports and Harbours, added: "
      "“Today we boost our ability to catch the big fish.”",), "big fish",
     ("Ada Quill", "Commissioner, responsible for Internal Market, Industry, Ports and Harbours")),
    # an "and" before a second person's title: not one office
    (("“The funds will help,” said Quill and Deputy Mayor Ben Vale.",), "funds will help", ("Quill", None)),
]


@pytest.mark.parametrize("paragraphs, text, who", TITLE_HOLDERS)
def test_a_title_holder_named_with_a_postnominal_or_first_of_two(paragraphs, text, who):
    assert attributed("Harbour news", paragraphs, text) == [who]


@pytest.mark.parametrize("title, answerer, asker", [
    ("Radio Interview with Ada Quill", "BEN VALE", "Ada Quill"),  # on his site: she asks
    ("Radio Interview with Ada Quill", "ADA QUILL", "a journalist"),  # she answers, labelled
    ("Interview with the Harbour Minister", "BEN VALE", "a journalist"),  # an office answers
])
def test_an_interview_heading_names_the_journalist_when_no_turn_bears_her_name(title, answerer, asker):
    paragraphs = ("JOURNALIST: What will the new quay mean for the town?",
                  f"{answerer}: It means ferries all winter and jobs at the yard.",
                  "JOURNALIST: And the cost of it all?", f"{answerer}: It is paid for already.")
    assert attributed(title, paragraphs, "new quay") == [(asker, None)]


@pytest.mark.parametrize("byline, speaker", [
    ("Transcript by The Hon Ada Quill MP", ("Ada Quill", "Minister")),
    ("Transcript by Dr Ada Quill", ("Ada Quill", "Minister")),
    ("Transcripts are published every day", ("Minister", "Minister")),  # no one's transcript: the office
    ("TRANSCRIPT OF THE MINISTER FOR PORTS THE HON ADA QUILL MP DOORSTOP INTERVIEW", ("Ada Quill", "Minister")),
    ("Quill, Ada", ("Ada Quill", "Minister")),  # an archive's header lists her surname first
    ("Canberra, Australia", ("Minister", "Minister")),  # a place, not a name
])
def test_an_office_label_is_the_person_whose_transcript_the_page_says_it_is(byline, speaker):
    paragraphs = ("MINISTER: Good afternoon everyone, and thank you for coming.",
                  "QUESTION: What are your priorities?", "MINISTER: The harbour, first and last.")
    raw = "Doorstop Interview, Port Liria\n\n" + byline + "\n\n" + "\n\n".join(paragraphs)
    facts = analyze(Article(title="Doorstop Interview, Port Liria", paragraphs=paragraphs, raw_text=raw))
    assert [(q.speaker, q.role) for q in facts.quotes if "Good afternoon" in q.text] == [speaker]


@pytest.mark.parametrize("paragraphs, n", [
    # a statement handed over, opened and never closed: its unmarked paragraphs are hers
    (("Ada Quill, the Harbour Administrator, issued the following statement before the hearing.",
      "“Our duty is to help every family the storm has hit. I have made it my priority.",
      "Right now our teams are working in 20 towns along the coast.",
      "Last week I saw home after home with the mark of the flood on its walls.",
      "Applications close on 30 June, the board said."), 3),
    # the quotation closed: what follows is the article's own
    (("Ada Quill, the Harbour Administrator, issued the following statement before the hearing.",
      "“Our duty is to help every family the storm has hit. I have made it my priority.”",
      "Teams are working in 20 towns along the coast."), 1),
])
def test_a_statement_left_open_goes_on_through_its_unmarked_paragraphs(paragraphs, n):
    facts = analyze(Article(title="Harbour storm", paragraphs=paragraphs))
    assert [q.speaker for q in facts.quotes] == ["Ada Quill"] * n


def test_one_upper_case_name_label_heads_a_press_conference_cut_after_its_first_turn():
    paragraphs = ("16 March 2024", "Subjects: harbour works, the ferry timetable.", "ADA QUILL:",
                  "Today I am really pleased to announce the new harbour board.", "It starts work in May.")
    facts = analyze(Article(title="Press conference, Port Liria", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(4, "Ada Quill"), (5, "Ada Quill")]
    facts = analyze(Article(title="Harbour board named", paragraphs=paragraphs))  # no transcript: no label
    assert facts.quotes == ()


@pytest.mark.parametrize("title, speaker", [
    ("Remarks by President Ada Quill at the Harbour Summit", ("Ada Quill", "President")),
    ("Speech by Ada Quill at the opening of the new ferry terminal", ("Ada Quill", None)),
    ("Press statement by Minister Ada Quill following the talks", ("Ada Quill", "Minister")),
    ("Harbour Council: Press remarks by Minister Ada Quill upon arrival", ("Ada Quill", "Minister")),
    ("Minister Ada Quill Delivers Remarks at the Harbour Summit, May 3, 2024", ("Ada Quill", "Minister")),
    ("Testimony as Delivered by Secretary of Ports Ada Quill", ("Ada Quill", "Secretary of Ports")),
    ("Ada Quill – 2023 Speech at the Harbour Summit", ("Ada Quill", None)),  # a republisher's title
    ("Ada Quill – 2023 Speech at the Harbour and Ferries Summit", ("Ada Quill", None)),  # "and" in the venue: one speaker
    ("Ada Quill - Daily press conference speaking notes 3 May 2024", ("Ada Quill", None)),  # a speaker's notes
])
def test_a_speech_s_first_person_paragraphs_are_its_speaker_s(title, speaker):
    paragraphs = ("Port Liria, 3 May 2024", "Thank you all for coming to the harbour today.",
                  "We have worked for four years to reopen this port, and I am proud of every crew.",
                  "The ferry timetable doubles in June.", "I look forward to seeing you on board.")
    facts = analyze(Article(title=title, paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker, q.role) for q in facts.quotes] == [(k, *speaker) for k in (2, 3, 4, 5)]


def test_a_speech_is_its_speaker_s_to_its_end_whatever_the_person_of_each_paragraph():
    paragraphs = ("Port Liria, 3 May 2024", "Thank you all for coming to the harbour today.",
                  "The ferry timetable doubles in June.", "Crews have trained for two years on the new boats.",
                  "Fares stay as they are until the spring.", "Watch the video",
                  "The harbour has never been busier than it is this summer.")
    facts = analyze(Article(title="Remarks by Minister Ada Quill at the Harbour Summit", paragraphs=paragraphs,
                            boilerplate=(6,)))
    assert [q.paragraph for q in facts.quotes] == [2, 3, 4, 5, 7]  # the page's own line left out
    # a statement (not a speech) still keeps to its first-person paragraphs and the few between them
    facts = analyze(Article(title="Statement by Minister Ada Quill on the ferries", paragraphs=paragraphs,
                            boilerplate=(6,)))
    assert [q.paragraph for q in facts.quotes] == [2]


def test_an_oral_statement_in_the_possessive_is_a_speech_to_its_end():
    paragraphs = ("The Secretary of State for Transport Ada Quill updated Parliament on the ferries (11 May 2024).",
                  "Madam Deputy Speaker, with permission, I would like to update the House on the ferries.",
                  "Contact tracing of the first crews has been completed at the harbour.",
                  "The ferries will sail again on Monday from every port.")
    facts = analyze(Article(title="Ferries: Transport Secretary's statement to Parliament", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(k, "Ada Quill") for k in (2, 3, 4)]


def test_a_report_about_remarks_is_no_speech():
    paragraphs = ("The minister spoke for twenty minutes at the harbour.", "She said the port would reopen in June.")
    assert analyze(Article(title="Remarks by the minister draw criticism", paragraphs=paragraphs)).quotes == ()


def test_a_statement_heading_line_under_the_headline_makes_the_text_its_speaker_s():
    paragraphs = ("Office of the Spokesperson, Port Liria", "On the Reopening of the Harbour",
                  "I join the people of Port Liria in marking the reopening of their harbour today.",
                  "We owe its crews our gratitude for four hard years of work.")
    for subheadings, paras in ((((1, "STATEMENT BY SECRETARY QUILL"),), paragraphs),
                               ((), paragraphs[:1] + ("STATEMENT BY SECRETARY QUILL",) + paragraphs[1:])):
        facts = analyze(Article(title="Quill on the harbour", paragraphs=paras, subheadings=subheadings))
        assert [(q.speaker, q.role) for q in facts.quotes] == [("Quill", "Secretary")] * 2


def test_a_source_line_above_a_speech_is_no_end_of_it():
    paragraphs = ("Source: Harbour Board, published on Friday, 3 May 2024.",
                  "Let me begin by thanking the crews who reopened this harbour after four years.",
                  "I believe the new timetable is the right one for the port.")
    facts = analyze(Article(title="Remarks by President Quill after the harbour board", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(2, "Quill"), (3, "Quill")]


@pytest.mark.parametrize("title, subheadings", [
    ("Harbour reopens", ((0, "Press Statement"), (0, "Ada Quill"), (0, "Secretary of Ports"), (0, "Port Liria"))),
    ("Press Statement Ada Quill Secretary of Ports Harbourton, May 3, 2024", ()),
    ("Harbour Change: Written statement - HCWS12", ((0, "Made on: 3 May 2024 Made by: Ada Quill (Secretary of Ports)"),)),
])
def test_a_press_statement_header_names_its_speaker(title, subheadings):
    paragraphs = ("I join the people of Port Liria in marking the reopening of their harbour today.",
                  "We owe its crews our gratitude for four hard years of work.")
    facts = analyze(Article(title=title, paragraphs=paragraphs, subheadings=subheadings))
    assert [(q.speaker, q.role) for q in facts.quotes] == [("Ada Quill", "Secretary of Ports")] * 2


def test_a_statement_header_with_no_person_under_it_names_no_one():
    paragraphs = ("I join the people of Port Liria in marking the reopening of their harbour today.",)
    facts = analyze(Article(title="Harbour reopens", paragraphs=paragraphs,
                            subheadings=((0, "Press Statement"), (0, "Office of the Spokesperson"))))
    assert facts.quotes == ()


def test_a_statement_handed_over_by_its_topics_with_topic_lines_inside():
    paragraphs = ("Addressing the council today, Harbour Board Chair Ada Quill highlighted the following points:",
                  "Ferries:", "“I welcome the deal we have just reached on the ferries.",
                  "It guarantees the crossings for the next five years.", "Harbour works:",
                  "The works start in May and we will keep the port open throughout.”")
    quotes = analyze(Article(title="Quill at the council", paragraphs=paragraphs)).quotes
    assert [(q.paragraph, q.speaker) for q in quotes] == [(3, "Ada Quill"), (4, "Ada Quill"), (6, "Ada Quill")]


def test_findings_listed_after_the_following_are_no_statement():
    paragraphs = ("The board made the following changes:", "Ferries:", "The crossings run every hour from May.")
    assert analyze(Article(title="Harbour board changes", paragraphs=paragraphs)).quotes == ()


def test_an_office_label_that_names_no_one_has_the_office_as_its_role_and_the_brief_says_it_once():
    from reporter.compose.select import shown_role
    paragraphs = ("TREASURER: Good morning everyone.", "JOURNALIST: Is the budget on track?",
                  "TREASURER: It is, and it will be delivered in May.")
    quotes = analyze(Article(title="Doorstop interview, Port Liria", paragraphs=paragraphs)).quotes
    assert {(q.speaker, q.role) for q in quotes if "Good morning" in q.text or "delivered" in q.text} == {("Treasurer", "Treasurer")}
    assert shown_role("Treasurer", "Treasurer") is None and shown_role("Ada Quill", "Treasurer") == "Treasurer"


def test_an_office_label_is_the_person_an_earlier_label_gave_that_office():
    paragraphs = ("HOST: Prime Minister, thanks for joining us.", "ADA QUILL, PRIME MINISTER: Good to be with you.",
                  "HOST: Are you the underdog?", "PRIME MINISTER: Well, the polls will come and go.")
    quotes = analyze(Article(title="Television interview - Harbour Sunday", paragraphs=paragraphs)).quotes
    assert [(q.speaker, q.role) for q in quotes if q.text.startswith(("Good", "Well"))] == [
        ("Ada Quill", "Prime Minister"), ("Ada Quill", "Prime Minister")]


def test_a_speech_that_quotes_someone_else_is_still_its_speaker_s():
    paragraphs = ("Thank you all for coming to the harbour today, and thank you to the board.",
                  "Our first harbour master, Ben Ode, once said: “The sea keeps its own timetable.” We have kept ours.",
                  "I am proud that we reopened this port after four long years of work.")
    facts = analyze(Article(title="Remarks of Secretary Ada Quill on the Harbour's Anniversary", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(1, "Ada Quill"), (2, "Ben Ode"), (3, "Ada Quill")]


def test_a_statement_lead_may_name_a_law_in_quotation_marks_and_go_on_about_it():
    paragraphs = ("Congresswoman Ada Quill (R-TX) issued the following statement after the board awarded the port "
                  "$4 million. The funds come from the ‘Harbour Relief Act’, which passed in March.",
                  "“These funds will keep the ferries running through the winter.”")
    quotes = analyze(Article(title="Press Releases", paragraphs=paragraphs)).quotes
    assert [(q.paragraph, q.speaker) for q in quotes] == [(2, "Ada Quill")]


def test_a_page_s_date_line_between_a_hand_over_and_the_statement_is_skipped():
    paragraphs = ("Harbour Secretary Ada Quill said:", "First published: 19 December 2024 Last updated:",
                  "We recognise the impact long waits for the ferry have on people’s lives.",
                  "We know demand is increasing and we are adding two boats.")
    quotes = analyze(Article(title="Harbour Secretary responds to ferry data", paragraphs=paragraphs)).quotes
    assert [(q.paragraph, q.speaker) for q in quotes] == [(3, "Ada Quill"), (4, "Ada Quill")]


@pytest.mark.parametrize("line, speaker", [
    ("Secretary Ada Quill 2024 Harbour Summit, Port Liria", ("Ada Quill", "Secretary")),
    ("Ada Q. Quill II Harbour House May 3, 2024 Port Liria", ("Ada Q. Quill II", None)),
    ("Harbour House Conference Centre Port Liria", None),  # a place, no one's name
])
def test_a_speech_titled_remarks_at_takes_its_speaker_from_a_line_at_the_top(line, speaker):
    paragraphs = ("Tuesday, May 3, 2024", line, "Thank you all for coming to the harbour today.",
                  "I am proud that we reopened this port after four long years of work.")
    quotes = analyze(Article(title="Remarks at the Harbour Summit", paragraphs=paragraphs)).quotes
    assert {(q.speaker, q.role) for q in quotes} == ({speaker} if speaker else set())


def test_an_office_label_with_its_holder_in_brackets_is_that_holder():
    paragraphs = ("Members present: Mr Ben Ode (Chairperson)", "The Chairperson (Mr Ode): We are delighted to have the Minister here.",
                  "Mrs Quill (The Minister of Ports): Thank you very much, Chairman.",
                  "The Chairperson (Mr Ode): Let us begin with the ferries.")
    quotes = analyze(Article(title="Official Report: Minutes of Evidence", paragraphs=paragraphs)).quotes
    assert [(q.paragraph, q.speaker) for q in quotes] == [(2, "Ben Ode"), (3, "Quill"), (4, "Ben Ode")]


def test_a_page_s_noun_after_an_office_in_the_heading_is_no_surname():
    paragraphs = ("JOURNALIST: Prime Minister, are you comfortable?", "PM: I certainly believe the minister has done well.",
                  "JOURNALIST: And the ferries?", "PM: They will run all winter.")
    quotes = analyze(Article(title="Doorstop interview (PM Transcripts, transcript 17785)", paragraphs=paragraphs)).quotes
    assert {q.speaker for q in quotes if q.text.startswith(("I certainly", "They"))} == {"PM"}


@pytest.mark.parametrize("title, speaker", [
    ("Statement by the Tánaiste following the Harbour Council", ("Tánaiste", "Tánaiste")),
    ("Statement from the Secretary of State for Ports on the ferry report", ("Secretary of State for Ports",
                                                                            "Secretary of State for Ports")),
])
def test_a_statement_titled_by_an_office_is_its_holder_s(title, speaker):
    paragraphs = ("Published on: 3 May 2024", "My discussions at the council today included the ferries.",
                  "I welcome the review of the timetable that we agreed this morning.")
    quotes = analyze(Article(title=title, paragraphs=paragraphs)).quotes
    assert {(q.speaker, q.role) for q in quotes} == {speaker} and len(quotes) == 2


def test_a_press_statement_header_s_office_may_open_with_a_modifier():
    paragraphs = ("Press Statement", "Ada Quill", "Acting Secretary of Ports", "Port Liria", "May 3, 2024",
                  "On behalf of the port, I strongly condemn today’s attack on the ferry.")
    quotes = analyze(Article(title="Ada Quill", paragraphs=paragraphs)).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Ada Quill", "Acting Secretary of Ports")]
