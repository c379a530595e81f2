"""Rules added while reading the real tuning articles' misses, each on snippets written for
these tests (not copied from any article): statement hand-overs, statement titles, bylines
under a quotation, and the numbers that name or place something rather than count it."""

from __future__ import annotations

import pytest

from reporter import Article
from reporter.analysis import analyze
from reporter.analysis.notfigures import why_not
from reporter.analysis.spans import introduced_blocks, is_introducing_line, transcript_turns


def facts(*paragraphs: str, title: str = "T"):
    return analyze(Article(title=title, paragraphs=tuple(paragraphs)))


def file_facts(tmp_path, name: str, text: str):
    """The analysis of a file as ingest reads it (its header lines, subheadings, boilerplate)."""
    from reporter import load_articles

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyze(load_articles(path)[0])


@pytest.mark.parametrize("line, expected", [
    ("The following is attributable to Spokesperson Ann Tull:", True),
    ("The text below is attributable to Deputy Spokesperson Bo Kerrin:", True),
    ("Issued on behalf of the Minister for Harbours, Ida Moss:", True),
    ("The following is attributable to a long list of factors, as set out in the annex", False),  # no colon
    ("Attendance was high:", False),
])
def test_lines_that_hand_over_a_statement(line, expected):
    assert is_introducing_line(line) is expected


def test_a_handed_over_statement_runs_in_the_third_person_until_boilerplate():
    paras = ("The following is attributable to Spokesperson Ann Tull:",
             "The Secretary met the visiting delegation today and discussed harbour safety.",
             "They also agreed to meet again in the spring.",
             "Source: the press office",
             "Later the delegation left for the airport.")
    assert introduced_blocks(paras)[0].quoted == (1, 2)
    got = [(q.paragraph, q.speaker, q.role) for q in facts(*paras).quotes]
    assert got == [(2, "Ann Tull", "Spokesperson"), (3, "Ann Tull", "Spokesperson")]


def test_an_ordinary_intro_still_stops_at_a_third_person_paragraph():
    paras = ("Minister Ida Moss said:", "We will open the harbour in May.",
             "The harbour closed after the storm.", "It reopened after repairs.")
    assert introduced_blocks(paras)[0].quoted == (1,)


@pytest.mark.parametrize("title, speaker, role", [
    ("Statement by Harbours Secretary Ida Moss on the Storm", "Ida Moss", "Harbours Secretary"),
    ("Statement from Spokesperson Ann Tull", "Ann Tull", "Spokesperson"),
    ("Storm closes the harbour", None, None),  # no statement title: the quote stays unattributed
])
def test_quotes_with_no_cue_in_a_statement_are_its_author_s(title, speaker, role):
    f = facts("“We welcome the quick repairs to the harbour wall after the storm.”",
              "“The harbour will reopen once the inspectors have signed it off.”", title=title)
    got = {(q.speaker, q.role) for q in f.quotes}
    assert got == ({(speaker, role)} if speaker else set())


@pytest.mark.parametrize("byline, speaker, role", [
    ("— Ida Moss, Minister for Harbours and Coasts", "Ida Moss", "Minister for Harbours and Coasts"),
    ("– Bo Kerrin, chief executive of Harbourco", "Bo Kerrin", "chief executive of Harbourco"),
    ("— and then the storm came", None, None),
])
def test_a_byline_under_a_quotation_names_its_speaker(byline, speaker, role):
    f = facts("“With the repairs finished today, the harbour can take ships again.”", byline)
    got = [(q.speaker, q.role) for q in f.quotes]
    assert got == ([(speaker, role)] if speaker else [])


@pytest.mark.parametrize("text, number, reason", [
    ("The delegation arrives at 10.00 and leaves around 16.30 for the airport.", "10.00", "a clock time"),
    ("The delegation arrives at 10.00 and leaves around 16.30 for the airport.", "16.30", "a clock time"),
    ("The price index was 118.4 (2010=100) last month.", "100", "an index base"),
    ("The bank breached 12 CFR 21 on reporting.", "12", "a legal citation"),
    ("Notice 24-017 was issued to the operator.", "24", "an identifier"),
    ("The depot is at 4410 Mill Hwy West.", "4410", "a street number"),
    ("Output fell in Quarter 3 (the summer months) this year.", "3", "part of a name"),
    ("The show moved to Channel 5 and then online.", "5", "part of a name"),
    ("The trend is shown in (Figure 2) below.", "2", "a label"),
    ("Breaches of rule 9(b)(4) were found.", "4", "a sub-section number"),
    ("Ferry fares rose by 3.1% in the 12 months to August 2031.", "12", "a reference window"),
    ("Rents rose 4% in the twelve months ending June.", "twelve", "a reference window"),
    ("It was the highest 18-month growth rate on record.", "18", "a reference window"),
    ("At 1430 today, the minister will open the bridge.", "1430", "a clock time"),
    ("The office may appoint a deputy under 12 U.S.C. § 481 for a term.", "12", "a legal citation"),
    ("The office may appoint a deputy under 12 U.S.C. § 481 for a term.", "481", "a label"),
    ("Posted Mon, 03/14/2031 – 09:45 by the press office.", "03", "a date"),
    ("Harbour News 02 / 03 / 2031 The council met.", "02", "a date"),
    ("Output is 0.2% below its level (Quarter 3) of 2029.", "3", "part of a name"),
    ('The board debated the "Seven Harbours\' Plan" on Monday.', "Seven", "part of a name"),
    ("It follows the Ten Year Coastal Review of the ports.", "Ten", "part of a name"),
    ("Three Ferries were sold. The rest stay.", "Three", None),  # a sentence start: a count
    ("The council hired Three Ferries Ltd and four crews.", "four", None),  # lower case: a count
])
def test_numbers_that_name_place_or_cite(text, number, reason):
    s = text.index(number)
    assert why_not(text, s, s + len(number)) == reason


@pytest.mark.parametrize("text, value", [
    ("Nearly 40 people came to the meeting.", "Nearly 40"),  # a capital that only opens the sentence
    ("The rate stayed at 5.25 over the year.", "5.25"),  # not quarter-hour minutes: no clock
    ("On Tuesday 4 volunteers cleared the beach.", "4"),  # a counted noun follows
    ("The fund grew by 10.00 per cent in the year.", "10.00 per cent"),
])
def test_numbers_that_still_count(text, value):
    assert value in [f.value for f in facts(text).figures]


@pytest.mark.parametrize("text", ["The fair runs 7-10 October in the old hall.",
                                  "Storms struck on Sept. 16–20 across the county."])
def test_a_span_of_days_is_no_figure(text):
    assert facts(text).figures == ()


@pytest.mark.parametrize("para, who", [
    ("Thanks for coming. With that, over to you, Madam Minister.", "Madam Minister"),
    ("I will now turn it over to Director Bo Kerrin.", "Director Bo Kerrin"),
    ("Thanks for coming, everyone.", None),
    ("We handed the file over to you, and you lost it.", None),  # not at the turn's end
])
def test_hand_overs_at_the_end_of_a_turn(para, who):
    from reporter.analysis.spans import handed_to
    assert handed_to(para) == who


def test_the_one_handed_the_floor_speaks_the_unlabelled_paragraphs_after():
    paras = ("MODERATOR: Good morning. I welcome Harbours Secretary Ida Moss to the podium.",
             "With that, over to you, Madam Secretary.",
             "We have had a hard week on the coast.",
             "Our crews worked through the night.")
    got = [(q.paragraph, q.speaker) for q in facts(*paras).quotes]
    assert got == [(1, "Moderator"), (2, "Moderator"), (3, "Ida Moss"), (4, "Ida Moss")]


@pytest.mark.parametrize("para, given", [
    ("We stand with the harbour crews. With that, Noor.", ("Noor", None)),
    ("We’ll go with Tam from Coast Radio", ("Tam", "Coast Radio")),
    ("Thanks. Yes, Lia Sand of the Harbour Gazette?", ("Lia Sand", "Harbour Gazette")),
    ("Go ahead.", True),
    ("Next question.", True),
    ("Yes, sir.", None),  # no name: not a hand-over to someone
    ("Yes, Mr. Secretary.", None),  # a title: the floor goes back to the briefer, not to a reporter
    ("So I will leave that to my colleague, who can say more about the tour this afternoon.", None),
])
def test_the_floor_given_at_the_end_of_a_turn(para, given):
    from reporter.analysis.spans import floor_given
    assert floor_given(para) == given


def test_questions_after_the_floor_is_given_by_name_are_that_reporter_s():
    paras = ("Harbour Briefing", "MR MOSS: The ferry resumes on Monday. With that, Noor.",
             "QUESTION: Thanks. When will the port reopen?", "MR MOSS: Next week.",
             "QUESTION: And the night crossings?", "MR MOSS: Later in the month. Go ahead.",
             "QUESTION: Is the toll going up?", "MR MOSS: We’ll go with Tam from Coast Radio",
             "QUESTION: Who pays for the repairs?")
    got = [q.speaker for q in facts(*paras).quotes if q.text.startswith(("Thanks", "And the", "Is the", "Who"))]
    assert got == ["Noor", "Noor", "a reporter", "Tam"]


@pytest.mark.parametrize("words, name", [
    ("Secretary of Harbours Ida B. Moss", "Ida B. Moss"),
    ("Minister of Coasts Bo Kerrin Jr.", "Bo Kerrin Jr."),
    ("Secretary of Harbours Ida B. Moss III", "Ida B. Moss III"),
    ("Minister for Energy Jane Doe", "Jane Doe"),
])
def test_initials_and_suffixes_stay_in_names_after_a_title_with_of(words, name):
    from reporter.analysis.mentions import split_title
    assert " ".join(split_title(words.split())[1]) == name


@pytest.mark.parametrize("text, published, dates", [
    ("The ministry announced today that the harbour reopens.", "2024-03-05", ["2024-03-05"]),
    ("The ferry sank yesterday off the point.", "2024-03-01", ["2024-02-29"]),
    ("Talks resume tomorrow, officials said.", "2024-12-31", ["2025-01-01"]),
    ("The ministry announced today that the harbour reopens.", None, []),  # no publication date: no anchor
    ("Today’s figures and todays are no days.", "2024-03-05", []),
])
def test_relative_days_are_dated_against_publication(text, published, dates):
    from datetime import date
    article = Article(title="T", paragraphs=(text,), published=date.fromisoformat(published) if published else None)
    assert [e.date for e in analyze(article).timeline] == dates


@pytest.mark.parametrize("text, person, role, body", [
    ("The Special Envoy and Coordinator of the Harbour Safety Center Ida Moss will speak.", "Ida Moss",
     "Special Envoy and Coordinator of the Harbour Safety Center", "Harbour Safety Center"),
    ("Later the Director of the Coastal Agency Bo Kerrin arrived.", "Bo Kerrin", "Director of the Coastal Agency",
     "Coastal Agency"),
    ("Staff of the Harbour Board Ida Moss met us.", "Ida Moss", None, "Harbour Board"),  # no title: no role
])
def test_a_person_named_after_the_body_of_their_title(text, person, role, body):
    from reporter.analysis import actors
    cast = actors.build((text,))
    assert [(p.name, p.role) for p in cast.people] == [(person, role)]
    assert [o.name for o in cast.organizations] == [body]


@pytest.mark.parametrize("text, values", [
    ("The board cut the cap from $40 billion to $8 billion a month.", ["$40 billion", "$8 billion"]),
    ("The fund is worth $20 billion to $25 billion.", ["$20 billion to $25 billion"]),  # a range
    ("The fund fell to $8 billion from a peak.", ["$8 billion"]),
])
def test_money_falling_from_one_amount_to_another_is_two_figures(text, values):
    assert [f.value for f in facts(text).figures] == values


@pytest.mark.parametrize("text, values", [
    ("Twelve-month food inflation eased to 3.1% in June.", ["3.1%"]),  # the window of a measure
    ("The ten-year average of rainfall rose.", []),
    ("They signed a two-year deal with the port.", ["two-year"]),  # a duration still counts
])
def test_a_window_of_a_measure_is_no_duration(text, values):
    assert [f.value for f in facts(text).figures] == values


@pytest.mark.parametrize("paragraphs, speaker, role", [
    # a long upper-case label with titles and initials; the stored copy was cut after the first turn
    (("Briefing by Harbour Secretary Ola Brandt", "HARBOUR SECRETARY OF THE REALM DR. OLA J. BRANDT:  Good morning.",
      "The ferries will run again from Monday.", "We thank the crews for their patience."),
     "Ola J. Brandt", "Harbour Secretary of the Realm"),
    # a bare name label: the heading gives the fuller name and the role
    (("Press Briefing by Chief Spokesperson Tove K. Lind", "TOVE LIND:  Hello and welcome.",
      "This week the bridge repairs begin."),
     "Tove K. Lind", "Chief Spokesperson"),
    # the copy cut after the label's own paragraph, its office in capitals after a comma; the
    # header line above names her
    (("The Hon Ola Brandt MP, Minister for Ports",
      "OLA BRANDT, MINISTER FOR PORTS AND MEMBER FOR SEAPORT: Welcome, everybody, to the harbour."),
     "Ola Brandt", "Minister for Ports and Member for Seaport"),
])
def test_one_named_upper_case_label_is_a_transcript_turn_that_runs_on(paragraphs, speaker, role):
    got = [(q.paragraph, q.speaker, q.role) for q in facts(*paragraphs).quotes]
    assert got == [(k, speaker, role) for k in range(2, len(paragraphs) + 1)]


@pytest.mark.parametrize("paragraphs", [
    ("FOR IMMEDIATE RELEASE: The ferries will run again.", "The crews agreed a deal on Monday."),  # names no one
    ("OLA BRANDT: Good morning.", "The ferries will run again."),  # the surname is nowhere else
])
def test_an_upper_case_label_alone_that_names_no_one_is_no_transcript(paragraphs):
    assert transcript_turns(paragraphs) == ()


@pytest.mark.parametrize("paragraphs, expected", [
    # a readout framed "As stated by": third person, and the spokesperson's
    (("As stated by Spokesperson Ann Tull:", "The Secretary spoke with the harbour master today about the storm.",
      "Media contact: press office"), [(2, "Ann Tull")]),
    # "has issued this statement:" then one quoted paragraph
    (("Harbour Commissioner Bo Kerrin has issued this statement:", "“This agreement lets the ports work as one again.”",
      "The ports reopen on Monday."), [(2, "Bo Kerrin")]),
    # a lead ending with a full stop; the statement's paragraphs each open with a mark, the last closes
    (("Today, Minister of Ports Ida Moss released the following statement on the vote in parliament.",
      "“Today, every party backed the harbour bill.", "“It brings work back to our coast.”",
      "A video message can be found on the ministry's site."), [(2, "Ida Moss"), (3, "Ida Moss")]),
])
def test_statement_frames_hand_over_what_follows(paragraphs, expected):
    assert [(q.paragraph, q.speaker) for q in facts(*paragraphs).quotes] == expected


def test_a_lead_that_made_a_statement_without_quoted_paragraphs_after_it_hands_over_nothing():
    paras = ("The minister released the following statement data on the ports.", "The ports reopen on Monday.")
    assert introduced_blocks(paras) == ()


