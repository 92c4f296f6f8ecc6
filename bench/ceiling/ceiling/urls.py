from django.shortcuts import render
from django.urls import path

from ceiling.models import Row


def rows(request):  # type: ignore[no-untyped-def]
    page = Row.objects.order_by("name")[:25]
    return render(request, "rows.html", {"rows": page, "count": Row.objects.count()})


urlpatterns = [path("", rows, name="rows")]
