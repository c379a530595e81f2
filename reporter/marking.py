"""The distribution marking: TLP 2.0 labels in their one spelling, other markings as given.

FIRST's Traffic Light Protocol 2.0 writes its labels in capitals (``TLP:AMBER``,
``TLP:AMBER+STRICT``); ``tlp:amber`` or ``TLP: Amber`` is the same label and must print
as one, and ``TLP:WHITE`` is the 1.0 name of ``TLP:CLEAR``. A ``TLP:`` label that is none
of these is a typo to report, not a marking to print.
"""

from __future__ import annotations

import re

from .errors import InputError

TLP_LABELS = ("TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR")
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