@pytest.mark.parametrize("paragraphs, quoted", [
    # paragraphs without "I"/"we" between two with them stay in the speaker's block
    (("Minister Ola Brandt said:", "We should be clear about the cost.", "The storm damage is the worst in decades.",
      "It leaves the coast exposed.", "We will publish a plan next month."), (1, 2, 3, 4)),
    # ... but not when no first-person paragraph follows them: that is the release's own voice
    (("Minister Ola Brandt said:", "We should be clear about the cost.", "The storm damage is the worst in decades.",
      "Repairs start in May."), (1,)),
    # a speaker's "I" keeps a paragraph with a speech verb in the block ("replied to my letters")
    (("Minister Ola Brandt said:", "We should be clear about the cost.",
      "I am glad the council has replied to my letters."), (1, 2)),
    # a lone closing mark at the end of a paragraph closes the block and belongs to it
    (("Minister Ola Brandt said:", "We should be clear about the cost.", "The work is hard, but I am hopeful.”",
      "I will visit the coast."), (1, 2)),
    # the article's own voice reporting what someone added is not in the block
    (("Minister Ola Brandt said:", "We should be clear about the cost.", "She added that repairs start in May."), (1,)),
])
def test_an_introduced_block_bridges_a_few_paragraphs_to_the_speakers_next_first_person_one(paragraphs, quoted):
    assert introduced_blocks(paragraphs)[0].quoted == quoted


@pytest.mark.parametrize("text, value", [
    ("The council froze fares for 12 months while the bridge was shut.", "12 months"),  # a duration
    ("The ferry sailed at 1430 metres per minute.", "1430 metres"),  # no word of the day after it
    ("Crews worked 18 months to finish the pier.", "18 months"),  # "to" before no month
])
def test_durations_and_counts_near_those_shapes_stay_figures(text, value):
    assert value in [f.value for f in facts(text).figures]


@pytest.mark.parametrize("text, value, number", [
    ("Harbour Fund Awards $7.5 Million to Coastal Towns", "$7.5 Million", 7.5e6),  # a title-case magnitude
])
def test_a_title_case_magnitude_scales_its_figure(text, value, number):
    assert [(f.value, f.number) for f in facts(text).figures] == [(value, number)]


def test_a_day_and_month_in_brackets_is_a_date_not_a_figure():
    assert "29" not in [f.value for f in facts("Figures released today (29 September) show a rise of 4%.").figures]


def test_a_single_label_named_only_in_the_title_is_a_transcript():
    paras = ("MINISTER BRANDT: Good afternoon. It is good to be back in the port city.", "We met the harbour board today.")
    got = [(q.paragraph, q.speaker) for q in facts(*paras, title="Minister Ola J. Brandt at a Press Availability").quotes]
    assert got == [(1, "Ola J. Brandt"), (2, "Ola J. Brandt")]
    assert facts(*paras, title="A press availability").quotes == ()  # named nowhere: no transcript


@pytest.mark.parametrize("intro, speaker, role", [
    # a title after a leading clause and a comma
    ("Opening the bridge, Minister for Ports and Coastal Affairs, Ida Moss said:", "Ida Moss",
     "Minister for Ports and Coastal Affairs"),
    # a title with a second clause about its remit
    ("Deputy Minister for Ports, in charge of Ferries, Ida Moss said:", "Ida Moss",
     "Deputy Minister for Ports, in charge of Ferries"),
    # the role after the name, ending in a role noun: the person speaks, not "Harbour Trust Chief Executive"
    ("Dr Ola Jansen Brandt, Harbour Trust Chief Executive added:", "Ola Jansen Brandt", "Harbour Trust Chief Executive"),
    # a long role with a list of capitalised portfolio words between the name and the verb
    ("Bo Kerrin, Vice-President of the Board, responsible for Ports, Ferries and Bridges, who also runs "
     "the canals, said:", "Bo Kerrin", None),
])
def test_intro_lines_with_a_role_around_the_name(intro, speaker, role):
    q = facts(intro, "“We will open the bridge to traffic in the spring.”").quotes
    assert [q0.speaker for q0 in q] == [speaker]
    if role is not None:
        assert q[0].role == role


def test_in_a_statement_a_comma_before_the_name_is_no_role():
    q = facts("In a statement, Ida Moss said:", "“We will open the bridge in the spring.”").quotes
    assert [(x.speaker, x.role) for x in q] == [("Ida Moss", None)]


@pytest.mark.parametrize("para, speaker", [
    ("“We will pay the harbour debt in full,” a Harbour Board spokeswoman told reporters.", "Harbour Board"),
    ("“We will pay the harbour debt in full,” an Acme Ferries spokesman said.", "Acme Ferries"),
    ("“We will pay the harbour debt in full,” the Harbour Board said.", "Harbour Board"),
])
def test_a_body_after_an_article_speaks_after_the_quote(para, speaker):
    assert [q.speaker for q in facts(para).quotes] == [speaker]


@pytest.mark.parametrize("para, speakers", [
    # the outlet carries the mayor's words: the mayor speaks both partial quotes
    ('Mayor Ann Lee said on Monday that the harbour was "in poor shape" and needed "urgent repairs and money," '
     'the Gazette reported.', ["Ann Lee", "Ann Lee"]),
    # no one else in the sentence: the outlet is the source of the words
    ('"The harbour needs urgent repairs and money," the Gazette reported.', ["Gazette"]),
])
def test_an_outlet_reporting_after_a_quote_yields_to_the_speaker_before_it(para, speakers):
    assert [q.speaker for q in facts(para).quotes] == speakers


@pytest.mark.parametrize("para, speaker, role", [
    ('The board met. Harbour Board First Vice-President Ann Lee said: "Our approach on ports is working well."',
     "Ann Lee", "Harbour Board First Vice-President"),
    ('The board met. Harbour Board Co-Chair Ann Lee said: "Our approach on ports is working well."',
     "Ann Lee", "Harbour Board Co-Chair"),
    ('The board met. Ann Smith-Major said: "Our approach on ports is working well."', "Ann Smith-Major", None),
    ("“Our approach is working,” said Ann B. Lee, acting deputy director, Harbour District 5.", "Ann B. Lee",
     "acting deputy director, Harbour District 5"),
    ("“Our approach is working,” said Ann B. Lee, adding that the director agreed.", "Ann B. Lee", None),
])
def test_prefixed_titles_and_roles_that_open_with_an_ing_adjective(para, speaker, role):
    assert [(q.speaker, q.role) for q in facts(para).quotes] == [(speaker, role)]


@pytest.mark.parametrize("para, expected", [
    ("The harbour will reopen this spring, though the repairs go on - Ann Lee, Harbour Board Chief "
     "Executive said today.", [("Ann Lee", "Harbour Board Chief Executive",
                                "The harbour will reopen this spring, though the repairs go on")]),
    ("The harbour will reopen this spring – Ann Lee said.", [("Ann Lee", None,
                                                                        "The harbour will reopen this spring")]),
    ("Ferries run to the island - the longest route in the region - and the board says.", []),  # a dash aside
    ("The ferry - Ann Lee said.", []),  # too short to be a statement
])
def test_unmarked_speech_attributed_after_a_dash_at_the_end(para, expected):
    assert [(q.speaker, q.role, q.text) for q in facts(para).quotes] == expected


@pytest.mark.parametrize("surname, speaker", [
    ("Petrovskiy", "Ivan Petrovskyy"),  # the same transliterated surname spelt another way
    ("Petrovsky", "Ivan Petrovskyy"),
    ("Petrovska", "Petrovska"),  # another name: no match
])
def test_a_transliterated_surname_finds_the_full_name_spelt_another_way(surname, speaker):
    paras = ("President Ivan Petrovskyy said on Monday the talks were hard.",
             f'"We will hold the line at the river," {surname} said in a nightly address.')
    assert [q.speaker for q in facts(*paras).quotes][-1] == speaker


@pytest.mark.parametrize("text, expected", [
    ("Ferry fares fell -1.7% in the quarter.", [("-1.7%", -1.7)]),
    ("Ferry fares changed (−0.3%) in the quarter.", [("−0.3%", -0.3)]),
    ("Crossings rose to 5-7 a day.", [("5-7", 5.0)]),  # a range keeps its first bound, no minus
    ("The level of 118.245 (March 2031=100) was 0.7 percent lower.", [("118.245", 118.245), ("0.7 percent", 0.7)]),
    ("Fares (+3.1%) and fees (+5.2%) rose.", [("3.1%", 3.1), ("5.2%", 5.2)]),  # a plus sign: the change itself
    ("The 3+2 offer ended.", [("3", 3.0)]),  # a sum: no figure after its plus
])
def test_a_sign_before_the_digits(text, expected):
    assert [(f.value, f.number) for f in facts(text).figures] == expected


@pytest.mark.parametrize("text, expected", [
    ("The board set the target range for the harbour rate at 3-3/4 to 4-1/4 percent.",
     [("3-3/4 to 4-1/4 percent", 3.75, "%")]),
    ("The harbour rate is 2-3/4%.", [("2-3/4%", 2.75, "%")]),
    ("Case 12-1/2024 was heard.", []),  # an identifier, no fraction
])
def test_a_mixed_fraction_percentage(text, expected):
    assert [(f.value, f.number, f.unit) for f in facts(text).figures] == expected


@pytest.mark.parametrize("text, expected", [
    ("Over half a million pupils joined the ferry scheme.", [("Over half a million", 5e5)]),
    ("The plan aims for a million new readers by 2050.", [("a million", 1e6)]),
    ("I have told you a million times.", []),  # a manner of speaking
    ("A billion-dollar harbour deal was signed.", []),  # an adjective, no count
])
def test_a_magnitude_with_an_article_is_a_figure(text, expected):
    assert [(f.value, f.number) for f in facts(text).figures] == expected


@pytest.mark.parametrize("para, speaker", [
    # the sentence before "She said:" opens with a full name and an appositive: she is that person
    ("The plan was drawn up by Harbour Board President Tom Brandt, with the port's chair. It went to the council. "
     "Ann Lee, Deputy Chair for Ferries, presented its plan to the board. She said: \"We need to move faster.\"",
     "Ann Lee"),
])
def test_a_sentence_opening_with_a_full_name_and_an_appositive_is_what_a_pronoun_refers_to(para, speaker):
    assert [q.speaker for q in facts(para).quotes] == [speaker]


@pytest.mark.parametrize("text, expected", [
    ("Ann Lee, Deputy Chair for Ferries, presented", True),
    ("Ann Lee, the port's chief engineer, presented", True),
    ("New Haven, the next town, waits its turn", False),
])
def test_the_appositive_after_an_opening_name_must_be_a_role(text, expected):
    from reporter.analysis.quotes import _role_follows
    assert _role_follows(text, text.index(",") + 1) is expected


def test_an_upper_case_heading_with_a_colon_is_no_transcript_even_when_its_last_word_recurs():
    paras = ("PRESS RELEASE FROM THE HARBOUR BOARD: The ferries run again from Monday.",
             "The Harbour Board said the repairs were done.",
             "“We are glad to see the ferries back,” said Ann Lee, the board’s chair.")
    assert transcript_turns(paras) == ()
    assert [q.speaker for q in facts(*paras).quotes] == ["Ann Lee"]


@pytest.mark.parametrize("line, label", [
    ("Mr. Ben Ode (Seaport North)", ("Mr. Ben Ode", "")),
    ("Mrs. Ann Lee", ("Mrs. Ann Lee", "")),
    ("The Minister for Ports and Harbours (Sir Ben Ode)", ("Sir Ben Ode", "Minister for Ports and Harbours")),
    ("Ann Lee", None),  # no courtesy title: a byline, not a member's line
    ("Mr. Ben Ode said the harbour would reopen.", None),
    ("Dr. Ann Lee (Seaport North) spoke first, and at length, about the state of the harbour wall.", None),
])
def test_a_debate_record_s_speaker_lines(line, label):
    from reporter.analysis.spans import _name_line
    assert _name_line(line) == label


def test_a_debate_record_s_speeches_are_their_members():
    paras = ("HC Deb 03 March 2004 vol 101 cc10-20 2.15 pm Mr. Ben Ode (Seaport North)",
             "Will the Minister tell the House when the harbour reopens?",
             "The Minister for Ports (Mrs. Ann Lee)",
             "The harbour reopens in May.", "We have added two boats to the winter timetable.",
             "Mr. Ben Ode", "I thank the Minister for that answer.")
    got = [(q.paragraph, q.speaker, q.role) for q in facts(*paras).quotes]
    assert got == [(2, "Ben Ode", None), (4, "Ann Lee", "Minister for Ports"), (5, "Ann Lee", "Minister for Ports"),
                   (7, "Ben Ode", None)]


def test_two_courtesy_named_lines_in_a_release_are_no_debate():
    paras = ("Mr. Ben Ode", "The harbour reopens in May, the port authority announced.", "Mrs. Ann Lee",
             "Two boats join the winter timetable.")
    assert [q.speaker for q in facts(*paras).quotes] == []


@pytest.mark.parametrize("title, kept", [
    ("Senator Backs Water Bill", None),  # "backs", "water", "bill" are the body's common words
    ("Remarks by Prime Minister Theresa May at the Summit", "Theresa May"),  # one such word: still a name
    ("Statement by Secretary Jane Roe on Rural Water", "Jane Roe"),
])
def test_a_headline_phrase_after_a_title_is_no_person(title, kept):
    facts = analyze(Article(title=title, paragraphs=(
        "WASHINGTON U.S. Senator Jane Roe today introduced a bill that may fund rural water systems.",
        "“Every family deserves clean water,” Roe said. The bill backs 40 projects.")))
    names = {p.name for p in facts.people}
    assert not any(n.startswith("Backs") for n in names)
    if kept:
        assert kept in names


def _said(*paras: str) -> list[tuple[int, str, str | None]]:
    return [(q.paragraph, q.speaker, q.role) for q in facts(*paras).quotes]


def _file_said(path, text: str) -> list[tuple[str, str | None]]:
    """The (speaker, role) of each quotation of the article a file holds, read as a user's file is
    (its header lines, which ingest leaves out of the text, included)."""
    from reporter import load_articles

    path.write_text(text, encoding="utf-8")
    (article,) = load_articles(path)
    return [(q.speaker, q.role) for q in analyze(article).quotes]


def test_a_pronoun_after_an_interview_is_the_interviewee_not_the_reporter():
    paras = ("Ida Brandt is a spokeswoman for the port authority. From Hamburg, she spoke to radio reporter Ann Tull.",
             "“The quays reopen next week, and the ferries will follow,” she says.")
    assert _said(*paras) == [(2, "Ida Brandt", "a spokeswoman for the port authority")]


def test_a_valley_or_a_county_is_no_speaker():
    paras = ("Ida Brandt is a spokeswoman for the relief agency.",
             "As for the families in the Lower Ferrant Valley, she says, “They left with nothing at all.”")
    assert _said(*paras) == [(2, "Ida Brandt", "a spokeswoman for the relief agency")]


def test_said_a_city_and_its_state_before_the_title_and_name():
    got = _said("“The grant builds a clinic on the west side,” said Lindenport, Ohio Mayor Ben Ode.")
    assert got == [(1, "Ben Ode", "Lindenport, Ohio Mayor")]


