"""Files drafter reads and writes: drafts, YAML, safe writes, user folders, caches, recents."""
