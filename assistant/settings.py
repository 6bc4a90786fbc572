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
    faq_answer_threshold: dict[str, float] = Field(default_factory=lambda: {"ru": 0.6, "en": 0.6})
    faq_candidate_threshold: dict[str, float] = Field(
        default_factory=lambda: {"ru": 0.45, "en": 0.45}
    )
    faq_cooldown_minutes: float = 30.0
    faq_cross_lingual: bool = False

    # Access (review pages and API)
    open_message_endpoint: bool | None = None  # None: open for loopback clients only
    secret_key: str | None = None


@lru_cache
def get_settings() -> Settings:
    return Settings()
