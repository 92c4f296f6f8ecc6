from django.urls import path  # noqa: F401 - each subject adds its routes below

app_name = "mentoring"

# Each subject keeps its routes together; add yours inside your section.
urlpatterns: list = [
    # --- cohorts and applications ---
    # --- panel and selection ---
    # --- mentors and matching ---
    # --- the pair's work ---
    # --- learning path and opportunities ---
    # --- completion and alumni ---
    # --- api, indicators and demo ---
]
