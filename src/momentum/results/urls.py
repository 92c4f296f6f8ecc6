from django.urls import path

from momentum.results.views import dashboard, exports, logframe, periods, values

app_name = "results"

urlpatterns = [
    # --- dashboard and logframe ---
    path("", dashboard.dashboard, name="dashboard"),
    path("logframe/", logframe.logframe, name="logframe"),
    path("logframe/start/", logframe.logframe_start, name="logframe_start"),
    path("logframe/results/new/", logframe.result_new, name="result_new"),
    path("logframe/results/<int:pk>/edit/", logframe.result_edit, name="result_edit"),
    path(
        "logframe/results/<int:pk>/indicators/new/",
        logframe.indicator_new,
        name="indicator_new",
    ),
    path(
        "logframe/<str:action>/",
        logframe.logframe_transition,
        name="logframe_transition",
    ),
    path("indicators/<int:pk>/records/", logframe.drill, name="drill"),
    path("indicators/<int:pk>/edit/", logframe.indicator_edit, name="indicator_edit"),
    # --- periods ---
    path("periods/", periods.period_list, name="periods"),
    path("periods/<int:pk>/edit/", periods.period_edit, name="period_edit"),
    path("periods/<int:pk>/close/", periods.period_close, name="period_close"),
    path("periods/<int:pk>/reopen/", periods.period_reopen, name="period_reopen"),
    path("periods/<int:pk>/narratives/", periods.narratives, name="narratives"),
    # --- reported values ---
    path("values/", values.value_list, name="values"),
    path("values/new/", values.value_new, name="value_new"),
    path("values/<int:pk>/", values.value_detail, name="value"),
    path("values/<int:pk>/<str:action>/", values.value_decide, name="value_decide"),
    # --- exports ---
    path("periods/<int:pk>/export.<str:kind>", exports.export, name="export"),
    path("periods/<int:pk>/report-<str:language>.pdf", exports.report, name="report"),
]
