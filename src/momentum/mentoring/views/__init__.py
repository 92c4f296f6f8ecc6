"""Mentoring views, one module per subject."""
