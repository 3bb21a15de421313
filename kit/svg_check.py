"""A user's SVG is read by a parser that resolves no entity and opens no file or URL.

svglib would skip most external references on its own, but silently; an SVG from
someone else is refused, saying why, if it declares entities or names anything
outside itself. A DOCTYPE naming the SVG 1.1 DTD, as editors write it, is accepted:
the DTD is never loaded.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

MAX_SVG_BYTES = 5_000_000
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_EMBEDDED = ("#", "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/jpg;base64,")


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )


def svg_problem(path: Path) -> str | None:
    """Why the SVG at ``path`` cannot be used, in French, or None."""
    if path.stat().st_size > MAX_SVG_BYTES:
        return f"« {path.name} » : fichier SVG trop gros (5 Mo au plus)"
    try:
        tree = etree.parse(str(path), safe_parser())
    except (etree.XMLSyntaxError, OSError, ValueError):
        return f"« {path.name} » : fichier SVG illisible"
    dtd = tree.docinfo.internalDTD  # a plain DOCTYPE line, as editors write it, is harmless
    if dtd is not None and any(True for _ in dtd.iterentities()):
        return (
            f"« {path.name} » : les déclarations ENTITY sont refusées (elles peuvent lire "
            "d’autres fichiers) : enregistrez le SVG sans DOCTYPE"
        )
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # processing instructions
        for name in _HREFS:
            target = (element.get(name) or "").strip()
            if target and not target.lower().startswith(_EMBEDDED):
                return (
                    f"« {path.name} » : référence externe « {target[:80]} » refusée : makekit "
                    "n’ouvre ni Internet ni d’autres fichiers depuis un SVG ; incorporez l’image "
                    "dans le SVG"
                )
    return None
