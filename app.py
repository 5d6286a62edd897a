"""Streamlit entry point: `streamlit run app.py` (or `make run`).

Sign-in first (OIDC when .streamlit/secrets.toml has an [auth] section, else local accounts),
then the pages the signed-in user's role may use, with st.navigation. The pages live in
verifier/ui/ and call verifier.services; see docs/ui.md."""
from __future__ import annotations

import streamlit as st

from verifier import services
from verifier.ui import auth, i18n
from verifier.ui.i18n import _

st.set_page_config(page_title="verifier", page_icon=":material/search:", layout="wide")

PAGES = {
    "desk": st.Page("verifier/ui/pages/desk.py", title=_("Review desk"), icon=":material/fact_check:",
                    url_path="desk"),
    "editor": st.Page("verifier/ui/pages/editor.py", title=_("Check a draft"), icon=":material/edit_note:",
                      url_path="editor"),
    "sources": st.Page("verifier/ui/pages/sources.py", title=_("Sources and facts"),
                       icon=":material/library_books:", url_path="sources"),
    "auditor": st.Page("verifier/ui/pages/auditor.py", title=_("Audit"), icon=":material/policy:",
                       url_path="audit"),
    "admin": st.Page("verifier/ui/pages/admin.py", title=_("Users and roles"), icon=":material/group:",
                     url_path="admin"),
}
# The first page of each list is where the role lands after signing in.
ROLE_PAGES = {
    "fact-checker": ["desk", "editor", "sources"],
    "editor": ["editor", "desk"],
    "auditor": ["auditor", "desk"],
    "admin": ["desk", "editor", "sources", "auditor", "admin"],
}

user = auth.current_user()
auth.remember(user)
if user is None:
    if not services.users.has_users() and not auth.oidc_configured():
        st.title("verifier")
        i18n.language_switch()
        st.info(_("No users yet. Load the demo, which also creates one account per role, with "
                  "`verifier demo`; or add an admin with "
                  "`verifier users add NAME --role admin --new-password-stdin` (its password on "
                  "standard input)."))
    else:
        auth.sign_in_page()
    st.stop()

assert user is not None
auth.sidebar(user)
i18n.language_switch()
landing = ROLE_PAGES.get(user.role, ["desk"])


def _home() -> None:
    """The app's root: the role's landing page. A hidden page of its own, so that every real
    page keeps its address (/desk?claim=ID opens the desk whatever the role lands on; the
    default page of st.navigation is served at the root only); the claim named in the
    address comes along."""
    claim = st.query_params.get("claim")
    target = "desk" if claim is not None and "desk" in landing else landing[0]
    st.switch_page(PAGES[target], query_params={"claim": claim} if claim is not None else None)


home = st.Page(_home, title="verifier", url_path="home", default=True, visibility="hidden")
st.navigation([home] + [PAGES[key] for key in landing]).run()
