"""Boilerplate is not content: what a page says about itself rather than about the story.

``strip_boilerplate(paragraphs)`` tells an article's body from what surrounds it: contact blocks, phone numbers and e-mail addresses, "Notes to editors" and
what follows them, end marks ("###", "-ends-"), sharing prompts, photo captions and
credits, attribution notes ("The below is attributable to ..."), and the furniture of a
scraped page (navigation and breadcrumbs, "Share this", cookie banners, "Related articles",
tags, newsletter and feedback prompts, footers, "Published/Updated" lines). A byline ("By Jane Doe")
and a dateline ("WASHINGTON, April 26, 2006 --") become the article's author, place and
date, and the dateline is cut from the paragraph it opens; a page's own stamps ("Published
3 March 2025", "Last updated: ...", "From: Department for Transport") give its date and
publisher.

The rules are patterns of form (a line that is mostly a phone number, a label ending in a
colon followed by contact details, a short line that names a photo), never phrases of one
site. Pure: no I/O, the same paragraphs always give the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ..dates import MONTH_NUMBERS

# "+44 20 7946 0000", "020 7946 0000", "(202) 555-0100": with an area code in brackets one
# more group is enough.
PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?\d{2,5}(?:[\s.-]\d{2,5}){1,4}"
                   r"|\d{2,5}(?:[\s.-]\d{2,5}){2,4})(?![\w.])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# A paragraph that is only an end mark: "###", "- ends -", "-30-", "ENDS".
END_MARK = re.compile(r"[#*=~_\-–— ]{3,}|[-–— ]*(?:ends?|30)[-–— ]*", re.I)
# Labels that open a block about the release rather than the story.
SECTION_LABEL = re.compile(
    r"(?:notes?|information)\s+(?:to|for)\s+(?:editors?|journalists?)|about\s+(?:the\s+)?[\w .&'-]{2,60}"
    r"|(?:media|press|news)\s+(?:contacts?|enquir(?:y|ies)|inquir(?:y|ies)|office|section|desk)"
    r"|(?:for\s+)?(?:further|more|technical)\s+information|contacts?",
    re.I)
# "Media contact: ...", "For media inquiries: ...", "Press office: ...".
# A note on where else the words are: "A video of the speech can be found on YouTube. Full transcript below."
MEDIA_NOTE = re.compile(r"\b(?:a )?(?:video|recording|audio) of (?:the|this) (?:speech|event|statement|briefing|remarks|"
                        r"press conference)\b[^.]{0,60}\b(?:can be|is) (?:found|watched|viewed|seen)|\b(?:full )?transcript "
                        r"(?:is )?below\b", re.I)
CONTACT_OPENING = re.compile(
    r"(?:for\s+)?(?:media|press|news|journalists?)\b[^.:]{0,40}(?::|\b(?:contact|enquir|inquir))"
    r"|(?:(?:for\s+)?(?:further|more|technical)\s+information|contacts?(?:\s+(?:information|info|details))?)\s*[:,-]", re.I)
SHARE = re.compile(r"(?:share|print|email|tweet|follow)\b.{0,30}\b(?:page|article|story|us|this|facebook|twitter|"
                   r"linkedin|whatsapp|bluesky|mastodon|threads|instagram|youtube|x)\b.{0,20}", re.I)
CAPTION = re.compile(r"(?:photo|image|picture|video|graphic|illustration|credit|caption)s?\s*(?:credit)?\s*[:|(]"
                     r"|\((?:photo|image|credit)[^)]*\)\s*$", re.I)
# Where someone stands in a picture: "Jane Doe, second from left, talks to ...", "(left)".
CAPTION_POSITION = re.compile(r",\s+(?:(?:second|third|fourth|far)\s+)?(?:from\s+)?(?:left|right|centre|center)\s*,"
                              r"|\((?:left|right|centre|center|pictured)\)", re.I)
# A short line about the web page itself: "Official websites use .gov", "Secure websites use
# HTTPS", "A lock ( ) or https:// means ...", "Printable version", "View the full report online".
SITE = re.compile(r"\b(?:web\s?sites?|web\s?pages?|https?\b|printable\s+version|cookies|browser|online\s*:)"
                  r"|(?<!\w)\.(?:gov|org|com|eu|int)\b", re.I)
# The banner above every page of a government site: "U.S. flag", "An official website of the
# United States government", "Here's how you know", "Dot gov", "HTTPS", and the lock's explanation.
BANNER = re.compile(r"u\.?s\.?\s+flag|an\s+official\s+website\s+of\s+the\s+[\w .,'’-]{3,60}?\s+government"
                    r"|here['’]s\s+how\s+you\s+know|government\s+website|dot\s+gov|https", re.I)
LOCK = re.compile(r"\ba\s+lock\s*\(.{0,12}\)\s*or\s+https://", re.I)
# An instruction for using the page: "Click Read more at the bottom of a teaser", "Tap the
# image to enlarge", "Scroll down for the full list".
UI_INSTRUCTION = re.compile(r"(?:please\s+)?(?:click|tap|double-click|scroll|swipe|hover)\b", re.I)
# ... anywhere in a short line: "Related stories Click here for the latest headlines."
CLICK_HERE = re.compile(r"\b(?:click|tap)\s+here\b", re.I)
# A picture's credit or a page's copyright line: "… © European Union (2023)".
_RIGHTS = re.compile(r"\b(?:19|20)\d\d\b|rights\s+reserved|\bcrown\s+copyright", re.I)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}\b|\bcopyright\s+(?:\d{4}|©)", re.I)
# The page about itself: "… are posted separately on our Press Release page", "on this page".
OWN_PAGE = re.compile(r"\b(?:on|to|from|visit|see)\s+(?:our|this)\s+(?:[\w-]+\s+){0,3}(?:page|site|website)\b", re.I)
# A page's own lines: a transcript's list of subjects, a footer's review stamp or "Back to top",
# a release's number and contact line ("HUD No. 00-83 Further Information: For Release …").
PAGE_LINES = re.compile(r"(?:subjects?|topics?)\s*:\s|.{0,80}\b(?:content\s+last\s+reviewed|back\s+to\s+top|content\s+created\s+by)\b"
                        r"|[A-Z]{2,6}\s+No\.\s+\d[\d-]*\b.{0,60}\b(?:for\s+release|further\s+information|contact)\b", re.I)
# A photograph's caption that places its people: "(L red tie)", "(c)", "(r)"; not a party's tag
# ("(R-KY)", "(D-PA)").
_PLACED = re.compile(r"\((?:l|r|c|left|right|center|centre)(?:\)|[\s,][^()]{0,20}\))", re.I)
# A transcriber's note about the text: "Please Note: This transcript is not edited and may contain errors."
TRANSCRIPT_NOTE = re.compile(r"(?:please\s+note:?\s+)?(?:this|the\s+following)\s+(?:transcript|text)\s+(?:is|has|was|may)\b"
                             r".{0,120}\b(?:edited|errors?|verbatim|checked|proof-?read)"
                             # "This is a provisional translation by an external company for reference purpose only."
                             r"|(?:this|the\s+following)\s+is\s+an?\s+(?:provisional|unofficial|informal)\s+translation\b", re.I)
# A republisher's or transcriber's frame: "Below is the text of the statement made by …",
# "Read the transcript of the press conference in full below."
TEXT_FRAME = re.compile(r"(?:(?:below|the\s+following)\s+is\s+(?:the\s+)?(?:full\s+)?(?:text|transcript)\s+of\b"
                        r"|read\s+the\s+(?:full\s+)?(?:text|transcript)\b.{0,80}\bbelow\b)", re.I)
# A notice about the page's own standing, as archives print above every old page: "You have
# accessed part of a historical collection ... may be outdated and links may not function.
# Please contact the Webmaster", "This page has been archived".
# A release's embargo terms, not its news: "Advance copies … are embargoed until 8:30 a.m.",
# "Under embargo until 00:01 Tuesday".
EMBARGO_NOTICE = re.compile(r"(?i)\b(?:embargoed\s+(?:until|till|to)|under\s+(?:strict\s+)?embargo|embargo\s*:|"
                            r"lock-?up\s+conditions)")
ARCHIVE_NOTICE = re.compile(r"\b(?:accessed\s+(?:part\s+of\s+)?(?:a|an|the)\s+historical\s+(?:collection|archive)|archived\s+(?:content|pages?|material|web\s?sites?)"
                            r"|(?:page|content|item|release)\s+(?:has\s+been|was|is)\s+archived"
                            r"|published\s+under\s+the\s+(?:\d{4}\s+to\s+\d{4}\s+)?[\w ,&'’-]{0,80}\bgovernment"
                            r"|(?:may\s+be|contains?)\s+(?:outdated|out\s+of\s+date)|links?\s+may\s+(?:(?:not|no\s+longer)\s+(?:function|work)|be\s+broken)"
                            r"|provided\s+for\s+historical\s+purposes|historical\s+material\s+reflecting"
                            r"|this\s+is\s+not\s+the\s+current\s+[\w.-]+\s+web\s?site"
                            r"|contact\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}webmaster)\b", re.I)
# A release's issue line: "DEPARTMENT OF X News Release (2008/0058) issued by the Y Network on 16 May 2008".
ISSUE_LINE = re.compile(r".{0,80}\b(?:news|press|media)\s+release\b.{0,40}\b(?:issued|published|distributed|released)\s+(?:by|on)\b",
                        re.I)
# A republisher's credit to the page it copied, with that page's date: "Reproduced from the
# Ministry of X, published on Friday 8 July 2016", "Met dank overgenomen van X, gepubliceerd op …".
CREDIT_LINE = re.compile(r"(?:(?:with\s+)?thanks\s+to|courtesy\s+of|met\s+dank|(?:reproduced|republished|reprinted|taken|copied|overgenomen)\s+(?:from|van)\b)"
                         r".{0,120}?\b(?:published|posted|issued|gepubliceerd|publié|veröffentlicht|publicado|pubblicato)\b", re.I)
# A series' standing definition under its title, the same in every edition: "The Consumer Price
# Index (CPI) is a measure of household inflation and includes statistics about ...".
DEFINITION = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,6}(?:\([A-Z][A-Za-z]{1,9}\)\s+)?(?:is|are|measures)\s+"
                        r"(?:(?:a|an|the)\s+(?:\w+\s+)?(?:measure|gauge|indicator|index|estimate|survey)s?\s+of\b"
                        r"|(?:the\s+)?(?:average\s+)?changes?\s+(?:over\s+time\s+)?in\b)")
# A publication's standing notes about itself: its schedule ("The Daily is released Monday to
# Friday at 8:30 a.m."), a pointer to a link ("... video message can be found here").
SCHEDULE = re.compile(r"\b(?:is|are)\s+(?:released|published|issued|updated|sent(?:\s+out)?|posted|e-?mailed)\s+"
                      r"(?:every|each|daily|weekly|monthly|quarterly"
                      r"|annually|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b"
                      r"|^the\s+next\s+(?:[\w-]+\s+){0,4}(?:will\s+be|is\s+(?:due|scheduled)\s+to\s+be)\s+"
                      r"(?:published|released|issued)\b", re.I)
LINK_PROMPT = re.compile(r"\b(?:can|may)\s+be\s+(?:found|viewed|watched|read|seen|accessed|downloaded|heard)\s+"
                         r"(?:here|online|below)\b|\b(?:is|are)\s+available\s+(?:here|online)\b", re.I)
# The publisher on its own output ("... means we have reviewed the existing labour market
# releases and suspended some publications"), a live page's line about itself ("The latest
# developments in the war.").
OWN_RELEASES = re.compile(r"\b(?:we|our)\b(?=.*\b(?:releases|publications?|bulletins?)\b)"
                          r"|^the\s+latest\s+(?:developments|news|updates|headlines)\s+(?:in|on|from|about)\b", re.I)
# An advertisement's call to action closing a short line: "... Jobs - JOIN NOW", "| SIGN UP".
CALL_TO_ACTION = re.compile(r"[-–—|]\s*[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2}\s*!?$")
# Page furniture: what a site prints around every story, whole lines of a few words.
# Navigation and breadcrumbs, sharing and printing, cookie banners, "Related articles" and
# reading prompts, tags, image credits, newsletters, feedback prompts, footers.
_NAV_WORDS = (r"home|menu|main\s+menu|search|navigation|breadcrumbs?|contents|table\s+of\s+contents|"
              r"advertisement|advert|sponsored(?:\s+content)?|comments?|leave\s+a\s+(?:comment|reply)|print|share|"
              r"next(?:\s+(?:article|story|page))?|previous(?:\s+(?:article|story|page))?|back|more|close|"
              r"accessibility\s+links|breaking\s+news|imprint|(?:left\s+|main\s+)?navigation(?:\s+path)?|you\s+are\s+here|top\s+stories|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|latest(?:\s+news)?")
FURNITURE = re.compile(
    r"(?:" + _NAV_WORDS + r")\s*:?"
    r"|skip\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+|site\s+|page\s+)?(?:content|navigation|search|options)|skip\s+navigation"
    r"|(?:skip\s+(?:directly\s+)?to\b(?:(?!skip\b)[\s\S]){1,30}){2,}[\s\S]{0,40}"  # a row of skip links, and the home link after it
    r"|back\s+to\s+(?:top|the\s+top)"
    r"|you\s+are\s+here\s*:.*"
    r"|home\s*[>»›/|].*"  # a breadcrumb trail
    r"|print(?:\s+this)?(?:\s+(?:page|article|story))?|print\s+(?:friendly|version)"
    r"|share\s+(?:this|on|via|the)\b.{0,60}"
    # a share bar: "18 SHARES Share Tweet Mail ..."
    r"|\d[\d,.]*k?\s+shares?\s+(?:(?:share|tweet|like|mail|e-?mail|print|pin|reddit|pocket|buffer|whatsapp|facebook"
    r"|twitter|linkedin|google\+?)(?!\w)\W*){2,}.{0,200}"
    r"|(?:accept|reject|allow|manage|refuse|decline)\s+(?:all\s+|additional\s+|optional\s+|analytics\s+)?cookies\b.{0,40}"
    r"|cookie\s+(?:settings|preferences|policy|notice|banner)\b.{0,40}"
    r"|(?:this\s+(?:site|website)|we)\s+uses?\s+(?:some\s+)?(?:essential\s+|necessary\s+)?cookies\b"
    r"(?=.*\b(?:site|website|experience|brows\w*|analytics|consent|agree|preferences|personalis\w*|personaliz\w*)\b).{0,240}"
    r"|related(?:\s+(?:articles?|content|stories|news|links|topics|pages|posts|reading|coverage))?\s*:?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)\b.{0,40}"
    r"|(?:read|see|watch|listen)\s+(?:more|next|also|the\s+(?:video|full\s+\w+))\b[^,;]{0,60}|see\s+also\b[^,;]{0,60}"
    r"|more\s+(?:from|on|about|in|news|stories|articles|like\s+this)\b.{0,50}"
    r"|listen\s+to\s+this\s+(?:article|story)\b.{0,20}|\d{1,2}\s*(?:-\s*)?min(?:ute)?s?\s+read"
    r"|(?:tags?|topics?|categor(?:y|ies)|sections?|filed\s+under|keywords|tagged)\s*:.{0,160}"
    # a language switcher, a tool bar, a government banner's prompt
    r"|(?:other\s+)?(?:available\s+)?languages?\s*:.{0,80}|(?:additional\s+|page\s+)?tools"
    r"|here(?:['’]s|\s+is)\s+how\s+you\s+know"
    r"|(?:syndicate\s+content|rss\s+feeds?|subscribe\s+to\s+(?:this\s+)?feed)\b.{0,80}"
    # an image's alternative text on a line of its own: "U.S. flag", "Department logo"
    r"|(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,3}(?:flag|logo|icon|emblem|crest)"
    r"|(?:subscribe|sign\s+up|register)\b.{0,40}\b(?:newsletters?|updates|alerts|e-?mails?|briefings?|podcast)\b.{0,40}"
    r"|follow\s+us\b.{0,60}"
    r"|(?:is|was)\s+this\s+(?:page|article|information)\s+(?:useful|helpful)\b.{0,40}"
    r"|report\s+a\s+problem\b.{0,40}|give\s+(?:us\s+)?feedback\b.{0,40}"
    r"|(?:copyright\s*)?(?:©|\(c\)|copyright\s+\d{4}).{0,100}|all\s+rights\s+reserved\.?"
    r"|click\s+here\b.{0,80}"
    r"|(?:download|view|read)\b.{0,80}\((?:pdf|docx?|xlsx?|csv|odt|ods|pptx?)\b[^)]{0,30}\)\.?",
    re.I)
# A line of footer links: "Privacy policy | Terms of use | Accessibility".
_FOOTER_LINK = (r"(?:privacy(?:\s+(?:policy|notice|statement))?|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions))?|"
                r"accessibility(?:\s+statement)?|cookies?(?:\s+(?:policy|settings))?|contact(?:\s+us)?|sitemap|"
                r"site\s+map|about(?:\s+us)?|careers|jobs|help|faqs?|rss|freedom\s+of\s+information|disclaimer|"
                r"legal(?:\s+notice)?|copyright)")
FOOTER = re.compile(_FOOTER_LINK + r"(?:\s*[|·•/]\s*" + _FOOTER_LINK + r")+", re.I)
# An image's credit line: "Getty Images", "Jane Doe/AFP via Getty Images", "(Reuters/Jane Doe)".
PICTURE_AGENCY = re.compile(r"\b(?:getty\s+images|shutterstock|alamy|istock(?:photo)?|ap\s+photo|pa\s+(?:images|wire|media)"
                            r"|(?:afp|reuters|epa|ap|anadolu)\s*(?:/|via)|/\s*(?:afp|reuters|epa|ap|anadolu)\b)", re.I)


# "For release at 2:00 p.m. EDT", "For immediate release", "Embargoed until 00:01 ...".
RELEASE = re.compile(r"(?:for\s+(?:immediate\s+)?release|immediate\s+release|embargoed?\b(?:\s+(?:until|till|to))?)\b", re.I)
EMBARGOED = re.compile(r"\b(?:is|are)\s+embargoed\b", re.I)
ATTRIBUTABLE = re.compile(r"(?:the\s+)?(?:below|following|above)\s+(?:statement\s+)?is\s+attributable\s+to\b"
                          r"|(?:the\s+)?(?:below|following|above)\s+(?:[\w-]+\s+){0,3}(?:was|is|has\s+been)\s+"
                          r"(?:published|issued|released|reproduced|posted|first\s+published)\b", re.I)
BYLINE = re.compile(r"(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by)\s+([A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|al|bin))"
                    r"{0,4}(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,4})*)"
                    r"(?:\s*[,|·]\s*[\w .'-]{0,60})?$")
_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
DATELINE = re.compile(
    r"(?:[A-Z]{2,6}\s+[-–—]\s+)?"  # a news service's name before the place: "AFPS - WASHINGTON, June 10, 2014 –"
    r"(?P<place>[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,4}(?:,\s*[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})?)"
    r"\s*(?:[,(]|[-–—]\s*\(|\s[–—]\s(?=(?i:" + _MONTH + r")\.?\s+\d))\s*"  # "Washington, DC – November 16, 2007 …" too
    r"(?:(?P<month>(?i:" + _MONTH + r"))\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"  # "October 30th, 2019"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>(?i:" + _MONTH + r"))\.?(?:\s+(?P<year2>\d{4}))?)\)?"
    r"(?:\s*\((?P<agency>[A-Z][\w .&'-]{1,30})\))?"
    r"\s*(?:[-–—]{1,2}|/[A-Z][\w ]{1,30}/\s*[-–—]*|:|(?:(?<=\d{4})|(?<=\d{4}\)))(?=\s+[A-Z]))"
    r"(?:\s+|(?<=[–—])(?=[A-Z]))")  # (a dash run into the lede: "February 22, 1999—Peace Corps …")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An article's paragraphs with its boilerplate marked, and what it told about the article.

    Boilerplate paragraphs stay in place, marked by number (1-based, as ``¶N``), so every
    paragraph keeps the number a reader and a truth file give it; the summary and the
    digest pass them by. Subheadings that are boilerplate are dropped.
    """

    paragraphs: tuple[str, ...]
    subheadings: tuple[tuple[int, str], ...] = ()
    boilerplate: tuple[int, ...] = ()
    author: str | None = None
    place: str | None = None
    published: date | None = None
    lists: tuple[tuple[int, str], ...] = ()  # (¶N, "bullet" or "number"): list items, their markers cut
    source: str | None = None  # who the page says it is from


