"""One event from different publishers, and one topic that is two events: table-driven cases.

Every article here is invented (places, people and bodies too), written the way agencies and
wire services write: different words for one event, the same words for two events of a kind.
"""

from __future__ import annotations

from datetime import date

import pytest


def _article(title: str, *paragraphs: str, published=None, source=None):
    from reporter.ingest import Article

    return Article(title=title, paragraphs=tuple(paragraphs), published=published, source=source)


QUAKE_WIRE_1 = _article(
    "Strong earthquake kills dozens in Vardeni province",
    "A magnitude 7.1 earthquake struck the mountainous Vardeni province of Ostravia early on Tuesday, "
    "killing at least 140 people and toppling apartment blocks in the provincial capital Kelmor, officials said.",
    "The quake hit at a depth of 10 km about 30 km south of Kelmor, the Ostravian Seismological Institute said. "
    "Aftershocks of up to magnitude 5.2 rattled the region through the morning.",
    "Television footage showed residents pulling survivors from the rubble with their hands.",
    source="Northwire", published=date(2025, 3, 4))
QUAKE_WIRE_2 = _article(
    "Rescuers race to find survivors as Ostravia toll rises",
    "Rescue teams in Ostravia worked through the night under floodlights after Tuesday's 7.1 quake in "
    "Vardeni, and the interior ministry said on Wednesday that 162 people had died.",
    "Hospitals in Kelmor were overwhelmed and field clinics were set up in school yards, Health Minister "
    "Dana Petrovic told reporters. Neighbouring Lusaria sent sniffer dogs and two cargo planes of tents.",
    "Prime Minister Aurel Vasko declared three days of national mourning.",
    source="Globe Press Agency", published=date(2025, 3, 5))
QUAKE_AGENCY = _article(
    "Vardeni earthquake: flash update No. 2",
    "The humanitarian office estimates that 45,000 people in Vardeni province need shelter after the "
    "earthquake of 4 March, which the Ostravian authorities say killed 162 people.",
    "Partners have delivered tents and hygiene kits to Kelmor and to villages cut off by landslides; "
    "the Lusaria border crossing is open for relief convoys.",
    source="Relief Coordination Office", published=date(2025, 3, 6))
QUAKE_OTHER = _article(
    "Earthquake shakes Marisol coast, damaging port",
    "A magnitude 6.4 earthquake struck off the Marisol coast of Tevaria on Friday, killing 12 people and "
    "damaging the port of San Aurelio, the civil protection agency said.",
    "The quake hit at a depth of 25 km. Rescue teams searched the rubble of collapsed warehouses and "
    "aftershocks rattled the region through the morning.",
    source="Northwire", published=date(2025, 9, 12))
FLOOD_AGENCY = _article(
    "Federal assistance approved for Redfern River flooding",
    "The Emergency Management Directorate approved disaster assistance for Halvard and Mossby counties after "
    "the Redfern River flooding of June 2 and 3, Director Lena Okafor said.",
    "Residents whose homes were damaged may apply for grants for temporary housing and repairs; "
    "assistance centres open in Brookport on Monday.",
    source="Emergency Management Directorate", published=date(2024, 6, 6))
FLOOD_WIRE = _article(
    "Thousands flee as Redfern River bursts its banks",
    "Floodwater from the Redfern River swept through Brookport on Sunday, forcing thousands from their "
    "homes in Halvard county as levees failed after two days of rain.",
    "Governor Tom Brandt said the state would ask for federal help; Okafor's directorate sent rescue boats to "
    "Mossby county.",
    source="Globe Press Agency", published=date(2024, 6, 3))
JOBS_DECEMBER = _article(
    "The Employment Situation: December",
    "Total nonfarm payroll employment rose by 216,000 in December, and the unemployment rate was unchanged at "
    "3.7 percent, the Bureau of Labor Statistics reported today. Employment continued to trend up in "
    "government, health care, social assistance, and construction, while transportation and warehousing "
    "lost jobs.",
    "Among the major worker groups, the unemployment rates for adult men (3.5 percent), adult women "
    "(3.3 percent), and teenagers (11.9 percent) showed little or no change in December.",
    "The labor force participation rate was 62.5 percent and the employment-population ratio was 60.1 percent.",
    source="Bureau of Labor Statistics", published=date(2024, 1, 5))
