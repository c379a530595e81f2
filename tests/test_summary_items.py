"""Summary items that read alone: a sentence that refers back is given its antecedent or left out."""

from __future__ import annotations

import pytest


def _article(title: str, *paragraphs: str, boilerplate=()):
    from reporter.ingest import Article

    return Article(title=title, paragraphs=tuple(paragraphs), boilerplate=tuple(boilerplate))


@pytest.mark.parametrize("sentence, back", [
    ("These violations affect about 105,000 engines.", True),
    ("He told reporters the bridge would reopen.", True),
    ("It is the third closure this year.", True),
    ("Such loans carry an interest rate of 4%.", True),
    ("Their report found 12 faults.", True),
    ("That is why the council acted.", True),
    ("The latter said talks would resume.", True),
    ("This year the council will spend £4m.", False),
    ("This week ministers meet in Geneva.", False),
    ("Theresa Lind chairs the board.", False),
    ("Thematic reviews are published monthly.", False),
    ("“We will act,” the minister said.", False),
    ("Heavy rain closed the port.", False),
    ("In addition she has also served in logistics roles in the harbour sector.", True),
    ("Moreover, the council will spend £4m on the quay.", True),
    ("But they said the bridge would reopen.", True),
    ("Alsop chairs the harbour board.", False),
    ("Additional funds of £4m will reach the harbour.", False),
])
def test_a_sentence_that_opens_with_a_pronoun_or_demonstrative_refers_back(sentence, back):
    from reporter.compose.select import refers_back

    assert refers_back(sentence) is back


def test_the_antecedent_is_prepended_when_the_pair_fits_and_the_item_is_left_out_when_not():
    from reporter.compose.select import MAX_ITEM_CHARS, with_antecedent

    a = _article("Engine maker fined",
                 "Regulators fined the Kestrel engine maker $1.6 billion on Monday. These violations affect about "
                 "105,000 engines.",
                 "They also ordered a recall.",
                 "It is " + "very " * 80 + "large.")
    assert with_antecedent(a, 1, "These violations affect about 105,000 engines.") == (
        "Regulators fined the Kestrel engine maker $1.6 billion on Monday. These violations affect about 105,000 "
        "engines.")
    # The first sentence of its paragraph: the last sentence of the paragraph before, unless that refers back too.
    assert with_antecedent(a, 2, "They also ordered a recall.") is None
    long_before = _article("x", "A" + " sentence" * 40 + ".", "They also ordered a recall.")
    assert len(long_before.paragraphs[0]) + 30 > MAX_ITEM_CHARS and with_antecedent(long_before, 2, "They also ordered a recall.") is None
    fresh = _article("x", "Regulators fined the maker on Monday.", "They also ordered a recall.")
    assert with_antecedent(fresh, 2, "They also ordered a recall.") == (
        "Regulators fined the maker on Monday. They also ordered a recall.")
    # Nothing before it, or only boilerplate: left out.
    assert with_antecedent(_article("x", "They ordered a recall."), 1, "They ordered a recall.") is None
    assert with_antecedent(_article("x", "Media contact: press office.", "They ordered a recall.", boilerplate=(1,)),
                           2, "They ordered a recall.") is None


def test_no_summary_item_opens_with_a_word_that_refers_back(tmp_path):
    """Built from an article whose sentences a summary would take: every item reads alone."""
    from reporter.analysis import analyze
    from reporter.compose import select
    from reporter.ingest import load_articles
    from reporter.stories import group_stories

    path = tmp_path / "fine.txt"
    path.write_text("Engine maker fined over emissions tests\n\n"
                    "Regulators fined the Kestrel engine maker $1.6 billion on Monday for falsifying emissions "
                    "tests on its diesel engines. These violations affect about 105,000 engines sold since 2010.\n\n"
                    "They also ordered the company to recall the engines and fund a $50 million programme to "
                    "replace old locomotives.\n\n"
                    "The company's chief executive apologised to customers and said it would cooperate.\n",
                    encoding="utf-8")
    articles = load_articles(path)
    facts = [analyze(a) for a in articles]
    picks = select.candidates(group_stories(articles), articles, facts)
    assert picks and not any(select.refers_back(p.text) for p in picks)
    assert any(p.text.startswith("Regulators fined") and "These violations" in p.text for p in picks)


