"""Places: a maintained gazetteer (ISO 3166 countries and their subdivisions, from pycountry)
plus one generic rule for the cities no country list holds.

- A capitalised run is a place when its whole text is a country (name, common or official
  name) or a subdivision ("Bavaria", "New South Wales"). Word by word, only countries count:
  a subdivision such as "Victoria" or "Georgia" is also a given name.
- A city is found by how it is written, not by a list: a run followed by a comma and a
  known place ("Lusaka, Zambia", "Austin, Texas"), or a dateline opening the article
  ("CẦN THƠ, Vietnam —", "NAIROBI —").

Loading cost matters (a briefing is a short process): importing pycountry builds its lookup
indexes (about 0.1 s), so the names are read straight from the ISO databases it ships, once,
on first use; if that layout ever changes, pycountry's own API is the fallback.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

# Names news text uses that ISO 3166 does not list as such: short forms, continents, regions.
ALIASES = frozenset(fold(w) for w in (
    "US", "USA", "U.S.", "UK", "U.K.", "EU", "UAE", "Britain", "Great Britain", "America", "Americas", "Europe",
    "Asia", "Africa", "Oceania", "Antarctica", "Arctic", "Caribbean", "Latin America", "North America",
    "South America", "Central America", "Middle East", "South Korea", "North Korea", "Russia", "Iran", "Syria",
    "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan", "Palestine", "Kosovo", "Turkey",
    "Czech Republic", "Ivory Coast", "Democratic Republic of the Congo", "Congo", "Holland", "England", "Scotland",
    "Wales", "Northern Ireland", "Sub-Saharan Africa", "Southeast Asia", "South Asia", "East Africa",
    "West Africa", "Horn of Africa", "Sahel", "Balkans", "Gulf", "Pacific", "Atlantic"))
# Subdivisions named by a generic word ("Central", "Western", "Coast", "Est"): a word, not a place.
GENERIC_WORDS = frozenset("""central north south east west western eastern northern southern centre center middle
upper lower coast coastal lakes lake plateau littoral island islands river valley mountain mountains highlands
lowlands capital city border est ouest nord sud centre-est centre-nord centre-sud maritime savanes kara
national federal district""".split())
_NAME = re.compile(r'"(?:name|common_name|official_name)": "([^"]+)"')


def _iso_names(database: str) -> list[str]:
    """Every name in one of pycountry's ISO 3166 databases ("iso3166-1", "iso3166-2")."""
    from importlib.util import find_spec
    from pathlib import Path

    # find_spec locates the package without running its __init__ (which builds the indexes).
    spec = find_spec("pycountry")
    try:
        folder = Path(next(iter(spec.submodule_search_locations)))
        text = (folder / "databases" / f"{database}.json").read_text(encoding="utf-8")
    except (AttributeError, TypeError, StopIteration, OSError):
        text = ""
    names = _NAME.findall(text)
    if names:
        return names
    import pycountry

    table = pycountry.countries if database == "iso3166-1" else pycountry.subdivisions
    return [n for item in table for n in (getattr(item, "name", None), getattr(item, "common_name", None),
                                           getattr(item, "official_name", None)) if n]


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded country names (and the aliases above)."""
    return frozenset(fold(n) for n in _iso_names("iso3166-1")) | ALIASES


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Folded names of countries and of their subdivisions."""
    return countries() | (frozenset(fold(n) for n in _iso_names("iso3166-2")) - GENERIC_WORDS)


def is_country(folded: str) -> bool:
    return folded in countries()


def is_place(folded: str) -> bool:
    """A place the gazetteer knows, or its city ("new york city", "kansas city")."""
    return folded in gazetteer() or folded.endswith(" city") and folded[:-5] in gazetteer()


def city_before(text: str, end: int) -> bool:
    """Whether the run ending at ``end`` is followed by ", <known place>" ("Lusaka, Zambia")."""
    if text[end:end + 2] != ", ":
        return False
    m = _NEXT_RUN.match(text, end + 2)
    return m is not None and is_place(fold(m.group().rstrip(".,;:")))


_NEXT_RUN = re.compile(r"[A-Z][\w’'\-.]*(?: [A-Z][\w’'\-.]*){0,3}")
_DATELINE = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ỹ][A-ZÀ-ÖØ-ÞĀ-Ỹ’'\-. ]{1,40}?)(?:,\s|\s[—–-]\s)")


def dateline(first_paragraph: str) -> str | None:
    """The place of a dateline ("NAIROBI —", "CẦN THƠ, Vietnam —"), title-cased, or None."""
    m = _DATELINE.match(first_paragraph)
    if m is None:
        return None
    name = m.group(1).strip()
    if not name.isupper() or len(name) < 3:
        return None
    return name.title()


__all__ = ["ALIASES", "GENERIC_WORDS", "city_before", "countries", "dateline", "gazetteer", "is_country", "is_place"]
