"""The board's arithmetic: quorum, majority and the silence procedure, as pure functions so
they can be tested on constructed cases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.governance.models import (
    AnswerChoice,
    Majority,
    Outcome,
    ProcedureOutcome,
    QuorumRule,
    VoteChoice,
)

_QUORUM_SHARE = {
    QuorumRule.MAJORITY: Fraction(1, 2),  # strictly more than half
    QuorumRule.TWO_THIRDS: Fraction(2, 3),  # at least two thirds
    QuorumRule.ALL: Fraction(1, 1),
}


def quorum_needed(rule: str, countries: int) -> int:
    """How many countries must take part for ``rule`` among ``countries`` seats."""
    if countries <= 0:
        return 1
    if rule == QuorumRule.MAJORITY:
        return countries // 2 + 1
    share = _QUORUM_SHARE[QuorumRule(rule)]
    needed = share * countries
    return int(needed) if needed.denominator == 1 else int(needed) + 1


@dataclass(frozen=True)
class Result:
    outcome: str
    reason: str
    yes: int = 0
    no: int = 0
    abstain: int = 0


def motion_result(
    *, votes: Iterable[str], participating: int, countries: int, rule: str, majority: str
) -> Result:
    """The decision given by ``votes`` (one choice per country) when ``participating`` of
    ``countries`` took part in the meeting."""
    choices = list(votes)
    yes = choices.count(VoteChoice.YES)
    no = choices.count(VoteChoice.NO)
    abstain = choices.count(VoteChoice.ABSTAIN)
    needed = quorum_needed(rule, countries)
    if participating < needed:
        reason = ngettext(
            "The quorum was not met: %(present)s country took part, %(needed)s were needed.",
            "The quorum was not met: %(present)s countries took part, %(needed)s were needed.",
            participating,
        ) % {"present": participating, "needed": needed}
        return Result(Outcome.NOT_TAKEN, reason, yes, no, abstain)
    if yes + no == 0:
        return Result(
            Outcome.NOT_TAKEN, _("Nobody voted yes or no: no decision was taken."), yes, no, abstain
        )
    if majority == Majority.TWO_THIRDS:
        adopted = Fraction(yes, yes + no) >= Fraction(2, 3)
    else:
        adopted = yes > no
    counts = {"yes": yes, "no": no, "abstain": abstain}
    if adopted:
        reason = _("Adopted with %(yes)s yes, %(no)s no and %(abstain)s abstentions.") % counts
        return Result(Outcome.ADOPTED, reason, yes, no, abstain)
    reason = _("Rejected with %(yes)s yes, %(no)s no and %(abstain)s abstentions.") % counts
    return Result(Outcome.REJECTED, reason, yes, no, abstain)


def procedure_result(*, answers: Iterable[str], countries: int, silence: bool) -> Result:
    """The outcome of a written procedure once its deadline has passed. ``answers``: the
    choices received in time, one per country."""
    choices = list(answers)
    approvals = choices.count(AnswerChoice.APPROVE)
    objections = choices.count(AnswerChoice.OBJECT)
    if silence:
        if objections:
            reason = ngettext(
                "Not adopted: %(count)s member objected before the deadline.",
                "Not adopted: %(count)s members objected before the deadline.",
                objections,
            ) % {"count": objections}
            return Result(ProcedureOutcome.REJECTED, reason)
        return Result(
            ProcedureOutcome.ADOPTED,
            _("Adopted under the silence procedure: nobody objected before the deadline."),
        )
    needed = quorum_needed(QuorumRule.MAJORITY, countries)
    values = {"approvals": approvals, "objections": objections, "needed": needed}
    if approvals >= needed:
        return Result(
            ProcedureOutcome.ADOPTED,
            _("Adopted: %(approvals)s countries approved, %(needed)s were needed.") % values,
        )
    return Result(
        ProcedureOutcome.REJECTED,
        _(
            "Not adopted: %(approvals)s countries approved and %(objections)s objected; "
            "%(needed)s approvals were needed."
        )
        % values,
    )