JOBS_NOVEMBER = _article(
    "The Employment Situation: November",
    "Total nonfarm payroll employment rose by 199,000 in November, and the unemployment rate edged down to "
    "3.7 percent, the Bureau of Labor Statistics reported today. Employment continued to trend up in "
    "health care and government, while retail trade lost jobs.",
    "Among the major worker groups, the unemployment rates for adult men (3.4 percent), adult women "
    "(3.4 percent), and teenagers (11.6 percent) showed little or no change in November.",
    "The labor force participation rate was 62.8 percent and the employment-population ratio was 60.4 percent.",
    source="Bureau of Labor Statistics", published=date(2023, 12, 8))
# One agency, one week, one headline template: two events (another counterpart, another storm).
CALL_NORTH = _article(
    "Minister Arlen's Call with Norvian Foreign Minister Tessaro",
    "The below is attributable to Spokesperson Mara Quill:",
    "Foreign Minister Ivo Arlen spoke today with Norvian Foreign Minister Lucia Tessaro. The two discussed "
    "efforts to keep the conflict from widening and to get humanitarian aid to civilians in the border region.",
    "Minister Arlen welcomed Norvia's constructive engagement and its work to free the hostages.",
    source="Ministry of Foreign Affairs of Ostravia", published=date(2025, 3, 3))
CALL_SOUTH = _article(
    "Minister Arlen's Call with Sellish Foreign Minister Dorne",
    "The below is attributable to Spokesperson Mara Quill:",
    "Foreign Minister Ivo Arlen spoke with Sellish Foreign Minister Pavel Dorne today about their visits to the "
    "border region. Minister Arlen and Foreign Minister Dorne stressed the need to get humanitarian aid to civilians.",
    "The two ministers called for the immediate release of all hostages and agreed to stay in close touch.",
    source="Ministry of Foreign Affairs of Ostravia", published=date(2025, 3, 6))
LOANS_STORM = _article(
    "Agency Offers Low-Interest Disaster Loans to Residents, Businesses Affected by Storm Idris",
    "Low-interest disaster loans from the Small Enterprise Agency are available to businesses and residents in "
    "Halvard province affected by Storm Idris, Administrator Rosa Lind said.",
    "In Halvard, the declaration covers Mossby, Brookport and Kelmor counties. Loans up to 500,000 crowns are "
    "available to homeowners to repair or replace damaged property.",
    source="Small Enterprise Agency", published=date(2025, 10, 2))
LOANS_FLOOD = _article(
    "Agency Offers Disaster Loans to Businesses and Residents in Halvard",
    "Businesses and residents of Halvard province affected by the Redfern River flooding of Sept. 20 can apply "
    "for low-interest disaster loans from the Small Enterprise Agency, Administrator Rosa Lind said.",
    "The declaration covers Brookport and the adjacent counties of Mossby and Dunmere. Loans up to 500,000 crowns "
    "are available to homeowners to repair or replace damaged property.",
    source="Small Enterprise Agency", published=date(2025, 10, 8))
STORM_RELIEF = _article(
    "Government Supports Continued Federal Response to Storm Idris",
    "At the direction of Prime Minister Aurel Vasko, the Emergency Management Directorate is sending teams and "
    "supplies to Halvard province, where Storm Idris flooded Mossby and Kelmor counties.",
    "The Small Enterprise Agency offers low-interest disaster loans to businesses and residents in Halvard "
    "affected by Storm Idris.",
    source="Emergency Management Directorate", published=date(2025, 10, 1))