LIST_ITEM = re.compile(r"(?:(?P<bullet>[-*•‣▪])|(?P<number>\d{1,3})[.)])\s+(?=\S)")


def list_items(paragraphs: Sequence[str]) -> tuple[list[str], tuple[tuple[int, str], ...]]:
    """Paragraphs without their list markers, and which were items of which kind.

    A marker counts when a neighbouring paragraph has one of the same kind (a list has two
    items at least), so a sentence that happens to open with "3. " stays text.
    """
    kinds = []
    for p in paragraphs:
        m = LIST_ITEM.match(p)
        kinds.append(None if not m else "bullet" if m.group("bullet") else "number")
    texts = list(paragraphs)
    items = []
    for i, kind in enumerate(kinds):
        if kind and ((i > 0 and kinds[i - 1] == kind) or (i + 1 < len(kinds) and kinds[i + 1] == kind)):
            texts[i] = paragraphs[i][LIST_ITEM.match(paragraphs[i]).end():]
            items.append((i + 1, kind))
    return texts, tuple(items)


def contact_details(text: str) -> bool:
    """Whether a text holds a phone number or an e-mail address."""
    return bool(("@" in text and EMAIL.search(text)) or _phone(text))


_CONTACT_LABEL = re.compile(r"\b(?:tel|telephone|phone|fax|e-?mail|mobile)\b\.?\s*:", re.I)


