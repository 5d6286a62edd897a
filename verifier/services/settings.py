"""The organisation that publishes the fact-checks: its name and URL sign every ClaimReview
(`author`) and head every report. Set once by an admin (`verifier setup`, the admin page), kept
in the settings file beside the store (verifier/db/settings.py; docs/decisions.md §26); every
change is an audit event ("settings")."""
from __future__ import annotations

from pathlib import Path

from verifier.db import audit
from verifier.db.settings import (
    Organisation,
    SettingsError,
    check_organisation,
    config_path,
    file_bytes,
    read_organisation,
    restore,
    write_organisation,
)
from verifier.db.store import Store
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.principal import ADMIN_ROLES, ANY_ROLE, Principal

# What `verifier demo` sets when no organisation is set: example.org is reserved for examples,
# so nothing published with it can point at a real site.
EXAMPLE_ORGANISATION = ("Example Fact-Check Desk (demo)", "https://factcheck.example.org/reviews")

__all__ = ["EXAMPLE_ORGANISATION", "Organisation", "SettingsError", "ensure_example_organisation",
           "example_organisation", "organisation", "set_organisation"]


@service
def organisation(principal: Principal, *, db: Db = None) -> Organisation:
    """The organisation as the exports will use it (the environment's values before the
    file's), with where each value comes from. Anyone with a role may read it."""
    store = store_of(db)
    authorise(store, principal, ANY_ROLE, "read the settings", scope=None)
    return read_organisation(store.url)


def _stored(path: Path, database_url: str) -> dict[str, str | None]:
    """What the settings file holds now (not the environment), for the audit event."""
    try:
        org = read_organisation(database_url)
    except SettingsError:
        return {"name": None, "url": None}
    return {"name": org.name if org.name_origin == str(path) else None,
            "url": org.url if org.url_origin == str(path) else None}


@service
def set_organisation(principal: Principal, name: str | None = None, url: str | None = None, *,
                     db: Db = None) -> Organisation:
    """Store the organisation's name and URL in the settings file (either may be left out when
    the file already has it); admins (and the store owner of a store without users: it signs
    what the newsroom publishes, docs/decisions.md §23). The file is written inside the
    transaction that appends the "settings" audit event, and put back if that transaction
    fails. Nothing is written (and no event appended) when nothing changes."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "set the organisation", scope="admin")
    return _set(store, principal, name, url)


def _set(store: Store, principal: Principal, name: str | None,
         url: str | None) -> Organisation:
    path = config_path(store.url)
    old = _stored(path, store.url)
    new_name = name if name is not None and name.strip() else old["name"]
    new_url = url if url is not None and url.strip() else old["url"]
    if not new_name or not new_url:
        raise SettingsError("give both the organisation's name and its URL (--org-name, "
                            "--org-url): the settings file has "
                            + ("neither" if not (old["name"] or old["url"]) else "only one"))
    new_name, new_url = check_organisation(new_name, new_url)
    new = {"name": new_name, "url": new_url}
    if new != old:
        _write(store, principal, path, old, new)
    return read_organisation(store.url)


def _write(store: Store, principal: Principal, path: Path,
           old: dict[str, str | None], new: dict[str, str]) -> None:
    """The file is replaced inside the transaction of its audit event, and put back as it was
    if anything fails from the write on (the write itself, or the commit)."""
    previous = file_bytes(path)
    writing = False
    try:
        with store.write() as session:
            audit.append(session, actor=principal.name, action="settings",
                         old={"organisation": old},
                         new={"organisation": new, "file": str(path)})
            writing = True
            write_organisation(path, new["name"], new["url"])
    except BaseException:
        if writing:
            restore(path, previous)
        raise


@service
def ensure_example_organisation(principal: Principal, *, db: Db = None) -> Organisation | None:
    """For the demo: set EXAMPLE_ORGANISATION unless the settings file names an organisation
    already (a real newsroom's settings are never replaced). Returns it when set now."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "set the organisation", scope="admin")
    return example_organisation(store, principal)


def example_organisation(store: Store, principal: Principal) -> Organisation | None:
    """ensure_example_organisation once its caller is authorised (services.demo decides for
    the demo as a whole)."""
    old = _stored(config_path(store.url), store.url)
    if old["name"] or old["url"]:
        return None
    return _set(store, principal, *EXAMPLE_ORGANISATION)
