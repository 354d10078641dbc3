"""YAML in and out, with the line of every value kept for error messages.

Draft files, phrasebanks and kind.yaml files are all YAML. Loading keeps a map from each
value's path (("sections", 0, "points", 2)) to its line, so a schema error can name the line.
It is also where every YAML file is bounded: aliases may not expand a small file into a huge
one (an alias bomb), may not refer to themselves, and a key may not appear twice in a mapping
(YAML would keep the last silently, and the next save would drop the hidden first value).
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

MAX_ALIAS_EXPANSION = 10_000
"""How many values aliases (`*name`) may add beyond those written out. Drafter never writes
aliases itself; ten levels of ten aliases in 600 bytes would otherwise mean 10**10 values."""
_MERGE_TAG = "tag:yaml.org,2002:merge"


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


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root: yaml.Node) -> tuple[int, int] | None:
    """(values once aliases are expanded, distinct values); None when an alias contains
    itself. Linear in the document: each node is sized once (an explicit stack, so a deeply
    nested file cannot exhaust Python's recursion)."""
    size: dict[int, int] = {}
    open_: set[int] = set()  # the ancestors of the node being sized
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            continue
        if key in size:
            continue
        if key in open_:
            return None
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    return size[id(root)], len(size)


def _check_aliases(root: yaml.Node, path: Path | None, error: type[DrafterError]) -> None:
    sized = _expanded_size(root)
    if sized is None:
        raise error("YAML 格式不对：别名（*名称）引用了包含它自己的值", path)
    expanded, distinct = sized
    if expanded - distinct > MAX_ALIAS_EXPANSION:
        raise error(
            f"不能接受：别名（*名称）会重复出 {expanded - distinct:,} 个值"
            f"（上限 {MAX_ALIAS_EXPANSION:,}）；请把值直接写出来",
            path,
        )


def _walk(
    node: yaml.Node, path: Path_, lines: LineMap, file: Path | None, error: type[DrafterError]
) -> None:
    lines.add(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                line = key_node.start_mark.line + 1
                first = seen.get((key_node.tag, key))
                if first is not None:
                    raise error(
                        f"键 {key} 在同一层写了两次（第 {first} 行和第 {line} 行），只留一个",
                        file,
                        line,
                    )
                seen[(key_node.tag, key)] = line
            _walk(value_node, (*path, key), lines, file, error)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, file, error)


# PyYAML's words for the mistakes people make by hand, said in Chinese.
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能写“键: 值”（冒号后是否少了空格，或缩进不对？）"),
    ("cannot start any token", "有不能出现在这里的字符（缩进要用空格，不能用 Tab）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "缩进不对"),
    ("did not find expected node content", "这里缺少内容（值没写完，或括号没有配对）"),
    ("did not find expected ',' or ']'", "方括号 [ ] 没有配对，或少了逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有配对，或少了逗号"),
    ("did not find expected '-' indicator", "列表项“-”的缩进不对"),
    ("expected <block end>", "缩进不对"),
    ("found unexpected end of stream", "引号或括号没有配对"),
    ("found undefined alias", "用了没有定义的别名（*名称）"),
    ("unknown escape character", "引号里有无法识别的转义符（\\ 后面的字符）"),
)


def _problem(what: str | None) -> str:
    for english, chinese in _PROBLEMS:
        if what and english in what:
            return chinese
    return what or "无法解析"


def load_yaml(text: str, path: Path | None, error: type[DrafterError]) -> tuple[Any, LineMap]:
    """Parse one YAML document; raise `error` with file and line when it is malformed."""
    lines = LineMap()
    loader = _TextDateLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        _check_aliases(node, path, error)
        _walk(node, (), lines, path, error)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise error(f"YAML 格式不对：{_problem(exc.problem or exc.context)}", path, line) from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise error(f"YAML 格式不对：{exc}", path) from exc
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
