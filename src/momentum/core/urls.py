from django.urls import path

from momentum.core import views

app_name = "core"

urlpatterns = [
    path("jobs/<int:pk>/", views.job_status, name="job"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/export/", views.audit_export, name="audit_export"),
    # --- notifications ---
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/count/", views.notification_count, name="notification_count"),
    path("notifications/read/", views.notifications_mark_read, name="notifications_mark_read"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
]
