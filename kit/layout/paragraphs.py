"""reportlab's paragraph, which does not break its lines again for the width it has them for.

Tables measure each cell, then wrap it again to draw it; frames wrap a paragraph to know its
height, then again to place it; the cards fit a text, then draw it. Each time at the same
width, reportlab breaks the lines again (0.05 s of a default kit's 0.35 s of line breaking).
A paragraph's lines depend on nothing but its text, its style and that width.
"""

from __future__ import annotations

from reportlab.platypus import paragraph


class Paragraph(paragraph.Paragraph):
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth == getattr(self, "width", None) and "blPara" in self.__dict__:
            return self.width, self.height
        return super().wrap(availWidth, availHeight)
