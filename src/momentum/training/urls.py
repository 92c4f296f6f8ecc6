from django.urls import path

from momentum.training.views import (
    assessments,
    attendance,
    catalogue,
    certificates,
    evaluations,
    nominations,
    sessions,
)

app_name = "training"

# Each subject keeps its routes together; add yours inside your section.
urlpatterns = [
    # --- catalogue ---
    path("", catalogue.catalogue, name="catalogue"),
    # --- sessions ---
    # --- nominations and selection ---
    # --- attendance ---
    # --- knowledge tests and analytics ---
    # --- evaluations ---
    # --- certificates, transcripts and exports ---
]

__all__ = [
    "assessments",
    "attendance",
    "catalogue",
    "certificates",
    "evaluations",
    "nominations",
    "sessions",
]