def headline(title: str) -> str:
    """A title without the contact block it runs on into: a PDF's header block read as one
    line ("... Press release 3341st Council meeting ... Tel.: +32 2 281 6319 press@...") is
    cut where its first phone number, e-mail address, web address or contact label begins,
    since no headline carries them. A title that would be left with fewer than three words
    stays whole."""
    title = _tidy_headline(title)
    lead = _CONTACT_LEAD.match(title)
    if lead and len(title[lead.end():].split()) >= 3:
        title = title[lead.end():]  # "Contact: press@... EPA Announces ...": the contact line ran into it
    starts = [m.start() for m in (_CONTACT_LABEL.search(title), EMAIL.search(title), URL.search(title)) if m]
    starts += [m.start() for m in PHONE.finditer(title) if sum(c.isdigit() for c in m.group(0)) >= 7][:1]
    if not starts:
        return title
    cut = title[:min(starts)].rstrip(" \t,;:–—-|(")
    return cut if len(cut.split()) >= 3 else title


# "Contact: press@agency.gov", "Media contact: Jane Doe, +1 202 555 0100" opening a title line.
_CONTACT_LEAD = re.compile(r"(?:(?:media|press|news)\s+)?contacts?\s*:\s*(?:[^\s@]+@\S+|[+()\d][\d\s().-]{6,}\d)\s*", re.I)
# A republisher's frame around a headline: "• PRESS RELEASE : <headline> [April 2024]", or a site's
# section before it in the page's title ("Press Releases: <headline>").
_KIND_LEAD = re.compile(r"(?:[-*•‣▪]\s+)?(?:(?:(?:press|news|media)\s+releases?|statement|news\s+story|speech|readout|"
                        r"blog\s+post)\s*:\s+)?", re.I)
