"""Writing the results of a batch run: pages in a mirrored tree plus an index, or JSON lines.

Everything is written atomically (a temporary file renamed into place), so an
interrupted run leaves finished files and no half-written one.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Iterator, Sequence

import click

from .batch import Item, Job, Result, available_cores, run
from .errors import OutputError
from .index_page import Row, index_pages
from .model import Origin
from .output import InputGuard, write_atomic
from .references import References

SUFFIX = {"html": ".html", "json": ".json"}


def _progress(results: Iterator[Result], total: int, quiet: bool) -> Iterator[Result]:
    """A progress bar on stderr (done, rate, time left), only when stderr is a terminal."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from results
        return
    started = time.monotonic()
    done = 0

    def rate(_: object) -> str:
        elapsed = time.monotonic() - started
        return f"{done / elapsed:.1f} articles/s" if elapsed > 0 and done else ""

    with click.progressbar(length=total, file=sys.stderr, label="annotating", show_eta=True,
                           show_pos=True, item_show_func=rate) as bar:
        for result in results:
            done += 1
            bar.update(1, result)
            yield result


def _report(result: Result) -> None:
    # Start on a fresh line when a progress bar is drawing on the same terminal.
    prefix = "\r\x1b[K" if sys.stderr.isatty() else ""
    click.echo(f"{prefix}annotate: {result.error}", err=True)


def run_batch(items: Sequence[Item], refs: References, job: Job, output: Path | None,
              jobs: int | None, quiet: bool, scheduler: str | None) -> int:
    """Annotate every item and write the results; returns the number of articles that failed."""
    if scheduler:
        from .distributed import run_on_cluster

        results: Iterator[Result] = iter(run_on_cluster(scheduler, items, job))
    else:
        results = run(items, refs, job, jobs or available_cores())
    results = _progress(results, len(items), quiet)
    if job.fmt == "jsonl":
        failed = _write_jsonl(results, output)
    else:
        assert output is not None
        failed = _write_tree(results, output, job.fmt, [i.source for i in items])
    written = len(items) - failed
    click.echo(f"annotate: {written} of {len(items)} articles annotated" + (f", {failed} failed" if failed else ""), err=True)
    return failed


def _write_jsonl(results: Iterator[Result], output: Path | None) -> int:
    failed = 0
    if output is None:
        for r in results:
            if r.error:
                failed += 1
                _report(r)
            else:
                sys.stdout.write(r.document)
        sys.stdout.flush()
        return failed
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(Origin(str(output)), f"directory {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            failed = _stream(results, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return failed


def _stream(results: Iterator[Result], fh: IO[str]) -> int:
    failed = 0
    for r in results:
        if r.error:
            failed += 1
            _report(r)
        else:
            fh.write(r.document)
    return failed


def _write_tree(results: Iterator[Result], root: Path, fmt: str, inputs: list[str]) -> int:
    if root.exists() and not root.is_dir():
        raise OutputError(Origin(str(root)), "is a file; several articles need a directory")
    if not root.parent.is_dir():
        raise OutputError(Origin(str(root)), f"directory {root.parent} does not exist")
    root.mkdir(exist_ok=True)
    guard = InputGuard(inputs)
    rows: list[Row] = []
    failed = 0
    for r in results:
        rel = r.item.relative.with_suffix(SUFFIX[fmt])
        if r.error:
            failed += 1
            _report(r)
            rows.append(Row(r.item.relative.as_posix(), "", "", 0, 0, 0, r.error))
            continue
        target = root / rel
        guard.check(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, r.document, durable=False)
        c = r.counts
        rows.append(Row(r.item.relative.as_posix(), rel.as_posix(), r.title, c["claims"], c["linked"], c["review"]))
    for name, html in index_pages(rows).items():
        target = root / name
        guard.check(target)
        write_atomic(target, html)
    return failed
