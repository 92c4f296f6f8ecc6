"""Cross-app tests use the personas of the root ``conftest.py``."""
