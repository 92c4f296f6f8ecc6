"""Who may apply to a cohort: the one statement of the programme's eligibility rule.

Women officers of the active partner countries with places in the cohort, working in one of
the cohort's areas of work (any, when it names none), with the years of service it asks for.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core.models import AreaOfWork
from momentum.mentoring.models import Cohort
from momentum.people.models import Profile, Sex


def eligibility_problems(
    cohort: Cohort,
    profile: Profile,
    *,
    years_of_service: int,
    areas_of_work: Iterable[AreaOfWork] | None = None,
) -> list[str]:
    """Why ``profile`` may not apply to ``cohort``, as translated sentences; empty when she may.

    ``areas_of_work`` are those she states in her application (her profile's when None).
    Reads the cohort's places and areas and the profile's areas through ``.all()``: prefetch
    them when checking many officers.
    """
    problems: list[str] = []
    if profile.sex != Sex.FEMALE:
        problems.append(_("The mentoring programme is for women officers."))
    country = profile.country
    has_places = any(
        place.country_id == profile.country_id and place.places > 0 for place in cohort.places.all()
    )
    if not country.is_active:
        problems.append(
            _("%(country)s is not an active partner country of the programme.")
            % {"country": country}
        )
    elif not has_places:
        problems.append(_("This cohort has no places for %(country)s.") % {"country": country})
    eligible_areas = list(cohort.eligible_areas.all())
    if eligible_areas:
        stated = list(profile.areas_of_work.all()) if areas_of_work is None else areas_of_work
        if not {area.pk for area in eligible_areas} & {area.pk for area in stated}:
            problems.append(
                _("This cohort is for officers working in %(areas)s.")
                % {"areas": ", ".join(str(area) for area in eligible_areas)}
            )
    if years_of_service < cohort.min_years_of_service:
        problems.append(
            ngettext(
                "This cohort asks for at least %(years)s year of service.",
                "This cohort asks for at least %(years)s years of service.",
                cohort.min_years_of_service,
            )
            % {"years": cohort.min_years_of_service}
        )
    return problems
