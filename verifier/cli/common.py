"""What every command module of the CLI shares: the store owner, the --db option, the
one-line error with its exit code, and the decorator that turns the library's errors into them."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from functools import wraps
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from verifier import services

F = TypeVar("F", bound=Callable[..., Any])

DbOpt = Annotated[str | None, typer.Option("--db", envvar="VERIFIER_DATABASE_URL",
                                           help="Database URL (default sqlite:///claims.db).")]


def one_line(exc: BaseException | str) -> str:
    text = str(exc)
    return text.splitlines()[0] if text.strip() else (
        type(exc).__name__ if isinstance(exc, BaseException) else "bad input")


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {one_line(message)}", err=True)
    raise typer.Exit(code)


def exit_codes(bad_input: tuple[type[BaseException], ...],
               conflicts: tuple[type[BaseException], ...] = (), conflict_code: int = 3,
               conflict_hint: str = "") -> Callable[[F], F]:
    """Errors in `bad_input`: one line on stderr, exit 2; in `conflicts`: exit `conflict_code`;
    a failure of the store itself (services.store_failure): one line, exit 2."""
    def decorate(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except typer.Exit:
                raise
            except conflicts as exc:
                fail(f"{one_line(exc)}{conflict_hint}", conflict_code)
            except bad_input as exc:
                fail(one_line(exc))
            except Exception as exc:
                msg = services.store_failure(exc)
                if msg is None:
                    raise
                fail(msg)
        wrapper._store_guard = True  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]
    return decorate


BAD_INPUT = (services.IngestError, services.SchemaError, services.DocumentError,
             services.PermissionDenied, services.DocumentTooComplex, ValueError, OSError)
bad_input_exits_2 = exit_codes(BAD_INPUT)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def store_errors_exit_2(app: typer.Typer) -> None:
    """Wrap every command of `app` (and of its sub-apps) so that a failure of the store itself
    (services.store_failure) is one line on stderr and exit 2, not a traceback and exit 1."""
    for info in app.registered_commands:
        if info.callback is not None and not getattr(info.callback, "_store_guard", False):
            info.callback = exit_codes(())(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            store_errors_exit_2(group.typer_instance)


def owner() -> services.Principal:
    """The store owner: the operating-system user running the CLI, without credentials (reads
    and checks; docs/decisions.md §12 and §23; verifier.cli.auth for the rest)."""
    return services.store_owner()


class Fmt(StrEnum):
    """--format of the commands that print either a table or JSON."""

    json = "json"
    table = "table"


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on stderr when stderr is a terminal, updated by the callback it
    gives, `(done, total, what was just done)`; otherwise a callback that prints nothing (the
    command's final line says what was done)."""
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda done, total, title: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TimeRemainingColumn(), TextColumn("{task.description}"), console=console,
                  transient=True) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int, title: str) -> None:
            bar.update(task, completed=done, total=total, description=title[-50:])

        yield update
