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
    path("courses/new/", catalogue.course_new, name="course_new"),
    path("courses/<int:pk>/", catalogue.course_detail, name="course"),
    path("courses/<int:pk>/edit/", catalogue.course_edit, name="course_edit"),
    # --- sessions ---
    path("sessions/", sessions.session_list, name="sessions"),
    path("sessions/new/", sessions.session_new, name="session_new"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel, name="session_cancel"),
    path(
        "sessions/<int:pk>/move/<slug:action>/",
        sessions.session_transition,
        name="session_transition",
    ),
    path("calendar/", sessions.my_calendar, name="calendar"),
    path("calendar/reset/", sessions.calendar_reset, name="calendar_reset"),
    path("calendar/<str:token>.ics", sessions.calendar_feed, name="calendar_feed"),
    # --- nominations and selection ---
    path("sessions/<int:pk>/nominate/", nominations.nominate, name="nominate"),
    path("sessions/<int:pk>/selection/", nominations.selection_board, name="selection_board"),
    path(
        "sessions/<int:pk>/selection/export.xlsx",
        nominations.selection_export,
        name="selection_export",
    ),
    path("nominations/<int:pk>/decide/", nominations.decide, name="decide_nomination"),
    path("nominations/<int:pk>/withdraw/", nominations.withdraw, name="withdraw_nomination"),
    path("my-nominations/", nominations.my_nominations, name="my_nominations"),
    # --- attendance ---
    path("sessions/<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path(
        "sessions/<int:pk>/attendance/summary/",
        attendance.attendance_summary,
        name="attendance_summary",
    ),
    path(
        "sessions/<int:pk>/attendance/sheet.pdf",
        attendance.attendance_sheet,
        name="attendance_sheet",
    ),
    # --- knowledge tests and analytics ---
    path("courses/<int:pk>/questions/", assessments.questions, name="questions"),
    path("courses/<int:pk>/questions/new/", assessments.question_new, name="question_new"),
    path(
        "courses/<int:course_pk>/questions/<int:pk>/",
        assessments.question_edit,
        name="question_edit",
    ),
    path("nominations/<int:pk>/tests/<str:kind>/", assessments.take_test, name="take_test"),
    path("sessions/<int:pk>/results/", assessments.session_results, name="session_results"),
    path("courses/<int:pk>/results/", assessments.course_results, name="course_results"),
    # --- evaluations ---
    path("sessions/<int:pk>/evaluate/", evaluations.evaluate, name="evaluate"),
    path("sessions/<int:pk>/follow-up/", evaluations.follow_up, name="follow_up"),
    path(
        "sessions/<int:pk>/evaluation-results/",
        evaluations.evaluation_results,
        name="evaluation_results",
    ),
    # --- certificates, transcripts and exports ---
    path(
        "sessions/<int:pk>/certificates/issue/",
        certificates.issue_certificates,
        name="issue_certificates",
    ),
    path("sessions/<int:pk>/certificate/", certificates.my_certificate, name="my_certificate"),
    path("sessions/<int:pk>/export.xlsx", certificates.session_export, name="session_export"),
    path("certificates/<int:pk>/pdf/", certificates.certificate_pdf, name="certificate_pdf"),
    path(
        "certificates/<int:pk>/revoke/",
        certificates.revoke_certificate,
        name="revoke_certificate",
    ),
    # Public: the project also routes /<lang>/verify/<code>/ here (momentum/urls.py).
    path("verify/<str:code>/", certificates.verify, name="verify"),
    path("officers/<int:pk>/transcript/", certificates.transcript, name="transcript"),
    path("officers/<int:pk>/transcript.pdf", certificates.transcript_pdf, name="transcript_pdf"),
    path("my-training/", certificates.my_training, name="my_training"),
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
