"""What a person's data download holds from group agreements: their suggestions,
their answers in consent rounds, their comments and what they have read. Used by
alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when
from alongside.peergroups.exports import group_names_of

from .models import Comment, Proposal, Reading
from .models import Response as AgreementResponse


def export_proposals(person: Person) -> list[Row]:
    names = group_names_of(person)
    proposals = Proposal.objects.filter(proposed_by=person).select_related("agreement")
    return [
        {
            "group": names.get(p.agreement.group_id, ""),
            "kind": p.get_kind_display(),
            "status": p.get_status_display(),
            "why": p.reason,
            "changes": [
                {"change": c.get_action_display(), "text": c.text, "why": c.why}
                for c in p.changes.all()
            ],
            "created_at": when(p.created_at),
        }
        for p in proposals.prefetch_related("changes")
    ]


def export_agreement_responses(person: Person) -> list[Row]:
    return [
        {
            "proposal": r.proposal_id,
            "choice": r.get_choice_display(),
            "reason": r.reason,
            "name_shown": r.shows_name,
            "updated_at": when(r.updated_at),
        }
        for r in AgreementResponse.objects.filter(person=person)
    ]


def export_comments(person: Person) -> list[Row]:
    return [
        {"proposal": c.proposal_id, "text": c.text, "created_at": when(c.created_at)}
        for c in Comment.objects.filter(person=person)
    ]


def export_readings(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "group": names.get(r.version.agreement.group_id, ""),
            "version": r.version.number,
            "choice": r.get_choice_display(),
            "created_at": when(r.created_at),
        }
        for r in Reading.objects.filter(person=person).select_related(
            "version__agreement"
        )
    ]
