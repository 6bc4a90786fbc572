"""Dependencies the routes share: the running Assistant and settings, via app.state."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.api.batcher import MicroBatcher
from assistant.service import Assistant
from assistant.settings import Settings


def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant  # type: ignore[no-any-return]


def get_batcher(request: Request) -> MicroBatcher:
    return request.app.state.batcher  # type: ignore[no-any-return]


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
BatcherDep = Annotated[MicroBatcher, Depends(get_batcher)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