def test_a_ministers_remit_in_capitals_with_and_is_one_title():
    paras = ("Minister for Coastal Language and Lifelong Learning Ida Moss today opened the centre.",
             "Following the visit the Minister said:",
             "“These schemes give people the chance to show what they can do.”")
    assert _said(*paras) == [(3, "Ida Moss", "Minister for Coastal Language and Lifelong Learning")]


@pytest.mark.parametrize("byline, expected", [
    ("Ida Moss, Deputy Minister for Harbours of Ruritania", [(2, "Ida Moss", "Deputy Minister for Harbours of Ruritania")]),
    ("The Honourable Ben Ode, Minister of Ports", [(2, "Ben Ode", "Minister of Ports")]),
    ("Ida Moss, the minister, opened the harbour on Monday.", []),  # a sentence, not a name line
])
def test_a_name_and_role_line_under_a_paragraph_all_in_quotation_marks(byline, expected):
    paras = ("The council agreed the harbour plan today.",
             "“These works tie in with our priorities for the coast and the islands.”", byline)
    assert _said(*paras) == expected


def test_words_a_transcript_turn_quotes_of_someone_else_are_theirs():
    paras = ("MODERATOR: Welcome, everyone, and thank you for coming to the harbour briefing today.",
             "MINISTER: Thank you. Last week, former Premier Ida Moss spoke here, and in that speech she said, "
             "“Dredging the harbour is a task for the council, not for the state.” I disagree with that.",
             "MINISTER: And when I said “we will dredge it this year” I meant it.")
    got = _said(*paras)
    assert (2, "Ida Moss", "former Premier") in got
    assert not any(who in ("Ida Moss",) and n == 3 for n, who, _ in got)  # "I said": the turn's own words
    assert sum(1 for n, who, _ in got if n == 2) == 2  # the turn, and the words it quotes


def test_a_clock_time_before_a_comma_is_no_figure():
    got = [f.value for f in facts("The attackers came at about 3 p.m, she said. Some 40 homes burned.").figures]
    assert got == ["Some 40"]


@pytest.mark.parametrize("line, name, role", [
    ("Minister for Ports, Islands and Coastal Affairs Ida Moss said the quays would reopen.", "Ida Moss",
     "Minister for Ports, Islands and Coastal Affairs"),
    ("In May, Ben Ode, then-chairman of the harbour board, opposed the plan.", "Ben Ode",
     "then-chairman of the harbour board"),
    ("Lindenport, Ashby and Deputy Mayor Ida Moss signed the plan.", "Ida Moss", None),  # towns, not a remit
])
def test_roles_with_a_listed_remit_or_a_then_title(line, name, role):
    people = {p.name: p.role for p in facts(line).people}
    assert name in people
    if role is not None:
        assert people[name] == role
    else:
        assert "Lindenport" not in (people[name] or "")


def _under_heading(heading: str, *paras: str) -> list[tuple[int, str, str | None]]:
    """The quotations of paragraphs with a heading over the second one."""
    art = Article(title="T", paragraphs=paras, subheadings=((1, heading),))
    return [(q.paragraph, q.speaker, q.role) for q in analyze(art).quotes]


POOL = ("Minister for Sport Ida Moss today opened the harbour pool after a $2 million upgrade.",
        "“This is a great day for swimmers on the coast and for the clubs that train here.”",
        "“Pools bring a town together.”")


def test_a_heading_that_attributes_the_quotation_under_it():
    assert _under_heading("Quotes attributable to Minister for Sport, Ida Moss", *POOL)[0] == (2, "Ida Moss", "Minister for Sport")
    assert [n for n, who, _ in _under_heading("What the minister thinks", *POOL) if who == "Ida Moss"] == []


def test_a_pronoun_far_from_any_name_is_the_one_person_the_article_names():
    paras = ("The chair of the harbour committee, Ida Moss, has today published her annual report.",
             "The report looks back on a year of work on the quays.",
             "It names three departments of particular concern.",
             "Ferry timetables will dominate next year, the report says.",
             "In the foreword she writes:",
             "“In this report I set out what the next council must watch closely.”")
    assert _said(*paras) == [(6, "Ida Moss", "The chair of the harbour committee")]


@pytest.mark.parametrize("paras, expected", [
    (("Passenger Ida Moss said the crew had acted fast when the ferry ran aground.",
      "“Harbour Lines is doing everything possible to help passengers at this difficult time,” read a statement "
      "from Harbour Lines, the company that runs the route."), (2, "Harbour Lines")),
    (("The Directors agreed that “sound policies and a steady hand on the budget” have helped the harbour.",),
     (1, "Directors")),
    (("WNB correspondent Ida Moss, who travelled with the relief convoy, says families welcome the aid. "
      "But, she says, more needs to be done.",
      "“We dropped off bags of rice and water at every village we reached on the coast road.”"), (2, "Ida Moss")),
])
def test_speakers_of_a_statement_a_partial_quote_and_a_reporters_own_words(paras, expected):
    assert expected in [(n, who) for n, who, _ in _said(*paras)]


@pytest.mark.parametrize("text, values", [
    ("In his report, the officer 1) falsely claimed he had told two supervisors; and 2) omitted the rest.", ["two"]),
    ("Sales rose in 40 shops (up 3) and fell in 12.", ["40", "3", "12"]),  # a count in brackets stays
])
def test_inline_list_labels_are_no_figures(text, values):
    assert [f.value for f in facts(text).figures] == values


@pytest.mark.parametrize("cue, name, role", [
    ("said Boatswain’s Mate 2nd Class Ida Moss", "Ida Moss", "Boatswain’s Mate 2nd Class"),
    ("said Yeoman 1st Class Ben Ode", "Ben Ode", "Yeoman 1st Class"),
])
def test_a_navy_rating_is_a_title(cue, name, role):
    assert _said(f"“The galley was full by noon and we kept on serving,” {cue}.") == [(1, name, role)]


def test_a_name_in_commas_after_who_someone_is_is_a_person():
    paras = ("Rescuers pulled a 15-year-old boy, Ben Ode, from the ruins. Hours later a cook, a woman in her 30s, "
             "Ida Moss, was also freed.",
             "Ode described the moment the walls fell.",
             "“I tried to run but something hit my head,” he said.")
    assert _said(*paras) == [(3, "Ben Ode", "a 15-year-old boy")]


def test_capitals_before_a_name_are_the_persons_office():
    got = _said("The task force made 40 arrests.",
                "FBI SAC Ben L. Ode stated, “The bureau takes the safety of our streets very seriously indeed.”")
    assert got == [(2, "Ben L. Ode", "FBI SAC")]


def test_degrees_that_end_the_cue_are_no_role():
    got = _said("“The harbour was a challenging place to work this year,” said Port Director Ida Moss, M.D., M.P.H. "
                "“We kept it open.”")
    assert got[0] == (1, "Ida Moss", "Port Director")


@pytest.mark.parametrize("text, values", [
    ("The broader Harbour and Dock 500 index dropped 20 points.", ["20 points"]),
    ("Prices of 500 index funds rose.", ["500"]),  # no name before it: a count
])
def test_a_number_in_an_index_name_is_no_figure(text, values):
    assert [f.value for f in facts(text).figures] == values


@pytest.mark.parametrize("lead, role", [
    ("Trade will grow faster with more skills, deputy Harbour Minister, Ida Moss has said.", "deputy Harbour Minister"),
    ("Harbour Minister, Ida Moss today opened the new quay.", "Harbour Minister"),
])
def test_a_title_in_commas_before_a_name_is_her_role(lead, role):
    said = "The deputy Harbour Minister said:" if lead.startswith("Trade") else "Later the Minister said:"
    paras = (lead, said, "“We will keep building the quays the port needs.”")
    assert _said(*paras) == [(3, "Ida Moss", role)]


def test_a_question_that_addresses_a_title_gives_it_to_no_one():
    people = {p.name: p.role for p in facts("Prime Minister, Ben Ode mentioned last week that the age should rise.").people}
    assert people.get("Ben Ode") != "Prime Minister"


def test_a_title_then_a_comma_then_a_titled_name_keeps_the_office():
    people = {p.name: p.role for p in facts("Opening the session is the Director of NHB, Admiral Ida Moss.").people}
    assert (people.get("Ida Moss") or "").startswith("Director of NHB")


@pytest.mark.parametrize("paras, expected", [
    (("The councillor Ben Ode was suspended.", "On drugs, Ode opined that, “we should close the harbour to all tankers at once”."),
     (2, "Ben Ode")),
])
def test_opined_is_a_speech_verb(paras, expected):
    assert expected in [(n, who) for n, who, _ in _said(*paras)]


def test_in_his_words_and_as_she_described_it_quote_one_passage():
    paras = ("Ben Ode was a celebrated harbour pilot. He kept working long after his illness began. In his words:",
             "It is possible to live well with it. And to steer big ships.",
             "There is no cure yet, and as Ode himself described it:",
             "There is no clearly charted course through these illnesses.",
             "Today we know much more about the illness than we did.")
    got = _said(*paras)
    assert [(n, who) for n, who, _ in got] == [(2, "Ben Ode"), (4, "Ben Ode")]


def test_a_street_place_is_no_speaker_but_a_street_office_speaks():
    assert not any(who.endswith("Place") for _, who, _ in _said(
        "Crowds gathered at Ferrant Place, chanting, “Shame, shame, shame on the nations of the world.”"))
    got = _said("A Harbour Street spokesman said:", "“The minister met the delegation this evening at the quays.”")
    assert got and got[0][1] == "Harbour Street"  # the office a spokesman speaks for


def test_a_comments_attributed_heading_over_a_quotation_left_open():
    got = _under_heading("Comments attributed to Planning Minister Ida Moss",
                         "Planning Minister Ida Moss today announced that the council had met its pledge to buy the wetland.",
                         "“I saw first-hand the value the local community places on this area.",
                         "“This is another commitment delivered.”")
    assert [(n, who) for n, who, _ in got] == [(2, "Ida Moss"), (3, "Ida Moss")]


def test_name_comma_office_said_colon_is_the_person():
    paras = ("Ben Ode, Harbour Board Deputy Director of Enforcement said:",
             "“Goods like these are dangerous in the wrong hands and we will keep seizing them.”")
    assert _said(*paras) == [(2, "Ben Ode", "Harbour Board Deputy Director of Enforcement")]


def test_this_was_the_message_from_names_the_speaker_of_the_quotation_before_it():
    got = _said("“The council would back a request to extend the ferry contract for one more year.” This was the "
                "message from Harbour Council President Ida Moss during a meeting in Lindenport.",
                "“Ben Ode and I fully agreed on the role our ports play.”")
    assert [(n, who) for n, who, _ in got] == [(1, "Ida Moss"), (2, "Ida Moss")]


def test_two_offices_joined_by_and_are_one_person_s_role_and_either_names_her():
    got = _said("Deputy Premier and Minister for Ports, Roads and Harbours Ida Moss said the quay would reopen in May.",
                "“The harbour is the heart of this town,” the Deputy Premier said.")
    assert got == [(2, "Ida Moss", "Deputy Premier and Minister for Ports, Roads and Harbours")]
    # "Smith and Jones" stays two people: no office before the "and"
    assert _said("Ben Ode and Port Director Ida Moss met the crews.", "“We met the crews,” Ida Moss said.")[0][1] == "Ida Moss"


@pytest.mark.parametrize("office", ["Harbour Agency Regional Director for the Islands",
                                    "Harbour Agency Regional Director for the Islands and the Coast"])
def test_an_office_with_no_name_then_a_comma_and_the_person(office):
    got = _said(f"“The survey shows why people leave,” said {office}, Ida Moss. “It also shows who stays behind.”")
    assert got == [(1, "Ida Moss", office), (1, "Ida Moss", office)]
    # a list of offices and people is not one office: the first person is not taken for the office
    two = _said("“We welcome it,” said the Minister for Ports, Ida Moss, and the Mayor, Ben Ode.")
    assert two[0][1] == "Ida Moss"


def test_a_surname_label_under_a_header_that_names_the_person_heads_their_turns():
    paras = ("News Briefing Minister for Harbours Ida M. Moss Monday, May 4, 2026",
             "Moss: Good afternoon. The quay reopens on Monday.",
             "The ferries will follow in June.",
             "Staff: (off mike)",
             "Moss: -- in June, as planned.")
    got = _said(*paras)
    assert [(n, who) for n, who, _ in got] == [(2, "Ida M. Moss"), (3, "Ida M. Moss"), (5, "Ida M. Moss")]
    assert got[0][2] == "Minister for Harbours"  # the header's "News Briefing" is no part of her title
    # a label the header does not name as someone's surname is no speaker's
    assert _said("Harbour notice, May 2026", "Update: the quay reopens on Monday.", "Update: the ferries follow.") == []


def test_a_date_line_run_into_a_name_is_not_part_of_it():
    got = _said("Presenter: Minister for Harbours Ida M. Moss September 07, 2026 11:10 AM",
                "Moss: Good afternoon.", "Q: Is the quay open?", "Moss: It reopens on Monday.")
    assert {who for _, who, _ in got if who != "a reporter"} == {"Ida M. Moss"}
    people = facts("Presenter: Minister for Harbours Ida M. Moss September 07, 2026 11:10 AM", "The quay reopened.").people
    assert [(p.name, p.role) for p in people] == [("Ida M. Moss", "Minister for Harbours")]


@pytest.mark.parametrize("given", ["June", "April", "May"])
def test_a_given_name_that_is_a_month_s_is_a_speaker(given):
    assert _said(f"{given} Raine said: “It has been a good year for the harbour and for its ferries.”") == [
        (1, f"{given} Raine", None)]
    # a month heading a period's name is no one: "June Quarter figures said"
    assert facts("June Quarter figures show a good year for the harbour and for its ferries.").people == ()


def test_a_release_s_issuer_in_the_file_header_gives_the_speaker_s_name_and_role(tmp_path):
    import json

    body = ("Hon Ida Moss\nMinister for Harbours and Coasts\n\n25 May 2027\n\n"
            "The budget includes a significant investment in harbour radio, Ms Moss says.\n\n"
            "“Harbour radio is how the coast hears about storms,” Ms Moss says.\n")
    want = [("Ida Moss", "Minister for Harbours and Coasts")]
    assert _file_said(tmp_path / "release.txt", "Funding boost for harbour radio\n\n" + body) == want
    # a record's body carries the same header
    assert _file_said(tmp_path / "release.json", json.dumps({"title": "Funding boost for harbour radio", "body": body})) == want


@pytest.mark.parametrize("remit", ["Harbour Affairs and Treaty", "Harbours and Coasts"])
def test_name_comma_office_with_and_said_colon_is_the_person(remit):
    got = _said(f"Ida Moss, Minister for {remit} said:",
                "“I am thrilled that we are able to play a part in this week for the whole community.”")
    assert got == [(2, "Ida Moss", f"Minister for {remit}")]
    # a person after the "and" is that person, not the office before it
    assert _said("Ida Moss met the Minister for Ports and Ben Ode said: “I am thrilled that we could meet.”")[0][1] == "Ben Ode"


