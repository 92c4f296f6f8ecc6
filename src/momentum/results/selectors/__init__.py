"""Reads of the results framework, split by subject."""
