"""No method code, raw field name or JSON on any page for the demo data (docs/decisions.md §30):
each demo role signs in and visits every page it may use; the editor checks the demo article as
a draft. Everything the page shows is read (collapsed expanders included: AppTest renders them),
except the "Details" sections, which hold the raw record on purpose."""
from __future__ import annotations

import html as html_lib
import re

import pytest

from verifier.ui import browser

from .test_ui_support import PAGE, SEED, Seeded, seeded, sign_in

__all__ = ["seeded"]

# What a reader must not meet: method codes, field names, raw values of the contract, JSON.
RAW = ("kb.", "precedent:", "align:", "timex_type", "PRESENT_REF", "FUTURE_REF", "PAST_REF",
       "predicate=", "holds_office", '{"', "no_evidence", "not_found", "alignment:")

ROLE_PAGES = {
    "fatima": ["desk", "editor", "sources"],
    "eddie": ["editor", "desk"],
    "ada": ["auditor", "desk"],
    "adam": ["desk", "editor", "sources", "auditor", "admin"],
}


def shown(node, out: list[str] | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """Every string the page shows, walking the element tree; a "Details" expander is skipped."""
    out = [] if out is None else out
    kind = getattr(node, "type", None)
    if kind == "expander" and getattr(node, "label", "") == "Details":
        return out
    if kind == "html":
        body = str(node.proto.body)
        if not browser.is_own_script(body):
            body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
            out.append(html_lib.unescape(re.sub(r"<[^>]*>", " ", body)))
    elif kind == "arrow_data_frame":
        out.append(node.value.to_string())
    else:
        for attr in ("value", "label", "options", "placeholder", "help"):
            val = getattr(node, attr, None)
            if isinstance(val, str | list | tuple | int | float) and val is not None:
                out.append(str(val))
    for child in getattr(node, "children", {}).values():
        shown(child, out)
    return out


def raw_found(strings: list[str]) -> dict[str, list[str]]:
    return {raw: [s[max(0, s.find(raw) - 80):s.find(raw) + 80] for s in strings if raw in s][:2]
            for raw in RAW if any(raw in s for s in strings)}


@pytest.mark.parametrize("user", sorted(ROLE_PAGES))
def test_no_method_code_field_name_or_json_on_any_page_for_the_demo(seeded: Seeded,
                                                                      user: str) -> None:
    at = sign_in(user)
    for page in ROLE_PAGES[user]:
        at.switch_page(PAGE[page]).run()
        assert not at.exception, (page, at.exception)
        if page == "editor":
            at.text_area(key="editor_text").input(SEED.read_text(encoding="utf-8"))
            at.button(key="editor_check").click().run()
            assert not at.exception, at.exception
            assert any(e.label == "Evidence behind the notes" for e in at.expander)
        strings = shown(at._tree)
        assert len(" ".join(strings)) > 200, page  # the walk reaches the page
        bad = raw_found(strings)
        assert not bad, (user, page, bad)


def report_text(html: str) -> str:
    """The text a reader of the HTML report sees: no style, no JSON-LD block, no tags."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]*>", " ", html))


def test_the_html_report_says_the_evidence_in_plain_sentences(seeded: Seeded) -> None:
    import io

    from verifier import services

    out = io.BytesIO()
    services.exports.export(services.Principal("ada", "auditor", "cli"), "html", out, db=seeded.store)
    text = report_text(out.getvalue().decode("utf-8"))
    bad = raw_found([text] + [text.replace("\n", " ")])
    assert not bad, bad
    assert "{" not in text.split("Claims", 1)[1]
    # The desk's sentences, in the article's language, with the correction.
    assert ("a eu lieu le 15 mars 2016, soit 9 ans et 7 mois avant le 16 octobre 2025, date "
            "de l’article — pas « huit ans »") in " ".join(text.split())
    assert "Correction suggérée : « neuf ans après » au lieu de « huit ans après »." in text
    assert "Base de faits · 100/100" in text