@pytest.mark.parametrize("mark", ["~", "–"])
def test_a_signature_run_into_the_end_of_a_quoted_paragraph_names_its_speaker(mark):
    paras = ("The province opened 37 new schools this year.",
             f"“Our government knows that investing in our schools is one of the most important investments we can make.” {mark}Ida Moss, Premier",
             "Since 2015 the government has funded 244 school projects.")
    got = facts(*paras).quotes
    assert [(q.paragraph, q.speaker, q.role) for q in got] == [(2, "Ida Moss", "Premier")]
    assert got[0].text.endswith("we can make.")  # the signature is not part of the quotation


def test_made_the_following_statement_hands_over_the_paragraphs_below_even_without_a_colon():
    paras = ("Ida Moss, Minister of Harbours, made the following statement on today's report by the board, "
             "which was delivered to the council.",
             '"We welcome the report of the board on the future of the northern quay.',
             "This investment reflects our priority to invest in modern, green and resilient ports.",
             'It will support good jobs on the coast for many years."')
    got = _said(*paras)
    assert [(n, who) for n, who, _ in got] == [(2, "Ida Moss"), (3, "Ida Moss"), (4, "Ida Moss")]


def test_a_straight_mark_after_a_sentence_s_end_closes_a_quotation_opened_before():
    from reporter.analysis.spans import quote_spans

    text = 'It will support good jobs on the coast for many years."'
    assert [(s.start, s.end, s.closed) for s in quote_spans(text)] == [(0, len(text) - 1, True)]
    assert quote_spans('He is 5\'11" tall and said nothing about the northern quay.') == ()  # an inch mark


@pytest.mark.parametrize("byline, office", [
    ("Ambassador Ida Moss\n\nDeputy Representative to the Harbour Council", "Deputy Representative to the Harbour Council"),
    ("Ida Moss\n\nSenior Harbour Advisor", "Senior Harbour Advisor"),
    ("Governor Ida Moss\n\nAt the Coast Bankers' Association, Portlow", "Governor"),
])
def test_a_speech_s_byline_in_the_file_header_names_its_speaker_and_office(tmp_path, byline, office):
    got = _file_said(tmp_path / "remarks.txt",
                     f"Brief Remarks at the Harbour Council on the Northern Quay\n\n{byline}\n\nPortlow, Harbourland\n\n"
                     "May 4, 2027\n\nThank you, Mr. President. We are grateful for the briefing on the quay this morning.\n\n"
                     "We need to address the damage to the northern quay, and we need to do it this year.\n")
    assert set(got) == {("Ida Moss", office)}


def test_a_place_line_under_a_speech_title_is_not_its_speaker():
    from reporter.analysis.quotes import _speech_byline

    assert _speech_byline(["New York, New York"]) is None
    assert _speech_byline(["New York, New York", "Ida Moss"]) == ("Ida Moss", None)
    assert _speech_byline(["Brief Remarks on the Economy"]) is None


def test_a_work_s_title_in_marks_leaves_an_introducing_line_one():
    paras = ("In a post titled “Why I Missed the Harbour Festival”, Ida Moss writes:",
             "Turns out the festival was decided long before it even started. I found out that the pages all backed one act.")
    assert _said(*paras) == [(2, "Ida Moss", None)]
    assert not is_introducing_line("“We will reopen the quay,” Ida Moss writes:")  # a quotation is no introducing line


@pytest.mark.parametrize("line", ["On the radio, Ida Moss agrees:", "A harbour blogger points out:"])
def test_round_up_verbs_at_a_line_s_end_introduce_the_paragraph_below(line):
    assert is_introducing_line(line)
    assert not is_introducing_line("The council agrees to the plan for the quay and its ferries, with changes to:")


def test_a_person_before_an_office_split_by_commas_said():
    got = _said("Ida Moss, Assistant Director, Fraud Investigation for the Harbour Revenue said: "
                "“The motivation was pure greed. Had the scheme worked it would have cost a million pounds.”")
    assert got[0][1] == "Ida Moss" and "Assistant Director" in got[0][2]
    # places listed before a verb are no office
    assert not any(who == "Ida Moss" for _, who, _ in _said(
        "In Portlow, Lindenport, Varna and Ostrava said: “The motivation was pure greed.”"))


@pytest.mark.parametrize("said, office", [
    ("said Harbour Security and Emergency Management director Ida Moss", "Harbour Security and Emergency Management director"),
    ("said Acting Coastal Regional Forester Ida Moss", "Acting Coastal Regional Forester"),
])
def test_an_office_with_and_or_an_occupation_before_the_name_after_said(said, office):
    assert _said(f"“Safe rooms are one way the coast reduces the risk that comes with storms,” {said}.") == [
        (1, "Ida Moss", office)]


@pytest.mark.parametrize("text, listed", [
    ("Let me make four points about the results of the review of the harbour.", []),
    ("I will raise three questions about the harbour budget.", []),
    ("The board raised its rates by four points this year.", ["four points"]),  # a change in a rate counts
])
def test_a_speaker_s_own_list_of_points_is_no_figure(text, listed):
    assert [f.value for f in facts(text).figures] == listed


def test_an_acronym_in_capitals_is_not_a_title_s_abbreviation():
    assert _said("“We will miss him,” said SEC Chairman Ida Moss.") == [(1, "Ida Moss", "SEC Chairman")]
    assert _said("“We will miss him,” said Sec. of State Ida Moss.") == [(1, "Ida Moss", "Secretary of State")]


def test_letters_after_a_name_are_no_role():
    got = _said("Ida Moss, KC, Minister of Justice, today announced the plan.",
                "“We will reform the courts this year,” Ms Moss said.")
    assert got == [(2, "Ida Moss", "Minister of Justice")]
    assert _said("The plan opens more land to wind farms.",
                 "“I am pleased to provide this letter of intent to discuss the assets for future development.”",
                 "Honourable Ida Moss, KC") == [(2, "Ida Moss", None)]


def test_an_unmarked_speech_runs_on_to_the_release_s_end_or_furniture():
    paras = ("Harbour Minister Ida Moss said:",
             "We understand the concerns passengers have about fares. That is why fares will not rise this year.",
             "As well as protecting fares, the government is driving forward the biggest programme of harbour works.",
             "That means new ferries, better quays and shorter crossings across the coast.")
    assert [n for n, who, _ in _said(*paras)] == [2, 3, 4]
    # a paragraph in the release's voice after the speech, then more of it, still ends the speech
    paras2 = paras[:2] + ("The department published the figures on Monday.", "Fares rose by 2% last year.",
                          "The Minister visited the quay on Tuesday and met the crews.")
    assert [n for n, who, _ in _said(*paras2)] == [2]


def test_a_surname_label_line_under_a_full_name_label_line_heads_that_speaker_s_turn():
    paras = ("IDA MOSS:", "Let us go straight to the Minister, who joins us from the quay.", "BEN ODE:", "I loved it, yeah.",
             "MOSS:", "Will there be an early election?", "ODE:", "No, that is not something we are planning for.")
    got = _said(*paras)
    assert [(n, who) for n, who, _ in got] == [(2, "Ida Moss"), (4, "Ben Ode"), (6, "Ida Moss"), (8, "Ben Ode")]


def test_a_line_broken_off_by_a_dash_is_speech_not_a_heading(tmp_path):
    from reporter import load_articles

    page = tmp_path / "interview.txt"
    page.write_text("Interview with the Minister\n\nODE:\n\nNo, that is not something we are planning for. Not something –\n\n"
                    "MOSS:\n\nYou cannot say that either.\n\nODE:\n\nShall I go on or --\n", encoding="utf-8")
    (article,) = load_articles(page)
    assert "No, that is not something we are planning for. Not something –" in article.paragraphs
    assert "Shall I go on or --" in article.paragraphs and not article.subheadings


def test_a_single_closing_mark_after_a_sentence_s_end_closes_a_quotation_that_lost_its_opening():
    from reporter.analysis.spans import quote_spans

    text = "This is a major milestone in the safety of food in the region,’ said Ida Moss. ‘It means the work can begin.’"
    assert [(s.start, s.closed) for s in quote_spans(text)][:2] == [(0, True), (text.index("It means"), True)]
    assert _said(text)[0][1] == "Ida Moss"
    assert quote_spans("The councils’ income fell in the year to March, the report said.") == ()


def test_an_office_in_capitals_after_the_name_in_a_label_is_the_speaker_s_role():
    got = _said("IDA MOSS, ATTORNEY-GENERAL: Good afternoon, everyone.", "JOURNALIST: What about bail?",
                "IDA MOSS: We noted significant progress on bail.")
    assert [(who, role) for _, who, role in got if who != "a journalist"] == [("Ida Moss", "Attorney-General")] * 2


def test_a_presenter_line_with_the_office_before_the_name_gives_the_labelled_speaker_s_role(tmp_path):
    got = _file_said(tmp_path / "briefing.txt",
                     "News Briefing with Ida Moss\n\nPresenter: Harbour Press Secretary Ida Moss\n\n"
                     "February 25, 2027\n\nMS. MOSS: Good afternoon. Good to see you all.\n\nQ: Is the quay open?\n\n"
                     "MS. MOSS: It reopens on Monday, as planned.\n")
    assert {pair for pair in got if pair[0] != "a reporter"} == {("Ida Moss", "Harbour Press Secretary")}


def test_a_statement_line_in_the_record_s_header_names_the_office_holder(tmp_path):
    import json

    body = ("From Department of the First Minister\n\nIssued by the Government Press Office\n\n"
            "Statement by the First Minister Ida Moss TD\n\nAnnouncement of Government\n\n"
            "I beg leave to announce that I have informed the President that I have been nominated.\n\n"
            "The programme for government which we have agreed requires a reform of the departments.\n")
    got = _file_said(tmp_path / "statement.json",
                     json.dumps({"title": "Statement by the First Minister announcing new ministers", "body": body}))
    assert set(got) == {("Ida Moss", "First Minister")}


@pytest.mark.parametrize("top", [
    "Harbour Council Briefing\n\nSecretary Ida Moss\n\n--Remarks as Prepared for Delivery--\n\n",
    "Prepared Remarks of Secretary Ida Moss at the Harbour Council Briefing\n\nPortlow\n\n",
])
def test_a_speech_known_by_its_as_prepared_line_or_prepared_remarks_title(tmp_path, top):
    got = _file_said(tmp_path / "remarks.txt",
                     top + "Thank you, Mike. I want to congratulate your new director on his first year.\n\n"
                     "The President laid out his plan for a strong middle class and a strong harbour.\n\n"
                     "Transportation is a great way to reignite that economic engine.\n")
    assert got == [("Ida Moss", "Secretary")] * 3


@pytest.mark.parametrize("text, number", [
    ("The grant is approved under Action 2.22 of the Government’s Action Plan for the islands.", "2.22"),
    ("Please contact the police on 101 with any relevant information about the fires.", "101"),
])
def test_a_plan_s_numbered_action_and_a_short_phone_number_are_no_figures(text, number):
    assert number not in [f.value for f in facts(text).figures]


def test_a_count_before_the_speaker_s_points_is_no_figure_but_other_points_count():
    assert [f.value for f in facts("Let me make four points about the results of the review.").figures] == []
    assert [f.value for f in facts("I have two things at the top before questions.").figures] == []


def test_a_speech_starts_right_below_the_line_saying_whose_speech_it_is():
    paras = ("The speech made by Ida Moss, the Harbour Minister, on 7 December 2027.",
             "Of all the risks that this coast faces… none are rising faster than the storms.",
             "More storms…", "Higher tides…", "Than ever.",
             "That is why we will raise the sea wall by two metres over the next five years.")
    got = facts(*paras, title="Ida Moss – 2027 Speech on the Sea Wall").quotes
    assert [q.paragraph for q in got] == [2, 3, 4, 5, 6] and {q.speaker for q in got} == {"Ida Moss"}


def test_the_paragraph_under_said_colon_stays_the_speaker_s_though_it_names_another_s_words():
    paras = ("Harbour Secretary Ida Moss said:",
             "The coast is critical to the mission for growth, as the Chancellor underlines today in Portlow.",
             "We are making work pay, and we will end exploitative contracts on the quays.")
    assert [(n, who) for n, who, _ in _said(*paras)] == [(2, "Ida Moss"), (3, "Ida Moss")]
    # a reporting verb there is the article speaking again
    assert [n for n, _, _ in _said("Harbour Secretary Ida Moss said:", "The minister added that the quay was safe.")] == []


@pytest.mark.parametrize("line, who, office", [
    ("Statement by Secretary of State for the Coast the Rt Hon Ida Moss MP:", "Ida Moss", "Secretary of State for the Coast"),
    ("Statement by the Minister for Ports, the Hon. Ida Moss:", "Ida Moss", "Minister for Ports"),
])
def test_a_statement_heading_line_ending_in_a_colon_hands_over_the_paragraphs_below(line, who, office):
    got = _said(line, "It is a privilege to have been asked to continue to serve the coast at such a moment.",
                "My immediate priority is reaching agreement on restoring the harbour board.")
    assert got == [(2, who, office), (3, who, office)]


def test_a_line_ending_in_said_without_its_colon_introduces_the_quoted_paragraphs_below(tmp_path):
    got = _file_said(tmp_path / "release.txt",
                     "Harbour fund announced\n\nThe fund will support harbour towns along the coast this winter.\n\n"
                     "Deputy Harbour Commissioner for the Coast, Ida Moss, said\n\n"
                     "“The flooding last year demonstrates how exposed the harbour towns are.\n\n"
                     "“We are proud to partner with the towns on this work.”\n")
    assert got == [("Ida Moss", "Deputy Harbour Commissioner for the Coast")] * 2


@pytest.mark.parametrize("title", [
    "Harbour and Coast Council: Press remarks by High Representative Ida Moss after the meeting",
    "Harbour Council: remarks by High Representative Ida Moss at the press conference",
    "Ambassador Ida Moss Remarks at the Signing Ceremony",
])
def test_remarks_titles_after_a_topic_or_before_the_word_make_the_text_a_speech(title):
    paras = ("Check against delivery!", "Good evening to everybody,",
             "European harbour ministers met today to discuss support on a range of issues.",
             "I am very glad to host the delegation here for the council.")
    got = facts(*paras, title=title).quotes
    assert [q.paragraph for q in got] == [2, 3, 4] and {q.speaker for q in got} == {"Ida Moss"}


def test_a_headline_ending_in_remarks_names_no_one_without_a_title_of_office():
    from reporter.analysis import actors, quotes

    assert quotes.statement_speaker("New Harbour Remarks", actors.build((), "T")) is None
    assert not quotes.is_speech_title("New Harbour Remarks")


def test_an_office_in_letters_the_holder_s_role_lacks_still_finds_the_holder():
    paras = ("WASHINGTON – U.S. Harbour Business Administration (HBA) Administrator Ida Moss issued a statement on the report.",
             "“It is one of my top priorities as HBA Administrator to reach the smallest harbour businesses.”")
    got = facts(*paras, title="HBA Administrator Statement on the Harbour Report").quotes
    assert {q.speaker for q in got} == {"Ida Moss"}


