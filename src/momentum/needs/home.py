"""What waits on the home page: a focal point's questionnaire to fill (or revise), and for
staff the submissions to review. Two queries at most."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register

if TYPE_CHECKING:
    from momentum.people.models import User


@register
def needs_next_steps(user: User) -> list[NextStep]:
    from momentum.needs.models import Round, RoundStatus, Submission, SubmissionStatus
    from momentum.people.models import Role

    steps: list[NextStep] = []
    countries = user.countries_for(Role.FOCAL_POINT)
    if countries:
        round = Round.objects.filter(status=RoundStatus.OPEN, questionnaire__isnull=False).first()
        if round is not None:
            submissions = {
                submission.country_id: submission
                for submission in Submission.objects.filter(round=round, country_id__in=countries)
            }
            for country_id in sorted(countries):
                submission = submissions.get(country_id)
                if submission is None:
                    steps.append(
                        NextStep(
                            text=_(
                                "Your country's needs-assessment questionnaire is waiting "
                                "for its first answers."
                            ),
                            url=reverse("needs:round", kwargs={"pk": round.pk}),
                            priority=20,
                            app="needs",
                        )
                    )
                elif submission.status == SubmissionStatus.RETURNED:
                    steps.append(
                        NextStep(
                            text=_(
                                "Your needs-assessment questionnaire was returned with "
                                "comments: revise it and submit it again."
                            ),
                            url=reverse("needs:submission", kwargs={"pk": submission.pk}),
                            priority=10,
                            app="needs",
                        )
                    )
                elif submission.status == SubmissionStatus.DRAFT:
                    steps.append(
                        NextStep(
                            text=_(
                                "Finish your needs-assessment questionnaire and submit it "
                                "for review."
                            ),
                            url=reverse("needs:submission", kwargs={"pk": submission.pk}),
                            priority=20,
                            app="needs",
                        )
                    )
    if Role.OFFICER in user.roles:
        # An officer a focal point asked to answer sections (one query, officers only).
        for pk in Submission.objects.filter(
            contributors__user=user, status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED]
        ).values_list("pk", flat=True)[:5]:
            steps.append(
                NextStep(
                    text=_(
                        "Your country's focal point asked you to answer parts of the "
                        "needs-assessment questionnaire."
                    ),
                    url=reverse("needs:submission", kwargs={"pk": pk}),
                    priority=20,
                    app="needs",
                )
            )
    if user.is_programme_staff:
        waiting = list(
            Submission.objects.filter(status=SubmissionStatus.SUBMITTED)
            .order_by("submitted_at")
            .values_list("pk", "round_id")[:50]
        )
        if waiting:
            count = len(waiting)
            steps.append(
                NextStep(
                    text=ngettext(
                        "%(count)s needs-assessment questionnaire waits for your review.",
                        "%(count)s needs-assessment questionnaires wait for your review.",
                        count,
                    )
                    % {"count": count},
                    url=reverse("needs:submission", kwargs={"pk": waiting[0][0]})
                    if count == 1
                    else reverse("needs:round", kwargs={"pk": waiting[0][1]}),
                    count=count,
                    priority=30,
                    app="needs",
                )
            )
    return steps
