"""Writes of the field exercise, one module per subject: planning and teams, the master
scenario events list, observations, and the after-action report."""
