from django.urls import path

from momentum.selfassessment import views

app_name = "selfassessment"

urlpatterns = [
    path("", views.cycle_list, name="cycles"),
    path("invite/", views.invite, name="invite"),
    path("overview/", views.overview, name="overview"),
    path("framework/", views.framework, name="framework"),
    path("framework/dimensions/<int:dimension>/", views.edit_dimension, name="dimension_edit"),
    path("<int:pk>/", views.cycle_detail, name="cycle"),
    path("<int:pk>/dimensions/<int:dimension>/", views.dimension, name="dimension"),
    path("<int:pk>/findings/", views.add_finding, name="finding_add"),
    path("<int:pk>/actions/", views.actions, name="actions"),
    path("<int:pk>/actions/<int:action>/", views.edit_action, name="action_edit"),
    path("<int:pk>/survey-links/", views.survey_links, name="survey_links"),
    path("<int:pk>/complete/", views.complete, name="complete"),
    path("survey/<str:token>/", views.survey, name="survey"),
]
