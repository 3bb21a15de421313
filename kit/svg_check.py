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
MAX_SVG_ELEMENTS = 50_000  # nested <use> multiply: ten levels of ten copies is 10¹⁰ shapes
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
    if _expanded_size(tree.getroot(), _by_id(tree), {}, set()) > MAX_SVG_ELEMENTS:
        return (
            f"« {path.name} » : SVG trop complexe (plus de {MAX_SVG_ELEMENTS:,} éléments une fois "
            "les « use » développés) : simplifiez-le"
        ).replace(",", "\u202f")
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


def _by_id(tree: etree._ElementTree) -> dict[str, etree._Element]:
    return {e.get("id"): e for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}


def _expanded_size(element, by_id: dict, sizes: dict, path: set) -> int:
    """Elements drawn once every <use> is replaced by what it names (cycles count once)."""
    ident = element.get("id") or element.getroottree().getpath(element)
    if ident in sizes:
        return sizes[ident]
    if ident in path:
        return 0  # svglib skips circular references
    path.add(ident)
    total = 1
    for child in element:
        if isinstance(child.tag, str):
            total += _expanded_size(child, by_id, sizes, path)
        if total > MAX_SVG_ELEMENTS:
            break
    if etree.QName(element).localname == "use":
        target = next((element.get(n) for n in _HREFS if element.get(n)), "") or ""
        if target.startswith("#") and target[1:] in by_id:
            total += _expanded_size(by_id[target[1:]], by_id, sizes, path)
    path.discard(ident)
    sizes[ident] = total = min(total, MAX_SVG_ELEMENTS + 1)
    return total
