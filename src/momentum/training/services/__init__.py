"""Writes for training, one module per subject: catalogue, sessions, nominations, attendance,
assessments, evaluations, certificates."""