def test_an_address_by_a_minister_whose_office_has_and_in_it_is_one_person_s_speech():
    paras = ("Launch of the Harbour Trade Mission", "February 20, 2027 - Portlow",
             "Check against delivery. This speech has been edited for posting.",
             "Thank you Brenda for that warm introduction.", "Over the year I have been to the region 11 times.")
    got = facts(*paras, title="Address by the Honourable Ida Moss, Minister of Ports, Small Business and Trade").quotes
    assert [q.paragraph for q in got] == [4, 5] and {q.speaker for q in got} == {"Ida Moss"}


def test_a_mail_stop_after_attention_is_no_figure():
    assert facts("Send comments to the Harbour Board, Building 67, Attention: 86-67200, P.O. Box 25007.").figures == ()


def test_an_office_with_its_holder_in_brackets_on_a_line_labels_the_statement_below():
    paras = ("The Secretary of State for Harbours (Ida Moss):",
             "I am today publishing the report of the independent review of the northern quay.",
             "The Ministry must take responsibility for many of the failings the review found.")
    assert _said(*paras) == [(2, "Ida Moss", "Secretary of State for Harbours"), (3, "Ida Moss", "Secretary of State for Harbours")]


@pytest.mark.parametrize("text", [
    "The House takes note of the Treasury Minutes on these Reports (Cm 7275, 7276 and 7322) today.",
    "Volume 475: debated on Thursday 15 May 2008",
    "9.In 2002 the House invited the committee to set “common objectives” for committees.5 These “core tasks”6 were refreshed.",
])
def test_paper_numbers_volumes_paragraph_numbers_and_footnote_marks_are_no_figures(text):
    assert facts(text).figures == ()


def test_a_list_of_counts_after_an_ordinary_word_still_counts():
    assert [f.value for f in facts("Exports rose by 5, 6 and 7 percent in the three years.").figures][:3] == ["5", "6", "7 percent"]


def test_a_name_line_in_a_record_labelled_by_office_and_holder_heads_that_member_s_turn():
    paras = ("The Secretary of State for Harbours (Ida Moss):", "I am today publishing the report of the review.",
             "Ben Ode:", "For the families of those lost, today will bring back painful memories.",
             "How will oversight of such projects occur in future?")
    assert [(n, who) for n, who, _ in _said(*paras)] == [(2, "Ida Moss"), (4, "Ben Ode"), (5, "Ben Ode")]
    # without such a record, a name line with a colon is no label ("Ben Ode:" could open a list)
    assert _said("Ben Ode:", "For the families of those lost, today will bring back painful memories.") == []


def test_a_moderator_who_names_herself_after_her_role_is_the_speaker():
    paras = ("MODERATOR:  Harbour Press Center.  I’m the director, Ida Moss.  Today’s briefing is on the record.",
             "MINISTER ODE:  Good afternoon, everyone.  Thanks for coming.",
             "QUESTION:  When does the quay reopen?", "MINISTER ODE:  On Monday, as planned.")
    got = _said(*paras)
    assert got[0][1:] == ("Ida Moss", "director")


@pytest.mark.parametrize("lead, role", [
    ("Joe Roe, director of the Harbour Office’s Storm Center said, ", "director of the Harbour Office’s Storm Center"),
    ("Joe Roe, the director of the Harbour Office said: ", "the director of the Harbour Office"),
])
def test_a_person_then_a_role_of_a_body_right_before_said(lead, role):
    assert _said(lead + "“Even with the record number of storms, deaths were limited to 35.”") == [(1, "Joe Roe", role)]
    # a place before a title and "said" is no person with that title
    paras = ("On the situation in the Harbour Strait, the Minister said:", "“We call for calm on all sides of the strait.”")
    assert all(who != "Harbour Strait" for _, who, _ in _said(*paras))


def test_label_lines_of_a_name_in_capitals_or_among_labels_with_an_office_head_the_turns_below():
    paras = ("IDA MOSS, Harbour Radio Senior Correspondent:", "Hi. I’m Ida Moss. Today, the ferries of the coast.",
             "BEN ODE, Reporting for Harbour Radio:", "The ferries have fled the storm to every nearby port.",
             "Ann Tull, Harbour Forum:", "An overwhelming majority of the crews are helping.")
    got = _said(*paras)
    assert [(n, who) for n, who, _ in got] == [(2, "Ida Moss"), (4, "Ben Ode"), (6, "Ann Tull")]
    # a mixed-case "Name, Office:" line alone is no label: it may open a list
    assert _said("Ann Tull, Harbour Forum:", "An overwhelming majority of the crews are helping.") == []


@pytest.mark.parametrize("closing", ["2:04 P.M. EDT", "11:30 a.m. ET", "14.05 BST", "(9:12 AM)"])
def test_the_clock_time_a_transcript_ends_with_is_not_the_last_speaker_s_words(closing):
    f = facts("MS. ROE: Good afternoon. We are announcing new water projects today.",
              "Q Thank you. How many projects are there in all?",
              "MS. ROE: About forty of them, across the country.",
              closing, title="Press briefing by Press Secretary Jane Roe")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Jane Roe"), (2, "a reporter"), (3, "Jane Roe")]


def test_a_turn_s_opening_and_closing_stage_directions_are_not_in_its_quotation():
    f = facts("PRIME MINISTER DOE: (As interpreted.) Thank you, Mr. President. I am honoured to be here.",
              "PRESIDENT ROE: Our two nations have been friends for a long time. (Applause.)",
              "PRIME MINISTER DOE: We will meet again in the spring (in May) of next year.",
              title="Remarks by President Roe and Prime Minister Doe")
    assert [q.text for q in f.quotes] == ["Thank you, Mr. President. I am honoured to be here.",
                                          "Our two nations have been friends for a long time.",
                                          "We will meet again in the spring (in May) of next year."]


def _speakers(f):
    return [(q.paragraph, q.speaker) for q in f.quotes]


def test_remarks_by_an_office_that_holds_an_and_are_that_office_s_speech():
    f = facts("Harbour City, May 2",
              "First, I would like to thank the chamber for the invitation to speak to you today.",
              "The economy has grown for six quarters in a row, and wages are rising.",
              title="Remarks by the Deputy Premier and Minister of Ports at the Harbour Chamber of Commerce")
    assert {q.speaker for q in f.quotes} == {"Deputy Premier and Minister of Ports"}
    assert [q.paragraph for q in f.quotes] == [2, 3]


@pytest.mark.parametrize("title", ["Opening Remarks", "The Outlook for Harbour Trade"])
def test_a_speech_byline_over_the_place_it_was_given_names_its_speaker(title):
    f = facts("Governor Jane Q. Roe",
              "At the Harbour Economic Forum, Port Liria",
              "Thank you for the invitation to speak today. I will discuss the outlook for trade.",
              "Inflation has eased over the past year, but it remains above the goal.",
              title=title)
    assert _speakers(f) == [(3, "Jane Q. Roe"), (4, "Jane Q. Roe")]


def test_a_byline_without_a_venue_line_under_a_topical_title_is_no_speech():
    f = facts("Jane Q. Roe",
              "The harbour reopened today after the storm. Ferries will run from Monday.",
              title="The Outlook for Harbour Trade")
    assert f.quotes == ()


def test_a_long_prepared_remarks_head_line_names_the_speaker_without_its_place_and_date():
    f = facts("PREPARED REMARKS FOR JOHN POE, DEPUTY SECRETARY OF PORTS AND HARBOURS, PORT LIRIA, TUESDAY, AUGUST 05, 2008",
              "Thank you all for coming. I especially want to thank the mayors who travelled here today.",
              "These grants will make a profound difference to the harbour towns.",
              title="Grant Announcement for Harbour Towns")
    assert _speakers(f) == [(2, "John Poe"), (3, "John Poe")]
    assert "2008" not in (f.quotes[0].role or "")


@pytest.mark.parametrize("line, speaker", [
    ("Following are Harbour Council Chair Jane Roe’s remarks at the opening of the session, in Port Liria today:", "Jane Roe"),
    ("The following is the text of the Secretary-General’s message to the harbour conference:", "Secretary-General"),
])
def test_a_line_that_says_whose_remarks_follow_introduces_them(line, speaker):
    f = facts(line, "It is an honour to open this session. Here in the harbour, spring is in the air.",
              "We meet in a renovated hall to resolve anew our commitment to the sea.",
              title="Council opens its session")
    assert _speakers(f) == [(2, speaker), (3, speaker)]


def test_a_single_label_of_a_name_and_its_office_in_a_transcript_labels_the_whole_text():
    f = facts("Transcript, E&OE",
              "Jane Roe, Harbour Minister: Thank you very much, Sam, for that introduction.",
              "I start by acknowledging the custodians of the land on which we meet today.",
              title="Opening remarks at the harbour lecture")
    assert _speakers(f) == [(2, "Jane Roe"), (3, "Jane Roe")]
    assert f.quotes[0].role == "Harbour Minister"


def test_a_name_and_a_place_before_a_colon_is_no_label():
    f = facts("Jane Roe, Port Liria: the harbour reopened today after the storm.",
              "John Poe, Port Liria: ferries will run again from Monday morning.",
              title="Harbour news in brief")
    assert f.quotes == ()


def test_a_press_conference_titled_by_its_speaker_over_an_as_delivered_line_is_his():
    f = facts("(As delivered)", "Good afternoon.",
              "The harbour ministers will meet next week at a pivotal moment for the alliance.",
              "Our most urgent task will be support for the island ports.",
              title="Pre-summit press conference by Secretary General John Poe ahead of the Harbour Summit")
    assert {q.speaker for q in f.quotes} == {"John Poe"}
    assert [q.paragraph for q in f.quotes] == [2, 3, 4]


def test_a_line_saying_whose_prepared_remarks_these_are_gives_the_quotations_to_her():
    f = facts("PORT LIRIA, 4 June – These are the prepared remarks of Harbour Fund Executive Director Jane Q. Roe at "
              "today's joint press briefing.",
              "“I have recently returned from a trip to the islands, where children are suffering in silence.",
              "“More than 850,000 children are at risk of malnutrition this year.”",
              title="“Children are suffering in silence” – Harbour Fund chief")
    assert {q.speaker for q in f.quotes} == {"Jane Q. Roe"}


def test_a_speech_s_opening_before_its_first_person_is_the_speaker_s_unless_it_is_a_lead():
    speech = ("More than a year has passed since the storm closed the harbour.",
              "The storm imposed a heavy price on the island towns.",
              "Today, compared with what we said in November, the outlook is brighter.")
    f = facts(*speech, title="Remarks by Jane Roe, Harbour Secretary")
    assert [q.paragraph for q in f.quotes] == [1, 2, 3]
    led = facts("Harbour Secretary Jane Roe delivered these remarks at the forum today.", *speech[1:],
                title="Remarks by Jane Roe, Harbour Secretary")
    assert [q.paragraph for q in led.quotes] == [3]


def test_turns_labelled_by_initials_are_the_people_the_text_names_with_those_initials():
    f = facts("CL Hello and welcome to today’s press conference. My name is Carla Lindqvist and it is Tuesday.",
              "Let me introduce the participants. We have Dr Tomas Anders Grell, Harbour Director-General.",
              "TAG Thank you, Carla. Good morning. Today is World Harbour Day.",
              "CL Thank you. Now to questions from the floor.",
              title="Virtual press conference transcript")
    assert _speakers(f) == [(1, "Carla Lindqvist"), (2, "Carla Lindqvist"), (3, "Tomas Anders Grell"),
                            (4, "Carla Lindqvist")]
    assert f.quotes[2].role == "Harbour Director-General"


def test_an_acronym_opening_a_sentence_is_no_initials_label():
    f = facts("WHO Director-General Jane Roe opened the harbour clinic today.",
              "UN staff will run it until the spring.",
              title="Harbour clinic opens")
    assert f.quotes == ()


@pytest.mark.parametrize("text, name, role", [
    ("On the panel we have Dr Jane Roe, Harbour Director-General.", "Jane Roe", "Harbour Director-General"),
    ("My name is Jane Roe and I chair the harbour board.", "Jane Roe", None),
    ("Dr Jane Roe joined the Harbour Minister, John Poe, at the clinic.", "Jane Roe", None),
])
def test_a_person_named_with_an_honorific_or_by_herself_is_one_of_the_text_s_people(text, name, role):
    people = {p.name: p.role for p in facts(text).people}
    assert name in people and people[name] == role


def test_a_pageant_title_after_miss_is_no_person():
    assert "Nepal International" not in {p.name for p in facts("She was crowned Miss Nepal International in May.").people}


def test_a_surname_labelling_one_turn_counts_once_another_labels_several():
    f = facts("Harbour Secretary Jane Roe and Admiral John Poe, chief of the harbour staff, briefed reporters.",
              "Roe: Good afternoon. Where is the lieutenant who wanted a seat in here?",
              "Q: We saved him one right here.",
              "Roe: There you go. Good.",
              "Poe: I have a brief opening statement on the patrol this morning.",
              title="Harbour Department Briefing Transcript")
    assert [(q.paragraph, q.speaker) for q in f.quotes][-1] == (5, "John Poe")


def test_a_person_from_a_long_body_with_an_owner_before_said_is_the_speaker():
    f = facts("Superintendent Ann Lee from the Police Service of Northern Harbour’s Operational Support Department "
              "said: “This needs to stop, and anyone who abuses our staff will be dealt with.”")
    assert [(q.speaker, q.role) for q in f.quotes] == [
        ("Ann Lee", "Superintendent from the Police Service of Northern Harbour’s Operational Support Department")]


@pytest.mark.parametrize("intro, role", [
    ("Sir Ian Poe, National Statistician said:", "National Statistician"),
    ("Jane Roe, Chief Coroner said:", "Chief Coroner"),
])
def test_an_office_named_by_a_role_noun_after_a_name_and_a_comma_is_her_role(intro, role):
    f = facts(intro, "“The census gives us a rich and detailed picture of the harbour towns.”")
    assert [q.role for q in f.quotes] == [role]
    assert "," not in f.quotes[0].speaker and f.quotes[0].speaker.split()[-1] in intro


def test_a_chief_constable_with_letters_after_his_name_is_a_person_with_that_office():
    people = {p.name: p.role for p in facts("Chief Constable Sir Iain Roe QPM welcomed the new officers.").people}
    assert people == {"Iain Roe": "Chief Constable"}


@pytest.mark.parametrize("clause, role", [
    ("who announced his intention to retire this week", None),
    ("who was the mayoral committee member for water at the time", "the mayoral committee member for water at the time"),
    ("who runs the island’s only shop", "who runs the island’s only shop"),
])
def test_a_relative_clause_after_the_name_is_a_role_only_when_it_says_what_she_does(clause, role):
    f = facts(f"“We will reopen the harbour by the spring at the latest,” said Jane Roe, {clause}.")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Jane Roe", role)]


def test_an_abbreviated_title_in_a_label_is_spelt_out_in_the_role():
    f = facts("ATTY GEN. ROE: Let me first say that the harbour team has done outstanding work.",
              "Q: (Off mike) -- what was the source of the money?",
              "ATTY GEN. ROE: We are looking into that now.",
              title="Remarks by Attorney General Jane Roe at the harbour")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Jane Roe", "Attorney General"), ("a reporter", None),
                                                       ("Jane Roe", "Attorney General")]
    assert f.quotes[1].text == "-- what was the source of the money?"


