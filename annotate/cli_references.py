"""`annotate references ...`: check, list and show the YAML references."""
from __future__ import annotations

import json
import sys

import click

from .cli import EXIT_USER_ERROR, get_references, main, refs_options
from .errors import InputError
from .jsonout import ban_json
from .model import Ban, Resolution, Source
from .refcheck import check_references


@main.group("references")
def references() -> None:
    """Check, list and show the references (the YAML bans).

    \b
    Examples:
      annotate references check
      annotate references check my-bans.yaml
      annotate references list --format json
      annotate references show dprk-coal-iron-exports
    """


@references.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--no-bundled", is_flag=True, help="Check only PATHs (for example a checkout's references/), not the installed set.")
def check_cmd(paths: tuple[str, ...], no_bundled: bool) -> None:
    """Check the bundled references, plus PATH files or directories of your own.

    Prints every problem as file:line:col: message, runs each ban's example sentences
    through the matcher, and exits 1 if there is any error (warnings alone exit 0).

    \b
    Examples:
      annotate references check my-bans.yaml
      annotate references check --no-bundled references/
    """
    if no_bundled and not paths:
        raise click.UsageError("--no-bundled needs at least one PATH")
    report = check_references(list(paths), bundled=not no_bundled)
    for d in report.diagnostics:
        click.echo(str(d))
    click.echo(f"{report.errors} errors, {report.warnings} warnings in {report.files} files", err=True)
    sys.exit(1 if report.errors else 0)


def _short_citation(source: Source) -> str:
    if not source.paragraphs:
        return f"{source.resolution}"
    return f"{source.resolution} OP " + ", ".join(source.paragraphs)


@references.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@refs_options
def list_cmd(fmt: str, refs_paths: tuple[str, ...], no_bundled: bool) -> None:
    """List every ban: id, title and citations.

    \b
    Example:
      annotate references list --format json
    """
    refs = get_references(refs_paths, no_bundled)
    bans = [b for r in refs.regimes for b in r.bans]
    if fmt == "json":
        click.echo(json.dumps([ban_json(b, refs.resolutions) for b in bans], ensure_ascii=False, indent=2))
        return
    width = max((len(b.id) for b in bans), default=0)
    for b in bans:
        cites = "; ".join(_short_citation(s) for s in b.sources)
        call = " (call, not a ban)" if b.is_call else ""
        click.echo(f"{b.id:<{width}}  {b.title}{call}  [{cites}]")


@references.command("show")
@click.argument("ban_id")
@refs_options
def show_cmd(ban_id: str, refs_paths: tuple[str, ...], no_bundled: bool) -> None:
    """Show one ban in full, as a reader sees it.

    \b
    Example:
      annotate references show dprk-ballistic-missile-launches
    """
    refs = get_references(refs_paths, no_bundled)
    ban = refs.bans_by_id.get(ban_id)
    if ban is None:
        import difflib  # only for an unknown id

        close = difflib.get_close_matches(ban_id, list(refs.bans_by_id), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InputError(None, f"no ban with id {ban_id!r}{hint}; see `annotate references list`")
    click.echo(format_ban(ban, refs.resolutions))


def format_ban(ban: Ban, resolutions: dict[int, Resolution]) -> str:
    from .page import citation_text

    lines = [ban.title, "=" * len(ban.title), f"id: {ban.id}    defined at {ban.origin}", ""]
    if ban.is_call:
        lines += ["This is a call upon States, not a binding ban.", ""]
    lines += [click.wrap_text(ban.summary, 78), ""]
    if ban.bound:
        lines.append("Binds: " + ", ".join(ban.bound))
    if ban.exceptions:
        lines.append("Exceptions: " + ban.exceptions)
    lines += ["", "Sources:"]
    for s in ban.sources:
        res = resolutions.get(s.resolution)
        verb = f" — the Council {s.verb}" if s.verb else " — operative verb not verified"
        lines.append(f"  - {citation_text(s, resolutions)}{verb}")
        if not s.paragraphs:
            lines.append("    (paragraph not verified yet: the resolution as a whole)")
        if res and res.url:
            lines.append(f"    {res.url}")
        if s.quote:
            lines.append(click.wrap_text(f"“{s.quote}”", 74, initial_indent="    ", subsequent_indent="    "))
    lines += ["", "Phrases: " + ", ".join(ban.phrases)]
    links = [e.text for e in ban.examples if e.links]
    no_links = [e.text for e in ban.examples if not e.links]
    if links:
        lines += ["", "Examples that link it:"] + [f"  + {t}" for t in links]
    if no_links:
        lines += ["Examples that must not:"] + [f"  - {t}" for t in no_links]
    return "\n".join(lines)


__all__ = ["references", "EXIT_USER_ERROR"]
