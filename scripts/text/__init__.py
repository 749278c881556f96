"""Text helpers shared by the parsers and renderers, one concern a module."""
