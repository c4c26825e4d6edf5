"""The `annotate` command line: a thin layer over the core; every user error is one line, exit 2."""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any, Sequence

import click

from . import __version__
from .articles import DEFAULT_MAX_BYTES, read_article
from .errors import AnnotateError, OutputError
from .model import Origin
from .output import guard_inputs, write_atomic
from .references import References, load_references
from .render import FORMATS, render

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 3


class _Group(click.Group):
    """Turns AnnotateError into one line on stderr; --debug shows tracebacks for bug reports."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotateError as exc:
            if _debug(ctx):
                traceback.print_exc()
            click.echo(f"annotate: {exc}", err=True)
            ctx.exit(EXIT_USER_ERROR)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (`annotate ... | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("annotate: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            if _debug(ctx):
                traceback.print_exc()
            click.echo(f"annotate: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.params.get("debug"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotate")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error (for bug reports).")
def main(debug: bool) -> None:
    """Tie each claimed violation of UN Security Council sanctions in a news article to the exact ban.

    \b
    Example:
      annotate render article.txt -o article.html
      annotate references check
    """


def refs_options(f: Any) -> Any:
    f = click.option("--no-bundled", is_flag=True, help="Use only the --refs given, not the bundled references.")(f)
    f = click.option(
        "--refs", "refs_paths", multiple=True, type=click.Path(path_type=str),
        help="A references YAML file or a directory of them; repeatable. Added to the bundled set.",
    )(f)
    return f


def get_references(refs_paths: Sequence[str], no_bundled: bool) -> References:
    if no_bundled and not refs_paths:
        raise click.UsageError("--no-bundled needs at least one --refs")
    return load_references(list(refs_paths) or None, bundled=not no_bundled)


@main.command("render")
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=str, allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write here instead of standard output (- is standard output): a file for one article "
                   "or --format jsonl, a directory (created if needed) for several articles.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: the review page; json: one document; jsonl: one JSON object per article per line.")
@click.option("--as", "as_", type=click.Choice(["auto", "text", "markdown"]), default="auto", show_default=True,
              help="How to read articles: by suffix (.md is Markdown), or force one.")
@click.option("--max-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Largest article to read, in bytes.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel processes for many articles. [default: the cores available]")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://HOST:PORT); needs pip install 'annotate[dask]'.")
@refs_options
def render_cmd(articles: tuple[str, ...], output: Path | None, fmt: str, as_: str, max_size: int,
               jobs: int | None, quiet: bool, scheduler: str | None,
               refs_paths: tuple[str, ...], no_bundled: bool) -> None:
    """Annotate ARTICLE (.txt or .md; - for standard input; or a directory of them).

    One article goes to standard output, or to -o FILE. Several articles, or a directory,
    need -o DIR (one page each, mirroring the input tree, plus index.html) or --format jsonl.

    \b
    Examples:
      annotate render article.txt -o article.html
      annotate render story.md --format json
      cat article.txt | annotate render - --format json > claims.json
      annotate render archive/ -o review/ --jobs 4
      annotate render archive/ --format jsonl > claims.jsonl
    """
    from .batch import Job, collect

    if output is not None and str(output) == "-":
        output = None  # the usual spelling of standard output; never a file named "-"
    refs = get_references(refs_paths, no_bundled)
    items = collect(articles)
    many = len(items) > 1 or any(a != "-" and Path(a).is_dir() for a in articles)
    if output is not None:
        guard_inputs(output, [i.source for i in items])
    if not many and fmt != "jsonl" and scheduler is None:
        if output is not None and not output.parent.exists() and str(output.parent):
            raise OutputError(Origin(str(output)), f"directory {output.parent} does not exist")
        article = read_article(items[0].source, as_, max_bytes=max_size)
        doc = render(article, refs, fmt)
        if output is None:
            sys.stdout.write(doc)
            sys.stdout.flush()
        else:
            write_atomic(output, doc)
        return
    if fmt != "jsonl" and output is None:
        raise click.UsageError("several articles need -o DIR, or --format jsonl")
    job = Job(fmt, as_, max_size, tuple(refs_paths), not no_bundled)
    from .batch_output import run_batch

    failed = run_batch(items, refs, job, output, jobs, quiet, scheduler)
    if failed:
        sys.exit(1)


# Each further command group lives in its own module and registers itself on `main`.
from . import cli_evaluate, cli_references  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    main()
