"""The trainer's side: worlds and queues, generating one, assigning it to trainees."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.screening.forms import AssignForm, GenerateQueueForm, QueueItemsForm
from momentum.screening.models import Play, Presentation, World
from momentum.screening.selectors import queues as selectors
from momentum.screening.services import queues as services
from momentum.training.selectors.nominations import practical_sessions_for


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("screening.use_console"):
        raise PermissionDenied
    context: dict[str, object] = {"plays": list(selectors.plays_of(user)[:50])}
    if user.has_perm("screening.manage_queues"):
        context["queues"] = list(selectors.queues_visible_to(user)[:50])
        context["worlds"] = list(
            World.objects.annotate(n=Count("travellers")).order_by("-created_at")[:20]
        )
        context["form"] = GenerateQueueForm(sessions=practical_sessions_for(user))
    return render(request, "screening/index.html", context)


@login_required
def queue_new(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("screening.manage_queues"):
        raise PermissionDenied
    form = GenerateQueueForm(request.POST or None, sessions=practical_sessions_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            queue = services.generate_queue(trainer=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The queue was generated."))
            return redirect("screening:queue", pk=queue.pk)
    return render(request, "screening/queue_new.html", {"form": form})


@login_required
def queue_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    queue = selectors.get_queue_for(request.user, pk)
    items = list(queue.items.select_related("presentation__traveller"))
    plays = list(
        Play.objects.filter(queue=queue)
        .select_related("trainee")
        .annotate(n_decided=Count("checks", filter=~Q(checks__decision="")))
    )
    checks = selectors.checks_of(plays)
    per_play = {
        play.pk: selectors.scores_of([c for c in checks if c.play_id == play.pk]) for play in plays
    }
    rows = [(play, per_play[play.pk]) for play in plays]
    form = AssignForm(trainees=selectors.trainees_for(request.user))
    return render(
        request,
        "screening/queue.html",
        {
            "queue": queue,
            "items": items,
            "rows": rows,
            "form": form,
            "team": selectors.scores_of(checks),
        },
    )


@login_required
@require_POST
def queue_assign(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    queue = selectors.get_queue_for(request.user, pk)
    if not request.user.has_perm("screening.change_queue", queue):
        raise PermissionDenied
    form = AssignForm(request.POST, trainees=selectors.trainees_for(request.user))
    if form.is_valid():
        services.assign(queue=queue, trainees=list(form.cleaned_data["trainees"]), by=request.user)
        messages.success(request, _("The queue was given to the trainees."))
    else:
        messages.error(request, _("Choose at least one trainee."))
    return redirect("screening:queue", pk=queue.pk)


@login_required
def queue_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Choose the travellers of a queue by hand, until a trainee starts it."""
    queue = selectors.get_queue_for(request.user, pk)
    if not request.user.has_perm("screening.change_queue", queue):
        raise PermissionDenied
    presentations = (
        Presentation.objects.filter(world=queue.world).select_related("traveller").order_by("pk")
    )
    initial = {
        "presentations": [item.presentation_id for item in queue.items.all()],
        "version": queue.version,
    }
    form = QueueItemsForm(request.POST or None, initial=initial, presentations=presentations)
    if request.method == "POST" and form.is_valid():
        try:
            services.replace_items(
                queue=queue,
                presentations=list(form.cleaned_data["presentations"]),
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The travellers of the queue were changed."))
            return redirect("screening:queue", pk=queue.pk)
    return render(request, "screening/queue_edit.html", {"queue": queue, "form": form})
