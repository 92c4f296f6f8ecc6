"""The project's URL map plus a page that always fails, to see the 500 page in each language."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import path

from momentum.urls import handler400, handler403, handler404, handler500  # noqa: F401
from momentum.urls import urlpatterns as project_urlpatterns


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("This page fails on purpose.")


urlpatterns = [
    *project_urlpatterns,
    path("api/v1/fail", fail, name="api_fail"),
    *i18n_patterns(path("fail/", fail, name="fail")),
]
