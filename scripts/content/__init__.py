"""The archive as contributors keep it in content/: the model, loading and validating it, checks and translation status."""
