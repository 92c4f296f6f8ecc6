from django.urls import path

from momentum.core import views

app_name = "core"

urlpatterns = [
    path("jobs/<int:pk>/", views.job_status, name="job"),
    path("audit/", views.audit_log, name="audit_log"),
    path("audit/export/", views.audit_export, name="audit_export"),
]
