"""The Office Open XML names the DOCX writer and the DOCX reader share.

One table of namespace URIs (ISO/IEC 29500 transitional, as Word writes them) and the ``w:``
Clark-name helper, so writer and reader cannot drift apart on a name. Strings only: importing
it costs nothing.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # also relationship types
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_PROPERTIES_REL = PKG_REL_NS + "/metadata/core-properties"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
V_NS = "urn:schemas-microsoft-com:vml"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{tag}"
