"""A briefing spec: a YAML file that says what one briefing (or a list of them) holds.

The file is read with PyYAML's composer, which keeps each node's line, and checked by
pydantic models; an error names the key and its line (``briefing.yaml:7: sections[0].
articles: no files match this pattern``), so a typo costs one line, never a traceback.
Relative paths are read from the spec's folder, so a spec means the same from anywhere.

``briefings:`` makes one spec many briefings (one per recipient, region or desk): each
item is the top-level keys with its own on top. ``resolve`` turns a spec into ``Job``s,
small frozen values a worker process (or a Dask worker) can build on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError
from .ingest.clean import plain_text
from .marking import normalise_marking

# A YAML file with one of these at the top is a spec, not an article record.
SPEC_ONLY_KEYS = frozenset({"articles", "sections", "briefings", "formats", "summary_items", "prepared_for",
                            "prepared_by", "audience", "marking", "reference_doc", "delivery", "out", "annex"})
SECRET_KEYS = ("password", "pass", "passwd", "secret", "token")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _listed(value: Any) -> Any:
    """One string where a list is wanted is a list of one."""
    return [value] if isinstance(value, str) else value


class Filter(_Model):
    """Which of a section's articles it takes, by the article's own fields."""

    source: list[str] = []  # the outlet, any of these (case does not matter)
    tag: list[str] = Field([], validation_alias=AliasChoices("tag", "tags"))  # any of these among the article's tags
    since: Date | None = None  # published on or after
    until: Date | None = None  # published on or before
    words: list[str] = []  # each of these appears in the title or text

    _lists = field_validator("source", "tag", "words", mode="before")(_listed)


class Section(_Model):
    heading: str  # printed over the section's stories
    articles: list[str] = []  # files, folders, globs; none: the briefing's own articles
    filter: Filter | None = None

    _lists = field_validator("articles", mode="before")(_listed)

    @field_validator("heading")
    @classmethod
    def _heading(cls, value: str) -> str:
        value = " ".join(plain_text(value).split())
        if not value:
            raise ValueError("a heading of some words, e.g. 'Markets'")
        return value


class Delivery(_Model):
    to: list[str]
    cc: list[str] = []
    bcc: list[str] = []
    sender: str | None = Field(None, validation_alias=AliasChoices("from", "sender"))
    subject: str | None = None
    smtp: str | None = None  # HOST:PORT; the login comes from the environment, never from the file
    security: Literal["plain", "starttls", "ssl"] = "starttls"
    timeout: float = Field(30.0, gt=0)

    _lists = field_validator("to", "cc", "bcc", mode="before")(_listed)


class BriefingFields(_Model):
    name: str | None = None  # the output files' stem (default: date and title)
    title: str | None = None
    date: Date | None = None
    prepared_for: str | None = Field(None, validation_alias=AliasChoices("prepared_for", "audience"))
    prepared_by: str | None = Field(None, validation_alias=AliasChoices("prepared_by", "author"))
    marking: str | None = None
    summary_items: int = Field(8, ge=1, le=30)
    annex: bool = True
    charts: bool = True
    formats: list[Literal["docx", "pdf"]] = ["docx", "pdf"]
    template: str | None = None
    reference_doc: str | None = None
    out: str | None = None  # default: out/ beside the spec
    articles: list[str] = []
    sections: list[Section] = []
    delivery: Delivery | None = None

    _lists = field_validator("articles", "formats", mode="before")(_listed)

    @field_validator("marking")
    @classmethod
    def _marking(cls, value: str | None) -> str | None:
        try:
            return normalise_marking(value)
        except InputError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str | None:
        if value is not None and (not value.strip() or any(c in value for c in '/\\:\0') or value.startswith(".")):
            raise ValueError("a file name without a folder, e.g. 'daily-security'")
        if value is not None and (plain_text(value) != value or not value.isprintable()):
            # a bidi override in a file name shows "report\u202egpj.exe" as "reportexe.jpg"
            raise ValueError("a file name of visible characters only (no control, bidi or zero-width characters)")
        return value


class SpecFile(BriefingFields):
    briefings: list[BriefingFields] = []


@dataclass(frozen=True)
class SectionJob:
    heading: str
    inputs: tuple[str, ...]  # absolute paths of the files it may take, in order
    filter: Filter | None
    line: int  # where the section begins in the spec, for "nothing selected"


@dataclass(frozen=True)
class Job:
    """One briefing to build: everything a worker needs, with paths made absolute."""

    spec: str  # the spec file, as named
    index: int  # which of its briefings (0 for a spec of one)
    label: str  # for progress lines and the summary: "daily.yaml" or "daily.yaml[2] emea"
    name: str | None
    out_dir: str
    formats: tuple[str, ...]
    sections: tuple[SectionJob, ...]
    options: tuple[tuple[str, Any], ...]  # make_briefing's keywords
    reference_doc: str | None = None
    delivery: Delivery | None = None
    files: tuple[str, ...] = field(default=())  # every file the build reads: inputs, template, reference

    @property
    def make_options(self) -> dict[str, Any]:
        return dict(self.options)


# ---------------------------------------------------------------- reading


class _Lines:
    """The line of each key's value in the file, by its path (("sections", 0, "heading"))."""

    def __init__(self) -> None:
        self.at: dict[tuple, int] = {}

    def line(self, loc: tuple) -> int:
        while loc and loc not in self.at:
            loc = loc[:-1]
        return self.at.get(loc, 1)


