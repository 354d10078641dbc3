"""Chinese text rules: normalising, line and title breaking, numbering, slots, OpenCC."""