@pytest.mark.parametrize("a, b, same", [
    ("diesel engines", "non-conforming engines", "diesel engines"),
    ("Peruvian National Police (PNP) officers", "vetted officers", "vetted officers"),
    ("people killed", "people reported killed", None),  # what ends in a verb is no thing counted
    ("Euro area annual inflation is expected", "Economists had expected", None),
    ("civil penalty", "criminal fine", None),
    ("homes in the valley along the river banks", "flooded homes", None),  # too long to name one thing
    ("", "engines", None),
])
def test_two_figures_count_the_same_thing_when_they_count_the_same_noun(a, b, same):
    from reporter.compose.select import _same_counted

    assert _same_counted(a, b) == same


def test_real_releases_that_disagree_on_a_count_show_both_with_their_sources(tmp_path):
    """Two federal releases on one case: the plea's "more than 110,000" engines and the
    sentencing's "over 105,000". The digest shows both, each with its outlet and ¶ link."""
    import docx

    from conftest import ROOT, run_reporter

    real = ROOT / "fixtures" / "real"
    res = run_reporter("build", str(real / "doj-hino-plea-2025-01-15.html"),
                       str(real / "doj-hino-sentencing-2025-03-19.json"), "--out", str(tmp_path), "--format", "docx",
                       env={"SOURCE_DATE_EPOCH": "1713571200"})
    assert res.returncode == 0, res.stderr
    text = [p.text for p in docx.Document(res.stdout.split()[0]).paragraphs]
    differ = [t for t in text if t.startswith("Sources differ on")]
    assert any("110,000" in t and "105,000" in t and "engines" in t and t.count("¶") == 2 for t in differ), differ


@pytest.mark.parametrize("sentence, first", [
    ("Let me begin by thanking the Prime Minister for hosting us.", True),
    ("We have agreed a new partnership.", True),
    ("I am proud of what we achieved.", True),
    ("Our plan will cut waiting lists.", True),
    ("US officials said the talks would resume.", False),
    ("QUESTION: Yeah, but he was the one who set this up.", True),
    ("A: Well, first of all, the crews were supporting another mission that day.", True),
    ("MR. MILLER: The talks went well.", True),
    ("NATO: allies meet in June.", True),
    ("Ireland said it would join.", False),
    ("“We will act,” the minister said.", False),  # a quotation with its speaker: shown as such
    ("Key in our response is being upfront, and again, I want to thank the harbour staff.", True),
    ("The plan is ready, and I’m proud of the crews who built it.", True),
    ("Title I funds reach 40 schools in the district this year.", False),
    ("Veterans of World War I were honoured at the harbour on Monday.", False),
])
def test_a_sentence_in_the_first_person_is_never_an_item_without_its_speaker(sentence, first):
    from reporter.compose.select import first_person

    assert first_person(sentence) is first


@pytest.mark.parametrize("sentence, english", [
    ("Tá an Rialtas tiomanta do thithíocht níos fearr a sholáthar agus tá sé seo ríthábhachtach.", False),
    ("Mae'r Llywodraeth wedi cyhoeddi cynllun newydd ar gyfer y porthladd yn y gogledd.", False),
    ("Le port sera rouvert la semaine prochaine et les travaux sont terminés.", False),
    ("Der Hafen ist wieder offen und die Arbeiten sind für das Jahr abgeschlossen.", False),
    ("El puerto reabrirá la próxima semana con una nueva terminal para los pasajeros.", False),
    ("The harbour board approved a new ferry terminal in El Paso on Monday.", True),
    ("Marine Le Pen and Jean-Luc Mélenchon des quartiers debated the port's future on Tuesday.", True),
    ("If you want to go fast, go alone, if you want to go far, go together.", True),
    ("The port reopens.", True),
])
def test_a_summary_item_is_an_english_sentence(sentence, english):
    from reporter.compose.select import in_english, shown_text

    assert in_english(sentence) is english
    assert (shown_text(sentence, 1, ()) is not None) is english


