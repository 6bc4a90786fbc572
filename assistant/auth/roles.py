"""Roles and what each may do: moderator < manager < admin; ``ingest`` tokens only post messages."""

from __future__ import annotations

ROLES = ("moderator", "manager", "admin")
TOKEN_ROLES = ("ingest", *ROLES)
_RANK = {"ingest": 0, "moderator": 1, "manager": 2, "admin": 3}

# The least role that may use each part of the review tool.
PERMISSIONS = {
    "ingest": "ingest",        # POST /v1/messages
    "flags": "moderator",      # the queue: read and decide
    "dashboard": "moderator",
    "audit": "moderator",
    "answers": "manager",      # auto-answers review
    "highlights": "manager",
    "calibration": "manager",
}


def allowed(role: str, permission: str) -> bool:
    """Whether ``role`` may use ``permission`` (unknown roles may do nothing)."""
    if role not in _RANK:
        return False
    return _RANK[role] >= _RANK[PERMISSIONS[permission]]
