"""Many articles at once: collect inputs, annotate them in parallel processes, stream results.

Each worker process compiles the references once (inherited from the parent where the
platform forks, loaded by the pool initializer elsewhere) and then handles articles one
at a time; results come back in input order through `imap`, so memory stays flat
whatever the size of the batch.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .articles import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, read_article
from .errors import AnnotateError, InputError
from .jsonout import summary
from .model import Origin
from .references import References, load_references
from .render import claims_of, render


@dataclass(frozen=True)
class Item:
    source: str  # as the user named it, or a path under a directory the user named
    relative: Path  # where its output goes under -o DIR (mirrors the input tree)


@dataclass
class Result:
    item: Item
    document: str = ""  # the rendered page or JSON; empty on error
    counts: dict[str, int] = field(default_factory=dict)
    title: str = ""
    error: str = ""  # one line, when the article could not be annotated


def collect(paths: Sequence[str]) -> list[Item]:
    """Files as named; directories recursed for .txt and .md files (sorted, hidden ones skipped)."""
    items: list[Item] = []
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise InputError(Origin(raw), "directory holds no .txt or .md articles")
            base = Path(p.name) if len(paths) > 1 else Path()
            items += [Item(str(f), base / f.relative_to(p)) for f in found]
        else:
            items.append(Item(raw, Path(Path(raw).name if raw != "-" else "stdin.txt")))
    return items


@dataclass(frozen=True)
class Job:
    fmt: str
    as_: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    refs_paths: tuple[str, ...] = ()
    bundled: bool = True


_REFS: References | None = None
_JOB: Job | None = None


def _init(job: Job) -> None:
    global _REFS, _JOB
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _JOB = job
    if _REFS is None:  # not inherited from a forking parent
        _REFS = load_references(list(job.refs_paths) or None, bundled=job.bundled)


def annotate_one(item: Item, refs: References, job: Job) -> Result:
    try:
        article = read_article(item.source, job.as_, max_bytes=job.max_bytes)
        claims = claims_of(article, refs)
        document = render(article, refs, job.fmt, claims)
        return Result(item, document, summary(claims), article.title)
    except AnnotateError as exc:
        return Result(item, error=str(exc))


def _work(item: Item) -> Result:
    assert _REFS is not None and _JOB is not None
    return annotate_one(item, _REFS, _JOB)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(items: Iterable[Item], refs: References, job: Job, jobs: int) -> Iterator[Result]:
    """Results in input order. jobs == 1 runs in this process."""
    global _REFS
    if jobs <= 1:
        for item in items:
            yield annotate_one(item, refs, job)
        return
    refs.index  # compile before forking, so every worker inherits it  # noqa: B018
    _REFS = refs
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    pool = ctx.Pool(jobs, initializer=_init, initargs=(job,))
    try:
        yield from pool.imap(_work, items, chunksize=4)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _REFS = None