# Undated pages: a live page's caption and a statistics release's reference period date them.
LIVE_SPRING = _article(
    "Latest developments in Ostravia",
    "Prime Minister Aurel Vasko speaks to soldiers in Kelmor, Vardeni province, April 4, 2027.",
    "11:00 p.m.: Lusarian forces shelled villages near Kelmor overnight, the Ostravian defence ministry said, "
    "and Prime Minister Vasko asked Lusaria's neighbours for air defence systems.",
    "9:40 p.m.: The Lusarian foreign ministry said talks with Ostravia would not resume before the summer.")
LIVE_WINTER = _article(
    "Latest developments in Ostravia",
    "Ostravian soldiers fire a howitzer towards Lusarian positions near Dorvik, Marren region, Dec. 26, 2027.",
    "10:15 p.m.: President Ilse Norberg said the situation at the front in Marren was difficult and thanked "
    "the Northern Alliance for the winter aid. Lusarian drones struck power stations near Tavrin.",
    "8:30 p.m.: The Lusarian defence ministry said its forces had taken two villages south of Dorvik.")
RATE_JANUARY = _article(
    "Union unemployment at 6.5%",
    "The Union's seasonally adjusted unemployment rate was 6.5% in January 2027, down from 6.6% in December 2026 "
    "and from 7.2% in January 2026, the Union Statistics Office said. Among the member states, the lowest "
    "rates were recorded in Norvia (2.1%) and Sellia (3.3%).",
    "Youth unemployment was 14.9% in January 2027, compared with 16.1% in January 2026.")
RATE_DECEMBER = _article(
    "Union unemployment at 7.3%",
    "The Union's seasonally adjusted unemployment rate was 7.3% in December 2025, down from 7.4% in November 2025 "
    "and from 8.2% in December 2024, the Union Statistics Office said. Among the member states, the lowest "
    "rates were recorded in Norvia (2.3%) and Sellia (3.6%).",
    "Youth unemployment was 16.4% in December 2025, compared with 18.2% in December 2024.")
CALL_NORTH_READOUT = _article(
    "Foreign Minister Tessaro's Call with Ostravian Foreign Minister Arlen",
    "Foreign Minister Lucia Tessaro spoke today with Ostravian Foreign Minister Ivo Arlen about the conflict in "
    "the border region and the release of the hostages held there.",
    "Minister Tessaro said Norvia would keep humanitarian aid reaching civilians and would host talks if both "
    "sides asked for them.",
    source="Norvian Foreign Ministry", published=date(2025, 3, 3))
CASES = [
    # (what, articles, same event?)
    ("the two ministries' readouts of one call", (CALL_NORTH, CALL_NORTH_READOUT), True),
    ("one war's undated live pages of spring and winter", (LIVE_SPRING, LIVE_WINTER), False),
    ("one series' undated monthly releases a year apart", (RATE_JANUARY, RATE_DECEMBER), False),
    ("one minister's calls with two counterparts in one week", (CALL_NORTH, CALL_SOUTH), False),
    ("one agency's loans for two disasters in one week", (LOANS_STORM, LOANS_FLOOD), False),
    ("an agency's loans and a directorate's response to one storm", (LOANS_STORM, STORM_RELIEF), True),
    ("two wire services on one earthquake", (QUAKE_WIRE_1, QUAKE_WIRE_2), True),
    ("a relief agency's update and a wire story on one earthquake", (QUAKE_AGENCY, QUAKE_WIRE_1), True),
    ("an agency's release and a wire story on one flood", (FLOOD_AGENCY, FLOOD_WIRE), True),
    ("two earthquakes in different countries months apart", (QUAKE_WIRE_1, QUAKE_OTHER), False),
    ("the second wire on one earthquake and another earthquake", (QUAKE_WIRE_2, QUAKE_OTHER), False),
    ("two monthly jobs reports", (JOBS_DECEMBER, JOBS_NOVEMBER), False),
    ("a flood and an earthquake", (FLOOD_WIRE, QUAKE_WIRE_2), False),
]


