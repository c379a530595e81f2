"""Errors a user can act on. The CLI prints each as one line and exits with its code."""

from __future__ import annotations

from pathlib import Path


class ReporterError(Exception):
    """A problem with the user's input or environment, not a bug."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None):
        super().__init__(message)
        self.path = str(path) if path is not None else None
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(ReporterError):
    """An input file that cannot be read as an article, template or document."""


class DeliveryError(ReporterError):
    """The message was written but could not be delivered."""

    exit_code = 3


class OutputError(ReporterError):
    """An output cannot be written (disk full, read-only folder, no permission): exit 2."""


class EditedOutput(ReporterError):
    """A file we would replace was changed since we wrote it (a user's edits)."""
