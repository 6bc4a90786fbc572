"""Auto-support: the FAQ knowledge base and the matcher that answers members' questions."""

from assistant.faq.loader import FaqEntry, Knowledge, load_knowledge
from assistant.faq.matcher import FaqMatcher, FaqResult

__all__ = ["FaqEntry", "FaqMatcher", "FaqResult", "Knowledge", "load_knowledge"]
