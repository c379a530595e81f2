"""Stories, not files: articles grouped into the stories a reader would count.

Three relations, strongest first:

- **exact duplicates**: the same words (the same text given as .txt, .html and .json);
- **near-duplicates**: a syndicated copy or the same release on two sites, found by
  datasketch's MinHash sketches of word shingles (so no pair of bodies is ever compared
  string by string), for the pairs whose TF-IDF vectors are close enough to be copies;
- **one event**: different articles about the same thing, found by the cosine of their
  TF-IDF vectors, when they also name the same people, bodies and places (the cosine of
  their proper names' TF-IDF vectors: two central banks' rate statements share every
  word of the topic but no name) or state the same figures (a statistics release and a
  report of it), and were published close in time (the cosine weighs half as much for every
  HALF_LIFE_DAYS beyond a month between their dates, unless their names are alike enough
  to be the event itself: a page's date may be its copy's; an undated page is dated by the
  latest month its opening states), and are not one headline template about two subjects
  (one minister's calls with two counterparts, one agency's loans for two disasters).

Duplicates merge into one copy (the fullest) that lists every outlet; articles about one
event form a story with "N sources". Pure: the same articles always give the same stories
in the same order (importance, then date, then input order).

The TF-IDF vectors are sparse dicts compared through an inverted index rather than
scikit-learn's: importing ``sklearn.feature_extraction`` costs about 1.3 s on the target
machine, half of the 100-article budget, for a computation of some thirty lines.
datasketch (with numpy and scipy, 0.6 s and 17 MB) is imported only when two articles
are close enough to be copies.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Sequence

from .dates import MONTH_NUMBERS
from .ingest.boilerplate import is_boilerplate, title_date

if TYPE_CHECKING:
    from .ingest import Article

SHINGLE = 3  # words per shingle for near-duplicates
NEAR_DUPLICATE = 0.6  # share of the shorter text's shingles found in the longer one: a copy
SAME_TEXT_COSINE = 0.9  # a paraphrased copy: nearly the same words, reordered or re-edited
SAME_EVENT = 0.2  # TF-IDF cosine at or above which two articles tell one story
EVENT_DAYS = 7  # publication dates this close apart: the same days' news (see _event_cosines)
NEAR_EVENT = 0.08  # the least cosine of two articles of the same days' news that may be one event
NEAR_NAMES = 0.2  # ... and the least cosine of their names
NAME_WEIGHT = 0.5  # what their names' cosine adds to their words' for the same days' news
SAME_NAMES = 0.3  # proper-name TF-IDF cosine below which two articles are not one event
SERIES_FIGURES = 4  # figures each of two editions of a series states (see _series)
SAME_FIGURES = 3  # figures two articles state alike that make them one event (see _same_figures)
SAME_TEMPLATE = 0.6  # share of the shorter headline's words the other repeats: one headline template (see _other_subject)
SAME_ACTORS = 0.5  # names this much alike are the event itself, whatever the pages' dates say ...
ACTORS_DAYS = 183  # ... within half a year: one secretary's or agency's pages of two years are two events
CLOSE_DAYS = 31  # publication dates this close apart say nothing against one event
HALF_LIFE_DAYS = 90  # beyond that, the event cosine halves for every so many days
MAX_DF = 30  # see _cosines
CANDIDATE = 0.5  # TF-IDF cosine below which two texts cannot be copies of each other
NUM_PERM = 128
OPENING_CHARS = 2_000  # where an undated page states the month it reports (see _stated_month)
MAX_TERMS_CHARS = 60_000  # the words of an article's first 60,000 characters stand for all of it

_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", re.I)
_TOKEN = re.compile(r"[^\W\d_]{3,}|\d[\d.,]*\d|\d")
# Function words carry no topic; with two or three articles their IDF cannot tell that.
STOP_WORDS = frozenset("""
about above after again against all also among and any are around as at back be because been before
being below between both but by can could did does doing down during each even few for from further
had has have having her here hers him his how however into its itself just last like made make many may
more most much must new not now off once one only other our ours out over own said same says she should
since some still such than that the their theirs them then there these they this those through thus too
two under until upon very was way were what when where which while who whom whose why will with within
without would year years yet you your according told also per cent percent week weeks day days month
""".split())


def host(url: str | None) -> str | None:
    """The host name of an absolute URL (``https://www.example.org/x`` -> ``www.example.org``)."""
    m = _URL_HOST.match((url or "").strip())
    return m.group(1) if m else None


def outlet(article: Article) -> str | None:
    """Who published an article, as a reader names it: its outlet, else its site."""
    return article.source or host(article.url)


UNNAMED = "unnamed source"


def label(article: Article) -> str:
    """An article's outlet as a summary item or a digest ends with it: its publisher, else its
    site, else the first words of its title in quotation marks (which article, when nothing
    says who published it), else UNNAMED. Never its file's name: "notes-3.txt" tells a reader
    nothing, and a briefing e-mailed on must not show the sender's folders."""
    found = outlet(article)
    if found:
        return found
    words = article.title.split()
    if not words:
        return UNNAMED
    return "\u201c" + " ".join(words[:4]) + ("\u2026" if len(words) > 4 else "") + "\u201d"


def _lead_key(article: Article, k: int) -> tuple:
    """The copy that leads: the fullest text, then the one that says most about itself."""
    known = sum(x is not None for x in (article.source, article.url, article.published, article.author))
    return (-_size(article), -known, k)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that tell one story. ``members`` are the distinct articles (input indices,
    the lead first); ``copies[k]`` are the inputs merged into ``members[k]`` as duplicates
    of it (itself first)."""

    members: tuple[int, ...]
    copies: tuple[tuple[int, ...], ...]
    importance: float
    published: date | None

    @property
    def inputs(self) -> tuple[int, ...]:
        return tuple(i for group in self.copies for i in group)


@dataclass(frozen=True, slots=True)
class Stories:
    stories: tuple[Story, ...]
    merged: int  # inputs merged into another as exact or near duplicates
    terms: tuple[dict[str, float], ...] = ()  # each input's TF-IDF vector (unit length), for centrality

    def warnings(self) -> tuple[str, ...]:
        if not self.merged:
            return ()
        n = self.merged
        return (f"{n} duplicate input{'s' if n != 1 else ''} merged",)


def group_stories(articles: Sequence[Article]) -> Stories:
    """The stories of some articles (see the module's docstring)."""
    n = len(articles)
    if n == 0:
        return Stories((), 0)
    terms = [_terms(a) for a in articles]
    vectors = _tfidf(terms)
    if n == 1:
        return Stories((Story((0,), ((0,),), 1.0, articles[0].published),), 0, tuple(vectors))
    copies = _UnionFind(n)
    first_of: dict[str, int] = {}
    for i, a in enumerate(articles):
        key = _fingerprint(a)
        if key in first_of:
            copies.union(first_of[key], i)
        else:
            first_of[key] = i
    distinct = sorted(first_of.values())
    cosines = _cosines(vectors, distinct)
    close = sorted(pair for pair, c in cosines.items() if c >= CANDIDATE)
    specifics = [_specifics(a) for a in articles]
    for i, j in _near_duplicates(articles, close) if close else ():
        if not _other_figures(specifics[i].numbers, specifics[j].numbers):
            copies.union(i, j)
    for (i, j), c in cosines.items():
        if c >= SAME_TEXT_COSINE:
            copies.union(i, j)
    groups = copies.groups()
    heads = {min(g, key=lambda k: _lead_key(articles[k], k)): g for g in groups}  # the fullest copy leads
    event = _UnionFind(n)
    head_of = {k: h for h, g in heads.items() for k in g}
    names = _tfidf([x.names for x in specifics])
    vocabulary = [_vocabulary(a, t, x.names) for a, t, x in zip(articles, terms, specifics)]
    known = {h: next((articles[k].published for k in sorted(g) if articles[k].published), None) for h, g in heads.items()}
    # A copy's date is its group's; an undated statement's, the date its headline ends with;
    # else the latest month its opening states.
    when = [articles[k].published or known[head_of[k]] or title_date(articles[k].title) or _stated_month(articles[k])
            for k in range(n)]
    _join_events(event, _event_cosines(when, cosines, names, specifics, vocabulary), head_of)
    stories = []
    for cluster in event.groups():
        members = [h for h in cluster if h in heads]
        if not members:
            continue
        stories.append(_story(articles, members, heads))
    stories.sort(key=lambda s: (-s.importance, -(s.published or date.min).toordinal(), s.members[0]))
    merged = n - len(heads)
    return Stories(tuple(stories), merged, tuple(vectors))


def _event_cosines(when: Sequence[date | None], cosines: dict[tuple[int, int], float],
                   names: list[dict[str, float]], specifics: Sequence[Specifics],
                   vocabulary: Sequence[set[str]]) -> dict[tuple[int, int], float]:
    """The scores that can make two articles one event, weighed by how far apart in time
    they were published.

    A pair's score is its cosine when it names the same people, bodies and places
    (SAME_NAMES) or states the same figures (_same_figures). Published within EVENT_DAYS of
    each other, a pair that is at least NEAR_EVENT alike scores its cosine plus NAME_WEIGHT
    times its names' cosine: two publishers tell one earthquake or one flood in their own
    words (a wire's rescue scenes, an agency's shelter needs) but name the same province,
    town and people in the same days, which two earthquakes of a year do not. A pair of a
    series (_series: next month's jobs report) or one headline template about two subjects
    (_other_subject: one minister's calls with two counterparts) never counts. Only the pairs close enough to
    count are weighed, each in time linear in its vectors."""
    out = {}
    for (i, j), c in cosines.items():
        if c < NEAR_EVENT:
            continue
        days = _days_apart(when[i], when[j])
        same_days = days is not None and days <= EVENT_DAYS
        if c < SAME_EVENT and not same_days:
            continue
        small, large = sorted((names[i], names[j]), key=len)
        shared = sum(x * large.get(w, 0.0) for w, x in small.items())
        if same_days and shared >= NEAR_NAMES:
            score = c + NAME_WEIGHT * shared
        elif shared >= SAME_NAMES or _same_figures(specifics[i].numbers, specifics[j].numbers):
            score = c
        else:
            continue
        if _series(specifics[i].numbers, specifics[j].numbers, days):
            continue
        if days is None and _other_figures(specifics[i].numbers, specifics[j].numbers):
            continue  # one template, other figures, no dates to tell them apart: two editions of a series
        if _other_subject(specifics[i], specifics[j], vocabulary[i], vocabulary[j]):
            continue
        if _other_countries(specifics[i].names, specifics[j].names):
            continue
        same_actors = shared >= SAME_ACTORS and (days is None or days <= ACTORS_DAYS)
        out[(i, j)] = score if same_actors else score * _time_weight(when[i], when[j])
    return out


_MONTH_WORD = "|".join(sorted((m.capitalize() for m in MONTH_NUMBERS), key=len, reverse=True))
_STATED = re.compile(r"(?<![\w.])(?:(?P<day2>\d{1,2})\s+)?(?P<month>" + _MONTH_WORD + r")\.?\s+"
                     r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d\d)(?![\w.,]\d)")


def _other_countries(a: dict[str, int], b: dict[str, int]) -> bool:
    """Each names a country and none the other does: one country's statistics agency and
    another's on their censuses are two stories, however alike their words (a country's
    name in one word, as the names' keys are)."""
    from .analysis.places import is_country

    ca, cb = {w for w in a if is_country(w)}, {w for w in b if is_country(w)}
    return bool(ca) and bool(cb) and not ca & cb


def _stated_month(article: Article) -> date | None:
    """The latest month (and day, where given) an undated page's opening states with its year:
    a statistics release's reference period ("January 2019"), a wire page's caption ("Kyiv,
    April 4, 2022"), a release date ("13 April 2022"). Not the page's date, which may be later,
    but close enough to tell this month's edition of a series from last year's, and this
    week's live page from one of another season."""
    found = []
    # Every paragraph, boilerplate too: a caption dates the page as well as its story does.
    for m in _STATED.finditer(_title(article) + "\n" + "\n".join(article.paragraphs)[:OPENING_CHARS]):
        day = m.group("day") or m.group("day2")
        try:
            found.append(date(int(m.group("year")), MONTH_NUMBERS[m.group("month").lower()], int(day) if day else 15))
        except ValueError:
            continue
    return max(found, default=None)


def _days_apart(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs(a.toordinal() - b.toordinal())


def _series(a: frozenset[str], b: frozenset[str], days: int | None) -> bool:
    """Whether two articles are two editions of one series (this month's and last month's
    jobs report, two quarters' results): published more than EVENT_DAYS apart, both stating
    SERIES_FIGURES precise figures or more and sharing fewer than a quarter of them. The
    same template words and names, other figures: another event. Two reports of one event
    share its figures, or are published in the same days and may disagree on them."""
    if days is None or days <= EVENT_DAYS or min(len(a), len(b)) < SERIES_FIGURES:
        return False
    return 4 * len(a & b) < min(len(a), len(b))


def _other_figures(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts of one template state other figures: each SERIES_FIGURES precise
    figures or more, fewer than half of them shared. Two editions of a monthly release
    repeat each other's sentences around new numbers; a copy repeats its numbers too."""
    return min(len(a), len(b)) >= SERIES_FIGURES and 2 * len(a & b) < min(len(a), len(b))


def _time_weight(a: date | None, b: date | None) -> float:
    """1 for articles published within CLOSE_DAYS of each other (or of unknown date), halving
    for every HALF_LIFE_DAYS beyond: one event is reported over days or weeks, and a story
    told again a year later (next year's budget, the next rate decision) is another."""
    if a is None or b is None:
        return 1.0
    return 0.5 ** (max(0, abs(a.toordinal() - b.toordinal()) - CLOSE_DAYS) / HALF_LIFE_DAYS)


def _join_events(event: _UnionFind, cosines: dict[tuple[int, int], float], head_of: dict[int, int]) -> None:
    """Join articles into events, the closest pairs first, average link: two groups join
    when their articles' mean cosine reaches SAME_EVENT, so a chain of neighbours (A like B,
    B like C) does not put A and C in one story unless they are alike on the whole."""
    close: dict[tuple[int, int], float] = {}
    for (i, j), c in cosines.items():
        a, b = sorted((head_of[i], head_of[j]))
        if a != b:
            close[(a, b)] = max(close.get((a, b), 0.0), c)
    members: dict[int, list[int]] = {}
    for (a, b), c in sorted(close.items(), key=lambda kv: (-kv[1], kv[0])):
        if c < SAME_EVENT:
            break
        ra, rb = event.find(a), event.find(b)
        if ra == rb:
            continue
        ga, gb = members.get(ra, [ra]), members.get(rb, [rb])
        mean = sum(close.get((min(x, y), max(x, y)), 0.0) for x in ga for y in gb) / (len(ga) * len(gb))
        if mean >= SAME_EVENT:
            event.union(ra, rb)
            members[event.find(ra)] = ga + gb


def _story(articles: Sequence[Article], members: list[int], heads: dict[int, list[int]]) -> Story:
    members.sort(key=lambda k: _lead_key(articles[k], k))
    copies = tuple(tuple(sorted(heads[m], key=lambda k: (k != m, k))) for m in members)
    outlets = {o for group in copies for k in group if (o := outlet(articles[k]))}
    dates = [articles[k].published for group in copies for k in group if articles[k].published]
    # More outlets carrying a story make it weigh more; longer coverage a little more.
    words = sum(_size(articles[m]) for m in members)
    importance = round(max(len(outlets), len(members)) + 0.25 * math.log10(1 + words), 6)
    return Story(tuple(members), copies, importance, max(dates) if dates else None)


def _size(article: Article) -> int:
    return sum(len(p) for p in article.paragraphs)


def _body(article: Article) -> list[str]:
    """The paragraphs that tell the story: a department's contact block and notes to editors,
    the same under each of its releases, must not make two releases look alike."""
    skip = set(article.boilerplate)
    return [p for n, p in enumerate(article.paragraphs, 1) if n not in skip]


def _fingerprint(article: Article) -> str:
    """The same digest for the same words, whatever the format, case or spacing."""
    words = " ".join(" ".join(_body(article)).lower().split())
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


def _title(article: Article) -> str:
    """An article's headline, unless it is a page's furniture (a site's banner scraped as the
    first line): the same banner over a department's pages says nothing about their stories."""
    return "" if is_boilerplate(article.title) else article.title


def _words(article: Article) -> list[str]:
    text = _title(article) + "\n" + "\n".join(_body(article))
    return [w.lower() for w in _TOKEN.findall(text[:MAX_TERMS_CHARS])]


_SPECIFIC = re.compile(r"(?P<number>(?<![\w.,])\d[\d.,]*\d)|(?<![\w'’-])[A-Z][\w'’-]*[^\W_]")
_OPENER = ".!?:;•-–—“\"‘([\n"  # a capitalised word after one of these opens a sentence, a quote, an item
_YEAR = re.compile(r"(?:19|20)\d\d")
# Months and weekdays are capitalised but name no one: dates are weighed apart (_time_weight).
CALENDAR = frozenset(MONTH_NUMBERS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())


@dataclass(frozen=True, slots=True)
class Specifics:
    """What places an article in one event rather than in a topic: the proper names it uses
    (counts) and the figures it states."""

    names: dict[str, int]
    numbers: frozenset[str]
    headline: frozenset[str] = frozenset()  # the headline's words (not stop words nor figures)
    subjects: frozenset[str] = frozenset()  # ... that the text also uses as names: who or where it is about


def _specifics(article: Article) -> Specifics:
    """An article's proper names (capitalised words that do not open a sentence, a paragraph,
    a quotation or a bracket; lower-cased, possessives cut) and figures precise enough to be
    shared by more than chance: with a decimal point or a separator ("2.4", "105,000") or of
    four digits or more; not years, which _time_weight weighs, nor small counts ("12", "300"),
    which any two articles may state."""
    names: dict[str, int] = {}
    in_body: set[str] = set()
    numbers: set[str] = set()
    title = _title(article)
    text = title + "\n" + "\n".join(_body(article))[:MAX_TERMS_CHARS]
    for m in _SPECIFIC.finditer(text):
        w = m.group(0).lower()
        if m.group("number"):
            w = w.rstrip(".,")
            if not _YEAR.fullmatch(w) and (len(w) >= 4 or not w.isdigit()):
                numbers.add(w)
            continue
        before = text[max(0, m.start() - 4):m.start()].rstrip(" \t")
        if not before or before[-1] in _OPENER:
            continue
        w = w.removesuffix("'s").removesuffix("’s")
        if not (w.isdigit() or w in STOP_WORDS or w.rstrip(".") in CALENDAR):
            names[w] = names.get(w, 0) + 1
            if m.start() > len(title):
                in_body.add(w)
    headline = frozenset(w for w in (t.lower() for t in _TOKEN.findall(title))
                         if w not in STOP_WORDS and w[0].isalpha())
    return Specifics(names, frozenset(numbers), headline, frozenset(headline & in_body))


def _other_subject(a: Specifics, b: Specifics, vocabulary_a: set[str], vocabulary_b: set[str]) -> bool:
    """Whether two articles are one headline template about two subjects: their headlines
    share most of their words, figures aside (SAME_TEMPLATE: "Secretary's call with the
    foreign minister of X", "Agency offers disaster loans to residents affected by Y"), and
    one headline names someone or somewhere (a word its text uses as a name) that the other
    article never mentions in any form of its stem ("Norvian", "Norvia"), nor its publisher's
    name. An agency's releases of one week, or one official's calls, share the words of the
    template and the names of the agency and the official; what they are about is the name
    that differs. Two reports of one event each mention what the other's headline names."""
    small = min(len(a.headline), len(b.headline))
    if not small or len(a.headline & b.headline) < SAME_TEMPLATE * small:
        return False
    return not (_mentions(vocabulary_b, a.subjects) and _mentions(vocabulary_a, b.subjects))


STEM = 5  # letters a name and its other forms share: "Norvian" and "Norvia", "Turkish" and "Turkiye"


def _vocabulary(article: Article, terms: dict[str, int], names: dict[str, int]) -> set[str]:
    """The words of an article, its publisher's name (a ministry's readout never names its
    own country) and their stems (marked with a trailing "*")."""
    words = set(terms) | set(names) | {w.lower() for w in _TOKEN.findall(outlet(article) or "")}
    return words | {w[:STEM] + "*" for w in words if len(w) > STEM}


def _mentions(vocabulary: set[str], subjects: frozenset[str]) -> bool:
    """Whether an article mentions each of some names, in that form or another of its stem."""
    return all(w in vocabulary or (len(w) > STEM and w[:STEM] + "*" in vocabulary) for w in subjects)


def _same_figures(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two articles state the same figures: SAME_FIGURES of them at least, and at
    least a quarter of the figures of the one that states fewer (two statistics releases
    share a handful of small numbers by chance; a release and the report of it share its
    figures)."""
    shared = len(a & b)
    return shared >= SAME_FIGURES and 4 * shared >= min(len(a), len(b))


def _terms(article: Article) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in _words(article):
        if w not in STOP_WORDS:
            counts[w] = counts.get(w, 0) + 1
    return counts


def _tfidf(terms: list[dict[str, int]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors: sublinear term frequency, smoothed IDF (as scikit-learn's)."""
    n = len(terms)
    df: dict[str, int] = {}
    for t in terms:
        for w in t:
            df[w] = df.get(w, 0) + 1
    out = []
    for t in terms:
        v = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in t.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def _cosines(vectors: list[dict[str, float]], keep: list[int]) -> dict[tuple[int, int], float]:
    """Cosines of the pairs among ``keep`` that share a term, through an inverted index.

    Terms in more than half of many articles (or in more than 30) say little about which
    event an article covers and would make the index quadratic in the number of articles:
    they are left out of the sums, so such cosines read a little low.
    """
    n = len(keep)
    max_df = n if n < 10 else min(n // 2, MAX_DF)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i in keep:
        for w, x in vectors[i].items():
            postings.setdefault(w, []).append((i, x))
    width = len(vectors)
    sums: dict[int, float] = {}  # keyed i * width + j: cheaper than tuples in the inner loop
    get = sums.get
    for plist in postings.values():
        if not 2 <= len(plist) <= max_df:
            continue
        for a, (i, x) in enumerate(plist):
            base = i * width
            for j, y in plist[a + 1:]:
                key = base + j
                sums[key] = get(key, 0.0) + x * y
    return {divmod(key, width): c for key, c in sums.items()}


def _near_duplicates(articles: Sequence[Article], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs where most of the shorter text's shingles are in the other (NEAR_DUPLICATE).

    Containment rather than Jaccard: a syndicated copy is often the original cut short.
    It follows from MinHash's Jaccard estimate J and the set sizes: |A & B| = J (|A| + |B|) / (1 + J).

    Only pairs whose TF-IDF cosine makes copying possible are sketched: copies share most
    of their words, so the inverted index has already found every candidate an LSH index
    would, and a briefing of unrelated articles never loads datasketch (and numpy, scipy).
    """
    from datasketch import MinHash

    sketches: dict[int, tuple[MinHash, int]] = {}

    def sketch(i: int) -> tuple[MinHash, int]:
        if i not in sketches:
            words = _words(articles[i])
            shingles = {" ".join(words[k:k + SHINGLE]) for k in range(max(1, len(words) - SHINGLE + 1))}
            m = MinHash(num_perm=NUM_PERM, seed=1)
            m.update_batch([s.encode("utf-8") for s in sorted(shingles)])
            sketches[i] = (m, len(shingles))
        return sketches[i]

    def contained(i: int, j: int) -> bool:
        (a, na), (b, nb) = sketch(i), sketch(j)
        jac = a.jaccard(b)
        return jac * (na + nb) / (1 + jac) >= NEAR_DUPLICATE * min(na, nb)

    return [(i, j) for i, j in pairs if contained(i, j)]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