@pytest.mark.parametrize("title, who", [
    ("Remarks by President Ana Costa at the joint press conference following the summit", "President Ana Costa"),
    ("Jane Doe – 2025 Speech at the Harbour Forum", "Jane Doe"),
    ("Speech by Minister Omar Haddad", "Minister Omar Haddad"),
    ("Keynote address by Dr Lena Okafor, Director of the Directorate", "Dr Lena Okafor"),
    ("Secretary of Ports Jane Doe Press Conference", None),  # a press conference has many speakers
    ("Remarks With the Foreign Secretary Before Their Meeting", None),
    ("Statement from Jane Doe on her appointment", None),  # a statement page may be the department's words
    ("Council sets out speech therapy plans", None),
])
def test_a_speech_page_names_its_speaker_in_its_headline(title, who):
    from reporter.compose.select import speech_speaker

    assert speech_speaker(title) == who


def test_a_speechs_sentences_are_its_speakers_words_in_every_item():
    from reporter.compose.select import shown_text

    a = _article("Remarks by President Ana Costa at the summit in Port Liria",
                 "Let me begin by thanking the Premier for hosting this summit.",
                 "The agreements we reached today open a new chapter for the Union.")
    assert shown_text(a.paragraphs[1], 2, (), a) == (
        "“The agreements we reached today open a new chapter for the Union,” said President Ana Costa.")
    plain = _article("Summit ends with agreements", *a.paragraphs)
    assert shown_text(plain.paragraphs[1], 2, (), plain) == plain.paragraphs[1]


def test_the_briefing_score_counts_items_that_do_not_read_alone():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from score_briefing import _reads_alone

    assert _reads_alone("These violations affect 105,000 engines. — Agency, 3 May 2025, ¶2") is False
    assert _reads_alone("We agreed a new partnership. — unnamed source, ¶4") is False
    assert _reads_alone("“We agreed a new partnership,” said Ana Costa. — unnamed source, ¶4") is True
    assert _reads_alone("Regulators fined the maker $1.6 billion. These violations affect 105,000 engines. — Agency, ¶2")


def test_a_hand_over_line_and_a_sentence_cut_from_a_quotation_are_no_summary_items():
    from reporter.analysis.summary import key_points

    paras = ("Minister Ida Moss issued the following statement today on the release of the harbour trade figures for May.",
             "“Although more work remains, we are making progress toward doubling harbour exports by 2030. Despite the "
             "storms, May exports of $180.5 million were among the highest on record,” said Minister Moss.",
             "In May, imports through the harbour fell 2.1 percent from April to $222.8 million, the figures show.")
    got = [p.text for p in key_points(paras, "Statement from Minister Ida Moss on harbour trade in May")]
    assert got and all("following statement" not in t and not t.startswith("Despite") for t in got)
    assert any(t.startswith("In May, imports") for t in got)


@pytest.mark.parametrize("sentence, speaker, talk", [
    ("Shri Jane Roe, Official Spokesperson: Very good afternoon to all of you.", "Jane Roe", True),
    ("“I don't have too much to pass along at the top,” said Jane Roe, Harbour Press Secretary.", "Jane Roe", True),
    ("CHIEF JANE ROE, HARBOUR POLICE: Not enough mental health funding?", "Jane Roe", True),
    ("Could you tell us what measures you will take for the families of the crew?", "a reporter", True),
    ("On a related matter, some reports say the harbour police will be reinforced by 40 officers.", "a reporter", True),
    ("The harbour police will be reinforced by 40 officers from Monday.", "Jane Roe", False),
    ("Minister: The harbour reopens on Monday with 40 more pilots.", "Jane Roe", False),
])
def test_a_transcript_s_question_reporter_s_words_or_pleasantry_is_no_summary_item(sentence, speaker, talk):
    from reporter.analysis.facts import Quotation
    from reporter.compose.select import floor_talk

    quote = Quotation(text=sentence.split(": ", 1)[-1].strip("“”"), speaker=speaker, role=None, paragraph=3)
    assert floor_talk(sentence, (quote,), 3) is talk


