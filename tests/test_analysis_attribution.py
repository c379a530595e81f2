"""Stages 2 and 4, cues and speaker choice, read end to end through analyze(): each row an
article snippet written for this test, the quotation it holds and who said it (with the
role the article gives), and the negatives that are no quotation at all."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter.analysis.speakers import Candidate, choose, score
from reporter import Article


def quotes(*paragraphs: str) -> dict[str, tuple[str, str | None]]:
    facts = analyze(Article(title="T", paragraphs=tuple(paragraphs)))
    return {q.text: (q.speaker, q.role) for q in facts.quotes}


CASES = [
    # speaker after the quote, with a title before the name
    (("The agency confirmed the launch date.", "“We are going back to stay,” said NASA Administrator Jane Doe."),
     "We are going back to stay", "Jane Doe", "NASA Administrator"),
    (("“The mission is a triumph of engineering,” said NASA Deputy Administrator Jane Doe.",),
     "The mission is a triumph of engineering", "Jane Doe", "NASA Deputy Administrator"),
    # an appositive role between the quote and the name
    (("“Our quarter was strong,” the company’s chief executive, John Doe, told analysts.",),
     "Our quarter was strong", "John Doe", "the company’s chief executive"),
    # a framing phrase before the quote; the honorific and surname take the full name given earlier
    (("Ahmed Khan chairs the review.", "According to Mr. Khan, “the numbers do not lie at all.”"),
     "the numbers do not lie at all.", "Ahmed Khan", None),
    # an unnamed speaker is given as the article describes them
    (("“We will not comment on leaks,” a spokeswoman for the ministry said.",),
     "We will not comment on leaks", "a spokeswoman for the ministry", None),
    # ... and the body they speak for keeps its "and" ("Fire and Rescue", "Food and Drug")
    (("“Crews worked to free the people trapped,” said a Harbour Fire and Rescue Service spokesman.",),
     "Crews worked to free the people trapped", "a Harbour Fire and Rescue Service spokesman", None),
    (("A spokesperson for the Harbour Fire and Rescue Service said: “Crews worked to free them.”",),
     "Crews worked to free them.", "A spokesperson for the Harbour Fire and Rescue Service", None),
    (("The Food and Drug Administration said: “The recall covers every batch.”",),
     "The recall covers every batch.", "Food and Drug Administration", None),
    # a lead of one sentence about one person, then a paragraph that is all her quotation in the
    # first person, with no cue
    (("Congressman Jim Hale (R-ME) comments after the Harbour Commission approved a grant to the port.",
      "“The commission is an important partner of the port. I welcome this grant.”"),
     "The commission is an important partner of the port. I welcome this grant.", "Jim Hale", "Congressman"),
    (("Senator Ann Hale welcomed the grant to the port on Monday.", "“We fought for this money for years.”"),
     "We fought for this money for years.", "Ann Hale", "Senator"),
    # a legislator's party tag between her name and the office in commas after it
    (("U.S. Senator Ann Hale (R-ME), Ranking Member of the Harbour Committee, issued the following statement today:",
      "“We will work together on the budget for the port.”"),
     "We will work together on the budget for the port.", "Ann Hale", "Senator, Ranking Member of the Harbour Committee"),
    # a surname that is a month's name
    (("“The towns worked hard to use the funds,” said Harbour Regional Administrator Phil May.",),
     "The towns worked hard to use the funds", "Phil May", "Harbour Regional Administrator"),
    (("Prime Minister Theresa Quill May said: “We will build the quay.”",),
     "We will build the quay.", "Theresa Quill May", "Prime Minister"),
    # a body before a lower-case role with its modifier, then the person; a comma and an honorific
    (("“The program lets towns act on risk,” said Harbour Region V acting administrator Ann Hale.",),
     "The program lets towns act on risk", "Ann Hale", "Harbour Region V acting administrator"),
    (("“The losses are damaging,” said Harbour Fisheries director, Dr. Ann J. Hale.",),
     "The losses are damaging", "Ann J. Hale", "Harbour Fisheries director"),
    # an office, then her name with letters after it between commas, then her surname's line
    (("The Secretary of State for the Harbours, Ann Hale MP, yesterday filed an appeal with the court.",
      "Ms Hale said:", "We will appeal the ruling."),
     "We will appeal the ruling.", "Ann Hale", "Secretary of State for the Harbours"),
    # a line handing over remarks, its colon far after the hand-over
    (("Senate Leader Ann Hale made the following remarks on the floor today regarding the Harbour Act, "
      "the first major reform of the port in two decades:", "“Last night we passed the first reform of the port.”"),
     "Last night we passed the first reform of the port.", "Ann Hale", "Senate Leader"),
    # a dateline's city in capitals run into the title; a party tag with full stops
    (("PORTSMOUTH U.S. Senator Ann Hale (D-N.J.), Chairman of the Harbour Committee, today introduced a bill.",
      "“The port needs this,” Hale said."),
     "The port needs this", "Ann Hale", "U.S. Senator, Chairman of the Harbour Committee"),
    # a phrase in marks inside an introduced paragraph is the speaker's own; "so-called" and "an
    # estimated" report no one's speech, so the paragraphs after it stay hers
    (("Calling for access to the port, Ann Hale, Minister for Harbours, said:",
      "It is appalling that the regime’s ‘surrender or starve’ tactics are still used at the port.",
      "Despite being a so-called safe zone, an estimated 4,000 people are trapped in the harbour.",
      "We call on all parties to let the ferries through."),
     "Despite being a so-called safe zone, an estimated 4,000 people are trapped in the harbour.",
     "Ann Hale", "Minister for Harbours"),
    (("Calling for access to the port, Ann Hale, Minister for Harbours, said:",
      "It is appalling that the regime’s ‘surrender or starve’ tactics are still used at the port."),
     "It is appalling that the regime’s ‘surrender or starve’ tactics are still used at the port.",
     "Ann Hale", "Minister for Harbours"),
    # a suffix after a comma is part of the name; the degree after it neither name nor role
    (("“The satellite is key to the system,” said retired Navy Vice Admiral Conrad C. Hale, Jr., Ph.D., "
      "under secretary of ports and harbour administrator.",),
     "The satellite is key to the system", "Conrad C. Hale Jr.", "retired Navy Vice Admiral, under secretary of ports and harbour administrator"),
    # a body's title over a surname alone
    (("Harbour Science Foundation Director Hale traveled to the port on Monday.", "“Partnerships matter,” Hale said."),
     "Partnerships matter", "Hale", "Harbour Science Foundation Director"),
    # "As X said …": the clause's first word is no part of the name; "in his remarks" is no verb
    (("Secretary Jon Vale spoke on Monday.", "As Vale said, “Ports matter to the coast.”"),
     "Ports matter to the coast.", "Jon Vale", "Secretary"),
    (("As Secretary Jon Vale said in his remarks, “Ports matter, they matter profoundly to the coast.”",),
     "Ports matter, they matter profoundly to the coast.", "Jon Vale", "Secretary"),
    # the press-release layout, and an unnamed description that introduces it
    (("The minister, who asked not to be named, said:", "We have done everything we can for these families."),
     "We have done everything we can for these families.", "The minister", None),
    (("Transport Secretary Jane Doe said:", "This is a great day for passengers in every region.",
      "We will keep investing in the railway."),
     "We will keep investing in the railway.", "Jane Doe", "Transport Secretary"),
    (("Secretary Jane Doe said:", "‘This is the right thing to do for our country.’"),
     "This is the right thing to do for our country.", "Jane Doe", "Secretary"),
    # an affiliation is the role; the honorific is not
    (("Dr. Ahmed Khan of the health ministry said the outbreak was “under control for now”.",),
     "under control for now", "Ahmed Khan", "health ministry"),
    # middle initials and particles keep the whole name
    (("“The work is far from over,” Donald H. Rumsfeld said.",), "The work is far from over", "Donald H. Rumsfeld", None),
    (("President Ursula von der Leyen said the pact was “a historic step for the union”.",),
     "a historic step for the union", "Ursula von der Leyen", "President"),
    # a surname ending in s, then a pronoun
    (("Tom Jones runs the charity. Ali Reza, a trustee, spoke first.",
      "Jones later defended the plan. “It is working for every family,” he said."),
     "It is working for every family", "Tom Jones", None),
    # a lower-case title after the body it heads
    (("Chamber of Trade president Sam Roe warned that costs were “the biggest threat we face”.",),
     "the biggest threat we face", "Sam Roe", "Chamber of Trade president"),
    # "and" inside a title joins it; between two people it does not
    (("Health and Social Care Secretary Wes Doe said:", "Patients have waited too long for this."),
     "Patients have waited too long for this.", "Wes Doe", "Health and Social Care Secretary"),
    (("Ann Lee and Foreign Secretary Bo Chen met on Monday. Chen said the talks were “frank and useful”.",),
     "frank and useful", "Bo Chen", "Foreign Secretary"),
    (("A Department of Health and Social Care spokesperson said the money was “new, not reallocated”.",),
     "new, not reallocated", "Department of Health and Social Care", None),
    # "of" inside the body's own name does not stop the scan for the person before it; the title joins the body
    (("Responding to the report, Professor John Smith from the University of Leeds said:",
      "This is a careful piece of work."), "This is a careful piece of work.", "John Smith",
     "Professor from the University of Leeds"),
    # "the company" / "the bank" is the organisation named earlier
    (("Northgate Bank Plc cut 300 jobs on Monday.", "The company said it was “reviewing all options”."),
     "reviewing all options", "Northgate Bank Plc", None),
    (("Northgate Bank Plc cut 300 jobs on Monday.", "The bank said the cuts were “painful but necessary”."),
     "painful but necessary", "Northgate Bank Plc", None),
    # "its" in a role is the organisation the sentence before is about
    (("Harbour Lines Ltd, which runs the ferry, said on Friday that fares would rise. Its chief executive, "
      "Ann Lee, said the rise was “the smallest we could make”.",),
     "the smallest we could make", "Ann Lee", "Harbour Lines Ltd chief executive"),
    # a lower-case role before the name, with what qualifies it
    (("As lead author Jan Novak put it, “heat is a silent killer in our cities”.",),
     "heat is a silent killer in our cities", "Jan Novak", "lead author"),
    (("The Chilean agronomist Rosa Vidal put it bluntly: “There is no going back now.”",),
     "There is no going back now.", "Rosa Vidal", "Chilean agronomist"),
    # a speaker later named by first name keeps the full name and the role of the first mention
    (("Mara Quinn, the harbour master, checks the tide.", "“The sea decides,” Mara says."),
     "The sea decides", "Mara Quinn", "the harbour master"),
    # a transcript: the label names the speaker written in full elsewhere; a turn runs on
    (("Briefing by Press Secretary Jane Doe.", "MS. DOE: Good afternoon. We have news on the talks.",
      "The talks resume on Monday.", "Q: Will you attend?", "MS. DOE: I will not, no."),
     "The talks resume on Monday.", "Jane Doe", "Press Secretary"),
    # after the verb: a role, then the name
    (("“Inflation eased again,” said the statistics agency’s chief economist, Grant Roe.",),
     "Inflation eased again", "Grant Roe", "the statistics agency’s chief economist"),
    # a quote over two paragraphs in single marks, attributed at its end
    (("‘We will not stop until every family in the county is housed.",
      "‘And we will keep going after that,’ said Jane Doe, the council leader."),
     "We will not stop until every family in the county is housed.", "Jane Doe", "the council leader"),
    # "the group" is the body written last; "the farmer" is the person named before, with that role
    (("The Northern Front (NF) held the town for a week.",
      "The NF denied the reports. In a statement, the group said it had “opened safe routes for everyone”."),
     "opened safe routes for everyone", "Northern Front (NF)", None),
    (("Ana Ruiz lost her harvest. “We are ready to change,” the 54-year-old farmer said.",),
     "We are ready to change", "Ana Ruiz", "farmer"),
    # one name with a role between commas is a person; a title alone speaks as written, in that office
    (("“We are hopeful,” Lee, the mayor, said.",), "We are hopeful", "Lee", "the mayor"),
    (("The Prime Minister said:", "“We will not let this stand.”"), "We will not let this stand.",
     "The Prime Minister", "Prime Minister"),
    (("Prime Minister Ann Lee arrived on Monday.", "The Prime Minister said:", "We will not let this stand."),
     "We will not let this stand.", "Ann Lee", "Prime Minister"),
    # after the verb: an affiliation, a particle, a lower-case role; before it: a body and a lower-case title
    (("“Prices will keep rising,” said Jane Doe of Acme Analytics.",), "Prices will keep rising", "Jane Doe",
     "Acme Analytics"),
    (("“We are united,” said von der Leyen.",), "We are united", "von der Leyen", None),
    (("“It’s a disaster,” says local fisherman Joe Bloggs.",), "It’s a disaster", "Joe Bloggs", "local fisherman"),
    (("Union general secretary Sharon Graham said the offer was “an insult to workers”.",),
     "an insult to workers", "Sharon Graham", "Union general secretary"),
    (("European Commission President Ursula von der Leyen said: “Europe stands united.”",),
     "Europe stands united.", "Ursula von der Leyen", "European Commission President"),
    # the age between commas is no part of the role; an unnamed body speaks as written
    (("Ann Lee, 45, a nurse from Leeds, said: “I can’t afford to live here.”",),
     "I can’t afford to live here.", "Ann Lee", "a nurse from Leeds"),
    (("The ministry said in a statement: “We regret the delay.”",), "We regret the delay.", "The ministry", None),
    # a second quote in the paragraph continues the speaker; the next paragraph's pronoun too
    (("“We are ready,” said Ann Lee, the council leader. “We have been ready for years.”",),
     "We have been ready for years.", "Ann Lee", "the council leader"),
    # military ranks as US military news abbreviates them, an ordinal inside the rank or before it
    (("“The range was cold and wet,” said Pvt. Ann Lee, a cook with the unit.",), "The range was cold and wet",
     "Ann Lee", "Private, a cook with the unit"),
    (("“The range was cold and wet,” said Sgt. 1st Class Ann Lee.",), "The range was cold and wet",
     "Ann Lee", "Sergeant 1st Class"),
    (("Petty Officer 2nd Class Ann Lee said: “The range was cold and wet.”",), "The range was cold and wet.",
     "Ann Lee", "Petty Officer 2nd Class"),
    (("“The range was cold and wet,” said 1st Lt. Ann Lee.",), "The range was cold and wet", "Ann Lee", "1st Lieutenant"),
    # the sentence before a quotation reports its speaker's speech: she goes on in her own words
    (("However, this was no ordinary drill, said Lt. Col. Ann Lee, the battalion commander. “We wanted to "
      "break the mold of the old lanes.”",), "We wanted to break the mold of the old lanes.", "Ann Lee",
     "Lieutenant Colonel, the battalion commander"),
    (("Ann Lee said the plan would work. “We wanted to break the mold of the old lanes.”",),
     "We wanted to break the mold of the old lanes.", "Ann Lee", None),
    # a legislator's party and state in brackets after the name is no acronym of a body
    (("“The budget needs broader reforms,” Chairman Ben Ode (R-UT) said.",), "The budget needs broader reforms",
     "Ben Ode", "Chairman"),
    # a district tag, "today" before the verb, and a sentence about her after the hand-over
    (("Congresswoman Ann Lee (CT-03) today released the following statement on the ferry. Lee chairs the "
      "harbour panel.", "“The ferry must run all winter, and the state must pay for it.”"),
     "The ferry must run all winter, and the state must pay for it.", "Ann Lee", "Congresswoman"),
    # a region ("South Florida") written after the speaker is no one "he" can stand for
    (("During his trip, Ben Ode also spoke about the importance of the harbour to the South Florida economy.",
      "“Tourism is our number one export,” he said."), "Tourism is our number one export", "Ben Ode", None),
    (("Ranking Member Ben Ode, Jr. (D-NJ) released the following statement:",
      "“I commend the commissioner for acting on the ferries.”"),
     "I commend the commissioner for acting on the ferries.", "Ben Ode Jr", "Ranking Member"),
    # a body's acronym before a lower-case role, then the person
    (("“The river is vulnerable to the carp,” said USGS hydrologist Ann Lee.",), "The river is vulnerable to the carp",
     "Ann Lee", "USGS hydrologist"),
    # two speakers each introduced by "said" with no colon: the cue after the first quotation's
    # closing mark runs into the second one, so it is the second's; a split sentence keeps its speaker
    (("Mayor Ann Lee said “The bridge opens in May. It took four years.” Councillor Ben Ode said “We "
      "will hold a street party for everyone.”",), "The bridge opens in May. It took four years.", "Ann Lee", "Mayor"),
    (("Mayor Ann Lee said “The bridge opens in May. It took four years.” Councillor Ben Ode said “We "
      "will hold a street party for everyone.”",), "We will hold a street party for everyone.", "Ben Ode", "Councillor"),
    (("“The bridge opens in May,” Ann Lee said, “and it took four long years.”",),
     "The bridge opens in May", "Ann Lee", None),
    (("Ben Ode chairs the board.", "“The bridge opens in May.” Ann Lee said “it took four long years.”"),
     "it took four long years.", "Ann Lee", None),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", CASES, ids=[c[1][:30] for c in CASES])
def test_attribution(paragraphs, text, speaker, role):
    got = quotes(*paragraphs)
    assert got.get(text) == (speaker, role), got


NEGATIVES = [
    ("a scare quote", "Ann Lee said the so-called “peace dividend” never arrived."),
    ("a term", "Officials call it the “grey zone” of the law."),
    ("a title of a work", "Ann Lee wrote “The Long Road Home” in 1999."),
    ("a report's title", "The council published a report titled “Homes for Everyone in the County”."),
    ("hypothetical speech", "If asked, he would say “the plan is working as intended”."),
    ("hypothetical speech", "Ann Lee might argue that “the plan is working as intended”."),
    ("speech not given", "Ann Lee never said “we will cut the budget this year”."),
    ("a slogan with no speaker", "Posters reading “Build the homes now” lined the street."),
    ("no one's speech reported before it", "The plan will work, it seems. “We wanted to break the mold of the old lanes.”"),
]


@pytest.mark.parametrize("why, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_no_quotation(why, text):
    assert quotes(text) == {}, why


@pytest.mark.parametrize("paragraphs", [
    # the quotation is not in the first person: the lead's person need not be speaking
    ("Senator Ann Hale welcomed the grant to the port on Monday.", "“The port is the town's biggest employer.”"),
    # a lead of two sentences may be about more than one person
    ("Senator Ann Hale welcomed the grant. Mayor Tom Ray opened the quay.", "“We fought for this money for years.”"),
    # a body, not a person, opens the lead
    ("The Harbour Commission approved a grant to the port on Monday.", "“We fought for this money for years.”"),
])
def test_a_lead_gives_an_uncued_quotation_only_its_one_person_speaking_in_the_first_person(paragraphs):
    assert quotes(*paragraphs) == {}


@pytest.mark.parametrize("candidates, expected", [
    ([], None),
    # the nearest of two same-paragraph candidates of the same kind
    ([Candidate("A B", None, "subject", 200, True), Candidate("C D", None, "subject", 20, True)], ("C D", None)),
    # the same paragraph beats an earlier one, even when further back
    ([Candidate("A B", None, "last_speaker", 10, False), Candidate("C D", "x", "mention", 400, True)], ("C D", "x")),
    # a sentence subject beats a person merely named at the same distance
    ([Candidate("A B", None, "mention", 50, True), Candidate("C D", None, "subject", 50, True)], ("C D", None)),
    # the paragraph's earlier speaker continues when no one else is nearer
    ([Candidate("A B", None, "speaker", 30, True), Candidate("C D", None, "subject", 300, True)], ("A B", None)),
])
def test_speaker_choice_by_score(candidates, expected):
    assert choose(candidates) == expected


def test_score_falls_with_distance_and_is_bounded():
    near, far, farther = (Candidate("A", None, "subject", d, True) for d in (0, 300, 10_000))
    assert score(near) > score(far) > score(farther) == score(Candidate("A", None, "subject", 20_000, True))


def test_a_question_from_the_floor_is_a_reporter_s_and_no_later_pronoun_s():
    got = quotes("MS. DOE: We are ready to sign.", "Q: Are you ready to sign the deal today?", "MS. DOE: Yes.",
                 "Q: (Inaudible.)")
    assert got == {"We are ready to sign.": ("Doe", None), "Are you ready to sign the deal today?": ("a reporter", None),
                   "Yes.": ("Doe", None)}


def test_introduced_quotations_and_their_lines_are_no_key_points():
    paragraphs = ("The council approved a £45 million flood scheme on Monday to protect 3,200 homes in the valley.",
                  "Council leader Priya Natarajan said:",
                  "For too long families in the valley have lived with the fear of flooding every winter.",
                  "‘We will start work in September and we will finish by the end of 2028 at the latest.’",
                  "The Environment Agency will fund half of the cost of the scheme over the next four years.")
    facts = analyze(Article(title="Flood scheme approved", paragraphs=paragraphs))
    assert {q.paragraph for q in facts.quotes} == {3, 4}
    assert {k.paragraph for k in facts.key_points} == {1, 5}


def test_a_quotation_over_three_paragraphs_and_its_dashed_byline():
    """Opened in one paragraph, closed two later, the middle one without marks, then "— Name,
    Role" on its own line (or as the subheading a scraper made of it)."""
    paras = ("The council met today.", "“Ferries are late every day and people wait for hours in the rain.",
             "It is crucial that we act now on the timetable.",
             "During our term, we managed to add two boats in record time.”")
    for extra, subheadings in ((("— Ann Lee, Minister for Ferries", "The plan starts in May."), ()),
                               (("The plan starts in May.",), ((4, "— Ann Lee, Minister for Ferries"),))):
        facts = analyze(Article(title="T", paragraphs=paras + extra, subheadings=subheadings))
        assert [(q.paragraph, q.speaker, q.role) for q in facts.quotes] == [
            (2, "Ann Lee", "Minister for Ferries"), (3, "Ann Lee", "Minister for Ferries"),
            (4, "Ann Lee", "Minister for Ferries")]


def test_narrative_after_a_quotation_left_open_is_not_inside_it():
    paras = ("“Ferries are late every day and people wait for hours in the rain.",
             "The council then discussed the budget at length.", "“We will add two boats,” said Ann Lee.")
    got = [(q.paragraph, q.speaker) for q in analyze(Article(title="T", paragraphs=paras)).quotes]
    assert got == [(3, "Ann Lee")]
