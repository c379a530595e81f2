"""Inline pictures with alt text (``wp:docPr descr``), sized to fit the text width."""

from __future__ import annotations

import io

from lxml import etree

from ..errors import InputError
from .docx_xml import P, PPR, PSTYLE, R, VAL, xml_safe

EMU_PER_CM = 360000
EMU_PER_TWIP = 635

_INLINE = """<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="Picture {id}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="image{id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"""


def add_image(writer, image, parent=None) -> None:
    try:
        rid, img = writer.part.get_or_add_image(io.BytesIO(image.data))
    except Exception as exc:  # python-docx raises several types for undecodable images
        raise InputError(f"image {image.alt[:40]!r} is not a readable PNG, JPEG, GIF, BMP or TIFF ({exc})") from None
    max_cx = writer.text_width * EMU_PER_TWIP
    if image.width_cm:
        cx = int(image.width_cm * EMU_PER_CM)
    else:
        cx = int(img.px_width / (img.horz_dpi or 96) * 914400)
    cx = max(1, min(cx, max_cx))
    cy = max(1, int(cx * img.px_height / max(img.px_width, 1)))
    writer._next_drawing += 1
    drawing = etree.fromstring(_INLINE.format(cx=cx, cy=cy, id=writer._next_drawing, rid=rid))
    alt = xml_safe(image.alt)
    for tag in ("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",
                "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        drawing.find(f".//{tag}").set("descr", alt)
    p = etree.SubElement(writer.body if parent is None else parent, P)
    etree.SubElement(etree.SubElement(p, PPR), PSTYLE).set(VAL, writer.sid("Normal"))
    etree.SubElement(p, R).append(drawing)



