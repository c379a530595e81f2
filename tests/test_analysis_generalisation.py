"""Behaviours added so the analysis generalises beyond the original fixtures: British quote
marks, speakers named by role or by a participle clause, ratios and labels in figures, and
months dated by the tense of their clause."""

from __future__ import annotations

from datetime import date

from reporter.analysis import analyze
from reporter import Article


def art(*paragraphs: str, published: date | None = date(2024, 9, 20)) -> Article:
    return Article(title="T", paragraphs=tuple(paragraphs), published=published)


def speakers(*paragraphs: str, **kw) -> dict[str, str]:
    return {q.text: q.speaker for q in analyze(art(*paragraphs, **kw)).quotes}


def test_british_single_quotes_and_apostrophes():
    got = speakers("'Councils have been running to stand still,' said Kate Ogden, an economist at the IFS. "
                   "'The councils' money has gone on care.'")
    assert got == {"Councils have been running to stand still": "Kate Ogden",
                   "The councils' money has gone on care.": "Kate Ogden"}


def test_single_quotes_nested_in_double_are_not_separate_quotes():
    got = speakers("“For decades we said ‘rice at all costs’. That thinking is over,” said Lê Minh Hoan, "
                   "the agriculture minister.")
    assert list(got.values()) == ["Lê Minh Hoan"] and "‘rice at all costs’" in next(iter(got))


def test_role_before_name_and_spokesperson():
    got = speakers("The LGA's chair, Louise Gittins, said councils were 'very or fairly likely' to fail.",
                   "A Treasury spokesperson said: 'We inherited a broken system and we will fix it.'")
    assert got["very or fairly likely"] == "Louise Gittins"
    assert got["We inherited a broken system and we will fix it."] == "Treasury"


def test_speaker_referred_to_by_role_and_split_quote():
    got = speakers("Vietnam’s agriculture minister, Lê Minh Hoan, spoke in Hanoi.",
                   "Nguyễn Văn Hùng lost his crop. “We are ready to change,” the 54-year-old farmer said, "
                   "“but not yet.”",
                   "Asked whether the plan in Mekong Delta Province was fast enough, the minister said: "
                   "“No. A farmer cannot change in one season.”")
    assert got["We are ready to change"] == "Nguyễn Văn Hùng"
    assert got["but not yet."] == "Nguyễn Văn Hùng"
    assert got["No. A farmer cannot change in one season."] == "Lê Minh Hoan"


def test_called_and_participle_clause_attribute_partial_quotes():
    got = speakers("Matt Schruers, the group's president, called the ruling “a win for free speech”.",
                   "U.S. District Judge Robert Pitman ruled on Tuesday.",
                   "The judge rejected that reading, writing that “the State's interest does not license it”.")
    assert got["a win for free speech"] == "Matt Schruers"
    assert got["the State's interest does not license it"] == "Robert Pitman"


def test_arabic_particle_surname_and_colon_lead_in():
    got = speakers("Abdul Rahman al-Amiri, a water engineer, said ponds make it worse. "
                   "\"You are inviting it to stay,\" he said.",
                   "Asked about Mopani Copper Mines, he said: \"That is not on the table at all.\"",
                   "The Brazilian agronomist João Pedro Gonçalves put it bluntly: “There is no going back.”")
    assert got["You are inviting it to stay"] == "Abdul Rahman al-Amiri"
    assert got["That is not on the table at all."] == "Abdul Rahman al-Amiri"
    assert got["There is no going back."] == "João Pedro Gonçalves"


def figures(text: str) -> dict[str, float | None]:
    return {f.value: f.number for f in analyze(art(text)).figures}


def test_ratios_twice_and_percentage_ranges():
    got = figures("About 1 in 5 deaths is linked to diet, and twice as many people die of stroke; intake is "
                  "more than twice the limit. Rises of between 10% and 12% are needed.")
    assert got == {"About 1 in 5": 0.2, "twice": 2.0, "more than twice": 2.0, "between 10%": 10.0}


def test_labels_and_codes_are_not_figures():
    got = figures("Eight councils could issue a section 114 notice, and farmers will plant OM 5451 next month.")
    assert got == {"Eight": 8.0}


def dates(*paragraphs: str, published: date | None) -> set[str]:
    return {e.date for e in analyze(art(*paragraphs, published=published)).timeline}


