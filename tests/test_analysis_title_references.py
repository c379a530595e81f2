"""A speaker referred to by a title alone ("the President said", a label "THE PRESIDENT:")
whom only the headline names in full ("Remarks by President Jane Roe at …"): statements,
remarks and briefings name their speaker there and nowhere else. Made-up snippets; each row
a title, the paragraphs, a distinctive part of a quotation, and the speaker and role it must
have (speaker None: no quotation holds that text)."""

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


REMARKS = ("THE PRESIDENT: Thank you all. It is good to be back in this harbour town.",
           "We came here to talk about ports, and the ports are doing well.",
           "Q Madam President, will you sign the bill?",
           "THE PRESIDENT: I will sign it on Friday.",
           "END 2:40 P.M. EDT")

ROWS = [
    # a transcript label that is the headline's title
    ("Remarks by President Jane Roe at the Harbour Summit", REMARKS, "good to be back", "Jane Roe", "President"),
    ("Remarks by President Jane Roe at the Harbour Summit", REMARKS, "the ports are doing well", "Jane Roe", "President"),
    ("Remarks by President Jane Roe at the Harbour Summit", REMARKS, "sign it on Friday", "Jane Roe", "President"),
    # the transcript's closing line is nobody's speech
    ("Remarks by President Jane Roe at the Harbour Summit", REMARKS, "END 2:40", None, None),
    # a statement's "the Minister said", named in full only in its title
    ("Statement from Minister Ava Stone on the flood relief fund",
     ("The fund will reach 40 towns this winter.",
      "“No family should face this alone,” the Minister said."), "No family should", "Ava Stone", "Minister"),
    # "the President" is not the Vice President the headline names
    ("Vice President Tom Bell visits the new port",
     ("“The port is ready for the season,” the President said in a message read at the opening.",),
     "The port is ready", "President", "President"),  # an office speaks in that office (shown once)
    ("Vice President Tom Bell visits the new port",
     ("“We built this together,” the Vice President said.",), "We built this together", "Tom Bell", "Vice President"),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", ROWS,
                         ids=[f"{i}-{r[2][:20]}" for i, r in enumerate(ROWS)])
