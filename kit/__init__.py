"""makekit: turns the « Territoires en transition » référentiel into a print-ready game kit."""

__version__ = "0.1.0"
