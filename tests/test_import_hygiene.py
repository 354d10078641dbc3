"""The domain core runs without a terminal: it never imports Textual or the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE_MODULES = sorted(
    "drafter." + ".".join(p.relative_to(REPO / "drafter").with_suffix("").parts)
    for p in (REPO / "drafter" / "core").rglob("*.py")
    if p.name != "__init__.py"
)


@pytest.mark.parametrize("module", [*CORE_MODULES, "drafter", "drafter.writers"])
def test_core_module_imports_no_ui(module: str) -> None:
    code = (
        f"import sys, {module}; bad = [m for m in sys.modules if m.split('.')[0] == 'textual' "
        "or m.startswith('drafter.tui') or m == 'click']; print(','.join(bad))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_import_linter_contracts_hold() -> None:
    # The script sits beside the interpreter running the tests, activated or not.
    script = Path(sys.executable).with_name("lint-imports")
    if not script.exists():
        pytest.skip("import-linter is not installed")
    proc = subprocess.run([str(script)], cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
