"""Matrices and rectangles in PDF points."""

from __future__ import annotations

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m1: Matrix, m0: Matrix) -> Matrix:
    """m1 then m0, in PDF's row-vector convention (``cm`` gives multiply(new, ctm))."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (
        a1 * a0 + b1 * c0,
        a1 * b0 + b1 * d0,
        c1 * a0 + d1 * c0,
        c1 * b0 + d1 * d0,
        e1 * a0 + f1 * c0 + e0,
        e1 * b0 + f1 * d0 + f0,
    )


def transform_box(box: Box, m: Matrix) -> Box:
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[0], box[3]), (box[2], box[1]), (box[2], box[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def rectangle(array: pikepdf.Object) -> Box:
    x0, y0, x1, y1 = (float(v) for v in array)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
