"""Per-user folders: config, user banks and templates, drafts and autosaves.

All of them sit under one root when DRAFTER_HOME is set (tests, portable installs);
otherwise they follow the platform's conventions through platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs import PlatformDirs

APP = "drafter"
DRAFT_SUFFIX = ".draft.yaml"
"""How draft files are named (report.draft.yaml)."""


def _dirs() -> PlatformDirs:
    from platformdirs import PlatformDirs  # only without DRAFTER_HOME (~3 ms to load)

    return PlatformDirs(APP, appauthor=False)


def _home() -> Path | None:
    home = os.environ.get("DRAFTER_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(_dirs().user_config_dir)


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(_dirs().user_data_dir)


def config_file() -> Path:
    """`config.yaml`: `banks:` and `templates:` lists of extra folders."""
    return config_dir() / "config.yaml"


def user_banks_dir() -> Path:
    """Banks placed here (one folder each, YAML files or .txt files with one phrase a line)
    merge with the built-in bank."""
    return data_dir() / "banks"


def user_templates_dir() -> Path:
    """Report kinds placed here (one folder each) join the built-in kinds."""
    return data_dir() / "templates"


def drafts_dir() -> Path:
    """Where the wizard puts new drafts unless told otherwise."""
    return data_dir() / "drafts"


def state_dir() -> Path:
    """Recent-drafts list and lock files."""
    home = _home()
    return home / "state" if home else Path(_dirs().user_state_dir)


def index_cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(_dirs().user_cache_dir)
