"""The limits every reader keeps, in one place, so each can be named in an error and raised
by an option.

A hostile or careless file must end in seconds with one line, not fill memory: an
article file is read with a cap (never trusting ``st_size``, which a FIFO or a device
does not have), a briefing holds at most so many paragraphs and characters, and a DOCX
package (an edited briefing or a reference document) is inflated and parsed only up to
a size and an element count. Sizes are MiB (1,048,576 bytes) throughout; the options
and messages say "MB" for them, as the README explains.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one run may read. Defaults hold a 100-article briefing many times over."""

    file_mb: float = 50  # bytes read from one article file
    paragraphs: int = 100_000  # paragraphs in one briefing, every article together
    characters: int = 20_000_000  # characters of article text in one briefing
    xml_mb: float = 64  # decompressed XML read from one DOCX package, all parts together
    xml_elements: int = 500_000  # XML elements (tags) in one DOCX package

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * MIB)

    @property
    def xml_bytes(self) -> int:
        return int(self.xml_mb * MIB)


DEFAULT = Limits()


def mb(n_bytes: int) -> str:
    """A size as the messages print it: MiB, called MB, three significant digits (0.05, 1.5, 190)."""
    value = n_bytes / MIB
    return f"{value:.3g} MB" if value < 1000 else f"{value:,.0f} MB"
