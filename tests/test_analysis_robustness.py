"""Bad input never crashes the analyser; it extracts less and stays linear.

No timing assertions (benchmarks live in scripts/); a regex that backtracked without bound
would make these tests hang rather than pass.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.analysis import analyze
from reporter import Article


def art(*paragraphs: str, published: date | None = None) -> Article:
    return Article(title="Messy", paragraphs=tuple(paragraphs), published=published)


def assert_consistent(article: Article) -> None:
    facts = analyze(article)
    for q in facts.quotes:
        assert q.text in article.paragraphs[q.paragraph - 1]
    for item in (*facts.figures, *facts.timeline, *facts.sources, *facts.key_points):
        assert 1 <= item.paragraph <= len(article.paragraphs)
    for k in facts.key_points:
        assert k.text in article.paragraphs[k.paragraph - 1]
    facts.to_dict()


def test_two_megabyte_paragraph_of_run_on_text():
    chunk = ("the police said that more than 300 officers will train in Lima on March 22 and “the plan works” "
             "Calle said according to Infobae officials ")
    big = chunk * (2_000_000 // len(chunk))
    facts = analyze(art(big, published=date(2024, 4, 1)))
    assert facts.figures and facts.timeline  # less, maybe, but not nothing
    for q in facts.quotes:
        assert q.text in big


def test_two_megabyte_paragraph_without_spaces_or_punctuation():
    assert_consistent(art("A" * 2_000_000))
    assert_consistent(art(("Xy" * 40 + " ") * 25_000))


def test_hundred_thousand_unbalanced_quote_marks():
    for mark in ("“", '"', "”", "«"):
        facts = analyze(art((mark + "word said Calle ") * 100_000))
        assert len(facts.quotes) <= 1000
        assert any("quote" in why for why in facts.skipped) or not facts.quotes


def test_right_to_left_and_cjk_text():
    assert_consistent(art("قال الرئيس “إن الاتفاق مهم جدا” في 12 مارس 2024، وأضاف أن 300 شرطي سيتدربون.",
                          "“这是一个重要的协议，”王毅说。中国将提供1.2亿美元和300名警察。",
                          "“שלום עולם,” אמר דוד כהן. 33 מגינים נרצחו ב-2024."))


def test_odd_punctuation_and_control_characters():
    assert_consistent(art("“”“”", '""', "“,” said", "said , ,", "( ) (PNP) (", "$ € 12. . 5% %",
                          "January 32 2024; 31 February; 99th; 1e10; 3,,000", "\u200f\u202e“x”\u202c said X Y"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list("aAbZ é“”\"'«»„,.:;!?()-–$€%0123459 \n")) | st.characters(),
                        max_size=400), min_size=1, max_size=4),
       st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_raises_and_quotes_are_substrings(paragraphs, published):
    assert_consistent(art(*paragraphs, published=published))


words = st.sampled_from("said says told Calle Fabián the PNP (PNP) Peruvian National Police “ ” \" , . : "
                        "300 more than at least $1.2 billion 12.5% March 22 April 2024 on Tuesday according to "
                        "reported by Infobaethe he she added Prime Minister Gustavo Adrianzén".split(" "))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(words, max_size=60).map(" ".join), min_size=1, max_size=5),
       st.one_of(st.none(), st.dates()))
def test_newsy_word_salad_never_raises(paragraphs, published):
    assert_consistent(art(*paragraphs, published=published))


def test_two_megabytes_of_introducing_lines_and_unmarked_paragraphs():
    """The introduced-paragraph stage reads each paragraph a bounded number of times."""
    paragraphs = ["Minister Jane Doe said:", "We will build more homes for our families."] * 20_000
    facts = analyze(art(*paragraphs))
    assert facts.quotes and all(q.text in paragraphs[q.paragraph - 1] for q in facts.quotes)
    assert_consistent(art("Jane Doe said:" * 150_000 + ":", "We are ready."))


def test_two_megabytes_of_number_like_junk():
    """The not-a-figure stage reads a bounded window around each number."""
    chunk = ("(202) 691-6378 0300 123 4567 12/03/2024 SW1A 2AA 4(2)(a) ABC-123/45 1. 2. 3. "
             "50 µg/L per 100,000 8 out of 10 40th 1030 GMT ")
    assert_consistent(art(chunk * (2_000_000 // len(chunk))))
    assert_consistent(art("-" * 1_000_000 + "1" + "/" * 1_000_000))


def test_two_megabytes_of_names_titles_and_particles():
    """Mentions: runs of initials, particles, titles and '&' stay bounded by the run length."""
    chunk = ("H. von der Dr. Mr. Sir NASA Deputy Administrator UK Trade & Health and Social Care Secretary "
             "a spokeswoman for the ministry said Jones’s Jones' ")
    assert_consistent(art(chunk * (2_000_000 // len(chunk)) + "said “we are ready,” she said."))
    assert_consistent(art("H. " * 700_000, "von " * 500_000))


def test_two_megabytes_of_place_like_runs():
    """Places: the gazetteer is a set lookup; the city rule reads one run after a comma."""
    assert_consistent(art("Lusaka, Zambia, " * 120_000, "NAIROBI — " * 200_000))


def test_transcript_labels_in_bulk():
    """Transcript turns: a label is matched in the first 200 characters of a paragraph only."""
    paragraphs = ["MR. DOE: We are ready.", "Q: Are you?", "And we will stay ready."] * 15_000
    facts = analyze(art(*paragraphs))
    assert facts.quotes and all(q.text in paragraphs[q.paragraph - 1] for q in facts.quotes)
    assert_consistent(art("MR. DOE: " + "A" * 2_000_000, "MS. ROE: " * 200_000))


def test_bulk_of_the_new_stages_gender_appointments_bodies_and_statements():
    """Gender evidence, appointment roles, bodies named by context and reported speech read each
    paragraph a bounded number of times; a long paragraph is skipped by them, not scanned."""
    paragraphs = ["Ms. Roe said her office met Mr. Doe, a spokesman, and his aides.",
                  "Jane Roe has been appointed by the Minister as the new Chair of the Board, for four years.",
                  "Analysts at Keller Brothers said, and Blue Ridge Minerals, the largest producer, said so.",
                  "A survey by the Chamber of Commerce and the Trade Council (TC) found growth.",
                  "“We are ready,” she said.", "Mayor Jane Roe said the city would act.", "“We owe it to them.”"] * 3_000
    facts = analyze(art(*paragraphs))
    assert facts.quotes and all(q.text in paragraphs[q.paragraph - 1] for q in facts.quotes)
    big = "Ms. Roe said her office has been appointed as the chair, which runs, said Analysts at X said " * 20_000
    assert_consistent(art(big, "“We are ready,” she said."))
    statement = Article(title="Statement from Secretary Jane Roe on the Budget",
                        paragraphs=tuple(["We will deliver for every family in the country, and I am proud of it."] * 5_000))
    assert len(analyze(statement).quotes) <= 30


def test_two_megabytes_of_the_figure_date_and_source_classes():
    """Table cells, space-grouped thousands, "one" with no digit anywhere, fractions, spans of time,
    digit dates, weekday-named days and bodies' works: each is read from a bounded window, and a
    paragraph with "one" but no digit is searched for its candidates once, not once per "one"."""
    for chunk in ("HICP 1000.0 1.5 1.3 2.1e -0.4 ", "1 000 24 000 0300 123 4567 ", "one year and ten months, one ",
                  "nearly half of the third of a quarter of ", "around a year and a half, over a decade ",
                  "12/12/2020 29/01/2021 01 / 07 / 2015 ", "on Monday 25th November, 23-24 October ",
                  "A Coastal Agency (CA) investigation into the spill found, the researchers, from the X (XI), also found ",
                  "Executive Order (E.O.) 13851 H.R. 4346 4.5 deaths per 100,000 "):
        assert_consistent(art(chunk * (2_000_000 // len(chunk))))


def test_bulk_of_pull_quotes_readouts_and_attribution_lines():
    """Pull quotes, readouts handed over by a line, nested straight quotes and attribution lines
    under paragraphs, in bulk: bounded per article, verbatim, and no stage scans more than once."""
    said = "“We will keep every promise we made to the people of the valley,” said Mayor Ines Calder."
    paragraphs = [said, "We will keep every promise we made to the people of the valley",
                  "Spokesperson Lena Ortiz provided the following readout:", "The mayor met the governor today.",
                  'She said: "We read the "Blue Book" every day and we will again." It added that the “worst is over now.”',
                  "We remain united and we will keep going.", "— Lena Ortiz, Spokesperson"] * 2_000
    subheadings = tuple((k, "Lena Ortiz, Spokesperson") for k in range(5, len(paragraphs), 70))
    article = Article(title="Daily Press Briefing", paragraphs=tuple(paragraphs), subheadings=subheadings)
    facts = analyze(article)
    assert facts.quotes and all(q.text in paragraphs[q.paragraph - 1] for q in facts.quotes)
    assert sum(1 for q in facts.quotes if q.text.startswith("We will keep every") and "“" not in paragraphs[q.paragraph - 1]) <= 10
    assert_consistent(art('"' + 'We read the "Blue Book" ' * 100_000 + '"'))
    assert_consistent(art(*(["Voss: It started with a letter.", "Interviewer: And then?"] * 5_000)))
