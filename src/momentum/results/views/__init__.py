"""The results framework's pages, split by subject."""
