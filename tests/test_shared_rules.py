"""Rules every output shares, checked on what each output carries when read back.

A date is said the same way in the DOCX, the PDF and the e-mail, and the DOCX reader takes it
back; a link is made only for http, https, mailto and anchors inside the document, in every
writer, the DOCX reader and the e-mail.
"""

from __future__ import annotations

import pytest

from conftest import pdf_text
from reporter.model import Document, Meta, Paragraph, Text


@pytest.mark.parametrize("iso, said", [("2024-04-20", "20 April 2024"), ("2024-09", "September 2024")])
def test_the_briefing_date_is_said_alike_in_docx_and_pdf_and_reads_back(tmp_path, iso, said):
    import docx

    from reporter.readers.docx import read_docx
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    doc = Document(Meta(title="Dated briefing", date=iso, prepared_for="The Board"), (Paragraph((Text("Body."),)),))
    write_docx(doc, tmp_path / "d.docx")
    write_pdf(doc, tmp_path / "d.pdf")
    lines = [p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs]
    assert f"{said} \u00b7 Prepared for The Board" in lines
    assert f"{said} \u00b7 Prepared for The Board" in pdf_text(tmp_path / "d.pdf").splitlines()
    back, _ = read_docx(tmp_path / "d.docx")
    assert (back.meta.date, back.meta.prepared_for) == (iso, "The Board")
