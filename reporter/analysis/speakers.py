"""Stage 4 of attribution: choosing a speaker among candidates by score.

When the cue names no one directly (a pronoun, "he said"; a quote continuing an earlier
one), every person the text offers is a candidate, scored on what a reader weighs:
- how it was found: the subject of a sentence, the speaker of an earlier quote (the
  continuation), a person merely named, someone from an earlier paragraph, or, when nothing
  nearer names anyone, the one person the article names;
- whether it is in the same paragraph as the quote;
- how far back it is, in characters.
- whether the article shows the candidate to be of the pronoun's gender ("Ms. Okonkwo", "Ruth
  Okonkwo said her office …"; mentions.genders): a candidate shown to be of the other gender
  is no candidate at all, and one shown to match counts a little more than one nothing is
  known of, never as much as being in the same paragraph.
The best score wins; ties go to the nearest.
"""

from __future__ import annotations

from typing import NamedTuple

# How much each way of being found counts (the kinds are data, not branches).
KIND_WEIGHT = {"subject": 3.0, "speaker": 3.0, "mention": 2.5, "earlier_mention": 2.0, "last_speaker": 1.5,
               "only_person": 1.0}  # the one person the whole article names: the last resort
SAME_PARAGRAPH = 4.0
DISTANCE_SCALE = 300.0  # characters per point lost
MAX_DISTANCE_PENALTY = 3.0
FAR = int(MAX_DISTANCE_PENALTY * DISTANCE_SCALE)  # characters: as far as distance can count
GENDER_FIT = 1.5  # the article shows the candidate to be of the pronoun's gender


class Candidate(NamedTuple):
    name: str
    role: str | None
    kind: str  # a key of KIND_WEIGHT
    distance: int  # characters back from the quote (0 for a candidate right before it)
    same_paragraph: bool
    gender_fit: bool = False


def score(c: Candidate) -> float:
    return (KIND_WEIGHT[c.kind] + (SAME_PARAGRAPH if c.same_paragraph else 0.0) + (GENDER_FIT if c.gender_fit else 0.0)
            - min(MAX_DISTANCE_PENALTY, c.distance / DISTANCE_SCALE))


def choose(candidates) -> tuple[str, str | None] | None:
    """(name, role) of the best-scoring candidate, or None when there is none."""
    best, best_key = None, None
    for c in candidates:
        key = (score(c), -c.distance)
        if best_key is None or key > best_key:
            best, best_key = c, key
    return (best.name, best.role) if best is not None else None


__all__ = ["Candidate", "FAR", "KIND_WEIGHT", "choose", "score"]
