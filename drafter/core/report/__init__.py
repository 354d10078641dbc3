"""Report kinds and rendering: kind folders, the template sandbox, the neutral block list."""
