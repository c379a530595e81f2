"""Stage 3, mentions: names with initials and particles, titles and roles before a name,
honorifics that are not roles, affiliations, unnamed speakers, possessives. Snippets are
written for these tests."""

from __future__ import annotations

import pytest

from reporter.analysis.mentions import split_title, strip_possessive, subject_before, words_of
from reporter.analysis.text import tokens


@pytest.mark.parametrize("word, expected", [
    ("Jones", "Jones"), ("Jones’s", "Jones"), ("Jones'", "Jones"), ("Calle’s", "Calle"), ("Ross's", "Ross"),
    ("councils'", "councils"), ("bus", "bus"), ("Moss", "Moss"), ("s", "s"),
])
def test_possessive_is_a_suffix_not_characters(word, expected):
    assert strip_possessive(word) == expected


@pytest.mark.parametrize("words, title, name", [
    ("NASA Deputy Administrator Jane Doe", "NASA Deputy Administrator", "Jane Doe"),
    ("ECB President Christine Lagarde", "ECB President", "Christine Lagarde"),
    ("Dr Ahmed Khan", "", "Ahmed Khan"),
    ("Sir Keir Starmer", "", "Keir Starmer"),
    ("Dame Jane Roe", "", "Jane Roe"),
    ("Mr Khan", "", "Khan"),
    ("Professor Ann Lee", "Professor", "Ann Lee"),
    ("Opposition Leader Dan Kerr", "Opposition Leader", "Dan Kerr"),
    ("Ursula von der Leyen", "", "Ursula von der Leyen"),
    ("Chairman Ben Bishop", "Chairman", "Ben Bishop"),  # a title, a given name, a surname that is a title's word
    ("Senator Ann King", "Senator", "Ann King"),
    ("Auxiliary Bishop Ben Ode", "Auxiliary Bishop", "Ben Ode"),
])
def test_titles_are_roles_and_honorifics_are_not(words, title, name):
    t, n = split_title(words.split())
    assert (" ".join(t), " ".join(n)) == (title, name)


def subject(sentence: str):
    """The subject of the last speech verb of the sentence: (kind, words, role)."""
    toks = tokens(sentence)
    v = max(i for i, t in enumerate(toks) if t.text in ("said", "told", "says", "added", "warned"))
    sub = subject_before(toks, v, sentence)
    return None if sub is None else (sub.kind, " ".join(sub.words), sub.role)


@pytest.mark.parametrize("sentence, expected", [
    ("Donald H. Rumsfeld said", ("name", "Donald H. Rumsfeld", None)),
    ("President Ursula von der Leyen said", ("name", "President Ursula von der Leyen", None)),
    ("Dr. Ahmed Khan of the health ministry said", ("name", "Dr Ahmed Khan", "health ministry")),
    ("Ann Lee of the Acme Group said", ("name", "Ann Lee", "Acme Group")),
    ("a spokeswoman for the ministry said", ("unnamed", "a spokeswoman for the ministry", None)),
    ("one senior official said", ("unnamed", "one senior official", None)),
    ("The minister, who asked not to be named, said", ("descriptor", "minister", None)),
    ("The company's chief executive, John Doe, told", ("name", "John Doe", "The company's chief executive")),
    ("Chamber of Trade president Sam Roe warned", ("name", "Sam Roe", "Chamber of Trade president")),
    ("Jane Roe, a senior lecturer at the university, said", ("name", "Jane Roe", "a senior lecturer at the university")),
    ("she said", ("pronoun", "she", None)),
    ("the farmer said", ("descriptor", "farmer", None)),
])
def test_subject_of_a_speech_verb(sentence, expected):
    assert subject(sentence) == expected


def test_an_initial_keeps_its_full_stop_so_the_name_is_verbatim():
    toks = tokens("Donald H. Rumsfeld")
    assert words_of(list(toks)) == ["Donald", "H.", "Rumsfeld"]


@pytest.mark.parametrize("sentence, person", [
    ("The message came from Ann Lee, the Harbour First Minister, on Monday.", ("Ann Lee", "the Harbour First Minister")),
    ("The visit of Ann Lee, the mayor, was short.", ("Ann Lee", "the mayor")),
    ("They flew to New York, the largest city, on Monday.", None),  # no role's word: no person
])
def test_an_appositive_role_after_a_name_anywhere_in_a_sentence(sentence, person):
    from reporter import Article
    from reporter.analysis import analyze
    people = [(p.name, p.role) for p in analyze(Article(title="T", paragraphs=(sentence,))).people]
    assert people == ([person] if person else [])


def test_the_office_an_appositive_gave_speaks_as_its_holder():
    from reporter import Article
    from reporter.analysis import analyze
    paragraphs = ("The message from Ann Lee, the Harbour First Minister, on 25 December.",
                  "In her message the First Minister says:", "I wish you all a merry Christmas and a quiet harbour.")
    quotes = analyze(Article(title="T", paragraphs=paragraphs)).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Ann Lee", "the Harbour First Minister")]
