"""Demo exercise: filled in below."""
