from django.urls import path

from momentum.needs.views import (
    builder,
    colleagues,
    figures,
    inventories,
    priorities,
    questionnaires,
    reports,
    rounds,
    submissions,
    visits,
)

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

urlpatterns += [
    # --- inventories ---
    path("inventories/", inventories.inventory_list, name="inventories"),
    path("inventories/<int:country>/", inventories.inventory_detail, name="inventory"),
    path("inventories/<int:country>/offer/new/", inventories.offer_new, name="offer_new"),
    path("inventories/offer/<int:pk>/", inventories.offer_edit, name="offer_edit"),
    path("inventories/offer/<int:pk>/delete/", inventories.offer_delete, name="offer_delete"),
    path(
        "inventories/<int:country>/initiatives/new/",
        inventories.initiative_new,
        name="initiative_new",
    ),
    path("inventories/initiatives/<int:pk>/", inventories.initiative_edit, name="initiative_edit"),
    path(
        "inventories/initiatives/<int:pk>/delete/",
        inventories.initiative_delete,
        name="initiative_delete",
    ),
    path(
        "inventories/<int:country>/import/", inventories.inventory_import, name="inventory_import"
    ),
    path(
        "inventories/template/<str:kind>.xlsx",
        inventories.inventory_template,
        name="inventory_template",
    ),
]

urlpatterns += [
    # --- a visit's participants and documents ---
    path("visits/<int:pk>/participants/", visits.visit_participants, name="visit_participants"),
    path(
        "visit-participants/<int:pk>/remove/",
        visits.visit_participant_remove,
        name="visit_participant_remove",
    ),
    path("visits/<int:pk>/documents/", visits.visit_documents, name="visit_documents"),
    path("visit-documents/<int:pk>/", visits.visit_document_file, name="visit_document_file"),
]

urlpatterns += [
    # --- colleagues answering sections of a submission ---
    path("submissions/<int:pk>/colleagues/", colleagues.colleagues, name="submission_colleagues"),
    path(
        "submission-colleagues/<int:pk>/remove/",
        colleagues.colleague_remove,
        name="submission_colleague_remove",
    ),
]

urlpatterns += [
    # --- the questionnaire builder (staff, before a version is frozen) ---
    path("questionnaires/<int:pk>/sections/new/", builder.section_new, name="section_new"),
    path("sections/<int:pk>/questions/new/", builder.question_new, name="question_new"),
    path("sections/<int:pk>/move/", builder.section_move, name="section_move"),
    path("questions/<int:pk>/", builder.question_edit, name="question_edit"),
    path("questions/<int:pk>/move/", builder.question_move, name="question_move"),
    path("questions/<int:pk>/delete/", builder.question_delete, name="question_delete"),
]

urlpatterns += [
    path("figures/<int:pk>/validate/", figures.figure_validate, name="figure_validate"),
]
