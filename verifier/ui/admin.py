"""The admin's page: people and their roles (add; change a role, confirmed; deactivate,
reactivate, reset a password), through verifier.services.users (which refuses non-admins,
self-demotion and leaving the store without an active admin); the organisation that signs the
published fact-checks, through verifier.services.settings; the facts of each pack, read as
sentences; the upload limit and the ingestion cap."""
from __future__ import annotations

import streamlit as st

from verifier import services
from verifier.services import ROLES
from verifier.ui import auth, widgets

REFUSED = (services.UserError, services.PermissionDenied, services.users.HashingBusy)


def _organisation(actor: services.Principal) -> None:
    """Who signs the published fact-checks (ClaimReview `author`, the reports' heading): shown,
    and changed through the same service as `verifier setup`."""
    st.subheader("Organisation")
    st.caption("Its name and URL sign every published fact-check (ClaimReview) and head the "
               "reports; the ClaimReview export is refused until both are set.")
    try:
        org = services.settings.organisation(actor)
    except (services.settings.SettingsError, services.PermissionDenied) as exc:
        st.error(widgets.md(str(exc).splitlines()[0]))
        return
    overridden = [v for o, v in ((org.name_origin, "VERIFIER_ORGANISATION"),
                                 (org.url_origin, "VERIFIER_ORGANISATION_URL")) if o == v]
    if overridden:
        st.info(f"Set by the server's environment ({', '.join(overridden)}), which takes "
                "precedence over what is saved here.")
    with st.form("admin_org"):
        c = st.columns(2)
        name = c[0].text_input("Name", value=org.name or "", key="admin_org_name",
                               max_chars=200)
        url = c[1].text_input("URL (http or https)", value=org.url or "", key="admin_org_url",
                              max_chars=500, placeholder="https://factcheck.example.org/")
        go = st.form_submit_button("Save organisation", key="admin_org_btn")
    st.caption(f"Kept in {widgets.md(org.path)} (also `verifier setup --org-name … --org-url …`).")
    if go:
        try:
            saved = services.settings.set_organisation(actor, name, url)
        except (services.settings.SettingsError, services.PermissionDenied) as exc:
            st.error(widgets.md(str(exc).splitlines()[0]))
        else:
            st.success(f"Fact-checks are now signed by {widgets.md(saved.name or '')}.")


def _add(actor: services.Principal) -> None:
    with st.form("admin_add_user", clear_on_submit=True):
        st.markdown("**Add a user**")
        c = st.columns(4)
        name = c[0].text_input("User name", key="admin_new_name")
        role = c[1].selectbox("Role", ROLES, key="admin_new_role")
        email = c[2].text_input("E-mail (for single sign-on)", key="admin_new_email")
        password = c[3].text_input("Password (local sign-in)", type="password",
                                   key="admin_new_password")
        go = st.form_submit_button("Add user", key="admin_add_btn")
    if go:
        try:
            user = services.users.add_user(actor, name.strip(), role,
                                           email=email.strip().lower() or None,
                                           password=password or None)
        except REFUSED as exc:
            st.error(str(exc))
        else:
            st.success(f"Added {widgets.md(user.name)} as {user.role}.")


def _change_role(actor: services.Principal, users: list[services.User]) -> None:
    """A role change in two steps: choose the user and the new role (nothing preselected),
    then confirm "Change X from editor to admin?"."""
    ss = st.session_state
    roles = {u.name: u.role for u in users}
    with st.form("admin_set_role"):
        st.markdown("**Change a role**")
        c = st.columns(2)
        name = c[0].selectbox("User", list(roles), key="admin_role_user", index=None,
                              placeholder="Choose a user")
        role = c[1].selectbox("New role", ROLES, key="admin_role_role", index=None,
                              placeholder="Choose a role")
        go = st.form_submit_button("Change role…", key="admin_role_btn")
    if go:
        ss.pop("admin_role_done", None)
        if not name or not role:
            ss.pop("admin_role_pending", None)
            st.error("Choose a user and a role.")
        elif roles.get(name) == role:
            ss.pop("admin_role_pending", None)
            st.info(f"{widgets.md(name)} is already {role}.")
        else:
            ss["admin_role_pending"] = (name, roles.get(name), role)
    pending = ss.get("admin_role_pending")
    if pending:
        who, old, new = pending
        st.warning(f"Change {widgets.md(who)} from {old} to {new}?", icon=":material/help:")
        b = st.columns([1, 1, 6])
        if b[0].button("Confirm", type="primary", key="admin_role_confirm"):
            ss.pop("admin_role_pending", None)
            try:
                user = services.users.set_role(actor, who, new)
            except REFUSED as exc:
                st.error(str(exc))
            else:
                ss["admin_role_done"] = f"{widgets.md(user.name)} is now {user.role}."
                st.rerun()
        if b[1].button("Cancel", key="admin_role_cancel"):
            ss.pop("admin_role_pending", None)
            st.rerun()
    done = ss.pop("admin_role_done", None)
    if done:
        st.success(done)