def test_a_transcript_s_label_is_cut_from_the_summary_item_that_quotes_its_speaker(tmp_path):
    from reporter import Article
    from reporter.analysis import analyze
    from reporter.analysis.summary import unlabelled
    from reporter.compose.select import shown_text

    a = Article(title="Transcript: Harbour Minister's doorstop", paragraphs=(
        "Question: Minister, what will be discussed at the harbour summit?",
        "Minister: I am not familiar with that report, but the harbour reopens on Monday with 40 more pilots.",
        "Question: And the dredging?", "Minister: The dredging will take 18 months and cost $40 million."))
    f = analyze(a)
    s = unlabelled(a.paragraphs[3])
    assert s.startswith("The dredging") and shown_text(s, 4, f.quotes, a).startswith("“The dredging will take 18 months")


def test_a_transcript_s_key_points_are_no_greetings_questions_or_floor_turns():
    from reporter.analysis.summary import key_points

    paras = ("Jane Roe, Official Spokesperson: Very good afternoon to all of you. Thank you for joining us for the "
             "special weekly media briefing.",
             "QUESTION: Could you tell us what measures the ministry will take for the families of the crew lost at sea?",
             "Jane Roe, Official Spokesperson: The ministry will pay each of the 14 families 2 million rupees from "
             "Monday, and a review of the harbour's safety rules will report by 30 June.")
    got = [p.text for p in key_points(paras, "Transcript of Weekly Media Briefing by the Official Spokesperson")]
    assert got and all("afternoon" not in t and "?" not in t for t in got)
    assert any("14 families" in t for t in got)


def test_a_transcript_s_key_points_come_from_the_briefer_s_turns_not_the_questions():
    from reporter import Article
    from reporter.analysis import analyze

    a = Article(title="Press conference, Harbour House", paragraphs=(
        "JANE ROE, HARBOUR MINISTER: Good afternoon. Today the council commits $40 million to dredging the "
        "northern channel, which will take 1,200 ships a year from 2027. The work starts in the spring and the "
        "channel stays open to the ferries while the dredgers are at work on its northern side.",
        "QUESTION: Eight months on from the collapse of the quay, why has no one been charged with anything? The "
        "families of the crew have waited for answers since the night of the collapse and they are still waiting.",
        "JANE ROE, HARBOUR MINISTER: The inquiry into the collapse of the quay will report to the council on 30 "
        "June. Its chair has had every document she asked for, and the council will publish her report in full."))
    points = [(p.paragraph, p.text) for p in analyze(a).key_points]
    assert any(n == 1 and "$40 million" in t for n, t in points) and any(n == 3 for n, _ in points)
    assert all(n != 2 for n, _ in points)


@pytest.mark.parametrize("speaker, written", [
    ("Prime Minister", "the Prime Minister"), ("The President", "the President"),
    ("Minister for Ports", "the Minister for Ports"), ("Jane Roe", "Jane Roe"), ("Minister Roe", "Minister Roe"),
])
def test_an_office_that_names_no_one_takes_the_after_said(speaker, written):
    from reporter.compose.select import spoken_of

    assert spoken_of(speaker) == written


@pytest.mark.parametrize("sentence, floor", [
    ("I know there are a lot of people who have asked me questions.", True),
    ("My question is about the quay and the ferries that use it each day.", True),
    ("I don’t really have any announcements to begin with, so I will take a few questions, and we’ll start with you.", True),
    ("To the faculty—having been a harbour pilot myself, I know how hard you work and how proud you are.", True),
    ("To the surprise of the council, the harbour took in 1,200 ships last year.", False),
    ("One question, okay anyway, go ahead.", True),
    ("The council will go ahead with the dredging of the northern channel in May.", False),
    ("The committee put 40 questions to the harbour board about the quay.", False),
    ("Jane, thank you for that kind introduction and for inviting me to join you here in Port Liria.", True),
    ("Port Liria, the harbour board thanks you for a record year of 1,200 ships.", False),
    ("We will answer the inquiry's questions about the quay in full by June, when its report is due.", False),
])
def test_a_briefer_speaking_of_the_questions_is_running_the_room(sentence, floor):
    from reporter.analysis.summary import floor_talk

    assert floor_talk(sentence) is floor


def test_a_connective_before_a_verb_without_its_subject_refers_back():
    from reporter.compose.select import refers_back

    assert refers_back("And also been briefed in detail by the Harbour Minister about the summit.")
    assert not refers_back("And the council voted to dredge the channel.")
