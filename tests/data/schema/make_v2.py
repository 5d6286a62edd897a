"""Writes the schema-v2 fixture databases (v2.sqlite, v2.postgres.sql) with the code of schema
version 2, which stored fact evidence scores on a 0-1 scale and precedent evidence without
`similarity`/`diff`. They were made at commit ce6d2a2:

    git worktree add /tmp/v2 ce6d2a2 && cd /tmp/v2
    python tests/data/schema/make_v2.py sqlite:////tmp/v2.sqlite
    python tests/data/schema/make_v2.py "postgresql://...?options=-csearch_path%3Dv2fixture"
    pg_dump --no-owner --no-privileges -n v2fixture ... | sed 's/v2fixture/__SCHEMA__/g'

Content: the demo facts, the reference source source-moscou.txt, a precedent list whose one
claim resembles Bourita's quote, the seed article checked against all three (fact, calendar,
passage and precedent evidence), a fact-checker and her verdict on "huit ans"."""
from __future__ import annotations

import sys
from pathlib import Path

from sqlmodel import select

from verifier import services
from verifier.db.models import Claim
from verifier.db.store import open_store

DATA = Path(__file__).resolve().parents[1]
PRECEDENTS = ("id\tclaim\ttitle\tverdict\turl\tdate\n"
              "p1\tNous considérons la Russie comme un partenaire proche et cher, un acteur "
              "sérieux sur la scène internationale, et un négociateur honnête et loyal.\t"
              "Bourita et la Russie\tMostly true\thttps://example.org/p1\t2025-10-20\n")


def main(url: str) -> None:
    store = open_store(url)
    owner = services.store_owner("fixture")
    services.demo.import_demo_facts(owner, db=store)
    services.sources.import_precedents(owner, PRECEDENTS.encode(), collection="fixture",
                                       embed=False, db=store)
    source = DATA / "contract" / "source-moscou.txt"
    services.sources.add_source(owner, source, db=store)
    services.check(owner, DATA / "seed-maroc-russie-fr.txt", sources=[source], db=store)
    services.users.add_user(owner, "fatima", "fact-checker", password="fixture-password", db=store)
    with store.read() as s:
        huit = s.exec(select(Claim).where(Claim.text == "huit ans")).one()
    fatima = services.Principal("fatima", "fact-checker", "cli")
    services.review.record_verdict(fatima, huit.id, verdict="False",  # type: ignore[arg-type]
                                   note="Neuf ans, pas huit.", db=store)
    store.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
