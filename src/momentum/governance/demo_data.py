"""The Advisory Board in the demo: a full board of seven countries (representatives, most
with an alternate, one past member, one term ending soon), three past ordinary meetings with
approved minutes, an extraordinary meeting and two working groups whose minutes are still on
their way, an upcoming meeting with a vote open, a closed and an open written procedure, and a
register with recommendations in every state.

Everything goes through the services; only dates that the services rightly refuse in the past
(a vote, an answer, a deadline) are moved back afterwards. Dates are relative to now and hold
at any hour of the day.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from momentum.core.demo import DEMO_PASSWORD, register_seeder
from momentum.core.models import Country
from momentum.governance.models import (
    ActionStatus,
    AnswerChoice,
    ApprovalRoute,
    AttendanceStatus,
    BoardMember,
    LinkKind,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Motion,
    QuorumRule,
    RecommendationSource,
    Response,
    Seat,
    WrittenProcedure,
)
from momentum.governance.services import decisions, meetings, members, minutes, procedures
from momentum.governance.services import recommendations as register
from momentum.people.models import Role, User

# Alternates: (given, family) in Latin and Arabic script, sex, preferred language.
ALTERNATES: dict[str, tuple[tuple[str, str], tuple[str, str], str, str]] = {
    "DZ": (("Karim", "كريم"), ("Belkacem", "بلقاسم"), "male", "fr"),
    "EG": (("Mona", "منى"), ("Fahmy", "فهمي"), "female", "ar"),
    "JO": (("Omar", "عمر"), ("Nasser", "ناصر"), "male", "ar"),
    "MA": (("Samira", "سميرة"), ("Alaoui", "العلوي"), "female", "fr"),
    "PS": (("Hani", "هاني"), ("Khalil", "خليل"), "male", "ar"),
    "TN": (("Ines", "إيناس"), ("Trabelsi", "الطرابلسي"), "female", "fr"),
}
INSTITUTIONS = {
    "DZ": "École supérieure de police, Alger",
    "EG": "Police Academy, Cairo",
    "JO": "Royal Police Academy, Amman",
    "LB": "Internal Security Forces Academy, Beirut",
    "MA": "Institut royal de police, Kénitra",
    "PS": "Palestinian Police Training Academy, Jericho",
    "TN": "École nationale de police, Salammbô",
}


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _people(countries: list[Country], staff: User, say: Callable[[str], None]) -> dict[str, Any]:
    today = timezone.localdate()
    password = make_password(DEMO_PASSWORD)
    reps: dict[str, BoardMember] = {}
    alternates: dict[str, BoardMember] = {}
    for country in countries:
        cc = country.code
        user = User.objects.get(email=f"board.{cc.lower()}@example.org")
        ends = today + timedelta(days=40) if cc == "TN" else today + timedelta(days=400)
        reps[cc] = members.appoint_member(
            user=user,
            country=country,
            seat=Seat.REPRESENTATIVE,
            institution=INSTITUTIONS.get(cc, "National police academy"),
            function="Director of training",
            sex="female",
            languages=f"ar,{'fr' if cc in ('DZ', 'MA', 'TN', 'LB') else 'en'}",
            term_start=today - timedelta(days=500) if cc != "JO" else today - timedelta(days=200),
            term_end=ends,
            by=staff,
        )
        if cc != "EG":  # Egypt's member has not accepted the commitment yet
            members.accept_commitment(member=reps[cc], by=user, language=user.preferred_language)
        if cc in ALTERNATES:
            given, family, sex, language = ALTERNATES[cc]
            alternate_user = User.objects.create(
                email=f"alternate.{cc.lower()}@example.org",
                password=password,
                given_name=given[0],
                given_name_ar=given[1],
                family_name=family[0],
                family_name_ar=family[1],
                preferred_language=language,
            )
            alternates[cc] = members.appoint_member(
                user=alternate_user,
                country=country,
                seat=Seat.ALTERNATE,
                institution=INSTITUTIONS.get(cc, "National police academy"),
                function="Head of curriculum",
                sex=sex,
                languages="ar,fr" if language == "fr" else "ar,en",
                term_start=today - timedelta(days=480),
                term_end=today + timedelta(days=400),
                by=staff,
            )
    # Jordan's former representative: a past term, kept in the board's history.
    former = User.objects.create(
        email="former.board.jo@example.org",
        password=password,
        given_name="Khaled",
        given_name_ar="خالد",
        family_name="Rawashdeh",
        family_name_ar="الرواشدة",
        preferred_language="ar",
    )
    jordan = next(country for country in countries if country.code == "JO")
    members.appoint_member(
        user=former,
        country=jordan,
        seat=Seat.REPRESENTATIVE,
        institution=INSTITUTIONS["JO"],
        function="Deputy director",
        sex="male",
        languages="ar,en",
        term_start=today - timedelta(days=900),
        term_end=today - timedelta(days=201),
        by=staff,
    )
    say("Advisory Board: 7 representatives, 6 alternates, 1 past member")
    return {"reps": reps, "alternates": alternates}


AGENDA = [
    {
        "en": "Adoption of the agenda",
        "fr": "Adoption de l'ordre du jour",
        "ar": "اعتماد جدول الأعمال",
    },
    {
        "en": "Progress of the training plan",
        "fr": "Avancement du plan de formation",
        "ar": "التقدم في خطة التدريب",
    },
    {
        "en": "Women in law enforcement: findings of the regional report",
        "fr": "Les femmes dans les services de police : conclusions du rapport régional",
        "ar": "المرأة في أجهزة إنفاذ القانون: نتائج التقرير الإقليمي",
    },
    {"en": "Any other business", "fr": "Questions diverses", "ar": "ما يستجد من أعمال"},
]


def _meeting(
    *,
    staff: User,
    kind: str,
    titles: dict[str, str],
    starts: datetime,
    fmt: str = MeetingFormat.IN_PERSON,
    location: str = "",
    requested_by: str = "",
    quorum_rule: str = QuorumRule.MAJORITY,
) -> Meeting:
    meeting = meetings.schedule_meeting(
        kind=kind,
        format=fmt,
        titles=titles,
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        location=location,
        online_link="https://meet.example.org/board" if fmt == MeetingFormat.ONLINE else "",
        requested_by=requested_by,
        quorum_rule=quorum_rule,
        agenda=AGENDA,
        by=staff,
    )
    meetings.add_document(
        meeting=meeting,
        agenda_item=meeting.agenda.get(position=2),
        title="Training plan: progress note",
        language="en",
        url="https://momentum.example.org/papers/training-plan-progress",
        by=staff,
    )
    meetings.send_invitations(meeting=meeting, by=staff, now=starts - timedelta(days=30))
    meeting.refresh_from_db()
    return meeting


def _motion(meeting: Meeting, staff: User, majority: str = "simple") -> Motion:
    return decisions.propose_motion(
        agenda_item=meeting.agenda.get(position=2),
        texts={
            "en": "The board endorses the training plan and asks for two more border-management sessions.",
            "fr": "Le comité approuve le plan de formation et demande deux sessions de plus sur la gestion des frontières.",
            "ar": "يعتمد المجلس خطة التدريب ويطلب دورتين إضافيتين في إدارة الحدود.",
        },
        authoritative_language="en",
        majority=majority,
        closes_at=timezone.now() + timedelta(days=1),
        by=staff,
    )


def _held(
    meeting: Meeting,
    staff: User,
    people: dict[str, Any],
    present: list[str],
    votes: dict[str, str],
    majority: str = "simple",
) -> Motion | None:
    reps = people["reps"]
    for cc, member in reps.items():
        status = AttendanceStatus.PRESENT if cc in present else AttendanceStatus.ABSENT
        meetings.record_attendance(
            meeting=meeting, country_id=member.country_id, status=status, by=staff
        )
    meetings.mark_held(meeting=meeting, by=staff)
    if not votes:
        return None
    motion = _motion(meeting, staff, majority)
    # Each country votes through the representative of the day (Jordan's changed since).
    then = BoardMember.objects.current(timezone.localdate(meeting.starts_at)).filter(
        seat=Seat.REPRESENTATIVE
    )
    voters = {member.country.code: member.user for member in then.select_related("country", "user")}
    for cc, choice in votes.items():
        decisions.cast_vote(motion=motion, by=voters[cc], choice=choice)
    decisions.close_motion(motion=motion, by=staff)
    Motion.objects.filter(pk=motion.pk).update(closes_at=meeting.ends_at)
    return motion


def _minutes_text(meeting: Meeting, extra: str = "") -> str:
    return (
        f"Minutes of {meeting.title_en}\n\n"
        "1. The agenda was adopted.\n"
        "2. Staff presented the progress of the training plan; members asked for more "
        "border-management sessions.\n"
        "3. The board discussed the regional report's findings on women in law enforcement.\n"
        f"4. No other business.{extra}\n"
    )


def _meetings(staff: User, people: dict[str, Any], say: Callable[[str], None]) -> dict[str, Any]:
    today = timezone.localdate()
    reps = people["reps"]
    everyone = list(reps)
    first = _meeting(
        staff=staff,
        kind=MeetingKind.ORDINARY,
        titles={
            "en": "Fourth ordinary meeting of the Advisory Board",
            "fr": "Quatrième réunion ordinaire du comité consultatif",
            "ar": "الاجتماع العادي الرابع للمجلس الاستشاري",
        },
        starts=_at(today - timedelta(days=400)),
        location="Lyon",
    )
    _held(
        first,
        staff,
        people,
        everyone,
        {
            "DZ": "yes",
            "EG": "yes",
            "JO": "yes",
            "LB": "no",
            "MA": "yes",
            "PS": "abstain",
            "TN": "yes",
        },
    )
    second = _meeting(
        staff=staff,
        kind=MeetingKind.ORDINARY,
        titles={
            "en": "Fifth ordinary meeting of the Advisory Board",
            "fr": "Cinquième réunion ordinaire du comité consultatif",
            "ar": "الاجتماع العادي الخامس للمجلس الاستشاري",
        },
        starts=_at(today - timedelta(days=220)),
        fmt=MeetingFormat.ONLINE,
    )
    # Only three countries took part: the motion is recorded as not taken, with why.
    _held(second, staff, people, ["JO", "MA", "TN"], {"JO": "yes", "MA": "yes", "TN": "no"})
    third = _meeting(
        staff=staff,
        kind=MeetingKind.ORDINARY,
        titles={
            "en": "Sixth ordinary meeting of the Advisory Board",
            "fr": "Sixième réunion ordinaire du comité consultatif",
            "ar": "الاجتماع العادي السادس للمجلس الاستشاري",
        },
        starts=_at(today - timedelta(days=40)),
        location="Amman",
    )
    _held(third, staff, people, everyone, {cc: "yes" for cc in everyone})
    extraordinary = _meeting(
        staff=staff,
        kind=MeetingKind.EXTRAORDINARY,
        titles={
            "en": "Extraordinary meeting on the field exercise",
            "fr": "Réunion extraordinaire sur l'exercice de terrain",
            "ar": "اجتماع استثنائي بشأن التمرين الميداني",
        },
        starts=_at(today - timedelta(days=25)),
        fmt=MeetingFormat.ONLINE,
        requested_by="Letters of the members for Algeria and Morocco",
        quorum_rule=QuorumRule.TWO_THIRDS,
    )
    _held(
        extraordinary,
        staff,
        people,
        everyone,
        {
            "DZ": "yes",
            "EG": "no",
            "JO": "no",
            "LB": "yes",
            "MA": "yes",
            "PS": "no",
            "TN": "abstain",
        },
        majority="two_thirds",
    )
    working_group = _meeting(
        staff=staff,
        kind=MeetingKind.WORKING_GROUP,
        titles={
            "en": "Working group on the gender-sensitive policing toolkit",
            "fr": "Groupe de travail sur la boîte à outils de police sensible au genre",
            "ar": "فريق العمل المعني بمجموعة أدوات الشرطة المراعية للنوع الاجتماعي",
        },
        starts=_at(today - timedelta(days=12)),
        fmt=MeetingFormat.ONLINE,
    )
    _held(working_group, staff, people, ["JO", "MA", "TN", "LB"], {})
    second_group = _meeting(
        staff=staff,
        kind=MeetingKind.WORKING_GROUP,
        titles={
            "en": "Working group on the mentoring programme",
            "fr": "Groupe de travail sur le programme de mentorat",
            "ar": "فريق العمل المعني ببرنامج الإرشاد",
        },
        starts=_at(today - timedelta(days=5)),
        fmt=MeetingFormat.ONLINE,
    )
    _held(second_group, staff, people, ["DZ", "EG", "PS", "TN"], {})

    # Minutes in every state.
    due = timezone.now() + timedelta(days=6)
    approved = []
    for meeting, approver in ((first, second), (second, third), (third, None)):
        record = minutes.draft_minutes(meeting=meeting, text=_minutes_text(meeting), by=staff)
        record = minutes.circulate_minutes(
            minutes=record, comments_due=due, by=staff, version=record.version
        )
        minutes.comment_on_minutes(
            minutes=record,
            by=reps["MA"].user,
            text="Point 2: please name the border-management sessions asked for.",
        )
        minutes.revise_minutes(
            minutes=record,
            text=_minutes_text(meeting, "\n5. The sessions asked for: Tunis and Amman."),
            by=staff,
            version=record.version,
        )
        record.refresh_from_db()
        if approver is not None:
            minutes.approve_minutes(
                minutes=record,
                by=staff,
                route=ApprovalRoute.MEETING,
                at_meeting=approver,
                version=record.version,
            )
        approved.append(record)
    revised = minutes.draft_minutes(
        meeting=extraordinary, text=_minutes_text(extraordinary), by=staff
    )
    revised = minutes.circulate_minutes(
        minutes=revised, comments_due=due, by=staff, version=revised.version
    )
    minutes.comment_on_minutes(
        minutes=revised,
        by=reps["DZ"].user,
        text="Add that Algeria offered a site for the exercise.",
    )
    minutes.revise_minutes(
        minutes=revised,
        text=_minutes_text(extraordinary, "\n5. Algeria offered a site for the exercise."),
        by=staff,
        version=revised.version,
    )
    circulated = minutes.draft_minutes(
        meeting=working_group, text=_minutes_text(working_group), by=staff
    )
    minutes.circulate_minutes(
        minutes=circulated, comments_due=due, by=staff, version=circulated.version
    )
    minutes.draft_minutes(meeting=second_group, text=_minutes_text(second_group), by=staff)

    # The coming meeting: invitations out, answers coming in, a vote open before it.
    upcoming = _meeting(
        staff=staff,
        kind=MeetingKind.ORDINARY,
        titles={
            "en": "Seventh ordinary meeting of the Advisory Board",
            "fr": "Septième réunion ordinaire du comité consultatif",
            "ar": "الاجتماع العادي السابع للمجلس الاستشاري",
        },
        starts=_at(today + timedelta(days=35)),
        location="Tunis",
    )
    for cc in ("DZ", "JO", "TN", "PS"):
        meetings.answer_invitation(meeting=upcoming, by=reps[cc].user, attending=True)
    meetings.answer_invitation(
        meeting=upcoming, by=reps["LB"].user, attending=False, proxy=reps["JO"]
    )
    open_motion = decisions.propose_motion(
        agenda_item=upcoming.agenda.get(position=3),
        texts={
            "en": "The board welcomes the regional report and asks each country to publish its chapter.",
            "fr": "Le comité salue le rapport régional et demande à chaque pays de publier son chapitre.",
            "ar": "يرحب المجلس بالتقرير الإقليمي ويطلب من كل دولة نشر الفصل الخاص بها.",
        },
        authoritative_language="fr",
        closes_at=upcoming.ends_at,
        by=staff,
    )
    decisions.cast_vote(
        motion=open_motion, by=reps["JO"].user, choice="yes", country=reps["JO"].country
    )
    decisions.cast_vote(motion=open_motion, by=reps["TN"].user, choice="yes")
    say("Advisory Board: 6 past meetings (minutes in every state), 1 upcoming with a vote open")
    return {
        "third": third,
        "upcoming": upcoming,
        "minutes": approved,
        "extraordinary": extraordinary,
    }


def _procedures(staff: User, people: dict[str, Any], held: dict[str, Any]) -> dict[str, Any]:
    reps = people["reps"]
    now = timezone.now()
    # Closed and adopted: the sixth meeting's minutes, approved by silence procedure.
    approval = procedures.launch_procedure(
        title="Approval of the minutes of the sixth ordinary meeting",
        question="The revised minutes are attached. They are approved unless a member objects by the deadline.",
        deadline=now + timedelta(days=3),
        silence=True,
        minutes=held["minutes"][2],
        by=staff,
    )
    procedures.answer_procedure(procedure=approval, by=reps["JO"].user, choice=AnswerChoice.APPROVE)
    procedures.answer_procedure(
        procedure=approval,
        by=reps["TN"].user,
        choice=AnswerChoice.COMMENT,
        text="Thank you for adding the sessions.",
    )
    WrittenProcedure.objects.filter(pk=approval.pk).update(
        opened_at=now - timedelta(days=30), deadline=now - timedelta(days=16)
    )
    procedures.close_procedure(procedure=approval, by=staff)
    # Should the hub refuse the post (its rate limit), the minutes stay approved.
    with suppress(ValidationError):
        minutes.publish_minutes(minutes=held["minutes"][2], by=staff)
    # Closed and not adopted: an objection under the silence procedure.
    plan = procedures.launch_procedure(
        title="Amendment to the 2026 training plan",
        question="Move the cybercrime course from Tunis to an online session.",
        deadline=now + timedelta(days=3),
        silence=True,
        by=staff,
    )
    procedures.answer_procedure(
        procedure=plan,
        by=reps["DZ"].user,
        choice=AnswerChoice.OBJECT,
        text="Online sessions exclude officers without a reliable connection.",
    )
    WrittenProcedure.objects.filter(pk=plan.pk).update(
        opened_at=now - timedelta(days=70), deadline=now - timedelta(days=60)
    )
    procedures.close_procedure(procedure=plan, by=staff)
    # Open: the draft chapter of the regional report, Morocco has not answered yet.
    report = procedures.launch_procedure(
        title="Draft chapter of the regional report on women in law enforcement",
        question="Do you approve the draft regional chapter for publication?",
        link="https://momentum.example.org/needs/regional-report/draft",
        deadline=now + timedelta(days=5),
        silence=False,
        by=staff,
    )
    procedures.answer_procedure(procedure=report, by=reps["JO"].user, choice=AnswerChoice.APPROVE)
    procedures.answer_procedure(
        procedure=report,
        by=reps["TN"].user,
        choice=AnswerChoice.COMMENT,
        text="Table 3 should give the figures for 2025 as well.",
    )
    return {"approval": approval, "plan": plan, "report": report}


def _register(
    staff: User, countries: dict[str, Country], held: dict[str, Any], procs: dict[str, Any]
) -> None:
    today = timezone.localdate()
    third, extraordinary = held["third"], held["extraordinary"]
    # Awaiting the programme's response.
    register.record_recommendation(
        text="Offer the leadership course in Arabic as well as in French and English.",
        source=RecommendationSource.MEETING,
        meeting=third,
        by=staff,
    )
    # Rejected, with the reason.
    rejected = register.record_recommendation(
        text="Hold every training session online to save travel costs.",
        source=RecommendationSource.WRITTEN_PROCEDURE,
        procedure=procs["plan"],
        by=staff,
    )
    register.respond_to_recommendation(
        recommendation=rejected,
        response=Response.REJECTED,
        reason="Practical exercises need officers in the same room; online sessions remain for theory.",
        by=staff,
    )
    # Accepted, no action yet.
    accepted = register.record_recommendation(
        text="Invite the national human-rights institutions to the toolkit working group.",
        source=RecommendationSource.MEETING,
        meeting=extraordinary,
        countries=[countries["MA"], countries["TN"]],
        by=staff,
    )
    register.respond_to_recommendation(
        recommendation=accepted, response=Response.ACCEPTED, by=staff
    )
    # Partly accepted, actions in progress, linked to a course.
    progress = register.record_recommendation(
        text="Add two border-management sessions to the training plan, one in Tunis and one in Amman.",
        source=RecommendationSource.MEETING,
        meeting=third,
        countries=[countries["TN"], countries["JO"]],
        by=staff,
    )
    register.respond_to_recommendation(
        recommendation=progress,
        response=Response.PARTLY,
        reason="One session fits the budget this year; the second is planned for next year.",
        by=staff,
    )
    action = register.add_action(
        recommendation=progress,
        description="Schedule the border-management session in Tunis.",
        owner="Training coordinator",
        due_on=today + timedelta(days=60),
        by=staff,
    )
    register.update_action(action=action, status=ActionStatus.IN_PROGRESS, progress=40, by=staff)
    register.link_record(
        recommendation=progress,
        kind=LinkKind.COURSE,
        label="Integrated border management course",
        url="/training/",
        by=staff,
    )
    # Accepted, an action overdue.
    overdue = register.record_recommendation(
        text="Publish the figures on women in law enforcement of each country every year.",
        source=RecommendationSource.REGIONAL_REPORT,
        countries=[countries["MA"], countries["EG"], countries["DZ"]],
        by=staff,
    )
    register.respond_to_recommendation(recommendation=overdue, response=Response.ACCEPTED, by=staff)
    register.add_action(
        recommendation=overdue,
        description="Agree the yearly questionnaire with the focal points.",
        owner="Needs-assessment lead",
        due_on=today - timedelta(days=14),
        by=staff,
    )
    # Implemented and reported back at the sixth meeting.
    done = register.record_recommendation(
        text="Give every board member a summary of each training session's evaluation.",
        source=RecommendationSource.MEETING,
        meeting=third,
        by=staff,
    )
    register.respond_to_recommendation(recommendation=done, response=Response.ACCEPTED, by=staff)
    finished = register.add_action(
        recommendation=done,
        description="Send the evaluation summaries after each session.",
        owner="Monitoring officer",
        due_on=today - timedelta(days=50),
        by=staff,
    )
    register.update_action(action=finished, status=ActionStatus.DONE, progress=100, by=staff)
    register.link_record(
        recommendation=done,
        kind=LinkKind.INDICATOR,
        label="Participants satisfied with the training",
        url="/training/",
        by=staff,
    )
    register.report_back(recommendation=done, meeting=third, by=staff)


@register_seeder(60, "governance")
def seed_governance(say: Callable[[str], None]) -> None:
    staff = User.objects.filter(role_assignments__role=Role.STAFF).order_by("pk").first()
    countries = list(Country.objects.order_by("code"))
    if staff is None or not countries:
        return
    people = _people(countries, staff, say)
    held = _meetings(staff, people, say)
    procs = _procedures(staff, people, held)
    _register(staff, {country.code: country for country in countries}, held, procs)
    say("Advisory Board: 2 closed and 1 open written procedure, 6 recommendations in every state")
