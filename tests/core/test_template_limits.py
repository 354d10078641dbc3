"""Report templates are untrusted: beyond the sandbox, they are bounded in time, size and
reach (no symbolic links out of the kind folder)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.core.errors import TemplateError
from drafter.core.report import sandbox
from drafter.core.report.kinds import ReportKind, load_kind

KIND_YAML = "id: mine\nname: 自定义\nsections:\n  - id: opening\n"


def make_kind(folder: Path, template: str) -> ReportKind:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kind.yaml").write_text(KIND_YAML, encoding="utf-8")
    (folder / "report.j2").write_text(template, encoding="utf-8")
    return load_kind(folder, builtin=False)


@pytest.fixture(autouse=True)
def _short_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)


HOSTILE = {
    "huge power": "{{ 10 ** (10 ** 9) }}",
    "huge repetition": "{{ 'x' * 10 ** 10 }}",
    "repetition of a list": "{{ ([1] * 100000) * 100000 }}",
    "padding by filter": "{{ 'x' | center(10 ** 9) }}",
    "padding by %": "{{ '%1000000000s' % 'x' }}",
    "padding by format": "{{ '{:>1000000000}'.format('x') }}",
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "nested strings": "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "too much output": "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}",
    "endless macro": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_template_ends_in_one_error_quickly(case: str, tmp_path: Path) -> None:
    kind = make_kind(tmp_path / "mine", "@title 标题\n" + HOSTILE[case] + "\n")
    start = time.perf_counter()
    with pytest.raises(TemplateError) as info:
        kind.render({})
    assert time.perf_counter() - start < 3.0
    assert "\n" not in str(info.value)


def test_ordinary_arithmetic_and_loops_still_work(tmp_path: Path) -> None:
    template = "@title {{ 2 ** 10 }}{{ 'ab' * 3 }}{% for i in range(3) %}{{ i }}{% endfor %}\n"
    blocks = make_kind(tmp_path / "mine", template).render({})
    assert blocks[0].text == "1024ababab012"


def test_an_included_symlink_is_refused_and_its_target_never_printed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("私密内容", encoding="utf-8")
    secret.chmod(0o600)
    kind = make_kind(tmp_path / "mine", '@title 标题\n{% include "notes.j2" %}\n')
    (tmp_path / "mine" / "notes.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="符号链接"):
        kind.render({})


def test_a_symlinked_template_or_kind_file_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    make_kind(real, "@title 标题\n")
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "kind.yaml").write_text(KIND_YAML, encoding="utf-8")
    (linked / "report.j2").symlink_to(real / "report.j2")
    with pytest.raises(TemplateError, match="符号链接"):
        load_kind(linked, builtin=False).render({})
    (tmp_path / "k2").mkdir()
    (tmp_path / "k2" / "kind.yaml").symlink_to(real / "kind.yaml")
    with pytest.raises(TemplateError, match="符号链接"):
        load_kind(tmp_path / "k2", builtin=False)
