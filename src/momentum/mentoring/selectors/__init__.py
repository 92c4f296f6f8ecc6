"""Mentoring selectors, one module per subject."""
