"""Pages for this subject of training."""
