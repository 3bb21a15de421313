"""Colour spaces by kind: RGB, CMYK, grey, spot, named in resources or given as arrays."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class Space:
    kind: str  # "rgb", "cmyk", "gray", "spot", "pattern", "other"
    label: str  # e.g. "DeviceRGB", "ICCBased N=3"


_DEVICE = {
    "/DeviceRGB": "rgb",
    "/RGB": "rgb",
    "/DeviceCMYK": "cmyk",
    "/CMYK": "cmyk",
    "/DeviceGray": "gray",
    "/G": "gray",
    "/Pattern": "pattern",
}
_FAMILIES = {
    "/CalRGB": "rgb",
    "/CalGray": "gray",
    "/Separation": "spot",
    "/DeviceN": "spot",
    "/Pattern": "pattern",
}
_ICC = {1: "gray", 3: "rgb", 4: "cmyk"}


def colour_space(obj: object, resources: pikepdf.Object | None, depth: int = 0) -> Space:
    """Kind of a colour space given by name, by resource name or as an array."""
    if isinstance(obj, pikepdf.Name):
        name = str(obj)
        if name in _DEVICE:
            return Space(_DEVICE[name], name.lstrip("/"))
        named = resource(resources, "/ColorSpace", name)
        if named is not None and depth < 4:
            return colour_space(named, resources, depth + 1)
        return Space("other", name.lstrip("/"))
    if isinstance(obj, pikepdf.Array) and len(obj) > 0:
        return _array_space(obj, resources, depth)
    return Space("other", "inconnu")


def _array_space(obj: pikepdf.Array, resources: pikepdf.Object | None, depth: int) -> Space:
    family = str(obj[0])
    if family == "/ICCBased" and len(obj) > 1:
        n = int(obj[1].get("/N", 0))
        return Space(_ICC.get(n, "other"), f"ICCBased N={n}")
    if family in ("/Indexed", "/I") and len(obj) > 1 and depth < 4:
        base = colour_space(obj[1], resources, depth + 1)
        return Space(base.kind, f"Indexed {base.label}")
    if family in _FAMILIES:
        return Space(_FAMILIES[family], family.lstrip("/"))
    if family in _DEVICE:
        return Space(_DEVICE[family], family.lstrip("/"))
    return Space("other", family.lstrip("/"))


def resource(resources: pikepdf.Object | None, category: str, name: str) -> pikepdf.Object | None:
    if resources is None:
        return None
    group = resources.get(category)
    return None if group is None else group.get(name)