def _access(actor: services.Principal, names: list[str]) -> None:
    """Deactivate or reactivate someone, or reset their password. Nobody is preselected, so a
    click on its own changes nothing."""
    with st.form("admin_access"):
        st.markdown("**Access: deactivate, reactivate, reset a password**")
        c = st.columns(3)
        name = c[0].selectbox("User", names, key="admin_access_user", index=None,
                              placeholder="Choose a user")
        action = c[1].selectbox("Action", ["deactivate", "reactivate", "reset password"],
                                key="admin_access_action", index=None,
                                placeholder="Choose an action")
        password = c[2].text_input("New password (for a reset)", type="password",
                                   key="admin_access_password", autocomplete="new-password")
        go = st.form_submit_button("Apply", key="admin_access_btn")
    if not go:
        return
    if not name or not action:
        st.error("Choose a user and an action.")
        return
    try:
        if action == "reset password":
            services.users.set_password(actor, name, password)
            st.success(f"Password of {widgets.md(name)} reset; tell them through another channel.")
        else:
            user = services.users.set_active(actor, name, action == "reactivate")
            st.success(f"{widgets.md(user.name)} is now "
                       f"{'active' if user.active else 'deactivated: they can no longer sign in'}.")
    except REFUSED as exc:
        st.error(str(exc))


def _facts(me: services.Principal) -> None:
    """The facts of each pack, read as sentences where their predicate allows (as text: a
    pack's source address is shown, never made a link)."""
    st.subheader("Facts of each pack")
    packs = services.sources.loaded_packs(me)
    if not packs:
        st.info("No facts pack loaded yet: add one on the Sources page.")
        return
    names = [p["pack"] for p in packs]
    counts = {p["pack"]: p["facts"] for p in packs}
    c = st.columns([2, 3])
    pack = c[0].selectbox("Pack", names, key="admin_facts_pack",
                          format_func=lambda n: f"{n} ({counts.get(n, 0)} facts)")
    find = c[1].text_input("Find (subject, object, source…)", key="admin_facts_find")
    rows = services.sources.fact_table(me, pack=pack)
    if find.strip():
        needle = find.strip().casefold()
        rows = [r for r in rows if any(needle in str(v).casefold() for v in r.values())]
    st.caption(f"{len(rows)} facts")
    st.dataframe([{k: v for k, v in r.items() if k != "pack"} for r in rows], hide_index=True,
                 width="stretch", key="admin_facts_table")


def _limits() -> None:
    """The upload limit the server really applies, and the ingestion cap."""
    upload_mb = int(st.get_option("server.maxUploadSize"))
    cap = services.max_document_bytes()
    cap_mb = cap / (1024 * 1024)
    cap_text = f"{cap_mb:g} MB" if cap >= 1024 * 1024 else f"{cap:,} bytes"
    st.text(f"Uploads: at most {upload_mb} MB per file (server.maxUploadSize, "
            ".streamlit/config.toml). Documents, drafts and sources: at most "
            f"{cap_text} (VERIFIER_MAX_BYTES).")
    if abs(upload_mb - cap_mb) > 1e-9:
        smaller = "the upload limit" if upload_mb < cap_mb else "the ingestion cap"
        st.warning(f"The two limits differ: {smaller} applies to uploads. Set them to the same "
                   "size.")


def render() -> None:
    user = auth.require("admin")
    st.title("Users and roles")
    st.caption("Fact-checkers mark verdicts; editors check drafts; auditors read the history and "
               "export; admins manage users and sources. Every change is in the audit log.")
    _add(user.principal)
    everyone = services.users.list_users(user.principal)
    _change_role(user.principal, everyone)
    _access(user.principal, [u.name for u in everyone])
    everyone = services.users.list_users(user.principal)
    st.subheader(f"Users ({len(everyone)})")
    st.dataframe([{"name": u.name, "role": u.role, "e-mail": u.email or "",
                   "password": "set" if u.password_hash else "—", "active": u.active,
                   "since": u.created_at} for u in everyone],
                 hide_index=True, width="stretch", key="admin_users")
    _organisation(user.principal)
    st.divider()
    _facts(user.principal)
    st.divider()
    st.subheader("Limits")
    _limits()
