"""Mentoring: cohorts, applications and selection, mentors and matching, the pairs' work,
learning paths, opportunities, completion and alumni. One module per subject."""

from momentum.mentoring.models.applications import (
    Application,
    ApplicationStatus,
    CriterionScore,
    MentorPreference,
    Review,
)
from momentum.mentoring.models.cohorts import Cohort, CohortPlace, CohortStatus, RubricCriterion
from momentum.mentoring.models.mentors import MentorKind, MentorProfile
from momentum.mentoring.models.opportunities import (
    Candidacy,
    CandidacyStatus,
    Opportunity,
    OpportunityKind,
    TravelSupport,
)
from momentum.mentoring.models.pairs import (
    CheckIn,
    DevelopmentPlan,
    GoalStatus,
    LearningPathItem,
    Meeting,
    MeetingMode,
    MeetingNote,
    Milestone,
    Pairing,
    PairingStatus,
    PlanGoal,
)

__all__ = [
    "Application",
    "ApplicationStatus",
    "Candidacy",
    "CandidacyStatus",
    "CheckIn",
    "Cohort",
    "CohortPlace",
    "CohortStatus",
    "CriterionScore",
    "DevelopmentPlan",
    "GoalStatus",
    "LearningPathItem",
    "Meeting",
    "MeetingMode",
    "MeetingNote",
    "MentorKind",
    "MentorPreference",
    "MentorProfile",
    "Milestone",
    "Opportunity",
    "OpportunityKind",
    "Pairing",
    "PairingStatus",
    "PlanGoal",
    "Review",
    "RubricCriterion",
    "TravelSupport",
]
