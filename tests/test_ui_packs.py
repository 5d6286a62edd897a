"""The Sources page lists the stored fact packs with their build date, the last day they
cover and their licence (AppTest)."""
from __future__ import annotations

from verifier import services

from .test_ui_pages import ADAM, frame_with
from .test_ui_support import PAGE, Seeded, seeded, sign_in

__all__ = ["seeded"]


def test_sources_page_lists_bundled_packs_with_build_date_and_licence(seeded: Seeded) -> None:
    services.sources.import_bundled(ADAM, ["un-security-council", "un-peacekeeping"],
                                    db=seeded.store)
    at = sign_in("fatima")
    at.switch_page(PAGE["sources"]).run()
    assert not at.exception
    packs = frame_with(at, "pack").set_index("pack")
    assert list(packs.index) == ["demo", "un-peacekeeping", "un-security-council"]
    council = packs.loc["un-security-council"]
    from verifier.reference.packs import bundled_manifest

    assert (council["facts"], council["built"], council["covered until"], council["licence"]) \
        == (bundled_manifest()["un-security-council"]["facts"], "2026-12-01", "2026-12-31", "CC0-1.0")
    assert packs.loc["demo", "built"] == ""  # a hand-written pack says no build date


def test_the_editor_says_which_packs_and_build_dates_it_checked_against(seeded: Seeded) -> None:
    from datetime import date

    from .test_ui_editor import check

    services.sources.import_bundled(ADAM, ["un-security-council"], db=seeded.store)
    at = sign_in("eddie")
    at.date_input(key="editor_published").set_value(date(2025, 10, 16))
    at = check(at, "La Russie se prépare à prendre, en octobre prochain, la présidence tournante "
                   "du Conseil de sécurité des Nations unies. Le ministre des Affaires étrangères "
                   "a rappelé que la Russie avait déjà présidé le Conseil en juillet 2024.")
    line = next(t.value for t in at.text if t.value.startswith("Facts checked against: "))
    assert "un-security-council (built 2026-12-01, covers to 2026-12-31, CC0-1.0)" in line
    assert "demo (no build date)" in line
