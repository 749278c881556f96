"""The commemoration archive: sources/ (import) -> content/ (the model, loading, checks) -> site/ (generate, the MkDocs plugin); text/ helpers, cli/ commands, bench/ measurements."""