def _plain(node, loader, lines: _Lines, path: tuple, where: str) -> Any:
    import yaml

    lines.at[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise InputError(f"{key_node.start_mark.line + 1}: a key must be a name", where)
            if key in out:
                raise InputError(f"{key_node.start_mark.line + 1}: {_dotted(path + (key,))}: given twice", where)
            lines.at[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _plain(value_node, loader, lines, path + (key,), where)
            lines.at[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, loader, lines, path + (i,), where) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # a date that is no day: 2025-02-30
        raise InputError(f"{node.start_mark.line + 1}: {_dotted(path)}: {node.value!r} is not a date that exists "
                         f"({exc})", where) from None


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def read_yaml_with_lines(path: Path) -> tuple[Any, _Lines]:
    """The file's data as plain Python values, and where each value stands."""
    import yaml

    from .fileio import reading

    with reading(path, "a briefing spec"):
        text = path.read_text(encoding="utf-8")
    lines = _Lines()
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = _plain(node, loader, lines, (), str(path)) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(f"{mark.line + 1 if mark else 1}: not valid YAML: {exc.problem or exc}", path) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", path) from None
    return data, lines


def looks_like_spec(path: Path) -> bool:
    """Whether a file named as an input is a briefing spec rather than an article record."""
    from .inputs import is_spec_name

    if is_spec_name(path):
        return True
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    import yaml

    try:  # composed, not constructed: a bad value (2025-02-30) is load_spec's to report, with its line
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    keys = {k.value for k, _ in node.value} if isinstance(node, yaml.MappingNode) else set()
    return bool(keys & SPEC_ONLY_KEYS)


def load_spec(path: str | Path) -> tuple[SpecFile, _Lines]:
    """Read and check a spec: every error is one ``InputError`` naming the key and its line."""
    path = Path(path)
    data, lines = read_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise InputError("1: a briefing spec is a mapping of keys (title:, articles:, ...)", path)
    _refuse_secrets(data, lines, (), path)
    try:
        spec = SpecFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = f"unknown key (known: {', '.join(_known(loc))})"
        raise InputError(f"{lines.line(loc)}: {_dotted(loc)}: {message}", path) from None
    return spec, lines


def _known(loc: tuple) -> list[str]:
    model: Any = SpecFile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))
        model = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), model)
        if hasattr(annotation, "__origin__") and annotation.__origin__ is list:
            model = annotation.__args__[0]
    return sorted(model.model_fields)


def _refuse_secrets(data: Any, lines: _Lines, loc: tuple, path: Path) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key.lower() in SECRET_KEYS:
                raise InputError(f"{lines.line(loc + (key,))}: {_dotted(loc + (key,))}: never put a password in a "
                                 "spec; set REPORTER_SMTP_USER and REPORTER_SMTP_PASSWORD instead", path)
            _refuse_secrets(value, lines, loc + (key,), path)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _refuse_secrets(value, lines, loc + (i,), path)


