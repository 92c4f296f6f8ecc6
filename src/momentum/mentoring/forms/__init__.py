"""Mentoring forms, one module per subject."""
