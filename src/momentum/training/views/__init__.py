"""Pages for training, one module per subject."""