def test_a_press_conference_s_opening_statement_is_the_first_person_its_byline_names():
    f = facts("Jane Roe, President of the Harbour Bank, John Poe, Vice-President of the Harbour Bank",
              "Port Liria, 15 December",
              "Good afternoon, the Vice-President and I welcome you to our press conference.",
              "The Governing Council today decided to raise the key interest rates by 50 basis points.",
              title="Monetary policy statement: press conference, 15 December")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "President of the Harbour Bank")}
    assert [q.paragraph for q in f.quotes] == [3, 4]


def test_a_heading_phrase_under_a_speech_title_is_no_byline():
    f = facts("Thank you for the invitation to speak. I will share a brief update on the outlook.",
              title="Harbour Outlook and Monetary Policy: brief remarks on the economy")
    assert {q.speaker for q in f.quotes} <= {None}


def test_a_mark_before_a_transcript_label_leaves_the_label_a_label():
    f = facts("[*] ROE: Good afternoon, everybody. Just a short announcement at the top.",
              "Q: How many troops will deploy?",
              "[*] ROE: About a thousand of them, in the new year.",
              title="Press briefing by Harbour Press Secretary Jane Roe")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Jane Roe"), (2, "a reporter"), (3, "Jane Roe")]


def test_an_office_after_a_self_introduction_runs_past_an_abbreviation():
    people = {p.name: p.role for p in facts("I am Jane Roe, Deputy Director at the U.S. Harbour Service. Thank you.").people}
    assert people.get("Jane Roe") == "Deputy Director at the U.S. Harbour Service"


@pytest.mark.parametrize("title, lines, speaker, role", [
    ("Remarks Prepared for Delivery by U.S. Secretary of Ports Jane Q. Roe To Harbour Leaders", (),
     "Jane Q. Roe", "U.S. Secretary of Ports"),
    ("Remarks As Prepared for Delivery: Harbour Bank Group President John Poe at the Annual Plenary", (),
     "John Poe", "Harbour Bank Group President"),
    ("Speech: Harbours after the storm",
     ("A speech by the Secretary of State for Harbours, the Rt Hon Jane Roe MP, marking the 20th anniversary of the Act.",),
     "Jane Roe", "Secretary of State for Harbours"),
])
def test_a_speech_named_by_its_head_in_other_words_is_its_speaker_s(title, lines, speaker, role):
    f = facts(*lines, "Ladies and gentlemen, thank you for coming to the harbour today.",
              "I want to consider how the harbour works and how it can be strengthened.", title=title)
    assert {(q.speaker, q.role) for q in f.quotes} == {(speaker, role)}


def test_a_transcript_of_a_statement_is_spoken_and_its_first_person_paragraphs_are_the_speaker_s():
    f = facts("Good afternoon, and thank you all for being here for what is for me a huge honour.",
              "It is a unique institution. It has a tremendous history.",
              title="Transcript of Statement by Jane Q. Roe")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Jane Q. Roe"), (2, "Jane Q. Roe")]


def test_a_venue_line_under_check_against_delivery_is_no_speaker():
    f = facts("Check against delivery", "Harbour Offices, Port Liria",
              "For sixty five years, the harbour board and your members have shaped our economy.",
              "This is all to say that the need for reform is always there for all of us.",
              title="Address to the Harbour Committee - Port Liria")
    assert {q.speaker for q in f.quotes} <= {None}


@pytest.mark.parametrize("office, one", [
    ("Deputy Prime Minister and Minister of Finance", True),
    ("First Minister and deputy First Minister", False),
    ("President of the Council and the Prime Minister of the Kingdom", False),
])
def test_an_office_with_an_and_is_one_person_s_unless_it_names_two(office, one):
    f = facts("First, I would like to thank the chamber for the invitation to speak today.",
              "The economy has grown for six quarters in a row, and we expect it to go on growing.",
              title=f"Remarks by the {office} at the Harbour Chamber")
    assert bool(f.quotes) is one


def test_the_transcript_of_a_press_conference_introduced_by_whose_it_is_leaves_its_label_out():
    f = facts("Following is the transcript of Harbour Secretary-General Jane Roe’s press conference, in Port Liria today:",
              "Secretary-General:  Ladies and gentlemen of the media, thank you very much for your presence.",
              "It is simply heartbreaking. No picture can convey the scope of this flood.",
              title="Press Conference by Secretary-General Jane Roe at Headquarters")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe"), (3, "Jane Roe")]
    assert f.quotes[0].text.startswith("Ladies and gentlemen")


def test_a_spokesperson_s_briefing_is_hers_but_the_words_she_quotes_are_their_speaker_s():
    f = facts("The following is a near-verbatim transcript of today’s noon briefing by Ann Lee, Associate Spokesperson "
              "for the Secretary-General.",
              "Good afternoon, everyone. We have a few notes for you today.",
              "The Secretary-General delivered a video message before the elections. He said, “I hope the elections "
              "will be free, fair and credible.”",
              "We have copies of that message upstairs for all of you.",
              title="Daily Press Briefing by the Office of the Spokesperson")
    got = [(q.paragraph, q.speaker) for q in f.quotes]
    assert (2, "Ann Lee") in got and (4, "Ann Lee") in got
    assert (3, "the Secretary-General") in got and (3, "Ann Lee") not in got


def test_he_after_an_office_no_one_holds_in_the_text_is_that_office():
    f = facts("The Harbour Commissioner visited the flooded quay on Monday. He said, “We will rebuild this quay by May.”")
    assert [(q.speaker, q.role) for q in f.quotes] == [("the Harbour Commissioner", "Harbour Commissioner")]


def test_a_press_conference_s_byline_with_a_list_of_portfolios_takes_the_plain_office():
    f = facts("Jane Roe", "Minister, Harbour Services", "Minister, Ports and Coasts", "Prime Minister", "link",
              "Good afternoon. This week I will be in Port Liria on Tuesday and Wednesday.",
              "As you know, last week we made several announcements on the harbour.",
              title="Post-Cabinet Press Conference: Monday, 30 September")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "Prime Minister")}


def test_a_body_s_spokesperson_speaks_for_the_body_in_that_role():
    f = facts("An Ofharbour spokesperson said:", "“Safeguards are in place to protect the customers of the harbour.”")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Ofharbour", "spokesperson")]


@pytest.mark.parametrize("text, listed", [
    ("Scheduled | 1463328", False),
    ("The harbour handled 1,463,328 containers last year.", True),
    ("The fund holds $1463328 for the repairs.", True),
])
def test_a_bare_run_of_seven_digits_is_an_entry_s_number_not_a_count(text, listed):
    assert any(f.value.replace(",", "").lstrip("$") == "1463328" for f in facts(text).figures) is listed


def _authored(tmp_path, byline: str):
    return file_facts(tmp_path, "post.md", (
        f"# The harbour study confirms what we feared\n\n{byline}\n\n"
        "This week we took a giant leap forward in our understanding of the harbour air.\n\n"
        "For two decades, evidence has shown that fine particles harm the heart.\n"))


def test_a_post_by_a_titled_author_in_the_first_person_is_hers(tmp_path):
    f = _authored(tmp_path, "By Dr. Jane Q. Roe")
    assert [(q.paragraph, q.speaker) for q in f.quotes][-2:] == [(2, "Jane Q. Roe"), (3, "Jane Q. Roe")]


def test_a_reporter_s_byline_makes_no_one_s_statement(tmp_path):
    assert _authored(tmp_path, "By Jane Q. Roe").quotes == ()


@pytest.mark.parametrize("fields", [
    ("Speech Date: Monday, May 12", "As Prepared For: Jane Q. Roe, Harbour Administrator"),
    ("Speaker: Jane Q. Roe", "Harbour Administrator"),
])
def test_a_speech_s_header_field_names_its_speaker(fields):
    f = facts(*fields, "Transcript: Welcome to the kickoff of Harbour Week. We are delighted you are here.",
              "Transcript: A clean harbour is a better place to work, to trade and to raise a family.",
              title="Harbour Week kickoff at the quay")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Harbour Administrator")}
    assert all(not q.text.startswith("Transcript") for q in f.quotes) and len(f.quotes) == 2


def test_a_number_in_brackets_in_a_line_of_bracketed_notes_is_no_figure():
    assert why_not("(Welcomes the harbour bill) (1500)", 29, 33) == "a note in brackets"
    assert why_not("The fund (1500 pounds) was paid.", 10, 14) is None


def test_a_statement_titled_by_an_office_on_a_topic_is_its_holder_s():
    f = facts("Press Release (2013) 141",
              "I convey my deepest condolences to the family of the former harbour master.",
              "Harbour Alliance Secretary General John Q. Poe",
              "He was a man of peace and a truly inspirational figure to all of us.",
              title="Harbour Alliance Secretary General on the death of the former harbour master")
    assert {(q.speaker, q.role) for q in f.quotes} == {("John Q. Poe", "Harbour Alliance Secretary General")}


def test_a_statement_title_s_topic_after_on_is_no_part_of_the_speaker():
    f = facts("Today the department says farewell to one of the finest public servants I have worked with.",
              title="Statement of Harbour Secretary Jane Q. Roe On the Departure of Assistant Secretary John Poe")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Jane Q. Roe", "Harbour Secretary")]


def test_an_unquoted_paragraph_in_the_first_person_signed_by_the_line_under_it_is_the_signer_s():
    f = facts("Over 500 historic places were listed this year.",
              "Protecting our heritage matters so that future generations understand us. I'm delighted that so "
              "many places were protected this year.",
              "Jane Roe, Heritage Minister",
              "Our thoughts are with the harbour families today and every day.",
              "Stay Connected",
              title="Places listed this year")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [(2, "Jane Roe", "Heritage Minister")]


def test_a_label_in_capitals_takes_the_name_and_office_the_text_s_top_lines_give():
    f = facts("Sean McAllister, Spokesman", "Port Liria", "August 6",
              "MR. MCALLISTER: Good afternoon, everyone. I have nothing to start with, so let us go to questions.",
              "QUESTION: Were you able to find out anything about the harbour talks this morning?",
              "MR. MCALLISTER: Right. I can't point to anything specific other than the fact that they met.",
              title="Daily Press Briefing")
    assert [(q.speaker, q.role) for q in f.quotes][0] == ("Sean McAllister", "Spokesman")


def test_a_speech_by_an_office_with_commas_in_its_remit_then_its_holder_is_the_holder_s(tmp_path):
    f = file_facts(tmp_path, "speech.txt", (
        "Jane Roe speech on the Harbours Bill\n\n"
        "A speech by Secretary of State for Harbours, Ports and Coastal Affairs, Jane Roe on the introduction "
        "of the Harbours Bill to Parliament.\n\n"
        "A video of the speech can be found on YouTube. Full transcript below.\n\n"
        "I’m delighted there are so many people here from the many sectors with an interest in harbours.\n\n"
        "It’s important that we are all here together from the different sectors.\n"))
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [
        (3, "Jane Roe", "Secretary of State for Harbours, Ports and Coastal Affairs"),
        (4, "Jane Roe", "Secretary of State for Harbours, Ports and Coastal Affairs")]


@pytest.mark.parametrize("text, s, reason", [
    ("Response times to the most serious 999 calls improved in August.", 35, "a phone number"),
    ("In an emergency, dial 911 at once.", 22, "a phone number"),
    ("The harbour recorded 999 arrivals in August.", 21, None),
])
def test_an_emergency_number_is_a_phone_number_not_a_count(text, s, reason):
    assert why_not(text, s, s + 3) == reason


def test_a_remit_with_and_before_the_name_and_a_comma_before_said_is_one_office():
    f = facts("Cabinet Secretary for Harbours and Coastal Care Jane Roe, said:",
              "“High-quality care is given every day by hard-working harbour staff.”")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Jane Roe", "Cabinet Secretary for Harbours and Coastal Care")]


def test_two_surname_labels_of_one_turn_each_named_in_full_in_the_header_are_a_transcript():
    f = facts("Harbour News Briefing: Jane Q. Doe, spokesperson. Also taking part was Rear Admiral John W. Roe, "
              "director of operations.",
              "Doe: Good afternoon. We have the names of the crew lost at sea yesterday.",
              "Our thoughts are with their families.",
              "Roe: Thank you, Ms. Doe. Our search of the harbour mouth goes on tonight.",
              title="Harbour News Briefing")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Q. Doe"), (3, "Jane Q. Doe"), (4, "John W. Roe")]


def test_one_surname_label_once_is_no_transcript():
    f = facts("Jane Q. Doe runs the harbour.", "Doe: the harbour master since 2019.", title="Harbour people")
    assert f.quotes == ()


def test_a_cover_page_s_remarks_by_line_over_the_name_and_office_gives_the_speaker(tmp_path):
    f = file_facts(tmp_path, "speech.json", (
        '{"title": "The Harbour Outlook", "body": "For release on delivery\\n\\nRemarks by\\n\\nJane Q. Roe'
        '\\n\\nDeputy Governor\\n\\nHarbour Board of Port Liria\\n\\nat the\\n\\nAnnual Ports Conference\\n\\n'
        'Port Liria\\n\\nThank you for the chance to speak at this conference again. I will share some thoughts '
        'about the outlook for the harbour.\\n\\nIn its tenth year of growth, the harbour is in a good place."}'))
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Deputy Governor")}
    assert len(f.quotes) == 2


def test_an_introductory_statement_to_a_press_conference_is_its_first_named_speaker_s():
    f = facts("Jane Roe, President of the Harbour Bank,John Poe, Vice-President of the Harbour Bank,Port Liria, 4 May 2012",
              "Ladies and gentlemen, the Vice-President and I are very pleased to welcome you to our press conference.",
              "Based on our regular analyses, we decided to keep the harbour dues unchanged.",
              title="Introductory statement to the press conference (with Q&A)")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [
        (2, "Jane Roe", "President of the Harbour Bank"), (3, "Jane Roe", "President of the Harbour Bank")]


def test_a_peer_s_speech_titled_without_a_possessive_is_the_peer_s():
    f = facts("Distinguished guests, colleagues, friends.",
              "Thank you for joining us today for this important discussion on the harbour.",
              "While I will let the panel tell their own stories, the harbour has been neglected for years.",
              title="Lord Roe of Harbourside speech on the future of the harbour")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Lord Roe"), (3, "Lord Roe")]


def test_a_post_nominal_ends_the_speaker_s_name_in_a_speech_title_that_runs_on_with_its_venue():
    f = facts("Check Against Delivery",
              "It is a real pleasure to be with you this evening at the harbour dinner.",
              "Tonight is a celebration of the bond between the harbour and our capital city.",
              title="Speech by Deputy Leader and Minister for Ports Jane Roe T.D. Harbour Chamber, Capital Dinner")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "Deputy Leader and Minister for Ports")}
    assert len(f.quotes) == 2


def test_a_possessive_statement_title_ending_in_its_date_is_the_named_person_s_statement():
    f = facts("Let me begin with the latest figures:",
              "And sadly, 215 more people have died. Our thoughts are with all of their families.",
              "I want to turn now to the reopening of the harbour from next week.",
              title="Jane Roe’s statement on the harbour closure: 30 May 2020")
    assert {q.speaker for q in f.quotes} == {"Jane Roe"}
    assert {q.paragraph for q in f.quotes} >= {2, 3}


