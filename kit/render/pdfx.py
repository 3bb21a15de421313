"""PDF/X-1a for print shops: an OutputIntent with the CMYK ICC profile, boxes on every page,
and the identification PDF/X asks for. reportlab writes no PDF/X, so pikepdf adds it."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

PDFX_VERSION = "PDF/X-1:2001"
PDFX_CONFORMANCE = "PDF/X-1a:2001"
FIXED_DATE = "D:20000101000000+00'00'"  # reportlab's invariant date: same inputs, same bytes


def as_pdfx(data: bytes, icc_profile: Path, title: str) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _output_intent(pdf, icc_profile)
        for page in pdf.pages:
            if Name.TrimBox not in page.obj:  # PDF/X wants a TrimBox on every page
                page.obj.TrimBox = page.obj.MediaBox
            if Name.BleedBox not in page.obj:
                page.obj.BleedBox = page.obj.TrimBox
        pdf.docinfo[Name.GTS_PDFXVersion] = PDFX_VERSION
        pdf.docinfo[Name.GTS_PDFXConformance] = PDFX_CONFORMANCE
        pdf.docinfo[Name.Trapped] = Name.False_
        pdf.docinfo[Name.Title] = title
        pdf.docinfo[Name.CreationDate] = FIXED_DATE
        pdf.docinfo[Name.ModDate] = FIXED_DATE
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["pdfxid:GTS_PDFXVersion"] = PDFX_VERSION
            meta["pdfx:GTS_PDFXVersion"] = PDFX_VERSION
            meta["dc:title"] = title
            meta["xmp:CreateDate"] = "2000-01-01T00:00:00+00:00"
            meta["xmp:ModifyDate"] = "2000-01-01T00:00:00+00:00"
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
    return out.getvalue()


def _output_intent(pdf: pikepdf.Pdf, icc_profile: Path) -> None:
    profile = pdf.make_stream(_icc_bytes(icc_profile))
    profile[Name.N] = 4
    description = _description(icc_profile)
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFX,
        OutputConditionIdentifier=String("Custom"),
        OutputCondition=String(description),
        Info=String(description),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


@functools.cache
def _icc_bytes(icc_profile: Path) -> bytes:
    return icc_profile.read_bytes()


def _description(icc_profile: Path) -> str:
    from PIL import ImageCms

    try:
        return ImageCms.getProfileDescription(str(icc_profile)).strip() or icc_profile.stem
    except ImageCms.PyCMSError:
        return icc_profile.stem
