"""Pages of the field exercise: planning and teams, the sites' screens and the controller
console, the evaluators' observations, and the after-action report."""

from momentum.exercise.views.planning import detail, document, exercise_list, plan, team
from momentum.exercise.views.play import board, console, inject, observe, site, site_feed
from momentum.exercise.views.report import report, report_pdf

__all__ = [
    "board",
    "console",
    "detail",
    "document",
    "exercise_list",
    "inject",
    "observe",
    "plan",
    "report",
    "report_pdf",
    "site",
    "site_feed",
    "team",
]
