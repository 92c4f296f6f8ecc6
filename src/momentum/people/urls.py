from django.urls import path

from momentum.people import account_views, views

app_name = "people"

urlpatterns = [
    path("officers/", views.officer_list, name="officers"),
    path("officers/<int:pk>/", views.officer_detail, name="officer"),
    path("officers/<int:pk>/edit/", views.officer_edit, name="officer_edit"),
    path("me/", views.my_account, name="my_account"),
    path("me/profile/", views.my_profile_edit, name="my_profile_edit"),
    path("me/tokens/", views.token_list, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("invitations/", views.invitation_list, name="invitations"),
    path("invitations/new/", views.invitation_new, name="invitation_new"),
    path("invitations/bulk/", views.bulk_invitation, name="bulk_invitation"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("accounts/", account_views.account_list, name="accounts"),
    path("accounts/<int:pk>/", account_views.account_detail, name="account"),
    path("accounts/<int:pk>/active/", account_views.account_set_active, name="account_active"),
    path(
        "accounts/<int:pk>/roles/<int:assignment_pk>/remove/",
        account_views.role_remove,
        name="role_remove",
    ),
    path("invitations/accept/<str:key>/", views.accept_invitation, name="accept_invitation"),
]
