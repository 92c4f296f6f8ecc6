"""Reads for training, one module per subject, scoped to what the reader may see."""

from momentum.training.selectors.catalogue import (
    calendar_sessions,
    courses,
    get_course_for,
    get_session_for,
    sessions_for,
    upcoming_sessions_of,
)
from momentum.training.selectors.certificates import (
    TranscriptLine,
    certificate_by_code,
    certified_officers,
    get_certificate_for,
    get_transcript_profile_for,
    transcript,
    transcript_page,
)
from momentum.training.selectors.evaluations import (
    EvaluationResults,
    QuestionResult,
    RatingCount,
    evaluation_results,
    get_session_for_evaluations,
    satisfied_participants,
)
from momentum.training.selectors.nominations import (
    CountrySeats,
    GenderBalance,
    SelectionSummary,
    get_session_for_nominations,
    my_nominations,
    nomination_candidates,
    selection_summary,
    session_nominations_for,
    with_officers,
)

__all__ = [
    "CountrySeats",
    "EvaluationResults",
    "GenderBalance",
    "QuestionResult",
    "RatingCount",
    "SelectionSummary",
    "TranscriptLine",
    "calendar_sessions",
    "certificate_by_code",
    "certified_officers",
    "courses",
    "evaluation_results",
    "get_certificate_for",
    "get_course_for",
    "get_session_for",
    "get_session_for_evaluations",
    "get_session_for_nominations",
    "get_transcript_profile_for",
    "my_nominations",
    "nomination_candidates",
    "satisfied_participants",
    "selection_summary",
    "session_nominations_for",
    "sessions_for",
    "transcript",
    "transcript_page",
    "upcoming_sessions_of",
    "with_officers",
]
