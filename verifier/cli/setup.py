"""`verifier setup`: the organisation that publishes the fact-checks (its name and URL sign every
ClaimReview and head every report), set once for the store and kept in its settings file
(`verifier.toml` beside a SQLite database, or VERIFIER_CONFIG; docs/decisions.md §26).
Registered by verifier/cli/main.py (`cli_setup.register(app)`). Showing it needs nothing;
changing it is an admin's act once the store has users (VERIFIER_TOKEN of scope admin, or
--password-stdin: verifier.cli.auth); every change is an audit event."""
from __future__ import annotations

from typing import Annotated

import typer

from verifier import services
from verifier.cli.auth import AsOpt, PasswordStdinOpt, acting, store_has_users
from verifier.cli.common import DbOpt, bad_input_exits_2, owner


def setup(
    org_name: Annotated[str | None, typer.Option("--org-name", help="The organisation's name, as readers know it (e.g. \"Les Vérificateurs\").")] = None,
    org_url: Annotated[str | None, typer.Option("--org-url", help="Its http(s) URL: its fact-check page. Published reviews are linked as URL#claim-ID unless `export --base-url` says where a report is published.")] = None,
    as_name: AsOpt = None,
    password_stdin: PasswordStdinOpt = False,
    db: DbOpt = None,
) -> None:
    """Set the organisation that publishes the fact-checks (an admin, once the store has
    users); without options, show it.

    Its name and URL are the `author` of every ClaimReview and head the HTML and PDF reports;
    the ClaimReview export is refused until they are set. Stored in the settings file beside
    the store (shown below); VERIFIER_ORGANISATION and VERIFIER_ORGANISATION_URL, when set,
    take precedence over it."""
    if org_name is None and org_url is None:
        org = services.settings.organisation(owner(), db=db)
    else:
        who = acting(as_name, password_stdin, what="setup", db=db,
                     owner_ok=not store_has_users(db))
        org = services.settings.set_organisation(who, org_name, org_url, db=db)
        typer.echo(f"saved in {org.path}")
    typer.echo(f"organisation      {org.name or '(not set)'}"
               + (f"  [{org.name_origin}]" if org.name else ""))
    typer.echo(f"organisation URL  {org.url or '(not set)'}"
               + (f"  [{org.url_origin}]" if org.url else ""))
    typer.echo(f"settings file     {org.path}{'' if org.path.exists() else ' (none yet)'}")
    if not org.is_set:
        typer.echo("set it with: verifier setup --org-name NAME --org-url URL")
    for origin, var in ((org.name_origin, "VERIFIER_ORGANISATION"),
                        (org.url_origin, "VERIFIER_ORGANISATION_URL")):
        if origin == var:
            typer.echo(f"note: {var} is set in the environment and takes precedence over the "
                       "settings file", err=True)


def register(app: typer.Typer) -> None:
    """Add `setup` to the top-level app."""
    app.command("setup")(bad_input_exits_2(setup))
