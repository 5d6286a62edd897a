"""Who is calling: the bearer token of `Authorization: Bearer <token>` (`verifier tokens
create NAME --scope check|review|audit|admin`), as the principal the tokens service gives
(its user, the role stored now, the token's scope, channel "api"). No token: 401 with the
challenge; a token the service refuses (unknown, revoked, expired, inactive user): 401 too
(errors.answer_for). What the principal may do is decided by each service (403)."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.errors import CHALLENGE, ApiError
from verifier.services._base import Db

bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="A token from `verifier tokens create NAME --scope SCOPE`.")


def store(request: Request) -> Db:
    """The store the app serves (create_app(db)); None: VERIFIER_DATABASE_URL."""
    db: Db = request.app.state.db
    return db


async def principal(request: Request,
                    credentials: Annotated[HTTPAuthorizationCredentials | None,
                                           Depends(bearer)]) -> services.Principal:
    if credentials is None:
        raise ApiError(401, "no token: send `Authorization: Bearer <token>` (a token from "
                            "`verifier tokens create NAME --scope SCOPE`)",
                       {"WWW-Authenticate": CHALLENGE})
    found: services.Principal = await run_in_threadpool(
        services.tokens.principal_for_token, credentials.credentials, channel="api",
        db=store(request))
    return found


Caller = Annotated[services.Principal, Depends(principal)]
