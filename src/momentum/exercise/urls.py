from django.urls import path

from momentum.exercise import views

app_name = "exercise"

urlpatterns = [
    path("", views.exercise_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/console/", views.console, name="console"),
    path("<int:pk>/console/board/", views.board, name="board"),
    path("<int:pk>/observe/", views.observe, name="observe"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report/<str:language>.pdf", views.report_pdf, name="report_pdf"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("sites/<int:pk>/", views.site, name="site"),
    path("sites/<int:pk>/feed/", views.site_feed, name="site_feed"),
    path("injects/<int:pk>/", views.inject, name="inject"),
]
