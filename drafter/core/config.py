"""User configuration: extra bank and template folders, and the review checks.

Three sources, merged in this order: the config file in the user's config folder
(`banks:` and `templates:` lists), the DRAFTER_BANKS / DRAFTER_TEMPLATES environment
variables (paths separated by os.pathsep), and the `--bank` / `--templates` options.
The file's `checks:` mapping turns review checks off, changes their severity or limits
(see docs/checks.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.checks.settings import CheckSettings, parse_settings
from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.core.files.fsio import read_text
from drafter.core.files.yamlio import LineMap, load_yaml


class ConfigError(DrafterError):
    """The user's config file is unreadable or malformed."""

    noun = "配置文件"


@dataclass
class Config:
    """Extra folders beyond the built-in data."""

    banks: list[Path] = field(default_factory=list)
    templates: list[Path] = field(default_factory=list)
    checks: CheckSettings = field(default_factory=CheckSettings)


def load_config() -> Config:
    """The config file plus environment variables (command-line options come later)."""
    config = Config()
    path = locations.config_file()
    if path.is_file():
        data, lines = load_yaml(read_text(path, ConfigError), path, ConfigError)
        if data is not None and not isinstance(data, dict):
            raise ConfigError("配置文件应写成含 banks: 和 templates: 的映射", path, 1)
        for key in ("banks", "templates"):
            value = (data or {}).get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{key} 应写成文件夹路径的列表", path, lines.line((key,)))
            getattr(config, key).extend(path.parent / Path(v).expanduser() for v in value)
        config.checks = _checks(data, path, lines)
    for key, env in (("banks", "DRAFTER_BANKS"), ("templates", "DRAFTER_TEMPLATES")):
        for part in os.environ.get(env, "").split(os.pathsep):
            if part.strip():
                getattr(config, key).append(Path(part).expanduser())
    return config


def _checks(data: dict[str, object] | None, path: Path, lines: LineMap) -> CheckSettings:
    from drafter.core.checks import BY_CODE

    try:
        return parse_settings((data or {}).get("checks"), BY_CODE)
    except ValueError as exc:
        raise ConfigError(str(exc), path, lines.line(("checks",))) from exc