# ---------------------------------------------------------------- resolving


def resolve(path: str | Path, overrides: dict[str, Any] | None = None) -> list[Job]:
    """The spec's briefings as jobs; ``overrides`` (the command line's options) win over it.

    Every name is checked here, before anything is built: a glob matching nothing, a
    missing template or reference document is the spec's error, with its line.
    """
    from .inputs import expand_inputs

    path = Path(path)
    spec, lines = load_spec(path)
    base = path.parent
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    top = spec.model_dump(exclude={"briefings"}, exclude_unset=True)
    items = spec.briefings or [None]
    jobs = []
    for index, item in enumerate(items):
        loc0: tuple = ("briefings", index) if item is not None else ()
        own = item.model_dump(exclude_unset=True) if item is not None else {}
        fields = BriefingFields.model_validate({**top, **own})
        merged = fields.model_dump()
        merged.update(overrides)

        def where(*loc: Any) -> int:
            """The line of a key: the briefing's own if it gives it, else the top level's."""
            return lines.at.get(loc0 + loc) or lines.line(loc)

        def expand(names: list[str], *loc: Any) -> tuple[str, ...]:
            try:
                return tuple(str(p.resolve()) for p in expand_inputs(names, base=base))
            except InputError as exc:
                raise InputError(f"{where(*loc)}: {_dotted(loc)}: {exc}", path) from None

        sections = []
        if not merged["sections"] and not merged["articles"]:
            raise InputError(f"{lines.line(loc0)}: articles: missing (files, folders or globs to brief)", path)
        default_inputs = expand(merged["articles"], "articles") if merged["articles"] else ()
        for i, section in enumerate(fields.sections):
            inputs = expand(section.articles, "sections", i, "articles") if section.articles else default_inputs
            if not inputs:
                raise InputError(f"{where('sections', i)}: sections[{i}]: no articles (give articles: here or "
                                 "at the top)", path)
            sections.append(SectionJob(section.heading, inputs, section.filter, where("sections", i)))
        if not sections:
            sections.append(SectionJob("", default_inputs, None, where("articles")))
        extra = []
        for key in ("template", "reference_doc"):
            if merged[key] is not None:
                p = Path(merged[key]) if key in overrides else base / merged[key]  # the command line's: from here
                if key not in overrides and not p.is_file():
                    raise InputError(f"{where(key)}: {key}: {merged[key]}: no such file", path)
                merged[key] = str(p.resolve())
                extra.append(merged[key])
        out = merged["out"]
        out_dir = Path(out) if key_given(overrides, "out") else base / (out or "out")
        name = merged["name"] or (f"{path.stem.removesuffix('.briefing')}-{index + 1}" if spec.briefings else None)
        label = str(path) if not spec.briefings else f"{path}[{index}]" + (f" {merged['name']}" if merged["name"] else "")
        options = {k: merged[k] for k in ("title", "marking", "prepared_for", "prepared_by", "template",
                                           "summary_items", "annex", "charts")}
        options["briefing_date"] = merged["date"]
        if "marking" in overrides:
            options["marking"] = normalise_marking(overrides["marking"])
        if overrides.get("style"):  # the command line's house style (--style), for every briefing
            options["style"] = str(Path(overrides["style"]).resolve())
            extra.append(options["style"])
        files = tuple(dict.fromkeys(f for s in sections for f in s.inputs)) + tuple(extra)
        jobs.append(Job(spec=str(path), index=index, label=label, name=name, out_dir=str(out_dir),
                        formats=tuple(dict.fromkeys(merged["formats"])), sections=tuple(sections),
                        options=tuple(sorted(options.items())), reference_doc=merged["reference_doc"],
                        delivery=fields.delivery, files=files))
    return jobs


def key_given(overrides: dict[str, Any], key: str) -> bool:
    return overrides.get(key) is not None


# ---------------------------------------------------------------- choosing articles


