"""The admin's page: people and their roles (add; change a role, confirmed; deactivate,
reactivate, reset a password), through verifier.services.users (which refuses non-admins,
self-demotion and leaving the store without an active admin); the organisation that signs the
published fact-checks, through verifier.services.settings; the facts of each pack, read as
sentences; the upload limit and the ingestion cap."""
from __future__ import annotations

import streamlit as st

from verifier import services
from verifier.services import ROLES
from verifier.ui import auth, i18n, widgets
from verifier.ui.i18n import N_, _, ngettext

REFUSED = (services.UserError, services.PermissionDenied, services.users.HashingBusy)
ACCESS_ACTIONS = {"deactivate": N_("deactivate"), "reactivate": N_("reactivate"),
                  "reset password": N_("reset password")}


def _organisation(actor: services.Principal) -> None:
    """Who signs the published fact-checks (ClaimReview `author`, the reports' heading): shown,
    and changed through the same service as `verifier setup`."""
    st.subheader(_("Organisation"))
    st.caption(_("Its name and URL sign every published fact-check (ClaimReview) and head the "
                 "reports; the ClaimReview export is refused until both are set."))
    try:
        org = services.settings.organisation(actor)
    except (services.settings.SettingsError, services.PermissionDenied) as exc:
        st.error(widgets.md(str(exc).splitlines()[0]))
        return
    overridden = [v for o, v in ((org.name_origin, "VERIFIER_ORGANISATION"),
                                 (org.url_origin, "VERIFIER_ORGANISATION_URL")) if o == v]
    if overridden:
        st.info(_("Set by the server's environment ({names}), which takes precedence over "
                  "what is saved here.").format(names=", ".join(overridden)))
    with st.form("admin_org"):
        c = st.columns(2)
        name = c[0].text_input(_("Name"), value=org.name or "", key="admin_org_name",
                               max_chars=200)
        url = c[1].text_input(_("URL (http or https)"), value=org.url or "", key="admin_org_url",
                              max_chars=500, placeholder="https://factcheck.example.org/")
        go = st.form_submit_button(_("Save organisation"), key="admin_org_btn")
    st.caption(_("Kept in {path} (also `verifier setup --org-name … --org-url …`).").format(
        path=widgets.md(org.path)))
    if go:
        try:
            saved = services.settings.set_organisation(actor, name, url)
        except (services.settings.SettingsError, services.PermissionDenied) as exc:
            st.error(widgets.md(str(exc).splitlines()[0]))
        else:
            st.success(_("Fact-checks are now signed by {name}.").format(
                name=widgets.md(saved.name or "")))


def _add(actor: services.Principal) -> None:
    with st.form("admin_add_user", clear_on_submit=True):
        st.markdown("**" + _("Add a user") + "**")
        c = st.columns(4)
        name = c[0].text_input(_("User name"), key="admin_new_name")
        role = c[1].selectbox(_("Role"), ROLES, key="admin_new_role", format_func=i18n.labels(ROLES, auth.role_word))
        email = c[2].text_input(_("E-mail (for single sign-on)"), key="admin_new_email")
        password = c[3].text_input(_("Password (local sign-in)"), type="password",
                                   key="admin_new_password")
        go = st.form_submit_button(_("Add user"), key="admin_add_btn")
    if go:
        try:
            user = services.users.add_user(actor, name.strip(), role,
                                           email=email.strip().lower() or None,
                                           password=password or None)
        except REFUSED as exc:
            st.error(str(exc))
        else:
            st.success(_("Added {name} as {role}.").format(name=widgets.md(user.name),
                                                           role=auth.role_word(user.role)))


