"""The README's map of scripts/ ("Where things are") names every module there is, and no module that is not."""

import re

from tests.conftest import ROOT


def test_the_map_names_every_module_of_every_room():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Where things are"):readme.index("One data path")]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `scripts/(\w+)/` \|[^|]*\|(.*)\|$", section, re.M)}
    rooms = {p.name for p in (ROOT / "scripts").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(rows) == rooms
    for room, text in rows.items():
        if room == "cli":  # one module per command, named by the command
            continue
        modules = {p.name for p in (ROOT / "scripts" / room).glob("*.py") if p.name != "__init__.py"}
        named = set(re.findall(r"`(\w+\.py)`", text))
        assert modules == named, (room, sorted(modules ^ named))
