from django.urls import path

from momentum.governance.views import board, meetings, minutes, procedures, recommendations

app_name = "governance"

urlpatterns = [
    # --- the board and its members ---
    path("", board.board, name="board"),
    path("members/new/", board.member_new, name="member_new"),
    path("members/<int:pk>/letter/", board.member_letter, name="member_letter"),
    path("commitment/", board.commitment, name="commitment"),
    # --- meetings, documents, attendance, motions ---
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/meeting.ics", meetings.meeting_ics_file, name="meeting_ics"),
    path("meetings/<int:pk>/invite/", meetings.meeting_invite, name="meeting_invite"),
    path("meetings/<int:pk>/answer/", meetings.meeting_answer, name="meeting_answer"),
    path("meetings/<int:pk>/attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:pk>/held/", meetings.meeting_held, name="meeting_held"),
    path("meetings/<int:pk>/documents/", meetings.meeting_document_add, name="document_add"),
    path("documents/<int:pk>/", meetings.document_download, name="document"),
    path("agenda/<int:pk>/motion/", meetings.motion_new, name="motion_new"),
    path("motions/<int:pk>/vote/", meetings.motion_vote, name="motion_vote"),
    path("motions/<int:pk>/close/", meetings.motion_close, name="motion_close"),
    # --- minutes ---
    path("meetings/<int:pk>/minutes/", minutes.minutes_page, name="minutes"),
    path("meetings/<int:pk>/minutes/comment/", minutes.minutes_comment, name="minutes_comment"),
    path("meetings/<int:pk>/minutes/<slug:step>/", minutes.minutes_step, name="minutes_step"),
    # --- written procedures ---
    path("procedures/", procedures.procedure_list, name="procedures"),
    path("procedures/new/", procedures.procedure_new, name="procedure_new"),
    path("procedures/<int:pk>/", procedures.procedure_detail, name="procedure"),
    path("procedures/<int:pk>/answer/", procedures.procedure_answer, name="procedure_answer"),
    path("procedures/<int:pk>/close/", procedures.procedure_close, name="procedure_close"),
    path("procedures/<int:pk>/answers.csv", procedures.procedure_export, name="procedure_export"),
    path(
        "procedures/<int:pk>/answers.pdf",
        procedures.procedure_export_pdf,
        name="procedure_export_pdf",
    ),
    # --- the register of recommendations ---
    path("recommendations/", recommendations.register, name="recommendations"),
    path("recommendations/new/", recommendations.recommendation_new, name="recommendation_new"),
    path("recommendations/<int:pk>/", recommendations.recommendation_detail, name="recommendation"),
    path(
        "recommendations/<int:pk>/<slug:step>/",
        recommendations.recommendation_step,
        name="recommendation_step",
    ),
    path("actions/<int:pk>/", recommendations.action_update, name="action_update"),
]