def _change_role(actor: services.Principal, users: list[services.User]) -> None:
    """A role change in two steps: choose the user and the new role (nothing preselected),
    then confirm "Change X from editor to admin?"."""
    ss = st.session_state
    roles = {u.name: u.role for u in users}
    with st.form("admin_set_role"):
        st.markdown("**" + _("Change a role") + "**")
        c = st.columns(2)
        name = c[0].selectbox(_("User"), list(roles), key="admin_role_user", index=None,
                              placeholder=_("Choose a user"))
        role = c[1].selectbox(_("New role"), ROLES, key="admin_role_role", index=None,
                              placeholder=_("Choose a role"), format_func=i18n.labels(ROLES, auth.role_word))
        go = st.form_submit_button(_("Change role…"), key="admin_role_btn")
    if go:
        ss.pop("admin_role_done", None)
        if not name or not role:
            ss.pop("admin_role_pending", None)
            st.error(_("Choose a user and a role."))
        elif roles.get(name) == role:
            ss.pop("admin_role_pending", None)
            st.info(_("{name} is already {role}.").format(name=widgets.md(name),
                                                          role=auth.role_word(role)))
        else:
            ss["admin_role_pending"] = (name, roles.get(name), role)
    pending = ss.get("admin_role_pending")
    if pending:
        who, old, new = pending
        st.warning(_("Change {name} from {old} to {new}?").format(
            name=widgets.md(who), old=auth.role_word(old), new=auth.role_word(new)),
            icon=":material/help:")
        b = st.columns([1, 1, 6])
        if b[0].button(_("Confirm"), type="primary", key="admin_role_confirm"):
            ss.pop("admin_role_pending", None)
            try:
                user = services.users.set_role(actor, who, new)
            except REFUSED as exc:
                st.error(str(exc))
            else:
                ss["admin_role_done"] = _("{name} is now {role}.").format(
                    name=widgets.md(user.name), role=auth.role_word(user.role))
                st.rerun()
        if b[1].button(_("Cancel"), key="admin_role_cancel"):
            ss.pop("admin_role_pending", None)
            st.rerun()
    done = ss.pop("admin_role_done", None)
    if done:
        st.success(done)


def _access(actor: services.Principal, names: list[str]) -> None:
    """Deactivate or reactivate someone, or reset their password. Nobody is preselected, so a
    click on its own changes nothing."""
    with st.form("admin_access"):
        st.markdown("**" + _("Access: deactivate, reactivate, reset a password") + "**")
        c = st.columns(3)
        name = c[0].selectbox(_("User"), names, key="admin_access_user", index=None,
                              placeholder=_("Choose a user"))
        action = c[1].selectbox(_("Action"), list(ACCESS_ACTIONS),
                                key="admin_access_action", index=None,
                                placeholder=_("Choose an action"),
                                format_func=i18n.labels(ACCESS_ACTIONS, lambda a: _(ACCESS_ACTIONS[a])))
        password = c[2].text_input(_("New password (for a reset)"), type="password",
                                   key="admin_access_password", autocomplete="new-password")
        go = st.form_submit_button(_("Apply"), key="admin_access_btn")
    if not go:
        return
    if not name or not action:
        st.error(_("Choose a user and an action."))
        return
    try:
        if action == "reset password":
            services.users.set_password(actor, name, password)
            st.success(_("Password of {name} reset; tell them through another channel.").format(
                name=widgets.md(name)))
        else:
            user = services.users.set_active(actor, name, action == "reactivate")
            st.success((_("{name} is now active.") if user.active else
                        _("{name} is now deactivated: they can no longer sign in.")).format(
                            name=widgets.md(user.name)))
    except REFUSED as exc:
        st.error(str(exc))


def _facts(me: services.Principal) -> None:
    """The facts of each pack, read as sentences where their predicate allows (as text: a
    pack's source address is shown, never made a link)."""
    st.subheader(_("Facts of each pack"))
    packs = services.sources.loaded_packs(me)
    if not packs:
        st.info(_("No facts pack loaded yet: add one on the Sources page."))
        return
    names = [p["pack"] for p in packs]
    counts = {p["pack"]: p["facts"] for p in packs}
    c = st.columns([2, 3])
    pack = c[0].selectbox(_("Pack"), names, key="admin_facts_pack",
                          format_func=i18n.labels(names, lambda n: _("{pack} ({n} facts)").format(
                              pack=n, n=counts.get(n, 0))))
    find = c[1].text_input(_("Find (subject, object, source…)"), key="admin_facts_find")
    rows = services.sources.fact_table(me, pack=pack)
    if find.strip():
        needle = find.strip().casefold()
        rows = [r for r in rows if any(needle in str(v).casefold() for v in r.values())]
    st.caption(ngettext("{n} fact", "{n} facts", len(rows)).format(n=len(rows)))
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
    st.title(_("Users and roles"))
    st.caption(_("Fact-checkers mark verdicts; editors check drafts; auditors read the history "
                 "and export; admins manage users and sources. Every change is in the audit "
                 "log."))
    _add(user.principal)
    everyone = services.users.list_users(user.principal)
    _change_role(user.principal, everyone)
    _access(user.principal, [u.name for u in everyone])
    everyone = services.users.list_users(user.principal)
    st.subheader(_("Users ({n})").format(n=len(everyone)))
    st.dataframe([{_("name"): u.name, _("role"): auth.role_word(u.role), _("e-mail"): u.email or "",
                   _("password"): _("set") if u.password_hash else "—", _("active"): u.active,
                   _("since"): u.created_at} for u in everyone],
                 hide_index=True, width="stretch", key="admin_users")
    _organisation(user.principal)
    st.divider()
    _facts(user.principal)
    st.divider()
    st.subheader(_("Limits"))
    _limits()
