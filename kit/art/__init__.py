"""Generated vector illustrations: landscapes and people drawn from a card's id."""
