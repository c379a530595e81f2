"""Readers: an edited briefing (or any Word document) back into the document model.

Not ingest: articles come in through ``reporter.ingest``. This package is the DOCX round trip
behind ``reporter export``: ``readers.docx.read_docx(path) -> (Document, warnings)``. There is
one format, so there is no table of readers; the CLI imports the reader it needs, lazily.
"""
