"""Read YAML safely and remember where every value was written.

The references are edited by hand, so every error must point at a file, line and
column. PyYAML's safe composer gives us nodes with marks; we build plain Python
values from them ourselves, which lets us reject duplicate keys (PyYAML keeps the
last one silently) and bound alias expansion (a "billion laughs" file).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C composer is several times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .errors import InputError
from .files import read_limited
from .model import Origin

# A references file is a few thousand nodes; anything far beyond that is an attack or a mistake.
MAX_NODES = 200_000
MAX_BYTES = 16 * 1024 * 1024

PathKey = tuple[Any, ...]


@dataclass
class YamlDoc:
    file: str
    data: Any
    where: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def origin(self, path: PathKey = ()) -> Origin:
        """The position of the value at `path`, or of its nearest written ancestor."""
        while path not in self.where and path:
            path = path[:-1]
        line, col = self.where.get(path, (0, 0))
        return Origin(self.file, line, col)

    def key_origin(self, path: PathKey) -> Origin:
        """The position of the key that names `path` (falls back to its value)."""
        pos = self.where.get(("key",) + path)
        if pos:
            return Origin(self.file, *pos)
        return self.origin(path)


def load_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Parse one YAML file into plain values with positions. Raises InputError with file:line:col."""
    name = display or str(path)
    raw = read_limited(path, name, "a references file", MAX_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Origin(name), f"not UTF-8 (invalid byte at offset {exc.start})") from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlDoc:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "YAML syntax error"
        ctx = exc.context_mark
        if exc.context and ctx is not None and mark is not None and ctx.line != mark.line:
            problem += f" ({exc.context} at line {ctx.line + 1}, column {ctx.column + 1})"
        if mark is not None:
            raise InputError(Origin(name, mark.line + 1, mark.column + 1), f"YAML syntax error: {problem}") from None
        raise InputError(Origin(name), f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(Origin(name), f"YAML error: {exc}") from None
    doc = YamlDoc(name, None)
    if node is None:
        return doc
    builder = _Builder(doc)
    doc.data = builder.build(node, ())
    return doc


class _Builder:
    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.count = 0
        # One safe constructor resolves every scalar's type (int, bool, date, str...).
        self.constructor = yaml.SafeLoader("")

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                Origin(self.doc.file, *self._pos(node)),
                f"more than {MAX_NODES} values (aliases expanding too far?)",
            )
        self.doc.where[path] = self._pos(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError(Origin(self.doc.file, *self._pos(key_node)), "merge keys (<<) are not supported")
                key = self._scalar(key_node)
                if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)) or not isinstance(key, (str, int)):
                    raise InputError(Origin(self.doc.file, *self._pos(key_node)), "a key must be a plain word")
                if key in out:
                    first = self.doc.where.get(("key",) + path + (key,), (0, 0))
                    raise InputError(
                        Origin(self.doc.file, *self._pos(key_node)),
                        f"duplicate key {key!r} (first at line {first[0]})",
                    )
                self.doc.where[("key",) + path + (key,)] = self._pos(key_node)
                out[key] = self.build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise InputError(Origin(self.doc.file, *self._pos(node)), f"bad value: {exc}") from None
