from django.urls import path

from momentum.needs.views import figures, priorities, questionnaires, reports, rounds, submissions

app_name = "needs"

urlpatterns = [
    # --- rounds and visits ---
    path("", rounds.round_list, name="rounds"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/visits/new/", rounds.visit_new, name="visit_new"),
    path("rounds/<int:pk>/start/<int:country>/", rounds.start_submission, name="submission_start"),
    path("visits/<int:pk>/", rounds.visit_detail, name="visit"),
    path("visits/<int:pk>/invitation.ics", rounds.visit_ics, name="visit_ics"),
    # --- questionnaires ---
    path("questionnaires/", questionnaires.questionnaire_list, name="questionnaires"),
    path("questionnaires/<int:pk>/", questionnaires.questionnaire_detail, name="questionnaire"),
    path(
        "questionnaires/<int:pk>/xlsform.xlsx",
        questionnaires.questionnaire_export,
        name="questionnaire_export",
    ),
    path(
        "questionnaires/<int:pk>/new-version/",
        questionnaires.questionnaire_new_version,
        name="questionnaire_new_version",
    ),
    # --- submissions ---
    path("submissions/<int:pk>/", submissions.submission_detail, name="submission"),
    path("submissions/<int:pk>/review/", submissions.submission_review, name="submission_review"),
    path(
        "submissions/<int:pk>/documents/",
        submissions.submission_document,
        name="submission_document",
    ),
    path("documents/<int:pk>/", submissions.submission_file, name="submission_file"),
    # --- the priority matrix ---
    path("rounds/<int:pk>/matrix/", priorities.matrix, name="matrix"),
    path("rounds/<int:pk>/matrix/<int:country>/<int:area>/", priorities.mark, name="matrix_mark"),
    # --- figures and the report ---
    path("figures/", figures.figure_list, name="figures"),
    path("reports/", reports.report_list, name="reports"),
    path("rounds/<int:pk>/report/", reports.report_build, name="report_build"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/advance/", reports.report_advance, name="report_advance"),
    path("reports/<int:pk>/<str:language>.pdf", reports.report_pdf, name="report_pdf"),
    path("public/<slug:slug>/", reports.public_report, name="public_report"),
    path(
        "public/<slug:slug>/<str:language>.pdf", reports.public_report_pdf, name="public_report_pdf"
    ),
]
