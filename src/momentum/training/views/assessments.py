"""Knowledge tests: the question bank (staff), taking a test (participants), and the results
with their charts (staff, focal points for their country, the session's trainers)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from momentum.core import counting
from momentum.core.counting import CachedCountPaginator, cached_rows
from momentum.core.forms import add_service_errors
from momentum.people.http import AuthenticatedRequest
from momentum.training import analytics, charts
from momentum.training.forms import AnswerChoiceFormSet, QuestionForm, TakeTestForm
from momentum.training.models import (
    Choice,
    Course,
    Nomination,
    Question,
    QuestionKind,
    Session,
    TestAttempt,
    TestKind,
)
from momentum.training.rules import teaches
from momentum.training.selectors.assessments import answer_review
from momentum.training.services import assessments as services
from momentum.training.signals import RESULTS

QUESTIONS_PER_PAGE = 25
RESULTS_PER_PAGE = 25
CHOICE_ROWS = 4


# --- the question bank ---


def _course_for_questions(request: AuthenticatedRequest, pk: int) -> Course:
    if not request.user.has_perm("training.manage_questions"):
        raise PermissionDenied
    return get_object_or_404(Course, pk=pk)


def _with_choices() -> Any:
    return Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))


@login_required
@require_GET
def questions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    course = _course_for_questions(request, pk)
    found = (
        Question.objects.filter(course=course)
        .order_by("-is_active", "order", "pk")
        .prefetch_related(_with_choices())
    )
    page = Paginator(found, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "training/assessments/questions.html", {"course": course, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def question_new(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    course = _course_for_questions(request, pk)
    return _edit_question(request, course, None)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: AuthenticatedRequest, course_pk: int, pk: int) -> HttpResponse:
    course = _course_for_questions(request, course_pk)
    question: Question = get_object_or_404(
        Question.objects.prefetch_related(_with_choices()), pk=pk, course=course
    )
    return _edit_question(request, course, question)


def _choice_initial(question: Question | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if question is not None and question.kind != QuestionKind.TRUE_FALSE:
        rows = [
            {
                "id": choice.pk,
                **{
                    f"text_{language}": getattr(choice, f"text_{language}") or ""
                    for language in ("ar", "fr", "en")
                },
                "is_correct": choice.is_correct,
            }
            for choice in question.choices.all()
        ]
    blank_rows = max(CHOICE_ROWS - len(rows), 1)
    return (rows + [{}] * blank_rows)[:10]


def _choice_inputs(formset: Any) -> list[services.ChoiceInput]:
    inputs = []
    for form in formset:
        data = form.cleaned_data
        if form.is_blank() and not data.get("is_correct"):
            continue
        inputs.append(
            services.ChoiceInput(
                texts={
                    language: data.get(f"text_{language}", "") for language in ("ar", "fr", "en")
                },
                is_correct=bool(data.get("is_correct")),
                pk=data.get("id"),
            )
        )
    return inputs


def _edit_question(
    request: AuthenticatedRequest, course: Course, question: Question | None
) -> HttpResponse:
    if request.method == "POST":
        form = QuestionForm(request.POST)
        formset = AnswerChoiceFormSet(request.POST, prefix="choices")
        if form.is_valid() and formset.is_valid():
            try:
                services.save_question(
                    course=course,
                    question=question,
                    texts=form.texts(),
                    kind=form.cleaned_data["kind"],
                    choices=_choice_inputs(formset),
                    true_is_correct=form.cleaned_data["true_is_correct"],
                    is_active=form.cleaned_data["is_active"],
                    by=request.user,
                )
            except ValidationError as refusal:
                add_service_errors(form, refusal)
            else:
                messages.success(request, _("The question was saved."))
                return redirect("training:questions", pk=course.pk)
    else:
        form = QuestionForm(
            initial=QuestionForm.initial_for(question)
            if question is not None
            else {"kind": QuestionKind.SINGLE, "is_active": True}
        )
        formset = AnswerChoiceFormSet(initial=_choice_initial(question), prefix="choices")
    return render(
        request,
        "training/assessments/question_form.html",
        {"course": course, "question": question, "form": form, "formset": formset},
    )


# --- taking a test ---


@login_required
@require_http_methods(["GET", "POST"])
def take_test(request: AuthenticatedRequest, pk: int, kind: str) -> HttpResponse:
    """A participant's pre- or post-test, on one page, scored when submitted."""
    if kind not in TestKind.values:
        raise Http404
    nomination = (
        Nomination.objects.visible_to(request.user)
        .select_related("session__course", "officer__user", "country")
        .filter(pk=pk)
        .first()
    )
    if nomination is None:
        raise Http404
    if not request.user.has_perm("training.take_test", nomination):
        raise PermissionDenied
    session = nomination.session
    attempt = TestAttempt.objects.filter(nomination=nomination, kind=kind).first()
    refusal = (
        services.already_submitted_message(kind)
        if attempt is not None
        else services.participation_refusal(nomination, kind)
    )
    form = None
    if request.method == "POST":
        # Bound even when refused, so that what the participant chose is shown again.
        form = TakeTestForm(request.POST, questions=list(services.questions_of(session.course)))
        if refusal:
            form.add_error(None, refusal)
        elif form.is_valid():
            try:
                attempt = services.submit_test(
                    nomination=nomination,
                    kind=kind,
                    answers=form.answers(),
                    language=get_language() or "en",
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your answers were saved. Your score: %(score)s %%.")
                    % {"score": f"{attempt.score:.0f}"},
                )
                return redirect("training:take_test", pk=nomination.pk, kind=kind)
    elif not refusal:
        questions = list(services.questions_of(session.course))
        form = TakeTestForm(questions=questions) if questions else None
        if not questions:
            refusal = _("This course's test has no questions yet.")
    window = services.window_of(session, kind)
    # Once the window has closed nobody can take the test any more: the participant may then
    # see which answers were right, and the correct ones.
    review = (
        answer_review(attempt) if attempt is not None and timezone.now() >= window.closes else None
    )
    return render(
        request,
        "training/assessments/take_test.html",
        {
            "review": review,
            "nomination": nomination,
            "session": session,
            "kind": kind,
            "attempt": attempt,
            "refusal": refusal if request.method == "GET" else "",
            "form": form,
            "window": window,
        },
    )


