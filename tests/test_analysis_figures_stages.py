"""Figures as stages: number spans -> what they count -> the not-a-figure filter. Snippets
are written for these tests."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter.analysis.notfigures import why_not
from reporter import Article

FUNCTION_WORDS = frozenset("at or and the a an of in on to by for from with as than that is was".split())


def figures(*paragraphs: str):
    return analyze(Article(title="T", paragraphs=tuple(paragraphs))).figures


@pytest.mark.parametrize("text, number, reason", [
    ("For media enquiries call (202) 691-6378 today.", "202", "a phone number"),
    ("For media enquiries call (202) 691-6378 today.", "691", "a phone number"),
    ("The press office is on 202-358-1600.", "358", "a phone number"),
    ("Call 0300 123 4567 for advice.", "0300", "a phone number"),
    ("Call +44 20 7946 0958 from abroad.", "7946", "a phone number"),
    ("Ada Quill (+353) 21 453 5204", "353", "a phone number"),  # a country code in brackets
    ("Ada Quill +353 21 453 5204", "353", "a phone number"),
    ("Harbourton, GA 30333 (404) 639-3286 Fax (404) 639-7394", "639", "a phone number"),  # after a postcode
    ("1. The council will build homes.", "1", "list numbering"),
    ("(2) Rents will be capped.", "2", "list numbering"),
    ("The next release is in June. 2. Contact the press office.", "2", "list numbering"),
    ("Two kinds count: (1) permanent residents of the port; and (2) Harbour Non-permanent Residents.", "2",
     "list numbering"),
    ("The banks presented their reports at the Harbour Secretariat today (22).", "22", "a date"),
    ("Write to the office, London SW1A 2AA, by Friday.", "2", "a postcode"),
    ("The agency is at 300 E Street, Washington, DC 20546.", "20546", "a zip code"),
    ("The agency is at 300 E Street, Washington, DC 20546.", "300", "a street number"),
    ("Under section 12 of the act the fine applies.", "12", "a label"),
    ("Under regulation 4(2) the fine applies.", "2", "a sub-section number"),
    ("See page 14 and table 3.", "14", "a label"),
    ("The notice of 12/03/2024 was withdrawn.", "12", "a date"),
    ("The reference ABC-12345 is on the letter.", "12345", "an identifier"),
    ("Case 2024/117 was heard on appeal.", "117", "an identifier"),
    ("Shares rose 4% by 1030 GMT.", "1030", "a clock time"),
    ("In an emergency call 111 or 999.", "999", "a phone number"),
    ("To apply, text 61016 now.", "61016", "a phone number"),
    ("The Boeing 737 MAX was grounded.", "737", "a model name"),
    # a level or stage, a label before its abbreviation, bills' numbers, more phone numbers
    ("The Key Stage 2 pupils used the library.", "2", "a level or stage"),
    ("A Year 1 pupil was hurt.", "1", "a level or stage"),
    ("The drug is now in Phase 3 trials.", "3", "a level or stage"),
    ("The action, taken under Executive Order (E.O.) 14024, targets firms.", "14024", "a label"),
    ("The House passed H.R. 5120 on Tuesday.", "5120", "a label"),
    ("Call the helpline on 116 123 at any time.", "116 123", "a phone number"),
    ("From abroad dial +44 (0)20 7946 0958.", "44", "a phone number"),
    ("Trading halted at 09.50 GMT.", "09.50", "a clock time"),
    # an administrative area's or a numbered place's name, a house-number range, a key to press,
    # a time of day in words, a slogan addressed to the reader
    ("EPA Region 7 staff met the mayor.", "7", "an area's number"),
    ("The four Region 7 states signed the pact.", "7", "an area's number"),
    ("Voters in Ward 12 chose a new councillor.", "12", "an area's number"),
    ("Flights leave from Terminal 5 daily.", "5", "an area's number"),
    ("The depot at 12-14 Mill Road closed.", "12", "a street number"),
    ("To ask a question, press *1 on your keypad.", "1", "a key to press"),
    ("It happened around five o'clock.", "five", "a clock time"),
    ("The vote is at 7 p.m. tonight.", "7", "a clock time"),
    ("Give us 5 minutes, and we'll give you the world.", "5", "an address to the reader"),
    ("News every hour. Join us for 3 days of talks.", "3", "an address to the reader"),
    # page furniture: a reading time, a note mark, a count after "of" that labels an item
    ("Markets 5 min read", "5", "a reading time"),
    ("The review found gaps [2] in the data.", "2", "a note mark"),
    ("See page 4 of 12 for the table.", "12", "a label"),
    ("Photo 1 of 10", "1", "a label"),
    ("The storm hit between 2 and 4 a.m. on Sunday.", "2", "a clock time"),
    ("Traffic on Interstate 95 stopped.", "95", "an area's number"),
    ("Other sites include Blue Harbour 3 lot near the river.", "3", "part of a name"),
    ("The Falcon 9 rocket lifted off at dawn.", "9", "part of a name"),
    ("The Expedition 70 crew returned.", "70", "part of a name"),
    ("The paper (Cm 9321) was laid before Parliament.", "9321", "a label"),
    ("Opening hours: 0900 to 1700.", "0900", "a code or a clock time"),
    ("Embargoed until 00.01 Tuesday.", "00.01", "a code or a clock time"),
    ("The minister answered question 14.", "14", "a label"),
    ("The road was closed near junction 7.", "7", "a label"),
    ("Pupils need grade 4 or above in maths.", "4", "a label"),
    # a bond's term, an index's name, a ranking's length, a model
    ("The 10-year Treasury yield rose to 4.3%.", "10", "a bond's term"),
    ("The 30-year fixed mortgage rate climbed.", "30", "a bond's term"),
    ("The Harbour 100 index slipped.", "100", "part of a name"),
    ("These are the top 10 sellers of the year.", "10", "a ranking's length"),
    ("Its Model 3 sedan sold well.", "3", "a level or stage"),
    # a speaker's count of their own points, in a transcript
    ("MR DOE: Thanks. I have two things at the top.", "two", "a count of the speaker's points"),
    ("Q: Two questions. First, on trade.", "Two", "a count of the speaker's points"),
    ("Let me make three quick points.", "three", "a count of the speaker's points"),
    ("Q Thank you. Just two quick ones.", "two", "a count of the speaker's points"),
    ("I'll take one or two more.", "two", "a count of the speaker's points"),
    # a chart's series flattened into the text, twelve numbers with nothing between them
    ("7.0 5.5 6.0 5.0 4.0 3.0 2.0 1.0 1.0 0.4 0.3 0.0 -0.2 Jul '19 Aug Sep", "5.5", "a chart's series"),
    ("Call 1-800-555-PORT (7678) to register.", "7678", "a phone number"),
    ("Updated: 49 min 44 sec ago", "49", "a time stamp"),
    ("⬆️ 6 • 💬 1 • 7h ago", "6", "a page's counter"),
    ("The ministers met on 22 and 23 July in the capital.", "22", "a date"),
    ("They met on July 21 and 22 in the capital.", "22", "a date"),
    ("At 4.36 on Saturday morning the harbour was hit by a storm.", "4.36", "a clock time"),
    ("Transcript ID: 43864", "43864", "a label"),
    ("^{1}E-commerce sales are sales of goods ordered online.", "1", "a note mark"),
    ("Three points from my side on the summit next week.", "Three", "a count of the speaker's points"),
    ("The defendants are Ada Quill (奎尔), 38; Jon Vale, 35; and Ida Moss, 41.", "35", "a person's age"),
    ("Jane Doe, 45, a nurse from the port, said the ward was full.", "45", "a person's age"),
])
def test_not_a_figure(text, number, reason):
    s = text.index(number)
    assert why_not(text, s, s + len(number)) == reason


@pytest.mark.parametrize("text, number", [
    ("The council will build 300 homes.", "300"),
    ("Rents rose 5% in a year.", "5"),
    ("The fund holds £4.5 billion.", "4.5"),
    ("The wall is 100m long.", "100"),
    ("About 1,200 people attended.", "1,200"),
    ("Prices rose. 3 firms closed.", "3"),  # a count opening a sentence, not a list label
    ("Labour won 412 seats and the Greens 4.", "412"),
    ("In Kenya 300 schools closed.", "300"),
    ("The region has 7 offices.", "7"),  # a lower-case "region" names no area
    ("“Give us five years,” the mayor said.", "five"),  # a quotation, not the page's slogan
    ("She said: give us 5 minutes.", "5"),
    ("Deliveries take 5 days after 7 weeks.", "5"),
    ("The park covers 40 hectares.", "40"),
    ("He read 5 books of 12 in a week.", "12"),  # "of" after a count that labels nothing
    ("Prices rose 2 and 4 per cent.", "2"),
    ("Officials in New York 12 hospital beds were lost.", "12"),  # a noun before a plural: a count
    ("In Greater Manchester 300 police officers marched.", "300"),
    ("The index rose three points in May.", "three"),  # points of an index, not of a talk
    ("The report makes two recommendations.", "two"),
    ("Rates fell to 0.25 percent.", "0.25"),  # a zero before the decimal point is a quantity's
    ("The top 1% of earners took a fifth.", "1"),  # a share of the top still counts
    ("A 10-year loan for the farm was agreed.", "10"),  # a loan's length is a span
    ("The index rose 12 points.", "12"),
    ("The ship and its 70 crew sailed.", "70"),
    ("Police later arrested two more suspects.", "two"),
    ("In Kenya 300 school pupils fell ill.", "300"),
    # a table's row: a label, then its few columns
    ("All items 1000.0 1.5 1.3 1.9 2.0 2.1 2.0 2.1 Energy 903.0 1.3", "1.9"),
    ("Rates stood at 5.25 on average in May.", "5.25"),
    ("22 people died in July.", "22"),
    ("Between 22 and 30 ships sailed in July.", "30"),
    ("In Portmouth, 38 ships docked.", "38"),  # a count after a place
    ("Ada Quill, 38 years a pilot, retired.", "38"),
    ("The port of Liria, 40,000 people strong, voted.", "40,000"),
])
def test_quantities_pass_the_filter(text, number):
    s = text.index(number)
    assert why_not(text, s, s + len(number)) is None


@pytest.mark.parametrize("text", [
    "For media enquiries call (202) 691-6378 or 202-358-1600.",
    "Call 0300 123 4567 for advice.",
    "Write to 10 Downing Street, London SW1A 2AA.",
    "Under section 12 of the act and regulation 4(2), fines apply.",
    "The notice of 12/03/2024 cites reference ABC-12345 and case 2024/117.",
    "1. Background",
    "Τρίτη 14 Μαΐου 2030",  # a weekday, day, month and year in another language
    "PARIS (March 4, 2031) – The agency announced a plan.",
    "The window opens at 2200 EST and closes at 0400 UTC.",  # the 24-hour clock
])
def test_no_figure_is_listed_for_numbers_that_count_nothing(text):
    assert figures(text) == ()


@pytest.mark.parametrize("text, value, number, unit", [
    ("Lead levels reached 50 µg/L in the samples.", "50 µg/L", 50.0, "µg/L"),
    ("The dose was 5 mg/kg a day.", "5 mg/kg", 5.0, "mg/kg"),
    ("About 8 out of 10 adults use the app.", "About 8 out of 10", 0.8, "ratio"),
    ("One in five... no: 1 in 5 deaths is linked to diet.", "1 in 5", 0.2, "ratio"),
    ("The rate was 12.5 per 100,000 people.", "12.5 per 100,000", 12.5, "per 100,000"),
    ("The city ranked 40th for air quality.", "40th", 40.0, "rank"),
    ("The city was 40th out of 50 for air quality.", "40th out of 50", 40.0, "rank"),
    ("It is now the 3rd largest port.", "3rd", 3.0, "rank"),
    # classes of ordinary text found missing on real articles, each with a made-up sentence:
    # a statistics table flattened into text: every decimal cell, a flag letter ("e" estimated) dropped
    ("Index Weight 2030 Mar 2031 Apr 2031 Bread 120.5 1.4 2.2e Fuel 88.0 -0.6 3.1p", "2.2", 2.2, None),
    ("Index Weight 2030 Mar 2031 Apr 2031 Bread 120.5 1.4 2.2e Fuel 88.0 -0.6 3.1p", "-0.6", -0.6, None),
    ("Index Weight 2030 Mar 2031 Apr 2031 Bread 120.5 1.4 2.2e Fuel 88.0 -0.6 3.1p", "120.5", 120.5, None),
    # thousands grouped by a space, as European releases write them
    ("The mission has trained 12 500 recruits so far.", "12 500", 12500.0, None),
    ("Its goal is 40 000 homes by 2032.", "40 000", 40000.0, None),
    # spans of time counted in another unit, or written without digits
    ("She brings three decades of experience.", "three decades", 30.0, "years"),
    ("Repairs will take around a year.", "around a year", 1.0, "years"),
    ("The records were altered for over a decade.", "over a decade", 10.0, "years"),
    ("After the past year and a half of talks, a deal.", "year and a half", 1.5, "years"),
    ("The works took two and a half years.", "two and a half years", 2.5, "years"),
    ("The term rose by one year and four months on appeal.", "one year and four months", 16.0, "months"),
    # "one" where it counts: a magnitude, a span, a charge
    ("The plan aims at one million new readers.", "one million", 1e6, None),
    ("In one month the unit seized 300 parcels.", "one month", 1.0, "months"),
    ("He admitted one count of fraud.", "one", 1.0, None),
    ("The firm entered a one-count plea.", "one-count", 1.0, "count"),
    # glued metric units, a currency with a capital magnitude, vulgar fractions
    ("Water just 30cm deep can move a car.", "30cm", 30.0, "cm"),
    ("The county receives $45M this year.", "$45M", 45e6, "USD"),
    ("Output grows by around ¼% per quarter.", "around ¼%", 0.25, "%"),
    ("Rates sit at 4½% now.", "4½%", 4.5, "%"),
    # a range takes its magnitude from its second bound, and is worth its first
    ("The repairs cost $5-10 million.", "$5-10 million", 5e6, "USD"),
    ("Bids came in between €1.5 and €2 billion.", "between €1.5 and €2 billion", 1.5e9, "EUR"),
    # a rate with what it counts between the number and its base; the base is no figure
    ("There were 4.5 deaths per 100,000 last year.", "4.5 deaths per 100,000", 4.5, "per 100,000"),
    # "m" after a number counts millions before people or a plural noun, else it is metres
    ("About 1.2m people live there.", "About 1.2m", 1.2e6, None),
    # written-out shares and fractions
    ("Eight out of 10 adults agree.", "Eight out of 10", 0.8, "ratio"),
    ("Nine in ten voters agree.", "Nine in ten", 0.9, "ratio"),
    ("The bank froze half the assets.", "half", 0.5, "ratio"),
    ("More than a third of pupils passed.", "More than a third", 1 / 3, "ratio"),
    ("Two-thirds of staff left.", "Two-thirds", 2 / 3, "ratio"),
    ("Three quarters of the budget is spent.", "Three quarters", 0.75, "ratio"),
    # percentages as the British press abbreviates them
    ("Shares rose 5pc on the day.", "5pc", 5.0, "%"),
    ("Gilt yields rose 0.5pp in a week.", "0.5pp", 0.5, "percentage points"),
    # dozens counted: a number word or a digit times twelve, half a dozen six
    ("At least two dozen aftershocks followed.", "At least two dozen", 24.0, None),
    ("Police seized 3 dozen phones.", "3 dozen", 36.0, None),
    ("About half a dozen firms bid.", "About half a dozen", 6.0, None),
    # a span whose larger unit has no number of its own
    ("The flight left an hour and 10 minutes late.", "an hour and 10 minutes", 70.0, "minutes"),
    ("He served a year and ten months in jail.", "a year and ten months", 22.0, "months"),
    ("It lands soon, hour and 10 minutes from now.", "hour and 10 minutes", 70.0, "minutes"),
    # two figures joined by "and" (not a range): the second is read too
    ("It approved 172 loans for $15,617,200 and 1,726 loans for homeowners.", "1,726", 1726.0, None),
    ("Between 10 and 12 firms bid.", "Between 10 and 12", 10.0, None),
    ("The fund gave ₹500 crore to schools.", "₹500 crore", 5e9, "INR"),
    ("He left 2 hrs before the vote.", "2 hrs", 2.0, "hours"),
    # after a verb of change, "X to Y" far apart is the change and the level; "from X to Y" two levels
    ("Crude rose $1.20 to $85.30 a barrel.", "$85.30", 85.3, "USD"),
    ("Crude rose $1.20 to $85.30 a barrel.", "$1.20", 1.2, "USD"),
    ("Unemployment rose from 4.2% to 4.5% in May.", "4.5%", 4.5, "%"),
    ("Claims rose from 1,200 to 1,500 this year.", "1,500", 1500.0, None),
    ("Prices rose 2 to 3 percent.", "2 to 3 percent", 2.0, "%"),
    ("Awards range from 10 to 30 percent of the sums.", "10 to 30 percent", 10.0, "%"),
    # a fraction as the size of a change, or a part of what was just counted
    ("The cost rose by a third in a year.", "a third", 1 / 3, "ratio"),
    ("Waste was cut by half.", "half", 0.5, "ratio"),
    ("Sales fell by two-thirds.", "two-thirds", 2 / 3, "ratio"),
    ("It lent 30,000 firms money, of which half are abroad.", "half", 0.5, "ratio"),
    ("In the past fortnight, patrols met two ships.", "the past fortnight", 2.0, "weeks"),
    # an ISO code before the amount, a short magnitude after a space
    ("The contract is worth SEK 2 billion.", "SEK 2 billion", 2e9, "SEK"),
    ("It raised AUD 1.2m from investors.", "AUD 1.2m", 1.2e6, "AUD"),
    ("The EU pledged €1.2 bn in aid.", "€1.2 bn", 1.2e9, "EUR"),
    ("The app has 1.2 mln users.", "1.2 mln", 1.2e6, None),
    # halving, worth 0.5 as "more than double" is worth 2
    ("The target is to halve the rate of infections.", "halve", 0.5, "times"),
    ("Deaths have almost halved since 2030.", "almost halved", 0.5, "times"),
    # a magnitude joined by a hyphen or written in capitals
    ("Donors pledged over $925-million to the fund.", "over $925-million", 925e6, "USD"),
    ("THE STATE GETS MORE THAN $3 MILLION IN GRANTS", "MORE THAN $3 MILLION", 3e6, "USD"),
])
def test_new_kinds_of_figure(text, value, number, unit):
    got = {f.value: (f.number, f.unit) for f in figures(text)}
    assert got.get(value) == (number, unit), got


@pytest.mark.parametrize("text", [
    "The firm marks its 40th anniversary this year.",
    "It was the 21st century's worst flood.",
])
def test_ordinals_that_label_are_not_figures(text):
    assert figures(text) == ()


@pytest.mark.parametrize("text, value, what", [
    ("Prices rose at or above 3% in May.", "above 3%", "Prices rose"),
    ("In all, 12 or more firms closed.", "12", "firms closed"),
    ("Officers arrested 45 suspects in the raids.", "45", "suspects"),
    # a figure in brackets after what it measures; a clause with no content reads the one before
    ("Rates for adult men (3.5 percent) and teenagers (11.9 percent) held.", "11.9 percent", "teenagers"),
    ("The number of long-term unemployed, at 1.2 million, was unchanged.", "1.2 million",
     "number of long-term unemployed"),
    ("Sales rose 0.4 percent (±0.7%) on the month.", "±0.7%", "margin of error"),
])
def test_what_a_figure_counts_is_never_a_function_word(text, value, what):
    got = {f.value: f.what for f in figures(text)}
    assert got.get(value) == what, got
    assert got[value].split()[0].lower() not in FUNCTION_WORDS
    assert got[value].split()[-1].lower() not in FUNCTION_WORDS


@pytest.mark.parametrize("text, absent", [
    ("Call 0300 123 4567 or 202 358 1600 today.", {"0300 123", "123 4567", "202 358"}),
    ("One of them left; one day it will return.", {"One", "one", "one day"}),
    ("One year on, the town rebuilt; one month later it rained.", {"One year", "one month"}),
    ("Pensioners get £900 a year, a year earlier than planned.", {"a year"}),
    ("It began about a year ago.", {"about a year"}),
    ("The code F-35B and 500M units were listed.", {"500M"}),
    ("The dose was 5 mg/kg a day.", {"5 mg"}),
    ("There were 4.5 deaths per 100,000 last year.", {"100,000"}),
    ("The wall is 2m tall and 5m across.", {"2m", "5m"}),
    ("He scored five in 10 minutes.", {"five in 10"}),
    ("Three quarters of the budget is spent.", {"Three"}),
    ("In the first half of 2031 and the second quarter of the year, a quarter of an hour passed.",
     {"half", "quarter", "a quarter"}),
    ("The January to February 2031 percent change was revised.", {"2031 percent"}),
    ("The fiscal year and 10 months later.", {"year and 10 months"}),
    ("Dozens of firms bid; a dozen won.", {"Dozens"}),
    ("Between 10 and 12 firms bid.", {"12"}),
    ("Updated 2 hours ago; 30 minutes ago it rained.", {"2 hours", "30 minutes"}),
    ("It was won by third parties and cut by half a point.", {"third", "half"}),
    ("Prices rose 2 to 3 percent.", {"3 percent"}),
    ("The USS Harbour (CVN 78) sailed.", {"78"}),
    ("Both halves of the pitch flooded.", {"halves"}),
    ("A fortnight later it rained; every fortnight it rains.", {"A fortnight", "fortnight"}),
    ("The court, in docket 22-cv-4567, ruled; Chart 2 shows it.", {"22", "2"}),
])
def test_figure_classes_keep_their_negatives(text, absent):
    got = {f.value for f in figures(text)}
    assert not got & absent, got


@pytest.mark.parametrize("what, noun", [
    ("highest annual rate in March", None),  # a month names no thing counted
    ("homes without power", "home"),
    ("had expected", None),
])
def test_what_a_figure_counts_names_a_noun_never_a_month(what, noun):
    from reporter.compose.select import counted_noun

    assert counted_noun(what) == noun


def test_every_currency_code_opens_where_the_scan_looks():
    """The scan skips positions whose character cannot open a figure: a code whose first letter
    is not among those characters would never be read."""
    from reporter.analysis import figures as stage

    assert all(code[0] in stage._FIRST_CHARS for code in stage.ISO_CODES)


def test_a_table_flattened_into_a_paragraph_gives_no_figures_but_the_text_around_it_does():
    table = ("2024 Feb. Mar. Apr. May June Percent change from preceding month Harbour income: Current dollars "
             "0.6 0.4 0.4 0.4 0.4 Ferry income: Current dollars 0.5 0.4 0.4 0.3 0.4 Chained (2012) dollars "
             "0.4 0.2 0.1 0.2 0.3")
    text = "Harbour income increased $83.6 billion (0.4 percent) in June, the port board said."
    facts = analyze(Article(title="T", paragraphs=(text, table)))
    assert [f.paragraph for f in facts.figures] and {f.paragraph for f in facts.figures} == {1}
    assert any("a table's cells" in why for why in facts.skipped)