_BRACKETED_TAIL = re.compile(r"\s*[\[(](?:(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
                             + r")\.?\s+)?\d{4}[\])]$", re.I)


def _tidy_headline(title: str) -> str:
    """A headline without the list marker, kind label and bracketed date a republisher framed
    it in; a headline that would be left with fewer than three words stays whole."""
    s = title.strip()
    s = s[_KIND_LEAD.match(s).end():]
    s = _BRACKETED_TAIL.sub("", s)
    return s if len(s.split()) >= 3 else title


def same_headline(a: str, b: str) -> bool:
    """Whether two lines are one headline (a page repeats its title as its first paragraph,
    framed or not)."""
    def key(t: str) -> str:
        return "".join(ch for ch in _tidy_headline(t).casefold() if ch.isalnum())
    return bool(key(a)) and key(a) == key(b)


def _phone(text: str) -> bool:
    return _phones(text, 1) > 0


def _phones(text: str, enough: int = 3) -> int:
    """How many phone numbers a text holds (counting stops at ``enough``)."""
    found = 0
    for m in PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group(0))
        if digits >= 7 and not re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{4}-\d{2}-\d{2}", m.group(0).strip()):  # not 1,200,000 nor a date
            found += 1
            if found >= enough:
                break
    return found


# A link to related material, as a release's "See also" list gives it: a title with its kind
# and date in brackets at the end ("Council adopts X (press release, 21 March 2023)").
RELATED_LINK = re.compile(r".{3,300}?[\[(](?:(?:press|news|media)\s+releases?|statements?|news(?:\s+stor(?:y|ies)|\s+items?)?"
                          r"|speech(?:es)?|remarks|readouts?|fact\s?sheets?|blog\s+posts?|background(?:\s+(?:brief|note))?"
                          r"|infographics?|videos?|reports?|publications?|factsheets?)\s*,\s*(?:\d{1,2}\s+)?(?:"
                          + _MONTH + r")\.?(?:\s+\d{1,2},?)?\s+\d{4}\s*[\])]\.?", re.I)


