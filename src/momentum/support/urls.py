from django.urls import path

from momentum.support.views import asker, knowledge, public, staff

app_name = "support"

urlpatterns = [
    # asking and one's own requests
    path("ask/", asker.ask, name="ask"),
    path("requests/", asker.my_requests, name="mine"),
    path("requests/<str:reference>/", asker.request_detail, name="request"),
    path("requests/<str:reference>/answer/", asker.asker_answer, name="answer"),
    path("requests/<str:reference>/rate/", asker.rate, name="rate"),
    path("files/<int:pk>/", asker.attachment, name="attachment"),
    # staff
    path("queue/", staff.queue, name="queue"),
    path("requests/<str:reference>/reply/", staff.staff_reply, name="reply"),
    path("requests/<str:reference>/note/", staff.note, name="note"),
    path("requests/<str:reference>/assign/", staff.assign, name="assign"),
    path("requests/<str:reference>/status/", staff.change_status, name="status"),
    path("requests/<str:reference>/merge/", staff.merge, name="merge"),
    path("held-mail/", staff.held_mail, name="held_mail"),
    path("held-mail/<int:pk>/", staff.release_held, name="release_held"),
    path("report/", staff.report, name="report"),
    # visitors
    path("contact/", public.contact, name="contact"),
    path("follow/<str:token>/", public.follow, name="follow"),
    path("follow/<str:token>/answer/", public.follow_answer, name="follow_answer"),
    path("follow/<str:token>/rate/", public.follow_rate, name="follow_rate"),
    # knowledge base
    path("questions/", knowledge.knowledge, name="knowledge"),
    path("questions/suggest/", knowledge.suggest, name="suggest"),
    path("questions/new/", knowledge.article_edit, name="article_new"),
    path("questions/<int:pk>/", knowledge.article, name="article"),
    path("questions/<int:pk>/edit/", knowledge.article_edit, name="article_edit"),
    path("questions/<int:pk>/vote/", knowledge.article_vote, name="article_vote"),
]
