"""What waits on the home page: a trainee's screening queues not finished; a trainer's queues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register

if TYPE_CHECKING:
    from momentum.people.models import User


@register
def screening_steps(user: User) -> list[NextStep]:
    from momentum.screening.models import Play, Queue

    steps: list[NextStep] = []
    if user.has_perm("screening.view_own_plays"):
        waiting = list(
            Play.objects.filter(trainee=user, finished_at__isnull=True)
            .select_related("queue")
            .order_by("pk")[:5]
        )
        for play in waiting:
            # The queue's title is the trainer's own words: the sentence names it by its order.
            steps.append(
                NextStep(
                    _("A screening queue waits for you (number %(number)s).")
                    % {"number": play.queue_id},
                    reverse("screening:play", kwargs={"pk": play.pk}),
                    priority=40,
                    app="screening",
                )
            )
    if user.has_perm("screening.manage_queues"):
        counts = Queue.objects.filter(trainer=user).aggregate(
            n=Count("pk"), open=Count("plays", filter=Q(plays__finished_at__isnull=True))
        )
        if counts["n"]:
            steps.append(
                NextStep(
                    ngettext(
                        "You run %(count)d screening queue.",
                        "You run %(count)d screening queues.",
                        counts["n"],
                    )
                    % {"count": counts["n"]},
                    reverse("screening:index"),
                    count=counts["open"],
                    priority=80,
                    app="screening",
                )
            )
    return steps