def test_a_title_alone_is_the_person_the_headline_names_with_it(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == ([(speaker, role)] if speaker else [])


@pytest.mark.parametrize("title", ["Jane Roe Wins The Harbour Prize", "Harbour Town Welcomes Jane Roe Home"])
def test_a_headline_names_no_one_without_a_title_of_office(title):
    """Capitalised headline words are no names: a headline without a title of office adds no one."""
    facts = analyze(Article(title=title, paragraphs=("The prize was given in the town hall on Monday.",)))
    assert not [p for p in facts.people if "Roe" in p.name or "Harbour" in p.name], facts.people


def _call(first_turn: str) -> tuple[str, ...]:
    return (f"MODERATOR: {first_turn}",
            "SECRETARY DOE: Thank you. This is Harbour Day, and we have news on the ports.",
            "MODERATOR: Our first question comes from the line of a reporter.",
            "QUESTION: Will the ports reopen this week?",
            "SECRETARY DOE: They will reopen on Monday.")


SELF_INTRODUCED = [
    # a role label whose speaker names herself in her first turn
    (_call("Good morning. I'm Ada Quill, speaking to you from the press room."), "speaking to you from",
     "Ada Quill", "Moderator"),
    (_call("Good morning. I'm Ada Quill, speaking to you from the press room."), "Our first question",
     "Ada Quill", "Moderator"),
    (_call("Hello, my name is Ada Quill and I will host today's call."), "host today",
     "Ada Quill", "Moderator"),
    # no name in the turn: the label as written
    (_call("This is a busy week, so let us begin."), "busy week", "Moderator", None),
    # a label naming a person keeps its person ("This is Harbour Day" names no one)
    (_call("Welcome to the call."), "news on the ports", "Jon Doe", "Secretary"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", SELF_INTRODUCED,
                         ids=[f"{i}-{r[1][:16]}" for i, r in enumerate(SELF_INTRODUCED)])
def test_a_role_label_names_the_speaker_who_introduces_herself(paragraphs, text, speaker, role):
    assert attributed("News conference call with Secretary Jon Doe", paragraphs, text) == [(speaker, role)]


TRANSCRIPT_HEADINGS = [
    # "And with that, Mr. Secretary?" hands over; the heading names the Secretary by title and surname
    ("Press Briefing by Secretary of Ports Doe and Admiral Vale",
     ("PRESS SECRETARY ADA J. QUILL: Good afternoon. The secretary will speak first.",
      "So thanks again. And with that, Mr. Secretary?",
      "Thank you all for coming today. It has been a busy hundred days for the harbours.",
      "QUESTION: Will the ports reopen?", "PRESS SECRETARY ADA J. QUILL: Next question."),
     "a busy hundred days", "Doe", "Secretary of Ports"),
    ("Press Briefing by Secretary of Ports Doe and Admiral Vale",
     ("PRESS SECRETARY ADA J. QUILL: Good afternoon. The secretary will speak first.",
      "So thanks again. And with that, Mr. Secretary?",
      "Thank you all for coming today. It has been a busy hundred days for the harbours.",
      "QUESTION: Will the ports reopen?", "PRESS SECRETARY ADA J. QUILL: Next question."),
     "The secretary will speak first", "Ada J. Quill", "Press Secretary"),
    # an abbreviated title in a label: "SEC. DOE:" is the Secretary named in full at the first label
    ("Media Availability With Secretary Doe",
     ("STAFF: Good morning, everybody.", "SECRETARY OF PORTS JON T. DOE: Good morning to you all.",
      "SEC. DOE: That is important for all of us.", "Q: Still like the job?", "SEC. DOE: It is a great honour."),
     "That is important", "Jon T. Doe", "Secretary of Ports"),
    # an interview whose heading ends with the interviewer: the questions are hers
    ("Secretary Jon Doe on Morning Harbour News with Ada Quill",
     ("QUESTION: Secretary, will the ports reopen this week?", "SECRETARY DOE: They will reopen on Monday.",
      "QUESTION: And the ferries?", "SECRETARY DOE: The ferries too."), "will the ports reopen", "Ada Quill", None),
    # ... but a meeting with a titled person names no interviewer
    ("Remarks by Secretary Jon Doe at a Meeting with Prime Minister Ada Quill",
     ("QUESTION: Secretary, will the ports reopen this week?", "SECRETARY DOE: They will reopen on Monday.",
      "QUESTION: And the ferries?", "SECRETARY DOE: The ferries too."), "will the ports reopen", "a reporter", None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", TRANSCRIPT_HEADINGS,
                         ids=[f"{i}-{r[2][:16]}" for i, r in enumerate(TRANSCRIPT_HEADINGS)])
def test_transcript_speakers_named_by_the_heading(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == [(speaker, role)]


OFFICES = [
    # "The deputy First Minister said:" is not the First Minister
    (("First Minister Rt. Hon Ada Quill MLA and deputy First Minister Jon Vale MLA spoke today.",
      "The First Minister said: “I offer my condolences to the family at this time.”",
      "The deputy First Minister said: “I was honoured to meet him on his last visit.”"),
     "honoured to meet him", "Jon Vale", "deputy First Minister"),
    (("First Minister Rt. Hon Ada Quill MLA and deputy First Minister Jon Vale MLA spoke today.",
      "The First Minister said: “I offer my condolences to the family at this time.”",
      "The deputy First Minister said: “I was honoured to meet him on his last visit.”"),
     "my condolences", "Ada Quill", "First Minister"),
    # a spokesperson's statement handed over by a line tells what the office did, in the third person
    # ("A Treasury spokesperson said": the body speaks)
    (("A Harbour Office spokesperson said:",
      "This afternoon the Harbour Master met the mayor to discuss the new quay.",
      "They agreed to meet again in the spring."), "met the mayor", "Harbour Office", None),
    (("A Harbour Office spokesperson said:",
      "This afternoon the Harbour Master met the mayor to discuss the new quay.",
      "They agreed to meet again in the spring."), "meet again in the spring", "Harbour Office", None),
    # a title over a surname alone, never a first name: "the Secretary" is that surname
    (("Secretary Quill yesterday named 41 groups that will receive harbour grants.",
      "The Secretary said, “By helping ports we help the towns around them.”"), "helping ports", "Quill", "Secretary"),
    # ... but one of that surname named in full is the one meant
    (("Secretary Quill yesterday named 41 groups that will receive harbour grants.",
      "Harbour Secretary Ada Quill thanked the crews.",
      "The Secretary said, “By helping ports we help the towns around them.”"), "helping ports", "Ada Quill", "Harbour Secretary"),
    # ... while a line of a named person still stops at the article's own third-person voice
    (("Mayor Ada Quill said:", "We will build the quay this year.",
      "The council approved the budget on Monday after a long debate."), "approved the budget", None, None),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", OFFICES, ids=[f"{i}-{r[1][:16]}" for i, r in enumerate(OFFICES)])
def test_offices_and_spokespeople(paragraphs, text, speaker, role):
    assert attributed("News", paragraphs, text) == ([(speaker, role)] if speaker else [])


ONE_LABEL = [
    # a label on a line of its own: its turn is the paragraph after, and what follows it
    ("Press conference with the Prime Minister",
     ("Read the transcript of the press conference in full below.", "Prime Minister:",
      "Good morning everyone. This is the second of these press conferences.",
      "The unit checks the figures every week."), "second of these press conferences", "Prime Minister", "Prime Minister"),
    ("Press conference with the Prime Minister",
     ("Read the transcript of the press conference in full below.", "Prime Minister:",
      "Good morning everyone. This is the second of these press conferences.",
      "The unit checks the figures every week."), "Prime Minister:", None, None),
    # one office's label in a transcript (a stored copy cut after its first turn)
    ("Transcripts of the Prime Minister",
     ("Release Type: Transcript", "PRIME MINISTER: Well, good morning, everyone. It is good to be here.",
      "We are here to open the new rail line today."), "open the new rail line", "Prime Minister", "Prime Minister"),
    # ... but an office's label in a news story is no transcript
    ("Ports reopen after the storm",
     ("PRIME MINISTER: a statement is expected this afternoon on the harbours.",
      "The ports reopened on Monday after the storm."), "ports reopened", None, None),
    # a mixed-case "Secretary Doe:" label, named in full in another paragraph
    ("Media conference call",
     ("Here in the studio, Harbour Secretary Jon Doe talks about the new ferries.",
      "Secretary Doe: Thanks very much, and thanks to all who are on the call.",
      "There is no question the ferries will run this winter."), "the ferries will run", "Jon Doe", "Harbour Secretary"),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", ONE_LABEL, ids=[f"{i}-{r[2][:16]}" for i, r in enumerate(ONE_LABEL)])
def test_transcripts_with_one_label(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == ([(speaker, role)] if speaker else [])


NOT_TURNS = [
    # a note's label and a detail's label head no one's turn, in any case
    ("Telebriefing transcript", ("Please Note: This transcript is not edited and may contain errors.",
                                 "OPERATOR: Welcome and thank you for standing by.",
                                 "DR. JON DOE: Thank you all for joining today.",
                                 "OPERATOR: Our first question comes from the line of a reporter."), "not edited"),
    ("Statement on the harbour", ("Phone Number: (555) 010-0199", "Release Number: 19-07",
                                  "SECRETARY DOE: Today we honour the harbour's workers.",
                                  "SECRETARY DOE: They keep the port open."), "Release Number"),
    # a title that says its person delivers a speech names no statement's owner
    ("Secretary Ada Quill Delivers Opening Statement Before the Harbour Committee",
     ("Every day, the 1,500 staff of the department work to keep the harbour safe.",
      "Thank you for the opportunity to discuss our work."), "Every day"),
]


@pytest.mark.parametrize("title, paragraphs, text", NOT_TURNS, ids=[r[2][:16] for r in NOT_TURNS])
def test_labels_and_titles_that_name_no_speaker(title, paragraphs, text):
    facts = analyze(Article(title=title, paragraphs=paragraphs))
    assert not [q for q in facts.quotes if text in q.text], facts.quotes


BRIEFING_LABELS = [
    # "STAFF:" in a briefing, whose speaker names herself and her office in her first turn
    ("Senior Officials Hold a Background Briefing",
     ("STAFF: Good afternoon, everyone. This is Ada Quill from the Department of Ports.",
      "Again, my name is Ada Quill, I am the Deputy Assistant Secretary for Harbour Operations. Let me begin."),
     "Let me begin", "Ada Quill", "Deputy Assistant Secretary for Harbour Operations"),
    # a mixed-case label with abbreviated titles, and an unnamed official numbered by the transcript
    ("Officials Hold a Background Briefing",
     ("Lt. Col. Ada Quill: Good morning, everyone, and thanks for joining us.",
      "Senior Defense Official 1: Thanks, Ada. We meet again this week.",
      "Lt. Col. Ada Quill: Next question, please."), "We meet again", "Senior Defense Official 1", None),
    ("Officials Hold a Background Briefing",
     ("Lt. Col. Ada Quill: Good morning, everyone, and thanks for joining us.",
      "Senior Defense Official 1: Thanks, Ada. We meet again this week.",
      "Lt. Col. Ada Quill: Next question, please."), "thanks for joining", "Ada Quill", "Lieutenant Colonel"),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", BRIEFING_LABELS,
                         ids=[f"{i}-{r[2][:16]}" for i, r in enumerate(BRIEFING_LABELS)])
def test_briefing_labels(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == [(speaker, role)]


def test_a_first_name_label_the_next_speaker_addresses_is_a_turn():
    paragraphs = ("Susan: Thank you for joining us for today's briefing.",
                  "Now, here is Secretary Doe.",
                  "Secretary Doe: Susan, thanks very much, and thanks to all on the call.",
                  "There is no question the ferries will run this winter.")
    facts = analyze(Article(title="Media conference call with Harbour Secretary Jon Doe", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(1, "Susan"), (2, "Susan"), (3, "Jon Doe"), (4, "Jon Doe")]


def test_a_presenting_line_names_a_label_in_any_case():
    """"MR. MCCORMACK:" under a header line "Sean McCormack, Spokesman": the title-cased label
    ("Mccormack") is the header's name."""
    raw = "Daily Press Briefing\n\nJon McDoe, Spokesman\n\nMR. MCDOE: Good afternoon.\n\nQUESTION: Any news?\n\nMR. MCDOE: None.\n"
    article = Article(title="Daily Press Briefing", paragraphs=("MR. MCDOE: Good afternoon.", "QUESTION: Any news?",
                                                                "MR. MCDOE: None today."), raw_text=raw)
    facts = analyze(article)
    assert [(q.speaker, q.role) for q in facts.quotes if q.speaker != "a reporter"] == [
        ("Jon McDoe", "Spokesman"), ("Jon McDoe", "Spokesman")], facts.quotes


@pytest.mark.parametrize("title, label, speaker, role", [
    ("Remarks by President Roe and Prime Minister Vale Before Their Meeting", "THE PRESIDENT", "Roe", "President"),
    ("Remarks by President Roe and Prime Minister Vale Before Their Meeting", "PRIME MINISTER VALE", "Vale", "Prime Minister"),
    # the Vice President is not "President Quill" inside "Vice President Quill"
    ("Remarks by Vice President Quill at a Harbour Summit", "THE VICE PRESIDENT", "Quill", "Vice President"),
    ("Remarks by Vice President Quill at a Harbour Summit", "THE PRESIDENT", "The President", "President"),
])
def test_an_office_label_is_the_surname_the_heading_gives_that_office(title, label, speaker, role):
    paragraphs = (f"{label}: Thank you. Please have a seat.", "It is wonderful to be here with all of you.",
                  "Q Will you visit the harbour?", f"{label}: Next spring.")
    facts = analyze(Article(title=title, paragraphs=paragraphs))
    assert {(q.speaker, q.role) for q in facts.quotes if q.speaker != "a reporter"} == {(speaker, role)}, facts.quotes


@pytest.mark.parametrize("title, speaker, role", [
    ("The following statement was released by Secretary of Ports Ada J. Quill III to mark Harbour Day:",
     "Ada J. Quill III", "Secretary of Ports"),
    ("Capital (Wire) The below is attributable to Spokesperson Jon Vale:", "Jon Vale", "Spokesperson"),
])
def test_a_hand_over_line_taken_for_the_title_hands_over_the_paragraphs(title, speaker, role):
    """A copy whose first line is the hand-over ("The below is attributable to …:") has it for its
    title: the paragraphs under it are still the statement of the one it names."""
    paragraphs = ("On Harbour Day, we come together to honour those who kept the ports open.",
                  "We remember the 240 crews who served through the storms.")
    facts = analyze(Article(title=title, paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker, q.role) for q in facts.quotes] == [(1, speaker, role), (2, speaker, role)]


def test_a_title_ending_in_a_colon_that_hands_over_nothing_makes_no_statement():
    facts = analyze(Article(title="Harbour works: what changes in May:", paragraphs=(
        "The quay closes for eight weeks.", "Ferries will use the north pier.")))
    assert facts.quotes == ()


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", [
    # an upper-case title and full name labels one turn, even alone
    ("Pentagon Press Secretary Updates Reporters", ("PRESS SECRETARY ADA J. QUILL: Good afternoon, everybody.",
                                                    "A couple of things at the top."), "couple of things", "Ada J. Quill",
     "Press Secretary"),
    # a mixed-case full name alone, in a media conference's transcript
    ("Media update: post-Cabinet media conference", ("Ada Quill: Kia ora koutou katoa. Good afternoon.",
                                                     "I will make a few announcements for the week."),
     "a few announcements", "Ada Quill", None),
    ("Media Availability on the Harbour Closure", ("Skip to content", "Ada Quill: Thank you, and thanks to all who dialed in.",
                                                   "We will take questions shortly."), "dialed in", "Ada Quill", None),
    # a label with its speaker's role after a comma
    ("Doorstop Interview - Harbour Town", ("JON VALE, HARBOUR CANDIDATE FOR NORTH BAY: Thank you for coming.",
                                           "ADA QUILL, PRIME MINISTER: It is good to be here.",
                                           "JOURNALIST: How confident are you?"), "good to be here", "Ada Quill",
     "Prime Minister"),
])
def test_single_labels_that_name_their_speaker(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == [(speaker, role)]


def test_a_contact_label_in_a_page_that_says_interview_is_no_turn():
    paragraphs = ("Contact Information: Harbour Office, 12 Quay Street. 1-click interview. Phone: 555-0100",
                  "Flood waters are peaking and beginning to recede in the harbour town.")
    assert attributed("Floods recede", paragraphs, "Flood waters") == []


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", [
    # a quoting headline names its speaker after a dash; "the minister" is the one person named
    ("“Wales can lead the world” – Ada Quill", ("The act is the first of its kind.", "The minister said:",
                                               "I strongly believe that Wales has a unique story to tell."),
     "a unique story", "Ada Quill", "minister"),
    # ... but not a person named with another role
    ("Harbour reopens", ("Jon Vale, a farmer, lost his crop.", "“We will help,” the minister said."),
     "We will help", "the minister", None),
])
def test_a_description_is_the_one_person_named(title, paragraphs, text, speaker, role):
    assert attributed(title, paragraphs, text) == [(speaker, role)]


def test_a_statement_keeps_a_third_person_paragraph_between_two_of_its_speakers():
    paragraphs = ("I applaud the council for moving to keep the harbour open this winter.",
                  "The budget passed by the council adheres to the agreement reached in May.",
                  "I remain committed to the harbour's crews and their families.",
                  "The council meets again on Friday to vote on the ferry timetable.")
    facts = analyze(Article(title="Statement by Harbour Secretary Ada Quill", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(1, "Ada Quill"), (2, "Ada Quill"), (3, "Ada Quill")]


def test_a_statement_quoting_a_phrase_of_its_own_is_still_its_speakers():
    paragraphs = ("Our hearts go out to the families of the 12 crew missing since the storm.",
                  "I thank the crews who have searched for them, what we call “the quiet work” of the coast.",
                  "The loss of these 12 sailors reminds us of the risks our crews take every day.")
    facts = analyze(Article(title="Secretary of the Harbours Ada Quill Statement on the Storm", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker, q.role) for q in facts.quotes] == [
        (1, "Ada Quill", "Secretary of the Harbours"), (2, "Ada Quill", "Secretary of the Harbours"),
        (3, "Ada Quill", "Secretary of the Harbours")]


def test_a_single_label_whose_surname_the_heading_gives_with_a_possessive():
    paragraphs = ("SECRETARY QUILL: Afternoon, everybody. Thanks for being here.",
                  "Before I take questions, I want to address the storm of the last 24 hours.")
    facts = analyze(Article(title="Secretary of the Harbours Quill’s Press Availability in Port Town", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(1, "Quill"), (2, "Quill")]


def test_a_presenter_named_on_one_line_and_given_her_role_on_the_next():
    raw = "Daily Press Briefing\n\nAda Quill\nDirector, Press Office\nDaily Press Briefing\n\nMS QUILL: Good afternoon.\n"
    article = Article(title="Daily Press Briefing", paragraphs=("MS QUILL: Good afternoon, everyone.",
                                                                "QUESTION: Any news on the ferries?",
                                                                "MS QUILL: None today."), raw_text=raw)
    assert {(q.speaker, q.role) for q in analyze(article).quotes if q.speaker != "a reporter"} == {
        ("Ada Quill", "Director, Press Office")}


def test_a_section_line_above_a_transcript_is_no_speakers_label():
    """"TRANSCRIPT:" on a line of its own heads the transcript; the labelled turns under it speak."""
    paragraphs = ("Full text of the briefing is sent out each weekday.", "TRANSCRIPT:",
                  "MS. QUILL: Thank you so much for joining the phone briefing today.",
                  "I think the next 36 hours are going to be busy ones for all of us.")
    facts = analyze(Article(title="Daily Briefings", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(3, "Quill"), (4, "Quill")]


def test_label_lines_of_a_doorstop_alternate_between_the_office_and_the_journalist():
    paragraphs = ("TREASURER:", "Alrighty, over to you.", "JOURNALIST:", "Can I just ask about the fuel excise?",
                  "TREASURER:", "This is a hugely important structural saving.")
    facts = analyze(Article(title="Doorstop interview, Capital", paragraphs=paragraphs))
    assert [(q.paragraph, q.speaker) for q in facts.quotes] == [(2, "Treasurer"), (4, "a journalist"), (6, "Treasurer")]


@pytest.mark.parametrize("label, speaker", [("ADA BISHOP", "Ada Bishop"), ("JON KING", "Jon King"),
                                            ("THE BISHOP", "The Bishop")])
def test_a_title_word_after_a_first_name_in_a_label_is_a_surname(label, speaker):
    paragraphs = (f"{label}: Good morning. I was pleased to launch the harbour paper today.",
                  "JOURNALIST: Minister, what can you tell us about the budget?",
                  f"{label}: It will be absorbed within the department's budget.")
    facts = analyze(Article(title="Doorstop interview", paragraphs=paragraphs))
    assert [q.speaker for q in facts.quotes] == [speaker, "a journalist", speaker]
