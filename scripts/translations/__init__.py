"""Translating posts: segments of a post, PO export and import, QA checks, why a translation is stale."""
