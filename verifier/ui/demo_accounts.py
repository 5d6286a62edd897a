"""One account per role for the demo (`verifier demo`). The passwords are public (docs/ui.md,
README): demo data only, never a real newsroom's store."""
from __future__ import annotations

from verifier.db.store import Store
from verifier.db.users import add_user, get_user

DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (
    ("fatima", "fact-checker"),
    ("eddie", "editor"),
    ("ada", "auditor"),
    ("adam", "admin"),
)


def demo_password(name: str) -> str:
    return f"demo-{name}"


def ensure_demo_accounts(store: Store, actor: str) -> list[str]:
    """Create the demo accounts that do not exist yet (existing ones, and their passwords and
    roles, are left alone). Returns the names created."""
    created: list[str] = []
    for name, role in DEMO_ACCOUNTS:
        with store.read() as session:
            exists = get_user(session, name) is not None
        if exists:
            continue
        add_user(store=store, name=name, role=role, password=demo_password(name), actor=actor,
                 trusted=True)
        created.append(name)
    return created
