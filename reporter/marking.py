"""The distribution marking: TLP 2.0 labels in their one spelling, other markings as given.

FIRST's Traffic Light Protocol 2.0 writes its labels in capitals (``TLP:AMBER``,
``TLP:AMBER+STRICT``); ``tlp:amber`` or ``TLP: Amber`` is the same label and must print
as one, and ``TLP:WHITE`` is the 1.0 name of ``TLP:CLEAR``. A ``TLP:`` label that is none
of these is a typo to report, not a marking to print.

TLP 2.0 also says how a label looks: its text in the label's colour on black (FIRST's
colour table: RED 255,43,43; AMBER and AMBER+STRICT 255,192,0; GREEN 51,255,0; CLEAR
255,255,255; background 0,0,0). ``TLP_LOOKS`` is that table, the one the DOCX, the PDF and
the e-mail all read; any other marking ("OFFICIAL-SENSITIVE") is shown as the house style
gives (``marking_look`` returns None for it).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .errors import InputError

TLP_LABELS = ("TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR")


class MarkingLook(NamedTuple):
    """How a TLP label is shown: text and background as RRGGBB hex, and the name of the DOCX
    character style that carries them ("Marking TLP Amber Strict")."""

    text: str
    background: str
    style: str


def _look(label: str, text: str) -> MarkingLook:
    words = label.split(":", 1)[1].replace("+", " ").title()
    return MarkingLook(text, "000000", f"Marking TLP {words}")


TLP_LOOKS = {label: _look(label, text) for label, text in (
    ("TLP:RED", "FF2B2B"), ("TLP:AMBER+STRICT", "FFC000"), ("TLP:AMBER", "FFC000"),
    ("TLP:GREEN", "33FF00"), ("TLP:CLEAR", "FFFFFF"))}
# The character style of a marking that is not a TLP label: the house style's "marking" colour.
MARKING_TEXT_STYLE = "Marking Text"

_TLP = re.compile(r"\s*tlp\s*:\s*(?P<label>[a-z+ ]*?)\s*$", re.IGNORECASE)


def normalise_marking(value: str | None) -> str | None:
    """``TLP:amber`` -> ``TLP:AMBER``; a marking that is not TLP comes back unchanged."""
    if value is None:
        return None
    m = _TLP.match(value)
    if not m:
        return value
    label = "TLP:" + re.sub(r"\s*\+\s*", "+", m["label"]).upper()
    label = "TLP:CLEAR" if label == "TLP:WHITE" else label
    if label not in TLP_LABELS:
        raise InputError(f"unknown TLP marking {value!r} (TLP 2.0: {', '.join(TLP_LABELS)})")
    return label


def marking_look(marking: str | None) -> MarkingLook | None:
    """The TLP 2.0 look of ``marking`` (in any spelling ``normalise_marking`` accepts, and the
    1.0 name ``TLP:WHITE``); None for a marking that is not a TLP label."""
    if not marking:
        return None
    try:
        label = normalise_marking(marking)
    except InputError:
        return None
    return TLP_LOOKS.get(label or "")
