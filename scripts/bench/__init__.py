"""Measurements apart from the product: python -m scripts bench and bench-search."""