def is_boilerplate(text: str) -> bool:
    """Whether one paragraph (or line) is about the release rather than the story."""
    s = text.strip()
    if not s:
        return True
    words = len(s.split())
    if END_MARK.fullmatch(s):
        return True
    if ATTRIBUTABLE.match(s) or (words <= 12 and RELEASE.match(s)) or (words <= 25 and EMBARGOED.search(s)):
        return True
    if words <= 12 and BANNER.fullmatch(s.rstrip(". ")) or words <= 45 and LOCK.search(s):
        return True
    if CONTACT_OPENING.match(s) and words <= 60:
        return True
    if _phones(s) >= 3:
        return True  # a contact block: three phone numbers are no story's words
    if words <= 25 and (SITE.search(s) or CALL_TO_ACTION.search(s) or UI_INSTRUCTION.match(s) or CLICK_HERE.search(s)
                        or OWN_PAGE.search(s)):
        return True
    if words <= 40 and (COPYRIGHT.search(s) and (words <= 15 or _RIGHTS.search(s)) or TEXT_FRAME.match(s)
                        or TRANSCRIPT_NOTE.match(s) or PAGE_LINES.match(s)):
        return True  # (a long sentence with a "©" and no year or rights in it names a work: "… publishing “© The Way Ahead”")
    if words <= 80 and len(_PLACED.findall(s)) >= 2:
        return True
    if words <= 60 and (ARCHIVE_NOTICE.search(s) or EMBARGO_NOTICE.search(s)):
        return True
    if words <= 25 and (SCHEDULE.search(s) or LINK_PROMPT.search(s) or MEDIA_NOTE.search(s)):
        return True
    if words <= 40 and OWN_RELEASES.search(s) and not any(ch in s for ch in "“”\""):
        return True
    if words <= 30 and (ISSUE_LINE.match(s) or CREDIT_LINE.match(s)):
        return True
    if words <= 40 and RELATED_LINK.fullmatch(s):
        return True
    if words <= 40 and DEFINITION.match(s) and not any(ch.isdigit() for ch in s):
        return True
    if words <= 12 and SHARE.fullmatch(s):
        return True
    if words <= 40 and (FURNITURE.fullmatch(s.rstrip(".!?:")) or FURNITURE.fullmatch(s)):
        return True
    if words <= 16 and (FOOTER.fullmatch(s.rstrip(".")) or stamp(s) is not None):
        return True
    if words <= 10 and PICTURE_AGENCY.search(s):
        return True
    if words > 60:
        return False  # too long for a caption or a contact line
    if words <= 40 and (CAPTION.match(s) or (s.endswith(")") and CAPTION.search(s)) or CAPTION_POSITION.search(s)):
        return True
    if words >= 6 and _doubled(s):
        return True  # a caption printed twice, as the picture's alternative text and under it
    if contact_details(s):
        # A line that is mostly contact details: few words besides the numbers and addresses.
        rest = EMAIL.sub(" ", PHONE.sub(" ", URL.sub(" ", s)))
        if len(rest.split()) <= 14:
            return True
    return False


