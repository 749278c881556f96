"""The site: content/ rendered into docs/ (generate, one module per page family) and the MkDocs side (the archive plugin, head and feeds, search, the language builds)."""
