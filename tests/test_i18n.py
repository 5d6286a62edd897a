"""The French and English interface (docs/decisions.md §30): one catalogue, every string of
the pages in it with a French translation, the language chosen per session (the sidebar's
switch, remembered in a cookie; else the browser's), French labels on every page."""
from __future__ import annotations

import gettext
import io
import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from verifier.ui import browser, i18n

from .test_ui_support import (
    PAGE,
    ROOT,
    SEED,
    Seeded,
    html_of,
    own_scripts,
    seeded,
    sign_in,
    titles,
)

__all__ = ["seeded"]

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def extracted() -> set[str | tuple[str, str]]:
    """Every message of verifier/ui and app.py, with Babel's own extractor."""
    found: set[str | tuple[str, str]] = set()
    for _file, _line, msg, _comments, _ctx in extract_from_dir(
            str(ROOT / "verifier" / "ui"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.add(msg)
    for _line, msg, _comments, _ctx in extract_from_file("python", str(ROOT / "app.py"),
                                                          keywords=KEYWORDS):
        found.add(msg)
    return found


def catalogue():  # type: ignore[no-untyped-def]
    with i18n.po_path("fr").open("rb") as f:
        return read_po(f, locale="fr")


def test_every_string_of_the_interface_has_a_french_translation() -> None:
    messages = extracted()
    assert len(messages) > 200  # the extractor sees the pages
    cat = catalogue()
    missing, broken = [], []
    for msg in messages:
        key = msg[0] if isinstance(msg, tuple) else msg
        entry = cat.get(key)
        if entry is None or entry.fuzzy or not entry.string or (
                isinstance(entry.string, tuple) and not all(entry.string)):
            missing.append(key)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        ids = msg if isinstance(msg, tuple) else (msg,)
        want = set(PLACEHOLDER.findall(" ".join(ids)))
        if any(set(PLACEHOLDER.findall(s)) != want for s in strings):
            broken.append(key)
    assert not missing, f"no French translation (run `make messages`, then translate): {missing}"
    assert not broken, f"placeholders differ from the English: {broken}"


def test_strings_reach_the_catalogue_as_literals() -> None:
    """`_()` of an f-string, or of a literal already formatted, would never match the
    catalogue: the extractor sees literals only (tables of labels are marked with N_() where
    they are defined, and translated with `_(TABLE[key])` where shown)."""
    bad = []
    for path in [*sorted((ROOT / "verifier" / "ui").rglob("*.py")), ROOT / "app.py"]:
        source = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(?<![\w.])(?:_|N_|ngettext)\(\s*(f[\"']|[\"'][^\"']*[\"']\s*"
                             r"(?:%|\+|\.format))", source):
            bad.append(f"{path.name}: {source[m.start():m.start() + 60]!r}")
        # Nor inside an f-string's braces: Babel's extractor does not look there.
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.STRING and re.match(r"(?i)[rb]*f", tok.string) and \
                    re.search(r"(?<![\w.])(?:_|ngettext)\(", tok.string):
                bad.append(f"{path.name}:{tok.start[0]}: _() inside an f-string")
    assert not bad, bad


def test_the_catalogue_compiles_with_babel_and_reads_back() -> None:
    mo = i18n.compile_catalogue("fr")
    t = gettext.GNUTranslations(io.BytesIO(mo))
    assert t.gettext("Review desk") == "Bureau de vérification"
    assert t.ngettext("{n} draft", "{n} drafts", 1) == "{n} brouillon"
    assert t.ngettext("{n} draft", "{n} drafts", 2) == "{n} brouillons"
    assert i18n.translations("en").gettext("Review desk") == "Review desk"


@pytest.mark.parametrize(("header", "locale", "want"), [
    ("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", None, "fr"),
    ("de-DE,fr;q=0.8,en;q=0.5", None, "fr"),
    ("en-GB,en;q=0.9,fr;q=0.8", None, "en"),
    ("fr;q=0.2, en;q=0.9", None, "en"),
    ("fr;q=0, en", None, "en"),
    ("de-DE,es;q=0.9", None, None),
    ("", None, None),
    (None, "fr-CA", "fr"),
    ("en", "fr-FR", "fr"),   # the browser's locale first
    ("fr", "de-DE", "fr"),   # a locale the interface does not speak: the header decides
    ("fr;q=abc", None, None),
])
def test_the_browsers_language_decides_the_default(header: str | None, locale: str | None,
                                                   want: str | None) -> None:
    assert i18n.pick(header, locale) == want


def test_the_language_cookie_is_a_fixed_script_of_en_or_fr_only() -> None:
    with pytest.raises(ValueError):
        browser.set_language_cookie('fr"; alert(1); "')
    assert browser.is_own_script(browser._SET_LANG % {"lang": "fr", "age": 60})
    assert not browser.is_own_script(browser._SET_LANG % {"lang": "xx", "age": 60})


def switch(at, lang: str):  # type: ignore[no-untyped-def]
    """The sidebar's language switch."""
    group = next(b for b in at.get("button_group") if b.key == i18n.WIDGET_KEY)
    group.set_value(lang).run()
    assert not at.exception, at.exception
    return at


def shown(at) -> str:  # type: ignore[no-untyped-def]
    from .test_ui_plain_pages import shown as walk

    return "\n".join(walk(at._tree))


def test_the_sign_in_page_in_french_and_back(seeded: Seeded) -> None:
    from .test_ui_support import app

    at = app().run()
    assert at.session_state[i18n.SESSION_KEY] == "en"  # no browser header: English
    assert at.text_input(key="auth_name").label == "User name"
    switch(at, "fr")
    assert at.text_input(key="auth_name").label == "Nom d'utilisateur"
    assert at.text_input(key="auth_password").label == "Mot de passe"
    assert at.button(key="auth_submit").label == "Se connecter"
    # The choice is remembered in this browser for the next sessions: a fixed script.
    assert any("verifier_lang=fr" in s for s in own_scripts(at))
    switch(at, "en")
    assert at.button(key="auth_submit").label == "Sign in"


def french_session(user: str):  # type: ignore[no-untyped-def]
    at = sign_in(user)
    return switch(at, "fr")


def test_the_desk_in_french(seeded: Seeded) -> None:
    at = french_session("fatima")
    assert titles(at) == ["Bureau de vérification"]
    text = shown(at)
    assert "Tout · " in text and "Contredit · 1" in text
    assert "Articles · 1 article, " in text and "Brouillons enregistrés · 0 brouillon, " in text
    assert "Filtres" in [e.label for e in at.expander]
    assert at.multiselect(key="desk_f_status").label == "Statut"
    assert "non revue" in at.multiselect(key="desk_f_status").options
    assert at.toggle(key="desk_f_routine").label.startswith("Afficher 5 éléments de routine")
    assert at.button(key="desk_next").label == "Suivante ▶"
    assert at.selectbox(key=f"verdict_{at.selectbox(key='desk_claim').value}").label == "Verdict"
    assert any(b.label == "Enregistrer et suivante" for b in at.button)
    assert any(s.startswith("Affirmation n° ") for s in (h.value for h in at.subheader))
    # The claim panel stays in the article's language (French here), and the navigation is
    # in French too.
    assert "a eu lieu le 15 mars 2016" in text
    # Switching back changes the labels back.
    switch(at, "en")
    assert titles(at) == ["Review desk"]
    assert at.button(key="desk_next").label == "Next ▶"


def test_the_editor_in_french(seeded: Seeded) -> None:
    at = french_session("eddie")
    assert titles(at) == ["Vérifier un brouillon"]
    assert at.button(key="editor_check").label == "Vérifier le brouillon"
    at.text_area(key="editor_text").input(SEED.read_text(encoding="utf-8"))
    at.button(key="editor_check").click().run()
    assert not at.exception, at.exception
    assert any(e.value.startswith("PAS PRÊT À PUBLIER : 1 affirmations contredites")
               for e in at.error)
    assert at.button(key="editor_save").label == "Enregistrer le brouillon"
    assert "Les preuves derrière les notes" in [e.label for e in at.expander]
    notes = html_of(at)  # the annotated draft's notes
    assert "Dit par Nasser Bourita" in notes and "✗ Citation mal attribuée" in notes
    assert "✗ Contredit · date ou durée" in notes and "Said by" not in notes
    switch(at, "en")
    assert titles(at) == ["Check a draft"]


def test_the_auditors_and_admins_pages_in_french(seeded: Seeded) -> None:
    at = french_session("ada")
    assert titles(at) == ["Audit"]
    assert [h.value for h in at.subheader][:4] == ["Chaîne d'audit", "Activité",
                                                   "Historique d'une affirmation", "Exports"]
    assert at.button(key="auditor_verify_again").label == "Vérifier à nouveau"
    assert at.button(key="auditor_feed_export_btn").label == "Exporter le journal"
    assert any("ce qui a changé" in df.value.columns for df in at.dataframe)  # the feed
    at = french_session("adam")
    at.switch_page(PAGE["admin"]).run()
    assert not at.exception, at.exception
    assert titles(at) == ["Utilisateurs et rôles"]
    heads = [h.value for h in at.subheader]
    assert "Organisation" in heads and "Les faits de chaque jeu" in heads and "Limites" in heads
    assert at.button(key="admin_add_btn").label == "Ajouter l'utilisateur"
    assert at.button(key="admin_role_btn").label == "Changer le rôle…"
    users = next(df.value for df in at.dataframe if "mot de passe" in df.value.columns)
    assert "administrateur" in set(users["rôle"])
    assert "vérificateur" in at.selectbox(key="admin_role_role").options
    at.switch_page(PAGE["sources"]).run()
    assert titles(at) == ["Sources et faits"]
    at.switch_page(PAGE["editor"]).run()
    assert titles(at) == ["Vérifier un brouillon"]


def test_the_navigation_is_in_the_chosen_language(seeded: Seeded) -> None:
    at = french_session("adam")
    # The sidebar names the signed-in user and role in French; st.navigation's titles are
    # the pages' (Streamlit does not expose them to AppTest: read in app.py's PAGES).
    assert any("Connecté en tant que **adam** · Administrateur" in m.value for m in at.markdown)
    assert any(b.label == "Se déconnecter" for b in at.button)


def test_the_language_is_kept_for_the_session_across_pages(seeded: Seeded) -> None:
    at = french_session("adam")
    for page, title in (("desk", "Bureau de vérification"), ("auditor", "Audit"),
                        ("sources", "Sources et faits")):
        at.switch_page(PAGE[page]).run()
        assert titles(at) == [title]


def test_pages_have_no_english_left_in_french_labels(seeded: Seeded) -> None:
    """A sample of English labels that must not remain on the French desk."""
    at = french_session("fatima")
    labels = {w.label for w in (*at.button, *at.selectbox, *at.multiselect, *at.toggle)}
    assert not labels & {"Next ▶", "◀ Previous", "Status", "Needs", "Kind", "Finding",
                         "Save and next", "Sign out", "Claim"}, labels


def test_no_untranslated_message_file_is_shipped() -> None:
    """The catalogue is compiled from the .po when loaded: no .mo is kept beside it."""
    assert not list(Path(i18n.LOCALE_DIR).rglob("*.mo"))
