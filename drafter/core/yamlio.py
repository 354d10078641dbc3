"""YAML in and out, with the line of every value kept for error messages.

Draft files, phrasebanks and kind.yaml files are all YAML. Loading keeps a map from each
value's path (("sections", 0, "points", 2)) to its line, so a schema error can name the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from drafter.core.errors import DrafterError

try:  # the C loader is 5-10x faster; fall back when libyaml is missing
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


class _TextDateLoader(_Loader):
    """Dates stay text (2026-11-22): the model validates them and names the line."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


class LineMap:
    """Where each value of a loaded YAML document starts (1-based lines)."""

    def __init__(self) -> None:
        self._lines: dict[Path_, int] = {}

    def add(self, path: Path_, line: int) -> None:
        self._lines[path] = line

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return self._lines.get(())


def _walk(node: yaml.Node, path: Path_, lines: LineMap) -> None:
    lines.add(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            _walk(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines)


def load_yaml(text: str, path: Path | None, error: type[DrafterError]) -> tuple[Any, LineMap]:
    """Parse one YAML document; raise `error` with file and line when it is malformed."""
    lines = LineMap()
    loader = _TextDateLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        _walk(node, (), lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "malformed YAML"
        raise error(f"not valid YAML: {what}", path, line) from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise error(f"not valid YAML: {exc}", path) from exc
    finally:
        loader.dispose()
    return data, lines


class _CanonicalDumper(_Dumper):
    """Block style, keys in the order given, Chinese kept as is, multi-line text as |."""


def _str_representer(dumper: _CanonicalDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not value.endswith((" ", "\t")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CanonicalDumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    """The canonical text of `data`: the same data always gives the same bytes."""
    return yaml.dump(
        data,
        Dumper=_CanonicalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )
