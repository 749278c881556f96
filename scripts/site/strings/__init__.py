"""Interface strings of one feature each: a module here defines STRINGS = {"en": {...}, "ru": {...}, "tr": {...}},
merged into site.i18n.STRINGS (a key may be defined once). New features add a module instead of editing
i18n.py, so that their strings do not collide."""
