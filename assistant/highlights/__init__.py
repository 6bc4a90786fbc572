"""Recognition: finds the helpful answers members give each other."""

from assistant.highlights.scorer import HighlightOutcome, HighlightUpdate, score_message

__all__ = ["HighlightOutcome", "HighlightUpdate", "score_message"]
