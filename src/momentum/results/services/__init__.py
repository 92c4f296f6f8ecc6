"""Writes of the results framework, split by subject; each validates, saves and audits in one
transaction."""
