"""What a group's agreement says now: the organisation's baseline items, the group's
own items from its current version, and what happens if an agreement is not kept.

Baseline items are read live from the organisation, so every group shows them as
soon as the organisation sets them; each adoption also writes them into the version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from alongside.peergroups.models import PeerGroup

from .models import Agreement, AgreementItem, AgreementVersion, OrganisationItem
from .pdf import PrintableAgreement, PrintableItem


@dataclass
class Contents:
    group: PeerGroup
    agreement: Agreement | None
    version: AgreementVersion | None
    baseline: list[OrganisationItem] = field(default_factory=list)
    items: list[AgreementItem] = field(default_factory=list)

    @property
    def breach_response(self) -> str:
        return self.version.breach_response if self.version else ""

    @property
    def adopted_at(self) -> datetime | None:
        return self.version.adopted_at if self.version else None

    @property
    def review_due_on(self) -> date | None:
        return self.agreement.review_due_on if self.agreement else None

    @property
    def is_started(self) -> bool:
        return self.version is not None

    def printable(self) -> PrintableAgreement:
        adopted = self.adopted_at
        return PrintableAgreement(
            group_name=self.group.name,
            organisation_name=self.group.organisation.name,
            version_number=self.version.number if self.version else None,
            adopted_on=adopted.date() if adopted else None,
            review_due_on=self.review_due_on,
            items=[PrintableItem(item.text, item.why, True) for item in self.baseline]
            + [PrintableItem(item.text, item.why, False) for item in self.items],
            breach_response=self.breach_response,
        )


def contents_of(group: PeerGroup) -> Contents:
    agreement = Agreement.objects.filter(group=group).first()
    version = agreement.current_version if agreement else None
    return Contents(
        group=group,
        agreement=agreement,
        version=version,
        baseline=list(
            OrganisationItem.objects.baseline().filter(
                organisation_id=group.organisation_id
            )
        ),
        items=list(version.group_items) if version else [],
    )