def test_a_long_statement_head_line_after_a_dateline_and_a_body_names_the_speaker_and_office():
    f = facts("21 May 2017, Port Liria – Harbour Union Statement by H.E. Ms. Jane Roe, Secretary General of the Harbour "
              "Service, at the Council Open Debate on Harbours of the North",
              "– As delivered –",
              "It’s an honour to be here on behalf of the Union, and I would like to thank the Presidency.",
              "Please allow me to start by expressing our condolences on the passing of the harbour master.",
              title="Harbour Union Statement – Council: Harbours of the North")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "Secretary General of the Harbour Service")}
    assert {q.paragraph for q in f.quotes} == {3, 4}


def test_a_long_statement_head_line_ending_in_a_full_stop_is_a_sentence_not_a_head():
    f = facts("Statement by the harbour board on the closure of the northern quay was issued after the meeting of the "
              "harbour committee, which met on Tuesday to consider the engineers' report on the quay walls.",
              "I am glad the board has acted, and we will reopen the quay when it is safe.",
              title="Quay closed")
    assert all(q.speaker != "the harbour board" for q in f.quotes)


def test_an_office_s_speech_line_under_an_unsigned_speech_title_is_the_office_s():
    f = facts("Minister of Harbour Affairs speech to the Harbour Forum, 7pm 3 April 2019",
              "Tēnā koutou katoa.",
              "Can we begin by acknowledging the many harbour masters gathered here. Thank you for the invitation.",
              "This invitation was accepted long before the storm, a day which changed this harbour.",
              title="Speech to the Harbour Forum, Port Liria")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Minister of Harbour Affairs", "Minister of Harbour Affairs")}
    assert {q.paragraph for q in f.quotes} >= {3, 4}


def test_a_city_of_a_known_place_under_a_speech_title_is_no_speaker(tmp_path):
    f = file_facts(tmp_path, "remarks.txt", (
        "Remarks at a Council Meeting on Harbours\n\nAmbassador Odile J. Varn\n\nU.S. Deputy Representative to the "
        "Harbour Council\n\nU.S. Mission to the Harbour Council\n\nNew York City\n\nAugust 30, 2017\n\nThank you, Mr. President. "
        "As we consider the Council’s work in August, I congratulate you on a successful presidency.\n\n"
        "I turn first to the harbour, which has bookended the month.\n"))
    assert {q.speaker for q in f.quotes} == {"Odile J. Varn"}


def test_a_recorded_briefing_s_timed_labels_name_the_briefer_and_a_first_name_from_the_floor():
    f = facts("Jane Roe (00:04):", "Good afternoon, everyone. Thank you. Sorry to be late.",
              "Matt (00:09):", "Are you really?",
              "Jane Roe (00:12):", "I am sorry to be late. Let me start with the harbour.",
              title="Harbour Office Daily Press Briefing 2/20/24 Transcript")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe"), (4, "a reporter"), (6, "Jane Roe")]


def test_timed_labels_of_an_interview_keep_a_first_name_label():
    f = facts("Jane Roe (00:04):", "Welcome to the programme. Tell us about the harbour.",
              "Matt (00:09):", "The harbour has been closed for a week now.",
              "Jane Roe (00:12):", "And when will it reopen, do you think?",
              title="Harbour Programme Interview Transcript")
    assert [q.speaker for q in f.quotes] == ["Jane Roe", "Matt", "Jane Roe"]


def test_a_statement_that_may_be_attributed_to_a_named_representative_is_hers():
    f = facts("The following statement may be attributed to Jane Roe, Harbour Agency representative to the islands.",
              "The Harbour Agency welcomes the continued efforts of the government to protect the harbour.",
              "We encourage and applaud efforts, such as those in the plan, that protect the harbour.",
              "For more information, please contact:",
              title="Harbour Agency welcomes efforts to protect the harbour")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [
        (2, "Jane Roe", "Harbour Agency representative to the islands"),
        (3, "Jane Roe", "Harbour Agency representative to the islands")]


def test_a_written_statement_s_byline_in_the_header_gives_its_speaker(tmp_path):
    f = file_facts(tmp_path, "statement.json", (
        '{"title": "Written Statement: An extra £5m for harbours and quays in 2024-25", "body": '
        '"Jane Roe, Cabinet Secretary for Harbours\\n\\nFirst published: 6 December 2024\\n\\n'
        'I am pleased to make available an additional £5m in 2024-25 to support harbours across the coast.'
        '\\n\\nI recognise the pressures within the harbour sector, and I am thankful for the efforts of the '
        'harbour staff.\\n\\n£2m will be provided to harbours through the Quay Grant."}'))
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "Cabinet Secretary for Harbours")}
    assert len(f.quotes) == 3


def test_an_address_handed_over_that_opens_with_a_line_it_quotes_goes_on_after_it():
    f = facts("On 12 May, Jane Roe was elected harbour master by the council. Jane Roe accepted the appointment and "
              "gave the following address to the council:",
              "\"You give me courage!\"",
              "This reassuring statement made to me by a young sailor two years ago is something I have often recalled.",
              "I thank all those who elected me for the trust they placed in me.",
              title="Words of thanks to the harbour council")
    assert {q.paragraph for q in f.quotes if q.speaker == "Jane Roe"} >= {3, 4}


def test_a_transcript_s_pm_label_under_its_holder_s_name_speaks_as_the_prime_minister():
    f = analyze(Article(title="TRANSCRIPT OF NEWS CONFERENCE, PARLIAMENT HOUSE PORT LIRIA", subheadings=((0, "Roe, Jane"),),
                        paragraphs=("JOURNALIST: Did you put the harbour minister on notice at all, Mrs Roe?",
                                    "PM: No, I didn't put him on notice.", "JOURNALIST: Why not?", "PM: Not necessary.")))
    assert [(q.speaker, q.role) for q in f.quotes if q.speaker != "a journalist"] == [("Roe", "Prime Minister")] * 2


def test_a_subheading_down_a_speech_is_not_read_as_its_byline():
    f = analyze(Article(title="Address to the Harbour Committee - Port Liria", subheadings=((5, "Economic Reform Roundtable"),),
                        paragraphs=("Check against delivery", "Harbour Offices, Port Liria",
                                    "For sixty years, the committee and your members have shaped our harbour.",
                                    "In 1960 a harbour master formed the committee. I have read his story many times.",
                                    "We have a solid foundation. Three years of growth in the harbour.",
                                    "Next month we will hold a roundtable on reform of the harbour.")))
    assert all(q.speaker != "Economic Reform Roundtable" for q in f.quotes)


@pytest.mark.parametrize("title, expected", [
    ("Harbour Ambassador to the Republic of Liria Jane Roe on the 2016 Harbour Election",
     [("Jane Roe", "Harbour Ambassador to the Republic of Liria")] * 2),
    ("Taoiseach Jane Roe Dáil Statement on Harbour Appointments", [("Jane Roe", "Taoiseach")] * 2),
    ("Jane Roe on the future of the harbour", []),  # a feature about her, not her statement
])
def test_a_titled_person_on_a_topic_heads_her_statement(title, expected):
    f = facts("On May 9, the people of the harbour elected a new harbour master, who takes office in June.",
              "I would like to thank the council for its warm words. We look forward to working with the new master.",
              "We greatly value our harbour, and I am confident the work will go on.",
              title=title)
    assert [(q.speaker, q.role) for q in f.quotes if q.paragraph > 1] == expected


def test_an_as_prepared_for_delivery_by_line_names_the_speaker_and_office():
    f = facts("As Prepared for Delivery by Deputy Secretary of Harbours Jane Q. Roe, Harbour Academy, Annapolis, "
              "Maryland, Friday, November 22, 2013",
              "Captain Poe, thank you for inviting me here today.",
              "Cadets, good morning. It’s a pleasure to be here, and I am honoured to address you.",
              title="Harbour Leadership for the 21st Century")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Deputy Secretary of Harbours")}


def test_a_line_saying_whose_prepared_remarks_follow_may_stand_below_a_release_s_header_lines():
    f = facts("Archived Information", "FOR RELEASE: May 11, 2002", "Harbour Office of Public Affairs",
              "Following are the prepared remarks of Harbour Secretary Jane Roe to Saturday's commencement at the "
              "Harbour College.",
              "Thank you for that warm welcome. It is an honor to be a part of this very special day in your lives.",
              "Today marks the culmination of many years of hard work. I congratulate you all.",
              title="Commencement at the Harbour College")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "Harbour Secretary")}
    assert {q.paragraph for q in f.quotes} == {5, 6}


def test_a_name_line_over_an_office_line_over_the_first_person_is_her_speech():
    f = facts("Jane Roe", "Prime Minister",
              "What a year it has been for all of us. This harbour has been facing challenges this year.",
              "We have faced challenges as a party. We have completed our rule changes.",
              title="HARBOUR PARTY 62ND ANNUAL CONFERENCE")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [(3, "Jane Roe", "Prime Minister"),
                                                                    (4, "Jane Roe", "Prime Minister")]


def test_a_name_line_over_an_office_line_over_a_third_person_release_is_no_speech():
    f = facts("Jane Roe", "Press Officer",
              "The harbour will close on Monday for repairs, the board announced today.",
              title="Harbour to close for repairs")
    assert f.quotes == ()


def test_a_by_line_in_the_header_names_the_holder_of_the_office_a_speech_title_gives(tmp_path):
    f = file_facts(tmp_path, "speech.txt", (
        "Speech by HBC Chairman: Fall Meeting of the Harbour Committee\n\nby\n\nChairman Jane Q. Roe\n\n"
        "Harbour Board of Commerce\n\nHarbour Hotel, Port Liria\n\nNovember 16, 2001\n\n"
        "When I originally accepted this gracious invitation, I thought this would be my first speech.\n\n"
        "For those of you who attended the conference earlier this week, this must be your worst nightmare!\n"))
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Chairman")}


def test_a_title_where_the_speaker_delivers_an_address_of_any_kind_names_her():
    from reporter.analysis import actors
    from reporter.analysis.quotes import statement_speaker

    title = "Harbour Secretary Jane Roe Delivers Commencement Address at the Harbour College"
    assert statement_speaker(title, actors.build(("The harbour college held its commencement.",), title)) == (
        "Jane Roe", "Harbour Secretary")


def test_a_quotation_signed_with_a_dash_run_into_its_closing_mark_is_the_signer_s():
    f = facts("Researchers are eager for the harbour lab to reopen. More than 5,500 scientists use it in a typical year.",
              "“Everything that was happening before will continue on a new level. We will be able to do experiments "
              "much faster.”— Jane Roe, harbour beamline scientist",
              title="A new era of research at the harbour lab")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Jane Roe", "harbour beamline scientist")]


def test_a_signature_line_under_a_release_s_last_quotation_above_its_contact_block_is_kept(tmp_path):
    from reporter import load_articles

    path = tmp_path / "release.json"
    path.write_text('{"title": "Harbour welcomes its pilot home", "body": "PORT LIRIA, July 10, 2019 - Today the '
                    'Honourable Jane Roe, Minister of Harbours, Ports and Coasts, was at the harbour to welcome pilot John Poe.'
                    '\\n\\nFrom December to June, '
                    'John Poe sailed the northern route, the longest voyage by a harbour pilot to date.\\n\\nQuote\\n\\n'
                    '\\"Today, I am happy to welcome one of our pilots back home. John showed the courage that makes him a '
                    'great role model to our youth.\\"\\n\\nThe Honourable Jane Roe, Minister of Innovation, Harbours and Coastal Development\\n\\nSOURCE Harbour '
                    'Agency\\n\\nFor further information: Harbour Agency, Media Relations Office, Telephone: 450-926-4370, '
                    'Website: http://harbour.example, Email: media@harbour.example"}',
                    encoding="utf-8")
    article = load_articles(path)[0]
    assert (3, "The Honourable Jane Roe, Minister of Innovation, Harbours and Coastal Development") in article.subheadings
    assert [(q.paragraph, q.speaker) for q in analyze(article).quotes] == [(3, "Jane Roe")]


def test_a_speech_s_abstracts_by_line_names_its_speaker():
    f = facts("Speech Abstracts by Jane Roe, President of the Harbour Agency",
              "Date and time: From 1:30 - 2:30 p.m. on March 8 (Fri), 2019",
              "The harbour pilot launched successfully on March 2. I heard that the final checkout is underway.",
              "On February 20, the dredger started work. We believe the operation went as planned.",
              title="Harbour Agency President Monthly Press Conference March 2019")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Roe", "President of the Harbour Agency")}


def test_a_press_conference_labels_its_briefer_by_title_and_surname_and_questioners_by_outlet():
    f = facts("Wednesday, July 6, 2016, 4:13 p.m. Ministry of Harbours",
              "Abe, Harbour Shimbun: The bodies were returned to the port yesterday. What will you do for the families?",
              "Harbour Press Secretary Roe: Regarding this incident, the feelings of the families are extremely important.",
              "Fujita, Liria TV: On a related matter, some reports say the harbour police will be reinforced. Is that so?",
              "Harbour Press Secretary Roe: We received instructions to be fully prepared.",
              title="Press Conference by Harbour Press Secretary Jane Roe")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "a reporter"), (3, "Jane Roe"), (4, "a reporter"),
                                                            (5, "Jane Roe")]


def test_a_name_and_role_label_is_no_outlet():
    f = facts("Karl Roe, Host: It's been a whirlwind few weeks and today the minister joins us live from the harbour.",
              "Jane Doe, Harbour Minister: Good to see you, Karl. I'm not sure I will sort it all out.",
              title="Interview with Karl Roe, Harbour Show")
    assert all(q.speaker != "a reporter" for q in f.quotes)


def test_remarks_as_prepared_for_a_titled_surname_are_hers_and_as_prepared_for_delivery_stays_a_kind():
    from reporter.analysis import actors
    from reporter.analysis.quotes import statement_speaker

    cast = actors.build(("Thank you very much for being here.",), "T")
    assert statement_speaker("Remarks as Prepared for Secretary Roe", cast) == ("Roe", "Secretary")
    assert statement_speaker("Remarks As Prepared for Delivery: Harbour Bank President Jane Roe at the Plenary", cast) == (
        "Jane Roe", "Harbour Bank President")


def test_a_title_that_is_the_speech_s_byline_over_an_as_prepared_line_names_the_speaker():
    f = facts("Remarks as Prepared for Delivery", "Secretary of Harbours Jane Q. Roe",
              "Swearing-In Ceremony for Assistant Secretaries", "Washington, DC",
              "Good afternoon, ladies and gentlemen! It is my pleasure to welcome you to the harbour department.",
              "Today we swear in three assistant secretaries who will lead our harbour work.",
              title="Secretary of Harbours Jane Q. Roe")
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Secretary of Harbours")}


def test_prepared_remarks_to_a_venue_are_the_honorable_speaker_s_who_describes_her_office(tmp_path):
    f = file_facts(tmp_path, "remarks.txt", (
        "Prepared Remarks to: the Harbour Economic Club\n\nOctober 31, 2005\n\nHB-2997\n\nThe Honorable Jane Q. Roe\n\n"
        "Good afternoon. I really appreciate you having me here today. In 2003, I gave my first speech as Harbour "
        "Secretary to this club.\n\n"
        "Fundamental to our harbour's strength has been the policies the council has championed.\n"))
    assert {(q.speaker, q.role) for q in f.quotes} == {("Jane Q. Roe", "Harbour Secretary")}


