"""What waits at the support office, on the home page: for an asker, her questions answered;
for staff, the queue and the targets missed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register
from momentum.support import selectors

if TYPE_CHECKING:
    from momentum.people.models import User


@register
def support_steps(user: User) -> list[NextStep]:
    steps: list[NextStep] = []
    answered = selectors.answered_for(user)
    if answered:
        steps.append(
            NextStep(
                ngettext(
                    "The support office answered %(count)s of your questions.",
                    "The support office answered %(count)s of your questions.",
                    answered,
                )
                % {"count": answered},
                reverse("support:mine"),
                count=answered,
                priority=40,
                app="support",
            )
        )
    if user.has_perm("support.answer"):
        counts = selectors.queue_counts(user)
        if counts["breached"]:
            steps.append(
                NextStep(
                    ngettext(
                        "%(count)s support request missed its target.",
                        "%(count)s support requests missed their target.",
                        counts["breached"],
                    )
                    % {"count": counts["breached"]},
                    reverse("support:queue") + "?scope=breached",
                    count=counts["breached"],
                    priority=10,
                    app="support",
                )
            )
        if counts["unanswered"]:
            steps.append(
                NextStep(
                    ngettext(
                        "%(count)s support request in your queues waits for a first answer.",
                        "%(count)s support requests in your queues wait for a first answer.",
                        counts["unanswered"],
                    )
                    % {"count": counts["unanswered"]},
                    reverse("support:queue"),
                    count=counts["unanswered"],
                    priority=20,
                    app="support",
                )
            )
    return steps