def test_month_without_year_follows_the_tense_of_its_clause():
    pub = date(2024, 9, 20)
    assert dates("The minister told a conference in March that it was over.", published=pub) == {"2024-03"}
    assert dates("Cuts could continue until the rainy season starts in November.", published=date(2025, 3, 4)) \
        == {"2025-11"}
    assert dates("A follow-up study will start in March.", published=pub) == {"2025-03"}
    assert dates("The ceasefire had been due to expire on January 29.", published=date(2024, 2, 6)) \
        == {"2024-01-29"}


def test_bare_month_takes_the_last_year_written_when_publication_is_unknown():
    assert dates("The law was signed in May 2025.", "The group sued in October.", published=None) \
        == {"2025-05", "2025-10"}


def test_journal_is_the_source_of_published_research():
    facts = analyze(art("Salt cut strokes by 14%, according to research published on Thursday in The Lancet."))
    assert [s.name for s in facts.sources] == ["The Lancet"] or any("Lancet" in s.name for s in facts.sources)


def test_framing_clauses_name_the_speaker():
    got = speakers("As lead author Tomáš Gallo put it, \"heat is a silent killer\".",
                   "In the words of the World Meteorological Organization, Europe is \"the fastest-warming continent\".",
                   "Opposition Leader Daniel Kerr dismissed the plan as \"a press release, not a policy\".")
    assert got["heat is a silent killer"] == "Tomáš Gallo"
    assert "Meteorological" in got["the fastest-warming continent"]
    assert got["a press release, not a policy"].endswith("Daniel Kerr")


def test_role_before_name_after_quote_and_person_of_organisation():
    got = speakers("\"A home you can't afford to rent is not a home,\" Greens leader Tamsin Hollis wrote on X.",
                   "Dr Amara Okafor of the London School of Hygiene & Tropical Medicine, a co-author, warned that "
                   "deaths could \"more than double by mid-century\".")
    assert got["A home you can't afford to rent is not a home"] == "Tamsin Hollis"
    assert got["more than double by mid-century"] == "Amara Okafor"


def test_speaker_introduced_after_quote_then_by_title_first_name_and_pronoun():
    got = speakers("“You learn to read the water before you learn to read the timetable.”",
                   "That is how Morag Sinclair, 58, describes her first winter. Now she is its captain.",
                   "The chief engineer, Dev Patel, has kept the engines running.",
                   "“I’m not a hero,” he said.",
                   "On the island, few believe it. “I heard that before,” the captain says.",
                   "Morag checks the forecast.",
                   "“We’ll see,” she says.")
    assert got["You learn to read the water before you learn to read the timetable."] == "Morag Sinclair"
    assert got["I’m not a hero"] == "Dev Patel"
    assert got["I heard that before"] == "Morag Sinclair"
    assert got["We’ll see"] == "Morag Sinclair"


def test_compound_words_hyphen_spans_cents_and_index_names():
    got = figures("Thirty-six years later, a two-year freeze and a seven-day pause; the dividend rose by "
                  "5 cents to 48 cents, and the S&P 500 retail index gained 13%. Copper hit a four-month high.")
    assert got == {"Thirty-six years": 36.0, "two-year": 2.0, "seven-day": 7.0, "5 cents": 0.05,
                   "48 cents": 0.48, "13%": 13.0}


def test_descending_pair_is_two_figures():
    got = figures("The poll put the Coalition ahead 52 to 48 on a two-party basis.")
    assert got["52"] == 52.0 and got["48"] == 48.0


def test_month_pair_shares_its_year_and_since_looks_back():
    assert dates("Deaths between June and September 2024 rose.", published=date(2025, 6, 5)) \
        == {"2024-06", "2024-09"}
    assert dates("Civilians have been killed since the start of May.", published=date(2025, 8, 14)) == {"2025-05"}


def test_outlet_told_or_interviewed_is_a_source_but_a_person_is_not():
    facts = analyze(art("Kerr said in an interview with Sky News that it would fail.",
                        "Munro told the BBC in February 2025 that a ship was ordered.",
                        "She told John Smith that it was over."))
    names = [s.name for s in facts.sources]
    assert "Sky News" in names and "BBC" in names and not any("Smith" in n for n in names)