# --- results ---


@login_required
@require_GET
def session_results(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    session = (
        Session.objects.visible_to(request.user)
        .select_related("course")
        .prefetch_related("trainers")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    if not request.user.has_perm("training.view_results", session):
        raise PermissionDenied
    nominations = analytics.results_scope(request.user, session=session)
    whole = request.user.is_programme_staff or teaches(request.user, session)
    context = _results_context(request, nominations, session.course, show_sessions=False)
    return render(
        request,
        "training/assessments/results.html",
        {**context, "session": session, "course": session.course, "own_country_only": not whole},
    )


@login_required
@require_GET
def course_results(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("training.view_results"):
        raise PermissionDenied
    course = get_object_or_404(Course, pk=pk)
    nominations = analytics.results_scope(request.user, course=course)
    context = _results_context(request, nominations, course, show_sessions=True)
    return render(
        request,
        "training/assessments/results.html",
        {**context, "course": course, "own_country_only": not request.user.is_programme_staff},
    )


def _format(value: Any) -> float | None:
    return None if value is None else float(value)


def _distribution_table(groups: dict[str, list[int]], labels: dict[str, str]) -> dict[str, Any]:
    return {
        "headers": [labels.get(key, key) for key in groups],
        "rows": [
            (label, [bins[index] for bins in groups.values()])
            for index, label in enumerate(analytics.BIN_LABELS)
        ],
    }


def _results_context(
    request: AuthenticatedRequest,
    nominations: Any,
    course: Course,
    *,
    show_sessions: bool,
) -> dict[str, Any]:
    figures = analytics.result_figures(nominations, course)
    countries, overall, by_sex = figures.countries, figures.overall, figures.by_sex
    by_country, distribution, facility = figures.by_country, figures.distribution, figures.facility
    kind = TestKind.PRE if request.GET.get("test") == TestKind.PRE else TestKind.POST
    rows = (
        analytics.with_scores(nominations)
        .select_related("officer__user", "country", "session")
        .order_by("country__code", "officer__user__family_name", "officer__user__given_name", "pk")
    )
    page = CachedCountPaginator(rows, RESULTS_PER_PAGE, topic=RESULTS).get_page(
        request.GET.get("page")
    )
    # Sorting a course's thousands of participations by country and name takes most of the
    # request: the page's rows are cached as the figures are (the key is their exact query).
    page.object_list = cached_rows(RESULTS, cast(QuerySet[Nomination], page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    sex_labels = {group.key: group.label for group in by_sex}
    country_labels = {code: country.name for code, country in countries.items()}
    has_results = bool(overall.pre_count or overall.post_count)
    pre, post = _("Pre-test"), _("Post-test")
    context: dict[str, Any] = {
        "overall": overall,
        "by_sex": by_sex,
        "by_country": by_country,
        "facility": facility,
        "kind": kind,
        "page": page,
        "results": analytics.participant_results(page),
        "query": query.urlencode(),
        "show_sessions": show_sessions,
        "has_results": has_results,
        "distribution_by_sex": _distribution_table(distribution.for_kind("sex", kind), sex_labels),
        "distribution_by_country": _distribution_table(
            distribution.for_kind("country", kind), country_labels
        ),
    }
    if not has_results:
        return context
    # The five charts are drawn from the cached figures: cached with them, one cache read
    # instead of five (the key adds the test shown, pre or post).
    charts_key = counting.query_key(RESULTS, "charts", nominations, course.pk, get_language(), kind)
    context["charts"] = counting.cached(
        RESULTS,
        charts_key,
        lambda: _charts(figures, kind, sex_labels, country_labels, pre=str(pre), post=str(post)),
    )
    return context


def _charts(
    figures: analytics.ResultFigures,
    kind: str,
    sex_labels: dict[str, str],
    country_labels: dict[str, str],
    *,
    pre: str,
    post: str,
) -> dict[str, Any]:
    by_sex, by_country = figures.by_sex, figures.by_country
    distribution, facility = figures.distribution, figures.facility
    means_y = _("Mean score (%)")
    return {
        "sex": charts.bar_chart(
            chart_id="chart-sex",
            title=_("Mean pre- and post-test scores by sex"),
            categories=[group.label for group in by_sex],
            series=[
                charts.Series(pre, [_format(group.pre_mean) for group in by_sex]),
                charts.Series(post, [_format(group.post_mean) for group in by_sex]),
            ],
            y_label=means_y,
        ),
        "country": charts.bar_chart(
            chart_id="chart-country",
            title=_("Mean pre- and post-test scores by country"),
            categories=[group.label for group in by_country],
            series=[
                charts.Series(pre, [_format(group.pre_mean) for group in by_country]),
                charts.Series(post, [_format(group.post_mean) for group in by_country]),
            ],
            y_label=means_y,
        ),
        "distribution_sex": charts.bar_chart(
            chart_id="chart-distribution-sex",
            title=_("Distribution of scores by sex"),
            categories=analytics.BIN_LABELS,
            series=[
                charts.Series(sex_labels.get(key, key), bins)
                for key, bins in distribution.for_kind("sex", kind).items()
            ],
            y_label=_("Participants"),
            y_max=None,
            value_labels=False,
        ),
        "distribution_country": charts.bar_chart(
            chart_id="chart-distribution-country",
            title=_("Distribution of scores by country"),
            categories=analytics.BIN_LABELS,
            series=[
                charts.Series(country_labels.get(key, key), bins)
                for key, bins in distribution.for_kind("country", kind).items()
            ],
            y_label=_("Participants"),
            y_max=None,
            stacked=True,
            value_labels=False,
        ),
        "facility": charts.bar_chart(
            chart_id="chart-facility",
            title=_("Facility index of each question: the share of right answers"),
            categories=[str(item.number) for item in facility],
            series=[
                charts.Series(pre, [_format(item.pre_facility) for item in facility]),
                charts.Series(post, [_format(item.post_facility) for item in facility]),
            ],
            y_label=_("Right answers (%)"),
        ),
    }
