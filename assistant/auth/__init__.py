"""Access to the review pages and API: users with roles, sessions, CSRF, API tokens."""

from assistant.auth.roles import ROLES, TOKEN_ROLES, allowed
from assistant.auth.users import Principal, authenticate_password, authenticate_token

__all__ = ["ROLES", "TOKEN_ROLES", "Principal", "allowed", "authenticate_password",
           "authenticate_token"]