def _doubled(text: str) -> bool:
    """Whether a paragraph is one text twice over ("X. X."): a scraped picture's alternative
    text and its caption, run together."""
    half = len(text) // 2
    return text[:half].strip() == text[half:].strip() or (text[:half + 1].strip() == text[half + 1:].strip() != "")


# A page's section or kind, printed above the headline: "News story", "Press releases",
# "In the news", "NOAA News Releases", "Secretary Statements & Remarks". The words before the
# kind are only more kinds, small words, an acronym or a site's name.
_KINDS = (r"news|(?:press\s+|news\s+|media\s+)?releases?|statements?|remarks|updates|stor(?:y|ies)|speech(?:es)?"
          r"|readouts?|briefings?|articles?|announcements?|newsroom|blogs?|press|media|transcripts?|features?")
KICKER = re.compile(r"(?:(?:" + _KINDS + r"|in|the|and|&|of|latest|recent|top|home|all|our|secretary|official|daily|weekly|midday"
                    r"|(?-i:[A-Z]{2,}[\w.]*)|[\w-]+\.(?:com|org|gov|net|eu|int|co\.uk))\s+){0,4}(?:" + _KINDS + r")", re.I)
# A body's name on its own line: "Department of State", "The Environment Agency".
ORGANISATION = re.compile(r"(?:the\s+)?(?:(?:U\.\s?S\.|US|UK|HM|EU)\s+)?(?:department|ministry|office|bureau)\s+(?:of|for)\s+"
                          r"(?-i:[A-Z])[\w'’-]+(?:\s+(?:and|of|for|the|&|(?-i:[A-Z])[\w'’-]+)){0,5}"
                          r"|(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]+\s+){1,4}(?:agency|department|ministry|office|commission"
                          r"|council|bureau|administration|service)", re.I)


_KIND_FROM = re.compile(r"(?:news|press|media)\s+releases?\s+from\s+(?:the\s+)?(?-i:[A-Z])", re.I)


def kicker(text: str) -> bool:
    """A line that names a page's section rather than its story, as scraped pages print above
    the headline: a kind of page ("News story", "Press Releases", "In the news"), or a short
    Title Case section name in parts joined by "&" or "/" ("Money & The Economy", "News /
    World")."""
    s = re.sub(r"[\s\d/.-]+$", "", text.strip()) if text.strip()[-1:].isdigit() else text.strip()  # "Daily News 30 / 04 / 2019"
    head, dash, tail = s.rpartition(" - ") if " - " in s else s.rpartition(" – ")
    if dash and len(head.split()) <= 5:
        s = tail  # "European Commission - Daily News": a body's section
    words = s.split()
    if 3 <= len(words) <= 14 and _KIND_FROM.match(s) and s[-1:] not in ".!?,;:":
        return True  # "News Releases from Headquarters": a listing of a body's pages
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in s) or s[-1:] in ".!?,;:":
        return False
    if KICKER.fullmatch(s):
        return True
    return (len(words) <= 4 and any(w in ("&", "/") for w in words)
            and all(w[0].isupper() or w in ("&", "/") for w in words if len(w) > 3 or w in ("&", "/")))


def organisation(text: str) -> str | None:
    """The name of a body standing alone as a line ("Department of State", "The Environment
    Agency"): who the page is from, not a headline."""
    s = text.strip()
    if len(s.split()) > 8 or not ORGANISATION.fullmatch(s):
        return None
    return re.sub(r"^the\s+", "", s, flags=re.I)


def is_section_label(text: str) -> bool:
    """A short label that opens a block about the release ("Notes to editors", "Media contact")."""
    s = text.strip().rstrip(":").strip()
    return len(s.split()) <= 8 and bool(SECTION_LABEL.fullmatch(s))


_STAMP = re.compile(r"(?P<what>(?:first\s+)?published|posted|released|issued|(?:last\s+)?updated|modified)"
                    r"(?:\s+by\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})?(?:\s+on)?\s*:?\s*", re.I)
_STAMP_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*;\s*")


def stamp(text: str) -> tuple[str, date] | None:
    """A paragraph that only dates the page ("Published 3 March 2025", "Last updated: 4 March
    2025", "Posted by Jane Doe on March 3, 2025", "Published 3 March | Updated 4 March 2025"):
    ("published" or "updated", the date of its first stamp)."""
    found = []
    for part in _STAMP_SEPARATOR.split(text.strip()):
        m = _STAMP.match(part)
        if not m or len(part.split()) > 12:
            return None
        when = _date_of(part[m.end():].strip().rstrip("."))
        if when is None:
            return None
        found.append((("updated" if re.search(r"updated|modified", m.group("what"), re.I) else "published"), when))
    return found[0] if found else None


_DATE_ONLY = re.compile(r"(?:(?P<month>" + _MONTH +
                        r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>" +
                        _MONTH + r")\.?,?\s+(?P<year2>\d{4})"
                        r"|(?P<iso>\d{4}-\d{2}-\d{2}))(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\w{0,4})?", re.I)


def _date_of(text: str) -> date | None:
    return _match_date(_DATE_ONLY.fullmatch(text))


def title_date(title: str) -> date | None:
    """The full date a headline ends with, as statements and readouts are titled ("Joint
    statement on cooperation: 2 October 2024"): the date of the event it reports."""
    tail = title.strip().rstrip(".)")
    for m in _DATE_ONLY.finditer(tail):
        if m.end() == len(tail):
            return _match_date(m)
    return None


def _match_date(m: re.Match | None) -> date | None:
    if not m:
        return None
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        year, month, day = _parts(m)
        return date(int(year), month, day)
    except (ValueError, KeyError):
        return None


