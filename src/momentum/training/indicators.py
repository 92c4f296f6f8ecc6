"""Training's indicators for the results framework, computed from the records."""
