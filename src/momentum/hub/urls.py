from django.urls import path

from momentum.hub.views import attachments as attachment_views  # threads and posts
from momentum.hub.views import members as member_views  # spaces and membership
from momentum.hub.views import moderation as moderation_views  # moderation
from momentum.hub.views import resources as resource_views  # resources
from momentum.hub.views import search as search_views  # search
from momentum.hub.views import settings as settings_views  # spaces and membership
from momentum.hub.views import spaces as space_views  # spaces and membership
from momentum.hub.views import threads as thread_views  # threads and posts
from momentum.hub.views import unsubscribe as unsubscribe_views  # notifications
from momentum.hub.views import watched_terms as watched_term_views  # moderation

app_name = "hub"

# Each subject keeps its routes together; add yours inside your section.
urlpatterns: list = [
    # --- spaces and membership ---
    path("", space_views.space_list, name="spaces"),
    path("spaces/new/", space_views.space_new, name="space_new"),
    path("spaces/<int:pk>/", space_views.space_detail, name="space"),
    path("spaces/<int:pk>/edit/", space_views.space_edit, name="space_edit"),
    path("spaces/<int:pk>/archive/", space_views.space_archive, name="space_archive"),
    path("spaces/<int:pk>/join/", member_views.join, name="space_join"),
    path("spaces/<int:pk>/leave/", member_views.leave, name="space_leave"),
    path("spaces/<int:pk>/invitation/", member_views.answer_invitation, name="space_invitation"),
    path("spaces/<int:pk>/requests/", member_views.requests, name="space_requests"),
    path(
        "spaces/<int:pk>/requests/<int:membership_pk>/",
        member_views.decide_request,
        name="space_request_decide",
    ),
    path("spaces/<int:pk>/invite/", member_views.invite, name="space_invite"),
    path("spaces/<int:pk>/members/", member_views.members, name="space_members"),
    path(
        "spaces/<int:pk>/members/<int:membership_pk>/remove/",
        member_views.remove,
        name="member_remove",
    ),
    path("settings/", settings_views.my_settings, name="settings"),
    path("photos/<int:user_pk>/", settings_views.member_photo, name="member_photo"),
    # --- threads and posts ---
    path("spaces/<int:space_pk>/threads/new/", thread_views.thread_new, name="thread_new"),
    path("threads/<int:pk>/", thread_views.thread_detail, name="thread"),
    path("threads/<int:pk>/reply/", thread_views.reply, name="reply"),
    path("posts/<int:pk>/", thread_views.post_redirect, name="post"),
    path("posts/<int:pk>/edit/", thread_views.post_edit, name="post_edit"),
    path("posts/<int:pk>/history/", thread_views.post_history, name="post_history"),
    path("posts/<int:pk>/review/", thread_views.post_request_review, name="post_request_review"),
    path("attachments/<int:pk>/", attachment_views.download, name="attachment"),
    # --- resources ---
    path("resources/", resource_views.resource_list, name="resources"),
    path("resources/new/", resource_views.resource_new, name="resource_new"),
    path("resources/<int:pk>/", resource_views.resource_detail, name="resource"),
    path("resources/<int:pk>/edit/", resource_views.resource_edit, name="resource_edit"),
    path(
        "resources/<int:pk>/versions/new/",
        resource_views.resource_version_new,
        name="resource_version_new",
    ),
    path(
        "resources/<int:pk>/download/",
        resource_views.resource_download,
        name="resource_download",
    ),
    # --- search ---
    path("search/", search_views.search, name="search"),
    # --- notifications ---
    path("unsubscribe/<str:token>/", unsubscribe_views.unsubscribe, name="unsubscribe"),
    # --- moderation ---
    path("moderation/", moderation_views.overview, name="moderation"),
    path("spaces/<int:pk>/moderation/", moderation_views.queue, name="moderation_queue"),
    path("posts/<int:pk>/flag/", moderation_views.flag_post, name="flag_post"),
    path("posts/<int:pk>/moderate/", moderation_views.moderate_post, name="moderate_post"),
    path("threads/<int:pk>/lock/", moderation_views.thread_lock, name="thread_lock"),
    path("threads/<int:pk>/pin/", moderation_views.thread_pin, name="thread_pin"),
    path("watched-terms/", watched_term_views.watched_terms, name="watched_terms"),
    path(
        "watched-terms/<int:pk>/active/",
        watched_term_views.watched_term_active,
        name="watched_term_active",
    ),
    path(
        "watched-terms/<int:pk>/delete/",
        watched_term_views.watched_term_delete,
        name="watched_term_delete",
    ),
    # --- api, indicators and demo ---
]
