"""Import: raw sources (saved pages, exports, articles) read into posts and written into content/. One module a format, each with a pure parse()."""
