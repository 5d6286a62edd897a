"""Request bodies: JSON objects or multipart forms (file uploads), read within the size cap
(limits.py), with the one-line refusals of the CLI: 415 for another media type, 422 for
malformed JSON or a field of the wrong type. Uploaded bytes are handed to the services as
bytes: untrusted, read in the limited worker (services.documents.untrusted)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from verifier import services
from verifier.api.errors import ApiError

JSON_TYPE = "application/json"
FORM_TYPE = "multipart/form-data"


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass
class Body:
    """The fields of a JSON object or a form, and the files of a form, by field name."""
    fields: dict[str, Any] = field(default_factory=dict)
    files: dict[str, list[Upload]] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        value = self.fields.get(key)
        if value is None or isinstance(value, str):
            return value
        raise ApiError(422, f"{key}: expected a string, not {type(value).__name__}")

    def date(self, key: str) -> date | None:
        value = self.text(key)
        if value is None or not value.strip():
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ApiError(422, f"{key}: {value!r} is not a date (YYYY-MM-DD)") from None

    def flag(self, key: str) -> bool:
        value = self.fields.get(key, False)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "1", "yes", "false",
                                                                  "0", "no", ""):
            return value.strip().lower() in ("true", "1", "yes")
        raise ApiError(422, f"{key}: expected true or false, not {value!r}")

    def strings(self, key: str) -> list[str]:
        value = self.fields.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ApiError(422, f"{key}: expected a list of strings")
        return value

    def file(self, key: str) -> Upload | None:
        got = self.files.get(key) or []
        if len(got) > 1:
            raise ApiError(422, f"{key}: one file expected, got {len(got)}")
        return got[0] if got else None

    def uploads(self, key: str) -> list[Upload]:
        return list(self.files.get(key) or [])

    def document(self, key: str) -> Upload | None:
        """An uploaded document; 415 when ingestion does not read its file type."""
        upload = self.file(key)
        return None if upload is None else _readable(upload)

    def documents(self, key: str) -> list[Upload]:
        return [_readable(u) for u in self.uploads(key)]


def _readable(upload: Upload) -> Upload:
    refusal = services.documents.unsupported_upload(upload.name)
    if refusal is not None:
        raise ApiError(415, str(refusal))
    return upload


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_body(request: Request, *, json_ok: bool = True, form_ok: bool = True,
                    repeated: frozenset[str] = frozenset()) -> Body:
    """The request's JSON object or multipart form (`repeated`: form fields that may appear
    more than once, kept as lists)."""
    kind = media_type(request)
    accepted = [t for t, ok in ((JSON_TYPE, json_ok), (FORM_TYPE, form_ok)) if ok]
    if kind not in accepted:
        raise ApiError(415, f"unsupported media type {kind or '(none)'!r}: send "
                            f"{' or '.join(accepted)}")
    if kind == JSON_TYPE:
        return Body(fields=_json_object(await request.body()))
    form = await request.form()
    body = Body()
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                name = value.filename or key
                body.files.setdefault(key, []).append(Upload(name, await value.read()))
            elif key in repeated:
                body.fields.setdefault(key, []).append(value)
            else:
                body.fields[key] = value
    finally:
        await form.close()
    return body


def _json_object(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise ApiError(422, "empty body: expected a JSON object")
    try:
        value = json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(422, "malformed JSON: not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(422, f"malformed JSON: {exc.msg} (line {exc.lineno} column "
                            f"{exc.colno})") from None
    except RecursionError:
        raise ApiError(422, "malformed JSON: nested too deep") from None
    if not isinstance(value, dict):
        raise ApiError(422, f"expected a JSON object, not {type(value).__name__}")
    return value


def openapi_body(json_schema: dict[str, Any] | None, form_schema: dict[str, Any] | None,
                 ) -> dict[str, Any]:
    """The requestBody of a route that reads its body itself (read_body), for /docs."""
    content: dict[str, Any] = {}
    if json_schema is not None:
        content[JSON_TYPE] = {"schema": {"type": "object", **json_schema}}
    if form_schema is not None:
        content[FORM_TYPE] = {"schema": {"type": "object", **form_schema}}
    return {"requestBody": {"required": True, "content": content}}


def binary(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "binary", "description": description}


def string(description: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **more}
