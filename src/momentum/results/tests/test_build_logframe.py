"""Staff build and maintain the logframe from its pages: results (impact → outcome → output),
indicators (computed from the registry or reported), the approval workflow with a return
comment, and reporting periods. Refusals are in the user's language and keep what was typed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from momentum.core import indicators as registry
from momentum.core.home import next_steps_for
from momentum.core.models import AuditEntry
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role
from momentum.results.models import (
    Indicator,
    IndicatorKind,
    Level,
    Logframe,
    LogframeStatus,
    Period,
    Result,
)
from momentum.results.services import logframe as services
from momentum.results.tests.factories import logframe_with_indicators

pytestmark = pytest.mark.django_db

NEW_RESULT = "/en/results/logframe/results/new/"


@pytest.fixture
def frame():
    return logframe_with_indicators()


@pytest.fixture
def colleague():
    return person_with_role(Role.STAFF, None, email="colleague@example.org")


@pytest.fixture
def impact(frame, staff):
    return services.create_result(
        logframe=frame["logframe"],
        by=staff,
        level=Level.IMPACT,
        code="I",
        names={"name_en": "Safer borders", "name_fr": "Frontières", "name_ar": "حدود"},
    )


def _indicator_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "code": "C09",
        "name_en": "Officers trained again",
        "name_fr": "Agents formés à nouveau",
        "name_ar": "الضباط المدربون مجددا",
        "definition_en": "Officers with a certificate.",
        "kind": "computed",
        "registry_code": "training.officers_trained",
        "unit": "count",
        "direction": "higher",
        "baseline_value": "10",
        "baseline_date": "2025-12-31",
        "baseline_source": "Training records",
        "means_of_verification_en": "Certificates",
        "disaggregation": "sex_country",
        "order": "3",
    }
    data.update(overrides)
    return data


# --- starting ---


def test_staff_start_the_logframe_of_a_programme_that_has_none(client_for, staff, donor):
    from momentum.core.tests.factories import ProgrammeFactory

    ProgrammeFactory()
    page = client_for(donor).get("/en/results/logframe/")
    assert page.status_code == 404  # nothing to read yet
    page = client_for(staff).get("/en/results/logframe/")
    assert "Start the logframe" in page.content.decode()

    response = client_for(staff).post("/en/results/logframe/start/")
    client_for(staff).post("/en/results/logframe/start/")  # twice: still one

    assert response.status_code == 302
    logframe = Logframe.objects.get()
    assert logframe.status == LogframeStatus.DRAFT
    assert AuditEntry.objects.filter(verb="results.logframe_started").count() == 1
    assert "Add a result" in client_for(staff).get("/en/results/logframe/").content.decode()


# --- results ---


def test_staff_add_an_outcome_under_the_impact_from_the_page(client_for, staff, frame, impact):
    response = client_for(staff).post(
        NEW_RESULT,
        {
            "level": "outcome",
            "parent": impact.pk,
            "code": "O5",
            "name_en": "Regional cooperation",
            "name_fr": "Coopération régionale",
            "name_ar": "التعاون الإقليمي",
            "order": "5",
        },
    )

    assert response.status_code == 302
    outcome = Result.objects.get(code="O5")
    assert (outcome.level, outcome.parent, outcome.name_fr) == (
        Level.OUTCOME,
        impact,
        "Coopération régionale",
    )
    assert AuditEntry.objects.filter(verb="results.result_created", target_id=outcome.pk).exists()


def test_an_output_must_serve_an_outcome(frame, staff, impact):
    with pytest.raises(ValidationError) as without_parent:
        services.create_result(
            logframe=frame["logframe"],
            by=staff,
            level=Level.OUTPUT,
            code="X",
            names={"name_en": "X"},
        )
    with pytest.raises(ValidationError) as under_the_impact:
        services.create_result(
            logframe=frame["logframe"],
            by=staff,
            level=Level.OUTPUT,
            code="X",
            names={"name_en": "X"},
            parent=impact,
        )

    assert "parent" in without_parent.value.message_dict
    assert "parent" in under_the_impact.value.message_dict
    assert not Result.objects.filter(code="X").exists()


def test_the_impact_has_no_parent_and_codes_are_unique(frame, staff):
    with pytest.raises(ValidationError) as refused:
        services.create_result(
            logframe=frame["logframe"],
            by=staff,
            level=Level.IMPACT,
            code="O2",  # the outcome's code
            names={"name_en": "Impact"},
            parent=frame["outcome"],
        )

    assert set(refused.value.message_dict) == {"code", "parent"}


def test_a_refused_result_keeps_what_was_typed_and_says_why_in_french(client_for, staff, frame):
    response = client_for(staff).post(
        "/fr/results/logframe/results/new/",
        {
            "level": "output",
            "code": "OP9",
            "name_en": "Curricula written",
            "name_fr": "Programmes rédigés",
            "name_ar": "مناهج",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Un produit sert un effet : choisissez-le." in page
    assert "Programmes rédigés" in page
    assert not Result.objects.filter(code="OP9").exists()


def test_staff_change_a_result_and_a_stale_page_cannot_overwrite_it(client_for, staff, frame):
    outcome = frame["outcome"]
    url = f"/en/results/logframe/results/{outcome.pk}/edit/"
    typed = {
        "code": "O2",
        "name_en": "Officers upskilled in every country",
        "name_fr": "Agents",
        "name_ar": "ضباط",
        "order": "1",
        "version": outcome.version,
    }
    assert client_for(staff).post(url, typed).status_code == 302

    stale = client_for(staff).post(url, {**typed, "name_en": "An older idea"})

    outcome.refresh_from_db()
    assert outcome.name_en == "Officers upskilled in every country"
    assert stale.status_code == 200
    assert "Someone changed this result meanwhile" in stale.content.decode()
    assert "An older idea" in stale.content.decode()


def test_renaming_a_result_of_an_approved_logframe_returns_it_to_draft(frame, staff, colleague):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    services.approve_logframe(logframe=frame["logframe"], by=colleague)
    outcome = frame["outcome"]

    services.update_result(
        result=outcome, by=staff, version=outcome.version, changes={"name_en": "New words"}
    )

    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.DRAFT
    assert AuditEntry.objects.filter(verb="results.logframe_returned_to_draft").count() == 1


# --- indicators ---


def test_the_new_indicator_page_lists_the_registered_indicators_with_their_definitions(
    client_for, staff, frame
):
    page = client_for(staff).get(
        f"/en/results/logframe/results/{frame['outcome'].pk}/indicators/new/"
    )

    content = page.content.decode()
    for item in registry.all_indicators():
        assert f'value="{item.code}"' in content
        assert escape(str(item.definition)) in content


def test_staff_add_a_computed_indicator_then_set_its_targets(client_for, staff, frame):
    outcome = frame["outcome"]

    response = client_for(staff).post(
        f"/en/results/logframe/results/{outcome.pk}/indicators/new/", _indicator_data()
    )

    indicator = Indicator.objects.get(result=outcome, code="C09")
    assert response["Location"] == f"/en/results/indicators/{indicator.pk}/edit/"
    assert indicator.kind == IndicatorKind.COMPUTED
    assert indicator.registry_code == "training.officers_trained"
    assert indicator.baseline_value == Decimal("10")
    assert str(indicator.baseline_date) == "2025-12-31"
    assert indicator.name_ar == "الضباط المدربون مجددا"
    assert AuditEntry.objects.filter(verb="results.indicator_created").count() == 1

    for period, country, raw in ((frame["first"], None, "40"), (None, None, "120")):
        services.set_target(indicator=indicator, by=staff, raw=raw, period=period, country=country)
    assert indicator.targets.count() == 2


def test_staff_set_targets_per_period_and_country_from_the_indicator_page(
    client_for, staff, frame, jordan
):
    indicator = frame["trained"]
    url = f"/en/results/indicators/{indicator.pk}/edit/"
    client = client_for(staff)

    for data in (
        {"period": frame["first"].pk, "country": jordan.pk, "value": "15"},
        {"period": "", "country": "", "value": "300"},  # the end of the programme, overall
    ):
        assert client.post(url, {"save_target": "1", **data}).status_code == 302
    refused = client.post(
        f"/fr/results/indicators/{indicator.pk}/edit/",
        {"save_target": "1", "period": "", "country": "", "value": "beaucoup"},
    )

    targets = {(t.period_id, t.country_id): t.value for t in indicator.targets.all()}
    assert targets == {(frame["first"].pk, jordan.pk): Decimal("15"), (None, None): Decimal("300")}
    assert "Une cible de cet indicateur est un nombre." in refused.content.decode()
    assert 'value="beaucoup"' in refused.content.decode()


def test_a_reported_indicator_names_no_registered_one(frame, staff):
    indicator = services.create_indicator(
        result=frame["outcome"],
        by=staff,
        values={
            "code": "R09",
            "name_en": "National curriculum revised",
            "kind": IndicatorKind.REPORTED,
            "registry_code": "training.officers_trained",
            "unit": "qualitative",
            "baseline_text": "Not started",
            "disaggregation": "country",
        },
    )

    assert indicator.registry_code == ""
    assert indicator.baseline_text == "Not started"


def test_a_computed_indicator_must_be_chosen_from_the_registry(client_for, staff, frame):
    outcome = frame["outcome"]
    response = client_for(staff).post(
        f"/en/results/logframe/results/{outcome.pk}/indicators/new/",
        _indicator_data(registry_code=""),
    )

    assert response.status_code == 200
    assert "Choose one of the registered indicators." in response.content.decode()
    assert "Officers trained again" in response.content.decode()
    assert not Indicator.objects.filter(code="C09").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"baseline_value": "12.5"}, "baseline_value"),  # a count is whole
        ({"unit": "percentage", "baseline_value": "140"}, "baseline_value"),
        ({"unit": "qualitative", "baseline_value": "3"}, "baseline_value"),
        ({"code": "C01"}, "code"),  # the code of another indicator of the result
    ],
)
def test_an_indicator_of_the_wrong_type_is_refused(frame, staff, overrides, field):
    values = {**_indicator_data(), **overrides}
    values["baseline_value"] = Decimal(str(values["baseline_value"]))
    result = frame["trained"].result

    with pytest.raises(ValidationError) as refused:
        services.create_indicator(result=result, by=staff, values=values)

    assert field in refused.value.message_dict
    assert Indicator.objects.filter(result=result).count() == 2


def test_a_baseline_in_words_for_a_count_is_refused_on_the_page(client_for, staff, frame):
    response = client_for(staff).post(
        f"/fr/results/logframe/results/{frame['outcome'].pk}/indicators/new/",
        _indicator_data(baseline_value="beaucoup"),
    )

    assert response.status_code == 200
    assert "Saisissez un nombre." in response.content.decode()
    assert not Indicator.objects.filter(code="C09").exists()


def test_adding_an_indicator_to_an_approved_logframe_returns_it_to_draft(frame, staff, colleague):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    services.approve_logframe(logframe=frame["logframe"], by=colleague)

    services.create_indicator(
        result=frame["outcome"],
        by=staff,
        values={"code": "R10", "name_en": "New", "kind": "reported", "unit": "count"},
    )

    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.DRAFT


def test_rewording_an_approved_indicator_returns_it_to_draft_and_marks_it(
    client_for, frame, staff, colleague
):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    services.approve_logframe(logframe=frame["logframe"], by=colleague)
    indicator = frame["share"]
    url = f"/en/results/indicators/{indicator.pk}/edit/"
    data = {
        "save_indicator": "1",
        "code": "R01",
        "name_en": "Share of women in specialised units",
        "name_fr": "Part des femmes",
        "name_ar": "نسبة النساء",
        "kind": "reported",
        "unit": "percentage",
        "direction": "higher",
        "disaggregation": "country",
        "version": indicator.version,
    }

    assert client_for(staff).post(url, data).status_code == 302

    frame["logframe"].refresh_from_db()
    indicator.refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.DRAFT
    assert indicator.changed_since_approval
    entry = AuditEntry.objects.get(verb="results.logframe_returned_to_draft")
    assert "R01" in entry.details["reason"]
    assert (
        "Changed since approval" in client_for(staff).get("/en/results/logframe/").content.decode()
    )


# --- the workflow ---


def test_a_colleague_returns_the_submitted_logframe_with_a_comment(
    client_for, frame, staff, colleague, donor
):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    frame["logframe"].refresh_from_db()

    response = client_for(colleague).post(
        "/en/results/logframe/return/",
        {"comment": "Add a target for Morocco.", "version": frame["logframe"].version},
    )

    assert response.status_code == 302
    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.DRAFT
    assert frame["logframe"].return_comment == "Add a target for Morocco."
    entry = AuditEntry.objects.get(verb="results.logframe_returned")
    assert entry.details["comment"] == "Add a target for Morocco."
    assert (
        "Add a target for Morocco."
        in client_for(staff).get("/en/results/logframe/").content.decode()
    )
    # A word between staff: the donor reads the logframe, not the exchange about it.
    donor_page = client_for(donor).get("/en/results/logframe/").content.decode()
    assert "Add a target for Morocco." not in donor_page


def test_a_return_without_a_comment_is_refused_in_the_users_language(
    client_for, frame, staff, colleague
):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    frame["logframe"].refresh_from_db()

    response = client_for(colleague).post(
        "/fr/results/logframe/return/", {"comment": "  ", "version": frame["logframe"].version}
    )

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        services.return_logframe(logframe=frame["logframe"], by=colleague, comment="  ")
    assert refused.value.message_dict["comment"] == ["Dites ce qui doit changer."]
    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.SUBMITTED


def test_the_submitter_can_neither_approve_nor_return_her_own_logframe(client_for, frame, staff):
    services.submit_logframe(logframe=frame["logframe"], by=staff)
    frame["logframe"].refresh_from_db()
    version = frame["logframe"].version

    page = client_for(staff).get("/en/results/logframe/").content.decode()
    approved = client_for(staff).post("/en/results/logframe/approve/", {"version": version})
    with pytest.raises(ValidationError) as refused:
        services.return_logframe(logframe=frame["logframe"], by=staff, comment="Mine")

    assert "Approve the logframe" not in page
    assert "Return to draft with this comment" not in page
    assert approved.status_code == 302
    assert refused.value.code == "own_submission"
    frame["logframe"].refresh_from_db()
    assert frame["logframe"].status == LogframeStatus.SUBMITTED
    assert not AuditEntry.objects.filter(verb="results.logframe_approved").exists()


def test_a_transition_from_a_stale_page_is_refused(frame, staff, colleague):
    stale_version = frame["logframe"].version
    services.submit_logframe(logframe=frame["logframe"], by=staff)

    with pytest.raises(ValidationError) as refused:
        services.approve_logframe(logframe=frame["logframe"], by=colleague, version=stale_version)

    assert refused.value.code == "stale"


def test_every_transition_is_audited(frame, staff, colleague):
    logframe = frame["logframe"]
    services.submit_logframe(logframe=logframe, by=staff)
    services.return_logframe(logframe=logframe, by=colleague, comment="Baselines missing.")
    services.submit_logframe(logframe=logframe, by=staff)
    services.approve_logframe(logframe=logframe, by=colleague)

    verbs = list(
        AuditEntry.objects.filter(verb__startswith="results.logframe_")
        .order_by("pk")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "results.logframe_submitted",
        "results.logframe_returned",
        "results.logframe_submitted",
        "results.logframe_approved",
    ]


def test_a_colleague_finds_the_submitted_logframe_on_her_home_page(
    frame, staff, colleague, focal_point, donor
):
    services.submit_logframe(logframe=frame["logframe"], by=staff)

    def links(user: object) -> list[str]:
        return [step.url for step in next_steps_for(user)]

    assert "/en/results/logframe/" in links(colleague)
    assert "/en/results/logframe/" not in links(staff)  # she submitted it
    assert "/en/results/logframe/" not in links(focal_point)
    assert "/en/results/logframe/" not in links(donor)


# --- periods ---


def test_an_overlapping_period_is_refused_on_the_page_in_french_keeping_the_dates(
    client_for, staff, frame
):
    response = client_for(staff).post(
        "/fr/results/periods/",
        {"name": "2026 T3", "starts_on": "2026-06-01", "ends_on": "2026-09-30"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ces dates chevauchent la période 2026 H1." in page
    assert 'value="2026-06-01"' in page
    assert 'value="2026 T3"' in page
    assert not Period.objects.filter(name="2026 T3").exists()


def test_staff_define_a_period_from_the_page(client_for, staff, frame):
    response = client_for(staff).post(
        "/en/results/periods/",
        {"name": "2027 H1", "starts_on": "2027-01-01", "ends_on": "2027-06-30"},
    )

    assert response.status_code == 302
    assert Period.objects.filter(name="2027 H1", logframe=frame["logframe"]).exists()
    assert AuditEntry.objects.filter(verb="results.period_created").exists()


def test_staff_correct_an_open_period_and_an_overlap_is_refused(client_for, staff, frame):
    first = frame["first"]
    url = f"/en/results/periods/{first.pk}/edit/"
    corrected = {
        "name": "2026 S1",
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-29",
        "version": first.version,
    }

    assert client_for(staff).post(url, corrected).status_code == 302
    first.refresh_from_db()
    overlapping = client_for(staff).post(
        url, {**corrected, "ends_on": "2026-07-15", "version": first.version}
    )

    assert (first.name, str(first.ends_on)) == ("2026 S1", "2026-06-29")
    assert "These dates overlap the period 2026 H2." in overlapping.content.decode()
    assert 'value="2026-07-15"' in overlapping.content.decode()
    first.refresh_from_db()
    assert str(first.ends_on) == "2026-06-29"
    assert AuditEntry.objects.get(verb="results.period_changed").details["before"]["name"] == (
        "2026 H1"
    )


def test_a_stale_or_closed_period_is_not_changed(staff, frame):
    from momentum.results.services import periods as period_services
    from momentum.results.tests.factories import close

    first, second = frame["first"], frame["second"]
    stale = first.version
    period_services.update_period(
        period=first,
        by=staff,
        version=stale,
        name="A",
        starts_on=first.starts_on,
        ends_on=first.ends_on,
    )
    with pytest.raises(ValidationError) as refused_stale:
        period_services.update_period(
            period=first,
            by=staff,
            version=stale,
            name="B",
            starts_on=first.starts_on,
            ends_on=first.ends_on,
        )
    close(second, staff)
    second.refresh_from_db()
    with pytest.raises(ValidationError) as refused_closed:
        period_services.update_period(
            period=second,
            by=staff,
            version=second.version,
            name="C",
            starts_on=second.starts_on,
            ends_on=second.ends_on,
        )

    assert refused_stale.value.code == "stale"
    assert refused_closed.value.code == "closed"
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name, second.name) == ("A", "2026 H2")


# --- query counts: the pages cost the same whatever the size of the logframe ---


def _grow(frame: dict[str, object], staff: object, n: int) -> None:
    for i in range(n):
        outcome = services.create_result(
            logframe=frame["logframe"],
            by=staff,
            level=Level.OUTCOME,
            code=f"G{i}",
            names={"name_en": f"Outcome {i}"},
        )
        services.create_indicator(
            result=outcome,
            by=staff,
            values={"code": f"GI{i}", "name_en": "Reported", "kind": "reported", "unit": "count"},
        )


# Every page: the session, the user, her roles (3); then the logframe (1) and:
PAGES = [
    # the results, their indicators, the indicators' targets
    ("/en/results/logframe/", 7),
    # the impact and outcomes a new result may serve
    ("/en/results/logframe/results/new/", 5),
    # the result, the results it may serve
    ("/en/results/logframe/results/{outcome}/edit/", 6),
    # the result (the registered indicators are in memory)
    ("/en/results/logframe/results/{outcome}/indicators/new/", 5),
    # the indicator with its result and logframe, the periods, its targets, the countries
    ("/en/results/indicators/{indicator}/edit/", 7),
    # the periods
    ("/en/results/periods/", 5),
    # the period
    ("/en/results/periods/{period}/edit/", 5),
]


@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_the_logframe_pages_cost_the_same_queries_whatever_the_rows(
    client_for, staff, frame, url, queries, django_assert_max_num_queries
):
    client = client_for(staff)
    address = url.format(
        outcome=frame["outcome"].pk, indicator=frame["trained"].pk, period=frame["first"].pk
    )
    with django_assert_max_num_queries(queries):
        assert client.get(address).status_code == 200

    _grow(frame, staff, 10)  # ten more outcomes, each with an indicator

    with django_assert_max_num_queries(queries):
        assert client.get(address).status_code == 200
