"""GET /v1/audit/verify: the audit chain checked (services.audit.verify)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from verifier import services
from verifier.api.auth import Caller, store
from verifier.api.errors import ApiError, ServiceRoute

router = APIRouter(route_class=ServiceRoute, tags=["audit"])


def head_of(item: str) -> tuple[int, str]:
    seq, _, digest = item.partition(":")
    if not seq.strip().isdigit() or len(digest.strip()) != 64:
        raise ApiError(422, f"expect_head {item!r}: expected SEQ:HASH (a number and 64 hex "
                            "digits)")
    return int(seq), digest.strip()


@router.get("/audit/verify", summary="Verify the audit log",
            description="Recompute the hash chain, check the heads exports recorded "
                        "(expect_head=SEQ:HASH, repeatable), replay the review events against "
                        "the stored verdicts. `ok` false names what is wrong. Auditors and "
                        "admins.")
async def verify(request: Request, who: Caller,
                 expect_head: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
    heads = [head_of(h) for h in expect_head or []]
    checked = await run_in_threadpool(services.audit.verify, who, expect_heads=heads,
                                      db=store(request))
    rep = checked.report
    return {"ok": checked.ok, "events": rep.events, "head_seq": rep.head_seq,
            "head_hash": rep.head_hash, "broken_seq": rep.broken_seq, "problem": rep.problem,
            "rewritten": checked.problems, "disagreements": list(checked.disagreements)}
