"""Every extractor runs in time linear in its input (issue 13): pathological inputs at 1x and
16x their size; superlinear growth fails. A 16x input may take up to 64x the time (noise on a
loaded machine); a quadratic algorithm takes 256x, a cubic one far more.

The base size grows until the 1x run takes 20 ms, so that timer noise does not decide."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.extract.pipeline import extract_claims
from verifier.text import split_sentences

FACTOR, SLACK = 16, 4


def _best(fn: Callable[[str], object], text: str, runs: int = 3) -> float:
    """The best of `runs` timings, with the cyclic garbage collector off while `fn` runs: its
    passes over every live object made allocation-heavy parsers (65,536 JSON nodes) look
    superlinear on a loaded machine, and it is the algorithm's growth that is tested."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - t)
        finally:
            gc.enable()
    return best


def growth(fn: Callable[[str], object], make: Callable[[int], str]) -> tuple[int, float, float]:
    n = 64
    base = _best(fn, make(n))
    while base < 0.02 and n < 200_000:
        n *= 2
        base = _best(fn, make(n))
    big = _best(fn, make(n * FACTOR), runs=3)
    return n, base, big


def assert_linear(fn: Callable[[str], object], make: Callable[[int], str]) -> None:
    n, base, big = growth(fn, make)
    assert big <= FACTOR * SLACK * max(base, 1e-4), (
        f"{FACTOR}x the input ({n} -> {n * FACTOR} units) took {big / base:.0f}x the time "
        f"({base * 1000:.1f} ms -> {big * 1000:.0f} ms)")


def extract_fr(text: str) -> object:
    return extract_claims(text, lang="fr")


# Units repeated to build a pathological document; each is a known trap for a regex or a
# scan that looks back (quote marks of one kind opened and of another closed, straight quotes,
# unclosed quotes over blank lines, capitalised runs before a presidency cue, a speech cue
# repeated with nothing to attribute).
UNITS = [
    "“", "»", '"a ', "« ", "«\n\n", ".\"", "Abc ", "Abc, ", "a-t-il déclaré ", ".", "…",
    "assure la présidence du ", "M. ", "le 12 ", "huit ans ", "—", ": ", "\n",
]


@pytest.mark.parametrize("unit", ["“", '"a ', "«\n\n", ".\" ", "Abc ", "a-t-il déclaré ", ".", "…",
                                  '"a a-t-il déclaré '])
def test_extraction_is_linear_on_repeated_units(unit: str) -> None:
    assert_linear(extract_fr, lambda n: unit * n)


def test_quote_regions_of_mixed_marks_is_linear() -> None:
    """Openers of one kind then closers of another: each closer used to rescan the stack."""
    assert_linear(lambda t: split_sentences(t, "fr"), lambda n: "“" * n + "»" * n)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(UNITS), min_size=2, max_size=5))
def test_extraction_is_linear_on_generated_patterns(units: list[str]) -> None:
    pattern = "".join(units)
    assert_linear(extract_fr, lambda n: pattern * n)


# Issue 16: the factual-claim families, each unit repeated inside one endless sentence.
FACT_UNITS = [
    "Abc prendra en octobre la présidence ", "la visite d'État de Abc à Abc en 2016 ",
    "Abc, membre non permanent ", "son homologue russe Abc ", "le roi Abc en 2016 ",
    "prolonger le mandat de la Abc pour un an ", "Abc est l'ex ministre des Sports et ",
    "résolution 2756 (2024) ", "Abc assure la présidence du Abc ",
    "le président de la BCE Abc ", "IMF chief ", "the Banque mondiale bank's chair ",
    "ex-IMF ", "président de l'institution Abc ",
]


@pytest.mark.parametrize("unit", FACT_UNITS)
def test_fact_extraction_is_linear_on_repeated_units(unit: str) -> None:
    assert_linear(extract_fr, lambda n: unit * n)


# The heads of institutions with a knowledge base: its institutions' names before and after the
# titles, and "the bank" looking back for the institution it is.
INSTITUTION_UNITS = ["le président de la BCE Abc ", "World Bank president ", "the bank's chair ",
                     "la Banque mondiale, le président de l'institution Abc "]


@pytest.mark.parametrize("unit", INSTITUTION_UNITS)
def test_institution_heads_are_linear_with_a_knowledge_base(unit: str) -> None:
    from verifier.reference.kb import KnowledgeBase
    from verifier.reference.packs import bundled_names, parse_bundled

    kb = KnowledgeBase([f for name in bundled_names(["all"]) for f in parse_bundled(name).facts])
    assert_linear(lambda text: extract_claims(text, lang="fr", kb=kb), lambda n: unit * n)


# Decisions §44: the round's rules, each unit repeated in one endless sentence (a description
# running to the next, joined durations, a month's year clause, ...)
ROUND_EIGHT_UNITS = [("en", "described the plan as a "), ("en", "they called it a "),
                     ("fr", "a qualifié le plan de "), ("en", "what was described as "),
                     ("en", "one year and ten months and "), ("en", "October last year "),
                     ("en", "a year ago today "), ("en", "per year "), ("fr", "un an et dix mois et "),
                     ("fr", "octobre l'an dernier "), ("fr", "il y a un an jour pour jour ")]


@pytest.mark.parametrize("lang, unit", ROUND_EIGHT_UNITS)
def test_round_eight_rules_are_linear(lang: str, unit: str) -> None:
    assert_linear(lambda t: extract_claims(t, lang=lang), lambda n: unit * n)


# Decisions §45: the ninth round's rules, each unit repeated (a that-less clause after an
# adjunct, cue forms used as nouns, a relative clause holding a report, a viewpoint "Pour +
# title", a parenthesis before "que", intertitle lines that repeat each other, time tails)
ROUND_NINE_UNITS = [("en", "said on Monday the "), ("en", "Acme shares "), ("en", "notes that listed "),
                    ("en", "X, who argued that the fee, which rose, "), ("en", "Acme earlier this month "),
                    ("en", "asked for a call on what "), ("fr", "Pour le président du MR, "),
                    ("fr", "a estimé, lui, "), ("fr", "« Nous tiendrons bon sur tout ce dossier »\n"),
                    ("fr", "a lâché la procureure à propos "), ("fr", "a tranquillement déclaré ")]


@pytest.mark.parametrize("lang, unit", ROUND_NINE_UNITS)
def test_round_nine_rules_are_linear(lang: str, unit: str) -> None:
    assert_linear(lambda t: extract_claims(t, lang=lang), lambda n: unit * n)
