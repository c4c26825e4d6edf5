"""Scale-out on a Dask cluster (optional extra: pip install 'annotate[dask]').

    import dask.bag as db
    from annotate.distributed import annotate_texts
    bag = annotate_texts(db.from_sequence(texts, npartitions=8))   # a bag of JSON documents
    docs = bag.compute()

Each worker process compiles the references once (cached per process by their paths)
and maps articles through the same pure core as a local run, so the JSON is identical.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Sequence

from .articles import Article, decode_article, guess_title
from .batch import Item, Job, Result
from .errors import AnnotateError, InputError
from .jsonout import article_json, summary
from .references import References, load_references
from .render import claims_of, render


def _require_dask() -> Any:
    try:
        import dask.bag as db
    except ImportError:
        raise InputError(None, "Dask is not installed: pip install 'annotate[dask]'") from None
    return db


@lru_cache(maxsize=4)
def _references(refs_paths: tuple[str, ...], bundled: bool) -> References:
    return load_references(list(refs_paths) or None, bundled=bundled)


def annotate_source(item: Item, job: Job) -> Result:
    """Read one article through fsspec (any path Dask can read) and annotate it."""
    import fsspec

    refs = _references(job.refs_paths, job.bundled)
    try:
        try:
            with fsspec.open(item.source, "rb") as fh:
                raw = fh.read(job.max_bytes + 1)
        except (OSError, ValueError) as exc:
            raise InputError(None, f"{item.source}: cannot read: {exc}") from None
        if len(raw) > job.max_bytes:
            raise InputError(None, f"{item.source}: article is over the limit of {job.max_bytes} bytes")
        text = decode_article(raw, item.source)
        markdown = job.as_ == "markdown" or (job.as_ == "auto" and item.source.lower().endswith((".md", ".markdown")))
        article = Article(item.source, text, markdown, guess_title(text, markdown, item.source))
        claims = claims_of(article, refs)
        return Result(item, render(article, refs, job.fmt, claims), summary(claims), article.title)
    except AnnotateError as exc:
        return Result(item, error=str(exc))


def annotate_texts(bag: Any, refs_paths: Sequence[str] = (), bundled: bool = True, markdown: bool = False) -> Any:
    """Map a Dask bag of article texts to a bag of JSON documents (dicts, the JSON contract)."""
    _require_dask()
    key = (tuple(refs_paths), bundled)

    def one(text: str) -> dict[str, Any]:
        refs = _references(*key)
        article = Article("<text>", text, markdown, "")
        return article_json(article.source, claims_of(article, refs), refs.resolutions, text)

    return bag.map(one)


def annotate_paths(bag: Any, job: Job) -> Any:
    """Map a Dask bag of paths (local or any fsspec URL) to a bag of Results."""
    _require_dask()
    return bag.map(lambda source: annotate_source(Item(source, _relative(source)), job))


def _relative(source: str) -> Path:
    """The output name of a path or URL: its last component."""
    return Path(PurePosixPath(source.split("://", 1)[-1]).name)


def run_on_cluster(address: str, items: Iterable[Item], job: Job) -> list[Result]:
    """Annotate items on the Dask cluster at `address`; results in input order."""
    db = _require_dask()
    try:
        from distributed import Client
    except ImportError:
        raise InputError(None, "dask.distributed is not installed: pip install 'annotate[dask]'") from None
    items = list(items)
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(None, f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        bag = db.from_sequence(items, npartitions=max(1, min(len(items), 64)))
        return bag.map(annotate_source, job).compute(scheduler=client)
    finally:
        client.close()
