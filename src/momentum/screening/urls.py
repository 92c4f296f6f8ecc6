from django.urls import path

from momentum.screening.views import console, plays, queues, summary

app_name = "screening"

urlpatterns: list = [
    path("", queues.index, name="index"),
    path("console/", console.console, name="console"),
    path("results/", summary.summary, name="summary"),
    path("queues/new/", queues.queue_new, name="queue_new"),
    path("queues/<int:pk>/", queues.queue_detail, name="queue"),
    path("queues/<int:pk>/assign/", queues.queue_assign, name="queue_assign"),
    path("queues/<int:pk>/edit/", queues.queue_edit, name="queue_edit"),
    path("plays/<int:pk>/", plays.play, name="play"),
    path("plays/<int:pk>/scores/", plays.play_scores, name="play_scores"),
    path("checks/<int:pk>/decide/", plays.decide, name="decide"),
    path("checks/<int:pk>/feedback/", plays.feedback, name="feedback"),
]