def _parts(m: re.Match) -> tuple[str | None, int, int]:
    """(year or None, month, day) of a match of either order, "March 4, 2025" or "4 March 2025"
    (groups month/day/year or month2/day2/year2). A month word not in the table is a KeyError."""
    month = m.group("month") or m.group("month2")
    return (m.group("year") or m.group("year2"), MONTH_NUMBERS[month.lower().rstrip(".")],
            int(m.group("day") or m.group("day2")))


# "March 19, 2025", "20 June 2024", "London/Brussels, 19 May 2025": a line that only dates
# the page (with the place it was issued from), as releases and statements open.
_PLACE_PREFIX = re.compile(r"(?:[A-Z][\w'’.-]*(?:[ /-][A-Z][\w'’.-]*){0,3},\s*)?")


_WEEKDAY = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=\S)", re.I)
_BRACKETED_DATE = re.compile(r"(?P<who>[A-Z][^()]{1,60}?)\s*\((?P<when>[^()]{6,40})\)")
_LABELLED = re.compile(r"(?P<label>[A-Z][\w ]{1,20}):\s+(?P<rest>.+)")
_LOWER_RUN = re.compile(r"\b[a-z]+ (?:the|a|an) [a-z]*\b|\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b")  # a sentence's words, no field's


def date_line(text: str) -> date | None:
    """The date of a line that only dates the page: a date, perhaps after the place it was
    issued from ("Washington, March 19, 2025"), after who issued it ("Council of the EU
    (10 April 2025)"), or closing a label line of a transcript's header ("Presenter: Jane
    Doe, Press Secretary March 8, 2015"); None for anything else."""
    s = _WEEKDAY.sub("", text.strip().rstrip("."), count=1)  # "Fri. Nov 22nd, 2024", "Saturday, 4 May 2024"
    words = len(s.split())
    if words > 14:
        return None
    if (m := _BRACKETED_DATE.fullmatch(s)) and (when := _date_of(m.group("when").strip())):
        return when
    if (m := _LABELLED.fullmatch(s)) and not _LOWER_RUN.search(m.group("rest")) and (when := _trailing_date(m.group("rest"))):
        return when  # (not a headline after a kind: "Transcript: Police briefing on the shooting on Dec. 15, 2012")
    if words > 8:
        return None
    m = _PLACE_PREFIX.match(s)
    return _date_of(s[m.end():].strip()) or (_date_of(s) if m.end() else None)


def _trailing_date(text: str) -> date | None:
    """The full date a short text ends with ("... Press Secretary September 8, 2015")."""
    words = text.split()
    for k in (3, 4, 2, 1):  # "September 8, 2015", "8 September 2015 at 10:00", "2015-09-08"
        if len(words) > k and (when := _date_of(" ".join(words[-k:]).strip(" ,"))):
            return when
    return None


# "The press release issued by the Department for Education on 22 December 2022.", "The
# speech made by Jane Doe, the Foreign Secretary, in Lima on 3 May 2025.": a page's line
# about the document itself, which dates it.
_SELF_DESCRIPTION = re.compile(
    r"(?:the|this)\s+(?:[a-z-]+\s+){1,3}(?:(?:was|is|has\s+been)\s+)?(?:issued|made|published|given|delivered|released|sent)\s+by\s+"
    r"[A-Z].{2,200}?\s+on\s+(?P<when>[^.]{6,40})\.?", re.I)


def self_description(text: str) -> date | None:
    """The date of a line that says what the document is, who issued it and when."""
    m = _SELF_DESCRIPTION.fullmatch(text.strip())
    return _date_of(m.group("when").strip()) if m and len(text.split()) <= 40 else None


_FROM = re.compile(r"(?:from|published by|issued by)\s*:\s*(?P<who>[A-Z][^.!?]{2,80})$", re.I)


def publisher(text: str) -> str | None:
    """Who a page says it is from ("From: Department for Transport")."""
    m = _FROM.match(text.strip())
    return " ".join(m.group("who").split()) if m and len(m.group("who").split()) <= 10 else None


def byline(text: str) -> str | None:
    """The author's name if the paragraph is a byline ("By Jane Doe", "By Jane Doe, Reuters")."""
    s = text.strip()
    if len(s.split()) > 14:
        return None
    m = BYLINE.match(s)
    return m.group(1).strip() if m else None


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    when: date | None  # None when the dateline gives no year
    agency: str | None  # "LUSAKA, March 4 (Reuters) -": the wire that filed it
    end: int  # where the story's own words start
    # False for a date line run into its paragraph with no dash or colon ("Brussels, 31 January
    # 2018 The euro area ..."): the text keeps it (the analysis reads its date), the summary cuts it.
    separated: bool = True


def dateline(text: str) -> Dateline | None:
    """The dateline a paragraph opens with ("WASHINGTON, April 26, 2006 --", "LUSAKA, March 4
    (Reuters) -"), if any."""
    m = DATELINE.match(text)
    if not m or m.end() >= len(text):
        return _place_only(text)
    try:
        year, month, day = _parts(m)
        when = date(int(year), month, day) if year else None
        if not year:
            date(2000, month, day)  # still a real day
    except (ValueError, KeyError):
        return None
    place = " ".join(m.group("place").split()).strip(" ,")
    if not year and not (place.isupper() or m.group("agency")):
        return None  # "Yesterday, March 3 - ...": without a year only a wire's form counts
    return Dateline(place, when, m.group("agency"), m.end(), not m.group(0).rstrip()[-1:].isdigit())


# A place in the text's own case before a release's opening word of time: "Dallas - Today, the
# agency …", "Port Liria, Texas – On Monday, …" (without such a word, "Smith - the …" is no dateline).
_PLACE_BEFORE_LEDE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+)?)?) [-–—]{1,2} "
                                r"(?=(?:Today|Yesterday|Tonight|This (?:week|morning|afternoon)|On (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),)")
