"""Failed log-ins are limited per user name and per client address (a moving window, in memory),
so a password cannot be guessed at argon2 speed; a success clears the name's count."""

from __future__ import annotations

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class LoginThrottle:
    def __init__(self, attempts: int, minutes: int) -> None:
        self._item = RateLimitItemPerMinute(attempts, minutes)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def _keys(self, name: str, address: str) -> list[tuple[str, str]]:
        return [("login-user", name.strip().casefold()), ("login-address", address)]

    def allowed(self, name: str, address: str) -> bool:
        """False while the name or the address has used up its failed attempts."""
        return all(self._limiter.test(self._item, *key) for key in self._keys(name, address))

    def failed(self, name: str, address: str) -> None:
        for key in self._keys(name, address):
            self._limiter.hit(self._item, *key)

    def succeeded(self, name: str) -> None:
        self._limiter.clear(self._item, *self._keys(name, "")[0])