def test_a_degree_between_a_name_and_the_verb_of_a_hand_over_is_neither_name_nor_speaker():
    f = facts("Following the release of the Harbour Budget Office (HBO) report analyzing the Harbour Care Act, Harbour "
              "Services (HS) Secretary Jane Roe, M.D. released the following statement:",
              "“The office was wrong when it analyzed the harbour's costs, and it is wrong again.”",
              title="Harbour Secretary Roe Statement on HBO Report")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe")]


def test_a_body_that_defines_its_acronym_gives_no_initials_label():
    f = facts("PORT LIRIA: Harbour Antarctic Survey (HAS) has announced plans to bring its scientists home.",
              "HAS Director Professor Dame Jane Roe said",
              "“In a normal year, around 100 of our people leave the ice at the end of the summer field season.”",
              title="End of the field season")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(3, "Jane Roe")]


def test_an_office_s_new_year_message_is_the_office_s_words():
    f = facts("“As the year draws to a close, it is a good time to reflect on the events of the last 12 months.",
              "“2018 offers us new opportunities and a chance to build on the progress we have made this year.",
              title="Harbour Master’s New Year message")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Harbour Master"), (2, "Harbour Master")]


def test_a_peer_s_territorial_name_after_said_is_no_role():
    f = facts("“We will hold the regime to account,” said Lord Roe of Harbourside.", title="Harbour accountability event")
    assert [(q.speaker, q.role) for q in f.quotes] == [("Lord Roe", None)]


def test_a_caps_label_keeps_a_generational_suffix_and_a_later_office_label_is_the_same_speaker():
    f = facts("HARBOUR SECRETARY JOHN DOE III: Good afternoon. This is my fourth visit to the port as Secretary.",
              "Q: What did the inspections find at the northern quay?",
              "HARBOUR SECRETARY DOE: I think the whole council was surprised by how quickly the quay failed.",
              title="Harbour Secretary John Q. Doe III Press Conference at the Port")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [
        (1, "John Doe III", "Harbour Secretary"), (2, "a reporter", None), (3, "John Doe III", "Harbour Secretary")]


def test_an_office_of_several_words_then_a_surname_is_the_person_named_in_full():
    f = facts("SECRETARY OF THE HARBOUR DOE: The quay will reopen in May after the repairs are done.",
              "Q: Will the ferries run before then?",
              title="Press conference with Secretary of the Harbour Jane Q. Doe")
    assert (f.quotes[0].speaker, f.quotes[0].role) == ("Jane Q. Doe", "Secretary of the Harbour")


@pytest.mark.parametrize("opening, asks", [
    ("Sir, Jane Roe from the Harbour Gazette. My question is on the quay.", True),
    ("Jane Roe, KTV. There are reports the quay will close. Could you clarify?", True),
    ("Thank you. Jane from Radio Harbour. Will the ferries run?", True),
    ("Jane Roe, Harbour Minister. I am here to announce the quay will reopen.", False),
    ("The quay will reopen in May, with the Harbour Gazette's backing.", False),
    ("Hi, this is Jane Roe from the Harbour Office. We will take questions after the minister.", False),
    ("Kya harbour ke bare me koi bat hui hai? (Question in Harbourese: translation) Jane Roe from KTV. "
     "Was the quay raised with the council?", True),
])
def test_a_labelled_turn_that_opens_with_its_speaker_s_name_and_outlet_is_a_reporter_s(opening, asks):
    f = facts("JOHN DOE, HARBOUR SPOKESPERSON: Good afternoon. Let me take your questions.",
              "JANE ROE: " + opening,
              title="Transcript of the weekly media briefing by the Harbour Spokesperson")
    assert (f.quotes[1].speaker == "a reporter") is asks, f.quotes[1]


def test_a_heading_s_title_and_possessive_surname_gives_the_surname():
    f = facts("SECRETARY: I am joined by the Harbour Commissioner. Last year the port took in over 24,000 ships.",
              title="Transcript of Harbour Secretary Roe’s Press Conference at the Port")
    assert f.quotes[0].speaker == "Roe"


@pytest.mark.parametrize("intro, who, role", [
    ("In response to the report, Jane Roe, Harbour Trust's Head of Policy said:", "Jane Roe", "Harbour Trust's Head of Policy"),
    ("In response, Jane Roe, Harbourwatch's Head of UK Policy, Programs and Campaigns said:", "Jane Roe",
     "Harbourwatch's Head of UK Policy, Programs and Campaigns"),
    ("Chairman and CEO Jane Q. Roe, said:", "Jane Q. Roe", "Chairman and CEO"),
])
def test_the_person_named_before_an_office_that_runs_to_the_verb_speaks(intro, who, role):
    f = facts(intro, "“This is yet more evidence that the quay needs the council's money now.”")
    assert [(q.speaker, q.role) for q in f.quotes] == [(who, role)]


@pytest.mark.parametrize("paragraph, who, role", [
    ("“We are saddened by the loss of our colleagues,” said Harbour Board Chief of Mission, Jane Roe in Juba.",
     "Jane Roe", "Harbour Board Chief of Mission"),
    ("“This result is significant for the harbour,” says Department of Harbours (DOH) Senior Ranger, Jane Roe.",
     "Jane Roe", "Department of Harbours (DOH) Senior Ranger"),
    ("“I am delighted to welcome the President to the harbour,” said Harbourwatch’s Director General, Jane Roe.",
     "Jane Roe", "Harbourwatch’s Director General"),
])
def test_an_office_then_a_comma_then_the_name_after_the_verb(paragraph, who, role):
    assert [(q.speaker, q.role) for q in facts(paragraph).quotes] == [(who, role)]


def test_a_quotation_left_open_until_its_attribution_ends_at_the_comma():
    f = facts("“Preserving the harbour is deeply rooted in our connection to the land, says Harbour Authority "
              "Environmental Manager Jane Roe.",
              "“Over the centuries, watching the birds of the harbour gave us a knowledge of their habits.",
              "“From our perspective, we are obliged to act.”")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Jane Roe"), (2, "Jane Roe"), (3, "Jane Roe")]
    assert f.quotes[0].text.endswith("connection to the land")


def test_a_statement_head_line_under_a_meeting_s_title_makes_the_whole_text_hers():
    f = facts("HARBOUR COUNCIL OPEN DEBATE: THE PRINCIPLES OF THE HARBOUR CHARTER",
              "Statement by H.E. The Hon Jane Roe, Ambassador and Permanent Representative, Liria Mission to the Council",
              "(Check against delivery)",
              "Mr. President, Excellencies, distinguished guests, ladies and gentlemen.",
              "Liria welcomes the opportunity to speak on this important topic.",
              "Liria is a country that shares common ground with so many of the world’s harbours.",
              title="230424 - Harbour Council open debate: the principles of the Harbour Charter")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(5, "Jane Roe"), (6, "Jane Roe")]


def test_a_delivered_by_line_names_the_speaker():
    f = facts("The following is Liria's national statement at the general debate of the Harbour Assembly.",
              "Delivered by Jane Roe, Liria’s permanent representative to the Harbour Assembly.",
              "I am honoured to speak to the Assembly on behalf of the Government of Liria.",
              title="History at a Crossroads: Ambassador Jane Roe Addresses the Assembly")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(3, "Jane Roe")]


@pytest.mark.parametrize("title, who", [
    ("Free Translation of Harbour Master's Address at the Outreach Programme in Port Liria on January 16, 2013",
     "Harbour Master"),
    ("2014 Commencement Address by Harbour Secretary Jane Q. Roe", "Jane Q. Roe"),
    ("I want Liria to be the best harbour: Jane Roe's Mansion House speech in full", "Jane Roe"),
    ("Mayor Roe's State of the City address", "Roe"),
])
def test_a_speech_title_with_a_translation_an_occasion_or_a_venue_names_its_speaker(title, who):
    f = facts("I am pleased to visit the harbour today and meet the people who work here.",
              "I have come here from the Harbour Board, and my colleagues have come with me.", title=title)
    assert [q.speaker for q in f.quotes] == [who, who]


def test_a_pronoun_s_clause_then_adding_gives_the_quote_to_the_one_named_before():
    f = facts("The Harbour Board posted its results. Board Chairman John Roe emphasized their significance.",
              "He credited the focus on the harbour, adding, “The Board continues as the largest harbour in the country.”")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "John Roe")]


def test_a_sentence_reporting_a_pronoun_s_speech_then_a_quote_is_the_one_named_before():
    f = facts("Harbour Minister John Roe said the port had grown.",
              "He noted that too many people remain unemployed in the port. “This is what we need to address as "
              "we upscale our efforts.”")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "John Roe")]


def test_a_single_quoted_statement_left_open_runs_to_its_closing_mark():
    f = facts("Assistant Commissioner Jane Roe, who is head of the harbour police, said:",
              "'A joint operation undertaken today resulted in the seizure of a substance believed to be cocaine.",
              "The harbour police will continue to work with others in targeting the importation of drugs.'",
              "The seizure was made at the port on Tuesday.")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe"), (3, "Jane Roe")]


def test_a_label_in_square_brackets_heads_a_turn():
    f = facts("[ Background Music ]",
              "[ Jane Roe: ] Welcome to the Harbour Report, your source for news from the Harbour Office.",
              "[ John Doe: ] Thanks for having me, Jane.",
              "[ Jane Roe: ] So, John, why did the office start a podcast?")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe"), (3, "John Doe"), (4, "Jane Roe")]


def test_the_answers_of_a_briefing_are_the_briefer_s_its_title_names():
    f = facts("Q: The council reportedly wants the summit in December. What is your comment?",
              "A: The harbour side is willing to work with the council to make the summit a success.",
              title="Harbour Ministry Spokesperson Jane Roe's Regular Press Conference on November 30, 2016")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "a reporter"), (2, "Jane Roe")]


def test_a_one_word_label_whose_turn_names_its_outlet_is_a_reporter_s_turn():
    f = facts("Jane Roe, Harbour Spokesperson: Good afternoon to all of you. I will take your questions.",
              "Rishabh: Hi sir, Rishabh from Harbour Now. Has the ministry raised the quay with the council?",
              "Jane Roe, Harbour Spokesperson: This is at the northern quay?",
              "Rishabh: The northern quay, yes sir.",
              title="Transcript of Weekly Media Briefing by the Harbour Spokesperson")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [
        (1, "Jane Roe"), (2, "a reporter"), (3, "Jane Roe"), (4, "a reporter")]


def test_name_lines_over_turns_that_a_participants_list_names_are_labels():
    f = facts("Participants from the Harbour Bank:", "Jane Roe – Governor, Harbour Bank",
              "John Doe – Chief General Manager, Harbour Bank", "John Doe:",
              "Hello, and good afternoon. Welcome to this press conference on the bank's policy.", "Jane Roe:",
              "Yes, please. The bank holds its rate at 5.5 per cent.", "John Doe:",
              "I will request Ms. Latha to ask her question.",
              title="Edited Transcript of the Harbour Bank's Post Policy Press Conference")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(5, "John Doe"), (7, "Jane Roe"), (9, "John Doe")]


def test_a_record_s_line_saying_whose_remarks_its_transcript_holds_names_the_speaker(tmp_path):
    import json

    record = {"title": "Transcript: Harbour Police briefing on the quay collapse on Dec. 15, 2012",
              "body": "Edited by John Doe\n\nPartial transcript of press conference remarks by Harbour Police Lt. Jane "
                      "Roe on the quay collapse on Dec. 15, 2012:\n\nAs you know, the victims have been identified by the "
                      "office of the harbour's medical examiner.\n\nAs soon as that work is completed, we will release "
                      "a list of names to you in writing."}
    f = file_facts(tmp_path, "briefing.json", json.dumps(record))
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(2, "Jane Roe"), (3, "Jane Roe")]


def test_a_caps_label_opening_with_an_office_s_dotted_abbreviation_is_the_surname_s():
    f = facts("HARBOUR SPOKESPERSON ROE: Good morning. Our speaker today is Usec. John Q. Doe of the Harbour Office.",
              "USEC. DOE: Thank you. As of yesterday we have on record 66,738 families displaced from the port.",
              title="Press Briefing by Harbour Spokesperson Jane Roe")
    assert f.quotes[-1].speaker == "John Q. Doe"


def test_a_participants_list_with_dashes_gives_the_labelled_speakers_roles():
    f = facts("Participants from the Harbour Bank:", "Shri Jane Roe – Governor, Harbour Bank.",
              "Shri John Doe – Chief General Manager, Harbour Bank", "John Doe:",
              "Hello, and good afternoon. Welcome to this press conference on the bank's policy.", "Jane Roe:",
              "Yes, please. The bank holds its rate at 5.5 per cent.", "John Doe:", "Ms. Latha, your question.",
              title="Edited Transcript of the Harbour Bank's Post Policy Press Conference")
    assert [(q.speaker, q.role) for q in f.quotes[:2]] == [
        ("John Doe", "Chief General Manager, Harbour Bank"), ("Jane Roe", "Governor, Harbour Bank")]


def test_a_single_quote_opened_after_said_and_left_open_runs_on_into_the_next_paragraph():
    f = facts("Professor Jane Roe, of the university’s school of physics said: ‘Over the next few years, harbour "
              "physicists are looking forward to recording data.",
              "‘Hopefully, this will allow us to shed light on the major questions.’")
    assert [(q.paragraph, q.speaker) for q in f.quotes] == [(1, "Jane Roe"), (2, "Jane Roe")]


def test_a_phrase_quoted_after_expressed_her_is_her_words():
    f = facts("Harbour Director General Jane Roe has expressed her “great pain and revulsion” at the assaults.")
    assert [(q.speaker, q.text) for q in f.quotes] == [("Jane Roe", "great pain and revulsion")]


def test_a_record_s_office_label_without_a_colon_heads_the_statement_below():
    f = facts("The Secretary of State for Harbours (Mr. Jane Roe)",
              "With permission, Mr. Speaker, I shall make a statement on the harbour white paper which I am publishing today.",
              "In June the Government published a green paper which set out the case for change.",
              title="Harbour White Paper")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes][:2] == [
        (2, "Jane Roe", "Secretary of State for Harbours"), (3, "Jane Roe", "Secretary of State for Harbours")]


def test_a_statement_read_out_for_another_in_a_record_s_turn_is_the_other_s(tmp_path):
    f = file_facts(tmp_path, "wms.txt", "Harbour Strategy\n\n"
                   "The Minister for Harbours (Jane Roe):\n\n"
                   "My right hon. Friend the First Secretary of State, Lord Doe, has made the following statement:\n\n"
                   "The Department, together with the Harbour Office, is today publishing \"© The Way Ahead: A Strategy "
                   "for the Harbour in the Digital Age\".\n\n"
                   "This report set out the policies which will drive the approach to the harbour.\n")
    assert [(q.paragraph, q.speaker, q.role) for q in f.quotes] == [
        (2, "Jane Roe", "Minister for Harbours"), (3, "Lord Doe", "First Secretary of State"),
        (4, "Lord Doe", "First Secretary of State")]
