"""The interface's language, French or English, and its one catalogue (docs/decisions.md §30).

Every string the pages show goes through `_()` (or `ngettext`), with the English text as the
message id: `_("Review desk")`, `_("Saved claim #{id}").format(id=...)` — never an f-string
inside `_()`, so that Babel's extractor sees the literal. The French catalogue is
`verifier/ui/locale/fr/LC_MESSAGES/messages.po`; it is compiled with Babel when first used, in
memory (`babel.messages.mofile.write_mo`, read back by `gettext.GNUTranslations`), so no build
step can be forgotten and no stale `.mo` can be shipped. `make messages` extracts the strings
and updates the `.po`; tests/test_i18n.py fails when a string has no French translation.

Which language: the one chosen with the sidebar's switch in this session; else the
`verifier_lang` cookie that switch leaves (a year, this site only), so a reload or the next
visit keeps it; else the browser's (`st.context.locale`, then its Accept-Language header);
else English. What the desk says about a claim stays in the article's language
(verifier/explain.py), whatever the interface's."""
from __future__ import annotations

import gettext
import io
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from verifier.ui import browser

LANGS = ("en", "fr")
LANG_NAMES = {"en": "English", "fr": "Français"}
DEFAULT = "en"
SESSION_KEY = "ui_lang"
WIDGET_KEY = "ui_lang_choice"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogue(lang: str) -> bytes:
    """The `.mo` of `lang`'s `.po`, compiled with Babel (fuzzy entries left out)."""
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """English is the message ids themselves; French comes from its catalogue."""
    if lang == DEFAULT or lang not in LANGS:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_catalogue(lang)))


_TAG = re.compile(r"^\s*([A-Za-z]{1,8})(?:[-_][A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def pick(accept_language: str | None, locale: str | None = None) -> str | None:
    """The interface language the browser asks for: its locale ("fr-FR") if it is French or
    English, else the first of French or English in its Accept-Language header by weight
    ("de-DE,fr;q=0.8,en;q=0.5" -> "fr"); None when it names neither."""
    if locale:
        base = re.split(r"[-_]", locale.strip(), maxsplit=1)[0].lower()
        if base in LANGS:
            return base
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        m = _TAG.match(part)
        if not m:
            continue
        try:
            q = float(m.group(2)) if m.group(2) else 1.0
        except ValueError:
            continue
        base = m.group(1).lower()
        if base in LANGS and q > 0:
            ranked.append((-q, i, base))
    return min(ranked)[2] if ranked else None


def _browser_language() -> str | None:
    try:
        locale = st.context.locale
    except Exception:  # no browser behind this run
        locale = None
    try:
        header = st.context.headers.get("Accept-Language")
    except Exception:
        header = None
    return pick(header, locale)


def _cookie_language() -> str | None:
    try:
        value = st.context.cookies.get(browser.LANG_COOKIE)
    except Exception:
        return None
    return value if value in LANGS else None


def current() -> str:
    """This session's interface language (module docstring), decided once per session."""
    try:
        ss = st.session_state
        lang = ss.get(SESSION_KEY)
        if lang not in LANGS:
            lang = _cookie_language() or _browser_language() or DEFAULT
            ss[SESSION_KEY] = lang
    except Exception:  # no Streamlit session (a script, a unit test): English
        return DEFAULT
    return str(lang)


def _(message: str) -> str:
    """`message` (English, a literal) in this session's interface language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)


def _chosen() -> None:
    ss = st.session_state
    if ss.get(WIDGET_KEY) in LANGS:
        ss[SESSION_KEY] = ss[WIDGET_KEY]
        ss["ui_lang_remember"] = True
    else:  # a click on the chosen language unselects it: it stays chosen
        ss[WIDGET_KEY] = current()


def language_switch() -> None:
    """The sidebar's language switch: for this session, and in a cookie for the next ones."""
    ss = st.session_state
    ss[WIDGET_KEY] = current()
    st.sidebar.segmented_control("Language · Langue", LANGS, key=WIDGET_KEY,
                                 format_func=LANG_NAMES.__getitem__, on_change=_chosen)
    if ss.pop("ui_lang_remember", None):
        browser.set_language_cookie(current())


__all__ = ["DEFAULT", "LANGS", "LANG_NAMES", "N_", "SESSION_KEY", "WIDGET_KEY", "_", "compile_catalogue",
           "current", "labels", "language_switch", "ngettext", "pick", "po_path", "translations"]


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined (a table of labels); translate it
    with `_()` where it is shown."""
    return message


def labels(options: Iterable[Any], label: Callable[[Any], str]) -> Callable[[Any], str]:
    """A widget's `format_func` with its labels translated now, in this run's language (a
    widget may call its format_func outside the run: it must not look the language up then)."""
    table = {option: label(option) for option in options}
    return lambda option: table.get(option, str(option))
