"""Readers: an edited DOCX back to the document model (``docx.read_docx``), so it can be
written again as a PDF in the house style. Article files are ingest's, not these."""
