"""The bundled demo: the demo facts pack, one account per role, the seed article, and an
example organisation to sign its fact-checks when none is set. The demo passwords are public
(docs/ui.md, README): demo data only, never a real newsroom's store."""
from __future__ import annotations

from importlib import resources

from verifier.db.documents import find_by_sha256
from verifier.db.facts import import_pack, list_facts, pack_infos, store_pack
from verifier.db.store import Store
from verifier.db.users import add_user, get_user
from verifier.reference.packs import bundled_manifest, parse_bundled
from verifier.services._base import Db, authorise, service, store_of
from verifier.services.documents import ingest_into
from verifier.services.principal import ADMIN_ROLES, Principal
from verifier.services.settings import example_organisation

DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (
    ("fatima", "fact-checker"),
    ("eddie", "editor"),
    ("ada", "auditor"),
    ("adam", "admin"),
)
DEMO_FILES = ("seed-maroc-russie-fr.txt",)

__all__ = ["DEMO_ACCOUNTS", "DEMO_FILES", "demo_loaded", "demo_password", "ensure_demo_accounts",
           "import_demo_facts", "load_demo"]


def demo_password(name: str) -> str:
    return f"demo-{name}"


def _seed_files() -> list[tuple[str, bytes]]:
    base = resources.files("verifier") / "data" / "demo"
    return [(name, (base / name).read_bytes()) for name in DEMO_FILES]


def demo_loaded(*, db: Db = None) -> bool:
    """Whether the whole demo is in the store already (its facts pack, every demo account, the
    seed article), so that loading it again would change nothing."""
    from verifier.services.documents import read

    store = store_of(db)
    with store.read() as session:
        if not list_facts(session=session, pack="demo"):
            return False
        stored = {p.name for p in pack_infos(session)}
        if not set(bundled_manifest()) <= stored:
            return False
        if any(get_user(session, name) is None for name, _ in DEMO_ACCOUNTS):
            return False
        return all(find_by_sha256(session=session, sha256=read(data, name=name).sha256)
                   is not None for name, data in _seed_files())


def _may_load(store: Store, principal: Principal, what: str) -> bool:
    """Admins; the store owner while the store has no user (bootstrap), or when the demo is
    loaded already (`make run` runs `verifier demo` every time: a second run changes nothing,
    so it needs no credentials). False for the latter: the caller changes nothing."""
    if principal.is_store_owner and demo_loaded(db=store):
        return False
    authorise(store, principal, ADMIN_ROLES, what, scope="admin")
    return True


@service
def ensure_demo_accounts(principal: Principal, *, db: Db = None) -> list[str]:
    """Create the demo accounts that do not exist yet (existing ones, and their passwords and
    roles, are left alone); admins, and the store owner of a store without users. Returns the
    names created."""
    store = store_of(db)
    _may_load(store, principal, "create the demo accounts")
    return _ensure_accounts(store, principal.name)


def _ensure_accounts(store: Store, actor: str) -> list[str]:
    created: list[str] = []
    for name, role in DEMO_ACCOUNTS:
        with store.read() as session:
            exists = get_user(session, name) is not None
        if exists:
            continue
        add_user(store=store, name=name, role=role, password=demo_password(name),
                 actor=actor, trusted=True, policy=False)  # public: loopback only
        created.append(name)
    return created


@service
def import_demo_facts(principal: Principal, *, db: Db = None) -> tuple[str, int] | None:
    """Import the bundled demo facts pack unless it is stored: (pack, facts) or None."""
    store = store_of(db)
    _may_load(store, principal, "load the demo")
    return _import_facts(store, principal.name)


def _import_facts(store: Store, actor: str) -> tuple[str, int] | None:
    base = resources.files("verifier") / "data" / "demo"
    with store.write() as session:
        if list_facts(session=session, pack="demo"):
            return None
        result = import_pack(session=session, path_or_bytes=(base / "facts.yaml").read_bytes(),
                             name="facts.yaml", actor=actor)
    return result.pack, result.facts


def _import_bundled(store: Store, actor: str) -> list[tuple[str, int, str]]:
    """The bundled packs not stored yet (verifier/data/packs/): (pack, facts, build date)."""
    with store.read() as session:
        stored = {p.name for p in pack_infos(session)}
    missing = [n for n in sorted(bundled_manifest()) if n not in stored]
    if not missing:
        return []
    packs = [parse_bundled(n) for n in missing]
    with store.write() as session:
        done = [store_pack(session=session, pack=p, actor=actor) for p in packs]
    return [(r.pack, r.facts, str(p.meta.built or "")) for r, p in zip(done, packs, strict=True)]


@service
def load_demo(principal: Principal, *, db: Db = None) -> list[str]:
    """Load the demo into the store (the facts pack, the accounts, the seed article, an example
    organisation unless one is set); running it again changes nothing (and then needs no
    credentials: the store owner's run on a loaded demo sets no organisation either). Returns
    one line per step, for the shell to print."""
    store = store_of(db)
    may_change = _may_load(store, principal, "load the demo")
    lines: list[str] = []
    imported = _import_facts(store, principal.name)
    if imported is not None:
        lines.append(f"demo: facts pack {imported[0]} ({imported[1]} facts)")
    for pack, n, built in _import_bundled(store, principal.name):
        lines.append(f"demo: bundled facts pack {pack} ({n} facts, built {built})")
    _ensure_accounts(store, principal.name)
    lines.append("demo: accounts " + ", ".join(f"{n} ({r})" for n, r in DEMO_ACCOUNTS))
    if may_change:
        example = example_organisation(store, principal)
        if example is not None:
            lines.append(f"demo: organisation {example.name} <{example.url}>, an example in "
                         f"{example.path} (yours: verifier setup --org-name NAME --org-url URL)")
    for name, data in _seed_files():
        res = ingest_into(store, data, name=name, kind="article", actor=principal.name)
        state = f"stored, {res.claims_added} claims" if res.created else "already stored"
        lines.append(f"demo: {name} -> document {res.document.id} ({state})")
    return lines
