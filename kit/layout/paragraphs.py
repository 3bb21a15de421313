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
        # Only lines this method broke: reportlab's split() gives its first part lines of
        # its own making (and deletes them when nothing fits), to be broken again.
        width, lines = self.__dict__.get("_lines_for", (None, None))
        before = self.__dict__.get("blPara")
        if width == availWidth and lines is not None and lines is before:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        after = self.__dict__.get("blPara")
        if after is not None and after is not before:  # broken now: not for a width of ~0
            self._lines_for = (availWidth, after)
        return size
