"""Reading typed values from YAML with the line to blame (the content schema's validators)."""

from __future__ import annotations

import datetime as dt
import re

from .model import ContentError


def parse_date(value, path, line, what) -> dt.date:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ContentError(path, line, f"{what}: '{value}' is not a date (expected YYYY-MM-DD)")
