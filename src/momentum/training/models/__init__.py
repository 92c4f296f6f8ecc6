"""Training: catalogue, sessions, nominations, attendance, knowledge tests, evaluations,
certificates. One module per subject."""

from momentum.training.models.assessments import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    TestAttempt,
    TestKind,
)
from momentum.training.models.attendance import Attendance, AttendanceMark
from momentum.training.models.catalogue import Course, Delivery, Track
from momentum.training.models.certificates import Certificate
from momentum.training.models.evaluations import Evaluation, EvaluationKind, EvaluationReceipt
from momentum.training.models.nominations import Nomination, NominationStatus
from momentum.training.models.sessions import SeatQuota, Session, SessionStatus

__all__ = [
    "Answer",
    "Attendance",
    "AttendanceMark",
    "Certificate",
    "Choice",
    "Course",
    "Delivery",
    "Evaluation",
    "EvaluationKind",
    "EvaluationReceipt",
    "Nomination",
    "NominationStatus",
    "Question",
    "QuestionKind",
    "SeatQuota",
    "Session",
    "SessionStatus",
    "TestAttempt",
    "TestKind",
    "Track",
]
