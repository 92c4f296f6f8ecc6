"""Training: catalogue, sessions, nominations, attendance, knowledge tests, evaluations,
certificates. One module per subject."""

from momentum.training.models.assessments import (
    Answer,
    Choice,
    PracticalAssessment,
    Question,
    QuestionKind,
    TestAttempt,
    TestKind,
)
from momentum.training.models.attendance import Attendance, AttendanceMark
from momentum.training.models.catalogue import Course, Delivery, Track
from momentum.training.models.certificates import Certificate, CertificateStatus
from momentum.training.models.evaluations import (
    Evaluation,
    EvaluationKind,
    EvaluationReceipt,
    FollowUpInvitation,
)
from momentum.training.models.nominations import Nomination, NominationStatus
from momentum.training.models.sessions import CalendarFeed, SeatQuota, Session, SessionStatus

__all__ = [
    "Answer",
    "Attendance",
    "AttendanceMark",
    "CalendarFeed",
    "Certificate",
    "CertificateStatus",
    "Choice",
    "Course",
    "Delivery",
    "Evaluation",
    "EvaluationKind",
    "EvaluationReceipt",
    "FollowUpInvitation",
    "Nomination",
    "NominationStatus",
    "PracticalAssessment",
    "Question",
    "QuestionKind",
    "SeatQuota",
    "Session",
    "SessionStatus",
    "TestAttempt",
    "TestKind",
    "Track",
]
