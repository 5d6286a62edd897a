"""The bundled demo: the demo facts pack, one account per role, the seed article, and an
example organisation to sign its fact-checks when none is set. The demo passwords are public
(docs/ui.md, README): demo data only, never a real newsroom's store."""
from __future__ import annotations

from importlib import resources

from verifier.db.facts import import_pack, list_facts
from verifier.db.users import add_user, get_user
from verifier.services._base import Db, authorise, store_of
from verifier.services.documents import ingest_into
from verifier.services.principal import ADMIN_ROLES, Principal
from verifier.services.settings import ensure_example_organisation

DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (
    ("fatima", "fact-checker"),
    ("eddie", "editor"),
    ("ada", "auditor"),
    ("adam", "admin"),
)
DEMO_FILES = ("seed-maroc-russie-fr.txt",)

__all__ = ["DEMO_ACCOUNTS", "DEMO_FILES", "demo_password", "ensure_demo_accounts", "load_demo"]


def demo_password(name: str) -> str:
    return f"demo-{name}"


def ensure_demo_accounts(principal: Principal, *, db: Db = None) -> list[str]:
    """Create the demo accounts that do not exist yet (existing ones, and their passwords and
    roles, are left alone); admins and the store owner only. Returns the names created."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "create the demo accounts")
    created: list[str] = []
    for name, role in DEMO_ACCOUNTS:
        with store.read() as session:
            exists = get_user(session, name) is not None
        if exists:
            continue
        add_user(store=store, name=name, role=role, password=demo_password(name),
                 actor=principal.name, trusted=True, policy=False)  # public: loopback only
        created.append(name)
    return created


def import_demo_facts(principal: Principal, *, db: Db = None) -> tuple[str, int] | None:
    """Import the bundled demo facts pack unless it is stored: (pack, facts) or None."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "load the demo")
    base = resources.files("verifier") / "data" / "demo"
    with store.write() as session:
        if list_facts(session=session, pack="demo"):
            return None
        result = import_pack(session=session, path_or_bytes=(base / "facts.yaml").read_bytes(),
                             name="facts.yaml", actor=principal.name)
    return result.pack, result.facts


def load_demo(principal: Principal, *, db: Db = None) -> list[str]:
    """Load the demo into the store (the facts pack, the accounts, the seed article, an example
    organisation unless one is set); running it again changes nothing. Returns one line per
    step, for the shell to print."""
    store = store_of(db)
    authorise(store, principal, ADMIN_ROLES, "load the demo")
    lines: list[str] = []
    imported = import_demo_facts(principal, db=store)
    if imported is not None:
        lines.append(f"demo: facts pack {imported[0]} ({imported[1]} facts)")
    ensure_demo_accounts(principal, db=store)
    lines.append("demo: accounts " + ", ".join(f"{n} ({r})" for n, r in DEMO_ACCOUNTS))
    example = ensure_example_organisation(principal, db=store)
    if example is not None:
        lines.append(f"demo: organisation {example.name} <{example.url}>, an example in "
                     f"{example.path} (yours: verifier setup --org-name NAME --org-url URL)")
    base = resources.files("verifier") / "data" / "demo"
    for name in DEMO_FILES:
        res = ingest_into(store, (base / name).read_bytes(), name=name, kind="article",
                          actor=principal.name)
        state = f"stored, {res.claims_added} claims" if res.created else "already stored"
        lines.append(f"demo: {name} -> document {res.document.id} ({state})")
    return lines
