"""The few things the page asks the browser to do itself, each a fixed script: keep the
session cookie (set it after sign-in, remove it at sign-out), remember the interface language
(en or fr) and scroll the document pane to the open claim.

These are the only scripts the app runs (`st.html(..., unsafe_allow_javascript=True)`). Each
is a constant template; what goes into it is checked first — a claim id is an int, a token
matches TOKEN — so no document text, name or other string ever reaches a script.
`is_own_script` recognises them (the hostile-text tests allow these and nothing else)."""
from __future__ import annotations

import re

import streamlit as st

COOKIE = "verifier_session"
# The interface language chosen with the sidebar's switch (verifier/ui/i18n.py): "en" or "fr".
LANG_COOKIE = "verifier_lang"
LANG_VALUES = ("en", "fr")
LANG_MAX_AGE = 365 * 24 * 3600
TOKEN = re.compile(r"[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")

_SET_COOKIE = ('<script>document.cookie = "' + COOKIE + '=%(token)s; Path=/; Max-Age=%(age)d; '
               'SameSite=Strict" + (location.protocol === "https:" ? "; Secure" : "");</script>')
_CLEAR_COOKIE = ('<script>document.cookie = "' + COOKIE + '=; Path=/; Max-Age=0; SameSite=Strict";'
                 '</script>')
_SET_LANG = ('<script>document.cookie = "' + LANG_COOKIE + '=%(lang)s; Path=/; Max-Age=%(age)d; '
             'SameSite=Strict" + (location.protocol === "https:" ? "; Secure" : "");</script>')
# Scroll the scrolling box that holds the document (and nothing else: not the window) so that
# the open claim's mark is in its middle. Retried while Streamlit draws the document.
_SCROLL = """<script>(function () {
  var id = "%(claim)d", tries = 0;
  function go() {
    var box = document.querySelector(".st-key-desk_doc_box");
    var el = box && box.querySelector('mark[data-claim="' + id + '"]');
    if (!el) { if (tries++ < 100) { setTimeout(go, 100); } return; }
    var s = el.parentElement;
    while (s && !(s.scrollHeight > s.clientHeight + 1
                  && /(auto|scroll)/.test(getComputedStyle(s).overflowY))) {
      if (s === box) { s = null; break; }
      s = s.parentElement;
    }
    if (!s) { return; }
    var r = el.getBoundingClientRect(), b = s.getBoundingClientRect();
    s.scrollTop += (r.top - b.top) - s.clientHeight / 2 + r.height / 2;
    s.setAttribute("data-scrolled-to", id);
  }
  go();
})();</script>"""

_OWN = [re.compile(re.escape(_SET_COOKIE).replace(re.escape("%(token)s"), TOKEN.pattern)
                   .replace(re.escape("%(age)d"), r"\d+")),
        re.compile(re.escape(_CLEAR_COOKIE)),
        re.compile(re.escape(_SET_LANG).replace(re.escape("%(lang)s"), "(?:en|fr)")
                   .replace(re.escape("%(age)d"), r"\d+")),
        re.compile(re.escape(_SCROLL).replace(re.escape("%(claim)d"), r"\d+"))]


def is_own_script(body: str) -> bool:
    """True when `body` is exactly one of this module's scripts (with a valid token or id)."""
    return any(p.fullmatch(body) for p in _OWN)


def set_session_cookie(token: str, max_age: int) -> None:
    """Keep the sign-in across reloads: the signed token (services.sessions.issue) in a cookie
    of this site only (SameSite=Strict; Secure over https), for `max_age` seconds."""
    if not TOKEN.fullmatch(token):
        raise ValueError("not a session token")
    st.html(_SET_COOKIE % {"token": token, "age": int(max_age)}, unsafe_allow_javascript=True,
            width="content")


def clear_session_cookie() -> None:
    st.html(_CLEAR_COOKIE, unsafe_allow_javascript=True, width="content")


def set_language_cookie(lang: str) -> None:
    """Remember the interface language in this browser ("en" or "fr" only), for a year."""
    if lang not in LANG_VALUES:
        raise ValueError("not an interface language")
    st.html(_SET_LANG % {"lang": lang, "age": LANG_MAX_AGE}, unsafe_allow_javascript=True,
            width="content")


def scroll_to_claim(claim_id: int) -> None:
    """Scroll the document pane (the container keyed desk_doc_box) to the claim's mark."""
    st.html(_SCROLL % {"claim": int(claim_id)}, unsafe_allow_javascript=True, width="content")