_PLACE_ONLY = re.compile(r"(?P<head>[^—–()\n]{2,60}?)\s*(?:\((?P<agency>[A-Z][\w .&'-]{1,30})\))?"
                         r"(?:\s*(?:—|–|--)|\s+-)(?:\s+(?=\S)|(?<=[—–])(?=[A-Z“\"]))")  # "WASHINGTON, D.C.—President …" too


def _place_only(text: str) -> Dateline | None:
    """A dateline of a place alone, in capitals ("GENEVA —", "AUSTIN, Texas (AP) —",
    "CẦN THƠ, Vietnam —", "NEW YORK - " with a typed hyphen)."""
    if (lede := _PLACE_BEFORE_LEDE.match(text)) is not None:
        return Dateline(lede.group("place"), None, None, lede.end())
    m = _PLACE_ONLY.match(text)
    if not m:
        return None
    city, _, region = m.group("head").partition(",")
    city, region = city.strip(), region.strip()
    if not city.isupper() or len(city.split()) > 4 or sum(c.isalpha() for c in city) < 4:
        return None  # ("US — China talks": an abbreviation, not a place line)
    rest = text[m.end():m.end() + 1]
    if not (rest.isupper() or rest.isdigit() or rest in "“\"‘'"):
        return None
    if region and (len(region.split()) > 3 or not all(w[:1].isupper() for w in region.split())):
        return None
    return Dateline(f"{city}, {region}" if region else city, None, m.group("agency"), m.end())


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def masthead(text: str) -> bool:
    """A page's header line above the story: short, no sentence, every word of four letters
    or more capitalised ("Department of Health Office of Public Affairs News Release")."""
    s = text.strip()
    return 3 <= len(_WORD.findall(s)) <= 20 and s[-1:] not in ".!?:;,\"”’" and title_cased(s)


def title_cased(text: str) -> bool:
    """Every word of four letters or more capitalised, at least three of them: a heading's or a
    list of titled names' case ("Feb. 19, 2020 Assistant to the Secretary of Defense Jane A. Roe;
    Vice Director of the Joint Staff John Doe, Jr."), never a sentence's, whose verbs are lower case."""
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


class _About:
    """What an article's own lines say about it: its author, its dates, its publisher."""

    def __init__(self) -> None:
        self.author: str | None = None
        self.source: str | None = None
        self.published: date | None = None
        self.updated: date | None = None

    def read(self, text: str, i: int) -> bool:
        """Take what the line at (0-based) position ``i`` tells; True if that is all it is."""
        if i < 3 and self.author is None and (name := byline(text)):
            self.author = name
            return True
        if (st := stamp(text)) is not None:
            kind, when = st
            if kind == "published" and self.published is None:
                self.published = when
            elif kind == "updated" and self.updated is None:
                self.updated = when
            return True
        if i < 4 and ((when := date_line(text)) is not None or (when := self_description(text)) is not None):
            self.published = self.published or when
            return True
        if i < 4 and self.source is None and (who := publisher(text)):
            self.source = who
            return True
        return i < 3 and masthead(text)


def strip_boilerplate(paragraphs: Sequence[str], subheadings: Sequence[tuple[int, str]] = ()) -> Cleaned:
    """Mark an article's boilerplate (see the module docstring).

    A section label ("Notes to editors", "Media contact: ...") in the last third of the
    article, where such blocks sit, marks everything after it too; elsewhere it marks only
    itself. A byline in the first three paragraphs gives the author; a dateline opening one
    of the first two paragraphs of text gives the place and date and is cut from it.
    """
    n = len(paragraphs)
    texts, items = list_items(paragraphs)
    paragraphs = tuple(texts)
    marked: list[int] = []
    about = _About()
    place = None
    tail_from = n
    tail_start = max(1, (2 * n) // 3)
    heads: list[tuple[int, int, str]] = []
    tail_head = len(subheadings)  # the subheading that opened the tail, if one did
    for j, (i, h) in enumerate(subheadings):
        if about.read(h, i):
            continue
        label = is_section_label(h)
        if label or is_boilerplate(h):
            # "Notes to editors" opens the release's tail; "Read more" or "Advertisement" between
            # the story's paragraphs is furniture that marks only itself.
            if i >= tail_start and (label or _opens_tail(h) or END_MARK.fullmatch(h.strip())) and i < tail_from:
                tail_from, tail_head = i, j
        else:
            heads.append((j, i, h))
    text_seen = 0
    for i, p in enumerate(paragraphs):
        if i >= tail_from:
            marked.append(i + 1)
            continue
        if about.read(p, i):
            marked.append(i + 1)
            continue
        label = is_section_label(p)
        if label or is_boilerplate(p):
            if i >= tail_start and (label or _opens_tail(p)):
                tail_from, tail_head = i, len(subheadings)
            marked.append(i + 1)
            continue
        if place is None and text_seen < 2 and (d := dateline(p)):
            place = d.place
            about.published, about.source = about.published or d.when, about.source or d.agency
            if d.separated:
                texts[i] = p[d.end:].lstrip()
        text_seen += 1
    if len(marked) == n:  # all of it looked like boilerplate: better the text than nothing
        marked = []
    # (a line set above the tail, under the last quotation, is no part of it: "“…”" / "Jane
    # Doe, Minister for Ports" / "For further information: …")
    heads = [(i, h) for j, i, h in heads if i < tail_from or i == tail_from and j < tail_head]
    return Cleaned(tuple(texts), tuple(heads), tuple(marked), about.author, place, about.published or about.updated,
                   items, about.source)


def _opens_tail(text: str) -> bool:
    return bool(CONTACT_OPENING.match(text.strip()))
