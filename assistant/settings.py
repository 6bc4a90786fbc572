"""Configuration: defaults, then ASSISTANT_* environment variables, then CLI options."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    """The bundled rules/ or knowledge/ directory (a source checkout keeps them at the top)."""
    return PROJECT_ROOT / name


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=None, extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    db: Path | None = Path("var/assistant.db")  # None: in memory, nothing kept on disk
    rules: Path = Field(default_factory=lambda: _bundled("rules"))
    knowledge: Path = Field(default_factory=lambda: _bundled("knowledge"))
    watch: bool = True  # reload rules/ and knowledge/ when they change on disk

    max_body_bytes: int = 1_000_000
    batch_window_ms: float = 4.0  # how long the micro-batcher gathers concurrent messages
    batch_max: int = 64

    encoder: Literal["use", "sentence-transformers"] = "use"
    encoder_model: str | None = None  # sentence-transformers: a local path or a hub name
    context_messages: int = 30  # how many recent chat messages the analysers see
    context_minutes: int = 24 * 60

    # FAQ
    # the confidence model's probability that the best entry is right (faq/confidence.py,
    # docs/quality/faq.md "Eleventh session")
    faq_answer_threshold: dict[str, float] = Field(default_factory=lambda: {"ru": 0.55, "en": 0.6})
    faq_candidate_threshold: dict[str, float] = Field(
        default_factory=lambda: {"ru": 0.3, "en": 0.3}
    )
    faq_cooldown_minutes: float = 30.0  # per chat and entry; suppresses the reply only
    faq_cross_lingual: bool = False  # may an English question get a Russian-only entry?
    faq_margin: float = 0.04  # best entry must beat the second by this much, else no guess
    faq_request_extra: float = 0.08  # "can't log in"-style requests need a higher score
    faq_aggregate: Literal["max", "centroid", "mix", "learned"] = "learned"  # how phrasings combine

    # Access (review pages and API)
    open_message_endpoint: bool | None = None  # None: open for loopback clients only
    secret_key: str | None = None  # signs session cookies; None: a secret kept in the database
    session_hours: float = 12.0  # a review-page log-in lasts this long
    cookie_secure: bool = False  # set True behind HTTPS: the session cookie is then Secure
    review_lang: str | None = None  # ru | en for the review pages; None: from the browser
    login_attempts: int = 5  # failed log-ins per user name and per address ...
    login_window_minutes: int = 15  # ... within this window, then the form refuses for a while

    # Chat-platform webhooks and the outbox of replies (docs/webhooks.md)
    communities: Path = Path("communities.yaml")  # YAML or TOML: communities and their secrets
    outbox_worker: bool | None = None  # None: run it when the communities file exists
    outbox_poll_seconds: float = 2.0
    outbox_max_attempts: int = 8
    outbox_backoff_seconds: float = 5.0  # first retry delay; doubles each attempt
    outbox_backoff_max_seconds: float = 900.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
