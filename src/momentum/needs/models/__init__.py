"""Needs assessment: rounds and visits, questionnaires, country submissions, inventories,
women in law enforcement in figures, the regional report. One module per subject."""

from momentum.needs.models.figures import (
    Figure,
    FigureIndicator,
    FigureQualifier,
    FigureStatus,
    SourceKind,
)
from momentum.needs.models.inventories import Frequency, Initiative, TrainingOffer
from momentum.needs.models.questionnaires import (
    GridRows,
    NeedMeasure,
    Question,
    QuestionKind,
    Questionnaire,
    Section,
    SkipOperator,
)
from momentum.needs.models.reports import (
    Priority,
    Recommendation,
    RecommendationStatus,
    Report,
    ReportStatus,
)
from momentum.needs.models.rounds import (
    Round,
    RoundStatus,
    Visit,
    VisitDocument,
    VisitParticipant,
    VisitStatus,
)
from momentum.needs.models.submissions import (
    EDITABLE_STATUSES,
    Answer,
    Contributor,
    ReviewComment,
    Submission,
    SubmissionDocument,
    SubmissionEvent,
    SubmissionEventKind,
    SubmissionStatus,
)

__all__ = [
    "EDITABLE_STATUSES",
    "Answer",
    "Contributor",
    "Figure",
    "FigureIndicator",
    "FigureQualifier",
    "FigureStatus",
    "Frequency",
    "GridRows",
    "Initiative",
    "NeedMeasure",
    "Priority",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "Recommendation",
    "RecommendationStatus",
    "Report",
    "ReportStatus",
    "ReviewComment",
    "Round",
    "RoundStatus",
    "Section",
    "SkipOperator",
    "SourceKind",
    "Submission",
    "SubmissionDocument",
    "SubmissionEvent",
    "SubmissionEventKind",
    "SubmissionStatus",
    "TrainingOffer",
    "Visit",
    "VisitDocument",
    "VisitParticipant",
    "VisitStatus",
]
