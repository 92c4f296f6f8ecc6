from django.urls import path

from momentum.mentoring.views import alumni as alumni_views
from momentum.mentoring.views import applications as application_views
from momentum.mentoring.views import cohorts as cohort_views
from momentum.mentoring.views import health as health_views
from momentum.mentoring.views import learning_path as path_views
from momentum.mentoring.views import matching as matching_views
from momentum.mentoring.views import mentors as mentor_views
from momentum.mentoring.views import opportunities as opportunity_views
from momentum.mentoring.views import pairs as pair_views
from momentum.mentoring.views import panel as panel_views
from momentum.mentoring.views import selection as selection_views

app_name = "mentoring"

# Each subject keeps its routes together; add yours inside your section.
urlpatterns: list = [
    # --- cohorts and applications ---
    path("", cohort_views.cohort_list, name="cohorts"),
    path("cohorts/new/", cohort_views.cohort_new, name="cohort_new"),
    path("cohorts/<int:pk>/", cohort_views.cohort_detail, name="cohort"),
    path("cohorts/<int:pk>/edit/", cohort_views.cohort_edit, name="cohort_edit"),
    path("cohorts/<int:pk>/stage/", cohort_views.cohort_transition, name="cohort_transition"),
    path("cohorts/<int:pk>/apply/", application_views.apply, name="apply"),
    path("cohorts/<int:pk>/propose/", application_views.propose, name="propose"),
    path("applications/<int:pk>/", application_views.application_detail, name="application"),
    path(
        "applications/<int:pk>/supervisor/",
        application_views.record_supervisor_endorsement,
        name="record_supervisor_endorsement",
    ),
    path(
        "applications/<int:pk>/national/",
        application_views.national_endorsement,
        name="national_endorsement",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        application_views.withdraw_application,
        name="withdraw_application",
    ),
    path(
        "endorse/<str:token>/",
        application_views.supervisor_endorse,
        name="supervisor_endorse",
    ),
    path("my/", application_views.my_mentoring, name="my_mentoring"),
    # --- panel and selection ---
    path("cohorts/<int:pk>/panel/", panel_views.panel, name="panel"),
    path(
        "applications/<int:pk>/score/",
        panel_views.score_application,
        name="score_application",
    ),
    path("cohorts/<int:pk>/selection/", selection_views.selection, name="selection"),
    path(
        "cohorts/<int:pk>/selection/offer-top/",
        selection_views.offer_top,
        name="offer_top",
    ),
    path("applications/<int:pk>/offer/", selection_views.offer_place, name="offer_place"),
    path(
        "applications/<int:pk>/not-selected/",
        selection_views.not_selected,
        name="not_selected",
    ),
    path(
        "applications/<int:pk>/respond/",
        selection_views.respond_offer,
        name="respond_offer",
    ),
    # --- mentors and matching ---
    path("mentors/", mentor_views.mentor_list, name="mentors"),
    path("mentors/new/", mentor_views.mentor_new, name="mentor_new"),
    path("mentors/me/", mentor_views.my_mentor_profile, name="my_mentor_profile"),
    path("mentors/<int:pk>/", mentor_views.mentor_detail, name="mentor"),
    path("mentors/<int:pk>/edit/", mentor_views.mentor_edit, name="mentor_edit"),
    path("cohorts/<int:pk>/matching/", matching_views.matching, name="matching"),
    path("cohorts/<int:pk>/matching/run/", matching_views.matching_run, name="matching_run"),
    path(
        "cohorts/<int:pk>/matching/weights/",
        matching_views.matching_weights,
        name="matching_weights",
    ),
    path(
        "cohorts/<int:pk>/matching/assign/", matching_views.matching_assign, name="matching_assign"
    ),
    path(
        "cohorts/<int:pk>/matching/publish/",
        matching_views.matching_publish,
        name="matching_publish",
    ),
    path(
        "matching/pairs/<int:pk>/end-early/",
        matching_views.matching_end_pair,
        name="matching_end_pair",
    ),
    # --- the pair's work ---
    path("pairs/<int:pk>/", pair_views.pair, name="pair"),
    path("pairs/<int:pk>/plan/", pair_views.plan_edit, name="plan_edit"),
    path("pairs/<int:pk>/plan/review/", pair_views.plan_review, name="plan_review"),
    path("pairs/<int:pk>/goals/new/", pair_views.goal_new, name="goal_new"),
    path("goals/<int:pk>/edit/", pair_views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/milestones/new/", pair_views.milestone_new, name="milestone_new"),
    path("milestones/<int:pk>/edit/", pair_views.milestone_edit, name="milestone_edit"),
    path("pairs/<int:pk>/meetings/new/", pair_views.meeting_new, name="meeting_new"),
    path("check-ins/<int:pk>/", pair_views.check_in, name="check_in"),
    path("mentees/", pair_views.my_mentees, name="my_mentees"),
    path("cohorts/<int:pk>/health/", health_views.cohort_health, name="cohort_health"),
    # --- learning path and opportunities ---
    path("mentees/<int:pk>/path/", path_views.learning_path, name="learning_path"),
    path("mentees/<int:pk>/path/add/", path_views.learning_path_add, name="learning_path_add"),
    path("path-items/<int:pk>/move/", path_views.learning_path_move, name="learning_path_move"),
    path(
        "path-items/<int:pk>/remove/",
        path_views.learning_path_remove,
        name="learning_path_remove",
    ),
    path(
        "cohorts/<int:pk>/learning-paths/",
        path_views.cohort_learning_paths,
        name="cohort_learning_paths",
    ),
    path("my/programme/", path_views.my_programme, name="my_programme"),
    path("opportunities/", opportunity_views.opportunity_list, name="opportunities"),
    path("opportunities/new/", opportunity_views.opportunity_new, name="opportunity_new"),
    path("opportunities/<int:pk>/", opportunity_views.opportunity_detail, name="opportunity"),
    path(
        "opportunities/<int:pk>/edit/",
        opportunity_views.opportunity_edit,
        name="opportunity_edit",
    ),
    path(
        "opportunities/<int:pk>/apply/",
        opportunity_views.opportunity_apply,
        name="opportunity_apply",
    ),
    path(
        "opportunities/<int:pk>/propose/",
        opportunity_views.opportunity_propose,
        name="opportunity_propose",
    ),
    path(
        "opportunities/<int:pk>/allocation/",
        opportunity_views.opportunity_allocation,
        name="opportunity_allocation",
    ),
    path(
        "opportunities/<int:pk>/allocation/apply/",
        opportunity_views.allocation_apply,
        name="allocation_apply",
    ),
    path(
        "candidacies/<int:pk>/shortlist/",
        opportunity_views.candidacy_shortlist,
        name="candidacy_shortlist",
    ),
    path(
        "candidacies/<int:pk>/allocate/",
        opportunity_views.candidacy_allocate,
        name="candidacy_allocate",
    ),
    path(
        "candidacies/<int:pk>/unallocate/",
        opportunity_views.candidacy_unallocate,
        name="candidacy_unallocate",
    ),
    path(
        "candidacies/<int:pk>/travel/",
        opportunity_views.candidacy_travel,
        name="candidacy_travel",
    ),
    # --- completion and alumni ---
    path(
        "cohorts/<int:pk>/completion/",
        alumni_views.cohort_completion,
        name="cohort_completion",
    ),
    path(
        "applications/<int:pk>/complete/",
        alumni_views.complete_mentee,
        name="complete_mentee",
    ),
    path("alumni/", alumni_views.alumni_directory, name="alumni"),
    path(
        "alumni/<int:pk>/shortlist/",
        alumni_views.alumni_shortlist,
        name="alumni_shortlist",
    ),
    # --- api, indicators and demo ---
]