@pytest.mark.parametrize("what, articles, same", CASES, ids=[c[0] for c in CASES])
def test_one_event_across_publishers_and_one_topic_that_is_two_events(what, articles, same):
    from reporter.stories import group_stories

    got = group_stories(list(articles))
    assert (len(got.stories) == 1) is same, what
    assert got.merged == 0  # none of these is a copy of another


def test_an_undated_page_is_dated_by_the_latest_month_its_opening_states():
    from reporter.stories import _stated_month

    assert _stated_month(LIVE_WINTER) == date(2027, 12, 26)
    assert _stated_month(RATE_JANUARY) == date(2027, 1, 15)  # a month alone: its middle
    assert _stated_month(FLOOD_WIRE) is None  # "on Sunday" states no month


def test_an_event_covered_three_ways_is_one_story_beside_an_unrelated_one():
    from reporter.stories import group_stories

    got = group_stories([QUAKE_WIRE_1, QUAKE_OTHER, QUAKE_WIRE_2, JOBS_DECEMBER, QUAKE_AGENCY])
    assert sorted(tuple(sorted(s.inputs)) for s in got.stories) == [(0, 2, 4), (1,), (3,)]


@pytest.mark.parametrize("title, day", [
    ("Joint statement on enhancing strategic cooperation: 2 October 2024", date(2024, 10, 2)),
    ("Readout of the minister's call (March 4, 2025)", date(2025, 3, 4)),
    ("Talks held on 3 May 2025 in Port Liria", None),  # a date inside the headline may be any date
    ("Strong earthquake kills dozens", None),
])
def test_an_undated_statement_is_dated_by_the_date_its_headline_ends_with(title, day):
    from reporter.ingest.boilerplate import title_date

    assert title_date(title) == day



def test_an_article_without_a_source_is_named_by_its_title_never_its_file_name(tmp_path):
    """Summary items and the digest end with the outlet: the publisher, else the URL's host,
    else the first words of the article's title; the file an article was read from is nobody's name."""
    from conftest import run_reporter

    plain = tmp_path / "notes-from-the-desk-7.txt"
    plain.write_text("Harbour bridge reopens after repairs\n\nThe harbour bridge in Port Liria reopened on "
                     "Monday after six months of repairs costing 40 million crowns, the city council said.\n\n"
                     "Traffic engineers expect 30,000 vehicles a day to use it again by the end of the month.\n",
                     encoding="utf-8")
    hosted = tmp_path / "ferry.json"
    hosted.write_text('{"title": "Ferry timetable changes", "url": "https://news.example.org/ferry", "body": '
                      '"The island ferry will run every 40 minutes from June, the operator said. Fares stay the '
                      'same for residents."}', encoding="utf-8")
    res = run_reporter("build", str(plain), str(hosted), "--out", str(tmp_path / "out"), "--format", "docx",
                       env={"SOURCE_DATE_EPOCH": "1713571200"})
    assert res.returncode == 0, res.stderr
    import docx

    text = "\n".join(p.text for p in docx.Document(res.stdout.split()[0]).paragraphs)
    front = text.split("Annex: the articles")[0]
    assert "notes-from-the-desk-7" not in text
    assert "\u201cHarbour bridge reopens after\u2026\u201d" in front and "news.example.org" in front


def test_two_countries_census_messages_in_one_month_are_two_stories():
    from reporter.stories import group_stories

    one = _article("Chief Statistician's message on the census",
                   "The census in Canada reached a record response this year, and Statistics Canada thanks every "
                   "household that took part during the COVID-19 pandemic.",
                   "The National Statistician's office will publish the first census results for Canada in June 2021.",
                   published=date(2021, 3, 10))
    two = _article("Census statistics designated as National Statistics",
                   "The census in England and Wales reached a record response this year, and the National "
                   "Statistician thanks every household that took part during the COVID-19 pandemic.",
                   "The Office for Statistics Regulation will publish its review of the census for Wales in June 2021.",
                   published=date(2021, 3, 12))
    stories = group_stories([one, two])
    assert len(stories.stories) == 2
