"""Raw WordprocessingML the python-docx API does not reach, in one place.

`writers/docx.py` speaks python-docx's typed API only; every direct XML edit lives in this
package: style and paragraph properties (`styles`), paragraph and table details (`layout`)
and the package around the document (`package`).
"""

from drafter.writers.ooxml.layout import (
    RED,
    add_rule_below,
    imprint_table_properties,
    set_indent_chars,
    set_run_font,
)
from drafter.writers.ooxml.package import clean_package, set_settings
from drafter.writers.ooxml.styles import (
    LINE_TWIPS,
    add_page_field,
    element,
    paragraph_properties,
    run_properties,
    set_doc_defaults,
    set_line_grid,
    set_style_properties,
    strip_theme_fonts,
)

__all__ = [
    "LINE_TWIPS",
    "RED",
    "add_page_field",
    "add_rule_below",
    "clean_package",
    "element",
    "imprint_table_properties",
    "paragraph_properties",
    "run_properties",
    "set_doc_defaults",
    "set_indent_chars",
    "set_line_grid",
    "set_run_font",
    "set_settings",
    "set_style_properties",
    "strip_theme_fonts",
]
