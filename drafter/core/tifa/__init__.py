"""The 规范表述 (提法) table and the matcher that finds formulas in a text."""