def matches(article: Any, flt: Filter | None) -> bool:
    """Whether an article passes a section's filter (no filter: every article)."""
    if flt is None:
        return True
    if flt.source and (article.source or "").casefold() not in {s.casefold() for s in flt.source}:
        return False
    if flt.tag and not {t.casefold() for t in article.tags} & {t.casefold() for t in flt.tag}:
        return False
    if flt.since and (article.published is None or article.published < flt.since):
        return False
    if flt.until and (article.published is None or article.published > flt.until):
        return False
    if flt.words:
        text = " ".join((article.title, *article.paragraphs)).casefold()
        if not all(w.casefold() in text for w in flt.words):
            return False
    return True


class Selection(NamedTuple):
    """A job's articles in section order, and the sections that print their headings over them."""

    articles: list[Any]
    sections: tuple[Any, ...]  # compose.context.Part: (heading, how many of the articles); () for none

    @property
    def build_options(self) -> dict[str, Any]:
        """``make_and_write``'s inputs and sections."""
        return {"inputs": self.articles, "sections": self.sections}


def select_articles(job: Job) -> Selection:
    """Each section's articles in section order, each article once (in its first section).

    A section that selects nothing is an error (a typo in a filter should not pass as an
    empty heading); one whose articles all came earlier prints no heading.
    """
    from .compose.context import Part
    from .ingest import load_articles

    chosen: dict[tuple[str, int], Any] = {}
    cache: dict[str, list[Any]] = {}
    counts: list[int] = []
    for section in job.sections:
        taken, before = 0, len(chosen)
        for name in section.inputs:
            if name not in cache:
                cache[name] = load_articles(name)
            for i, article in enumerate(cache[name]):
                if matches(article, section.filter):
                    taken += 1
                    chosen.setdefault((name, i), article)
        if not taken:
            what = f"section {section.heading!r}" if section.heading else "articles"
            raise InputError(f"{section.line}: {what}: no article matches its filter", job.spec)
        counts.append(len(chosen) - before)
    headed = any(s.heading for s in job.sections)
    sections = tuple(Part(s.heading, n) for s, n in zip(job.sections, counts)) if headed else ()
    return Selection(list(chosen.values()), sections)


INIT_TEMPLATE = """\
# A briefing spec: `reporter build {spec}` builds it, `reporter batch {spec}` builds it
# only when an article, this file or reporter itself has changed since the last build.
# Relative paths are read from this file's folder. Command-line options win over it.

title: Morning briefing            # default: the article's title, or "Executive briefing: N stories"
# date: 2025-02-14                 # default: the latest publication date
prepared_for: Security policy team # also: audience
prepared_by: Analyst desk          # also: author; the document's author
marking: TLP:AMBER                 # TLP 2.0 labels: TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN, TLP:CLEAR
summary_items: 8                   # items in the executive summary on page one (1-30)
annex: true                        # the article texts after the digest
charts: true                       # a timeline of the dated events, bar charts of figures
formats: [docx, pdf]
# template: my-briefing.md.j2      # a jinja2 Markdown template of your own (runs sandboxed)
# reference_doc: house.docx        # styles, page setup, headers and footers for the DOCX
out: out                           # the folder the files go into
# name: morning                    # the files' name (default: date and title)

articles: {folder}/                # files, folders ("{folder}/") and globs ("{folder}/*.md")

# Sections print their headings over their stories, in this order; each article counts
# once, in its first section.
# sections:
#   - heading: Markets
#     articles: ["{folder}/*.json"]
#   - heading: Last week, from Reuters
#     filter: {{source: Reuters, since: 2025-02-07, until: 2025-02-14, words: [inflation]}}
#   - heading: Energy
#     filter: {{tag: [energy, oil]}}     # any of the article's own tags (tags:, keywords:)

# delivery:                        # `reporter email {spec}`; the login comes from
#   to: [desk@example.org]         # REPORTER_SMTP_USER / REPORTER_SMTP_PASSWORD, never from here
#   cc: []
#   bcc: []
#   from: reporter@example.org
#   smtp: mail.example.org:587
#   security: starttls             # plain, starttls or ssl

# Many briefings from one spec: each item is the keys above with its own on top.
# briefings:
#   - name: morning-emea
#     prepared_for: EMEA desk
#   - name: morning-americas
#     prepared_for: Americas desk
"""
