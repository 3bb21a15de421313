"""Stage 5, render: reportlab drawing of what the layout stage placed."""
