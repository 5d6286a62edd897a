"""GET /v1/me: who the token acts as (a read: no service changes anything)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from verifier.api.auth import Caller
from verifier.api.errors import ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["auth"])


@router.get("/me", summary="Who this token acts as")
def me(who: Caller) -> dict[str, Any]:
    return {"name": who.name, "role": who.role, "scope": who.scope, "channel": who.channel}
