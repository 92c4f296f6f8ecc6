"""Training's forms, one module per subject."""

from momentum.training.forms.assessments import (
    AnswerChoiceForm,
    AnswerChoiceFormSet,
    QuestionForm,
    TakeTestForm,
)
from momentum.training.forms.attendance import (
    AttendanceDayForm,
    AttendanceMarkForm,
)
from momentum.training.forms.catalogue import (
    CancelSessionForm,
    CatalogueFilterForm,
    CourseForm,
    SessionFilterForm,
    SessionForm,
)
from momentum.training.forms.certificates import (
    RevokeCertificateForm,
)
from momentum.training.forms.evaluations import (
    EvaluationForm,
)
from momentum.training.forms.nominations import (
    CandidateSearchForm,
    DecisionForm,
    NominationForm,
    RadioSelectWidget,
    WithdrawForm,
    candidate_label,
)

__all__ = [
    "AnswerChoiceForm",
    "AnswerChoiceFormSet",
    "AttendanceDayForm",
    "AttendanceMarkForm",
    "CancelSessionForm",
    "CandidateSearchForm",
    "CatalogueFilterForm",
    "CourseForm",
    "DecisionForm",
    "EvaluationForm",
    "NominationForm",
    "QuestionForm",
    "RadioSelectWidget",
    "RevokeCertificateForm",
    "SessionFilterForm",
    "SessionForm",
    "TakeTestForm",
    "WithdrawForm",
    "candidate_label",
]
