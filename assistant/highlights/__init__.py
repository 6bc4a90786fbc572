"""Recognition: finds the helpful answers members give each other."""

from assistant.highlights.scorer import HighlightOutcome, HighlightUpdate, score_message
from assistant.highlights.threads import ThreadLink

__all__ = ["HighlightOutcome", "HighlightUpdate", "ThreadLink", "score_message"]
