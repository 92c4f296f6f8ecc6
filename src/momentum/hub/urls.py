from django.urls import path  # noqa: F401 - each subject adds its routes below

app_name = "hub"

# Each subject keeps its routes together; add yours inside your section.
urlpatterns: list = [
    # --- spaces and membership ---
    # --- threads and posts ---
    # --- resources ---
    # --- search ---
    # --- notifications ---
    # --- moderation ---
    # --- api, indicators and demo ---
]
