"""Hostile strings on every page (issue 13): a document title, a speaker, a note, a fact and a
user name written as Markdown that would show a forged notice, a link and a tracking image,
and colour text. Every page is walked with each role (real AppTest, real store); no element
that Streamlit renders as Markdown may carry them unescaped."""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from verifier import services
from verifier.db.reviews import record_verdict

from .test_ui_support import ADMIN, PAGE, Seeded, seeded, sign_in

__all__ = ["seeded"]

EVIL = ("**URGENT** [cliquez ici](https://evil.example/p) ![](https://evil.example/t.png) "
        ":red[Votre compte est suspendu] $x^2$ <b>gras</b>")
# Markdown that would act: a link or image target, a colour directive, emphasis, a formula.
ACTIVE = re.compile(r"(?<!\\)\]\((?:https?|javascript)|(?<!\\):red(?<!\\)\[|(?<!\\)\*\*URGENT"
                    r"|(?<!\\)\$x")
OWNER = services.store_owner("test")


def markdown_values(at: AppTest) -> list[str]:
    out: list[str] = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "title",
                 "header", "subheader", "toast"):
        out += [str(getattr(el, "value", "")) for el in at.get(kind)]
    out += [str(e.label) for e in at.get("expander")]
    return out


def assert_inert(at: AppTest, where: str) -> None:
    assert not at.exception, (where, at.exception)
    bad = [v for v in markdown_values(at) if ACTIVE.search(v)]
    assert not bad, (where, bad)


@pytest.fixture
def hostile(seeded: Seeded) -> Seeded:
    html = (f"<html><head><title>{EVIL}</title></head><body><article><p>Rabat, 16 octobre "
            "2025. « Nous avancerons ensemble », a déclaré le ministre, huit ans après la "
            "signature.</p></article></body></html>").encode()
    doc = services.ingest_document(OWNER, html, name="hostile.html", db=seeded.store).document
    claim = services.document_claims(OWNER, doc.id, db=seeded.store)[0]
    record_verdict(store=seeded.store, claim_id=seeded.temporal_id, verdict="False", note=EVIL,
                   actor="fatima", seen_version=1)
    services.sources.import_pack(
        ADMIN, f"pack: evil\nfacts:\n  - subject: \"{EVIL}\"\n    predicate: event\n"
               "    valid_from: 2016-03-15\n".encode(), name="evil", fmt="yaml", db=seeded.store)
    assert claim.id is not None
    return seeded


@pytest.mark.parametrize(("name", "pages"), [
    ("fatima", ["desk", "sources"]), ("eddie", ["editor"]), ("ada", ["auditor", "desk"]),
    ("adam", ["admin", "sources", "desk"])])
def test_every_page_keeps_hostile_strings_inert(hostile: Seeded, name: str,
                                                 pages: list[str]) -> None:
    at = sign_in(name)
    assert_inert(at, f"{name} landing")
    for page in pages:
        at.switch_page(PAGE[page]).run()
        assert_inert(at, f"{name} {page}")
        if page == "desk":
            for doc, _ in [d for d in services.list_documents(OWNER, db=hostile.store)
                           if d[0].kind != "source"][:6]:
                at.selectbox(key="desk_f_doc").select(doc.id).run()
                doc_id = doc.id
                assert_inert(at, f"{name} desk document {doc_id}")
            at.multiselect(key="desk_f_status").set_value(["unreviewed", "reviewed"]).run()
            at.selectbox(key="desk_f_doc").select(hostile.document_id).run()
            at.selectbox(key="desk_claim").select(hostile.temporal_id).run()
            assert any("URGENT" in v for v in markdown_values(at) + [t.value for t in at.text]
                       + [str(a.value) for a in at.text_area])  # the note is shown, inertly
            assert_inert(at, f"{name} desk claim with the hostile note")


def test_hostile_user_name_is_inert_on_the_admin_page(seeded: Seeded) -> None:
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    at.text_input(key="admin_new_name").input("mallory**x**[a](https://evil.example)").run()
    at.selectbox(key="admin_new_role").select("editor").run()
    at.button(key="admin_add_btn").click().run()
    assert_inert(at, "admin after adding a hostile user name")


def test_hostile_strings_stay_inert_in_the_feed_and_the_facts_of_a_pack(hostile: Seeded) -> None:
    """The auditor reads the hostile note field by field and the admin the hostile pack's
    facts: shown, as text."""
    at = sign_in("ada")
    at.multiselect(key="auditor_feed_users").set_value(["fatima"]).run()
    seq = at.selectbox(key="auditor_feed_event").options[0].split(" · ")[0]
    at.selectbox(key="auditor_feed_event").select(int(seq)).run()
    shown = [str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()]
    assert EVIL in shown  # the note, whole, as a cell of the diff
    assert_inert(at, "auditor feed with the hostile note")
    at = sign_in("adam")
    at.switch_page(PAGE["admin"]).run()
    at.selectbox(key="admin_facts_pack").select("evil").run()
    shown = [str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()]
    assert any(EVIL in v for v in shown)
    assert_inert(at, "admin facts of the hostile pack")
