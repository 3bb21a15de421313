"""Stage 4, layout: pure geometry in points, testable without drawing a PDF."""
