"""Mentoring services, one module per subject."""
