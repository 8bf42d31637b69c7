"""Reporting someone else's shared post; the group's facilitators are told."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations.models import Post
from alongside.core.limits import REPORT, check_rate
from alongside.notifications.actions import notify
from alongside.peergroups.models import PeerGroup
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    Report,
    ReportReason,
)
from alongside.safety.permissions import (
    check_report,
    people_who_may_decide_on,
)


def facilitators_of(group: PeerGroup) -> list[Person]:
    """The group's facilitators who are active now."""
    from alongside.peergroups.models import Membership

    return [
        membership.person
        for membership in Membership.objects.facilitating()
        .filter(group=group, status="active")
        .select_related("person")
    ]


@transaction.atomic
def report_post(
    *,
    person: Person,
    post: Post,
    reason: str,
    note: str = "",
    agreement_item_reference: str = "",
) -> Report:
    """Report someone else's shared post. Those who may decide about it (the group's
    facilitators other than its author, `people_who_may_decide_on`) are told that the
    queue has something new (not who reported it, nor what it says), once until they
    decide: the same report sent twice (a double click) is kept once, and a second,
    different report from the same person is kept without telling them again."""
    check_report(person, post)
    if reason not in ReportReason.values:
        raise ValidationError({"reason": "Please choose the reason closest to yours."})
    earlier = list(
        Report.objects.filter(post=post, reporter=person, resolved_at__isnull=True)
    )
    for report in earlier:
        if (report.reason, report.note, report.agreement_item_reference) == (
            reason,
            note,
            agreement_item_reference,
        ):
            return report
    check_rate(action=REPORT, who=str(person.pk))
    report = Report.objects.create(
        post=post,
        group=post.group,
        reporter=person,
        reason=reason,
        note=note,
        agreement_item_reference=agreement_item_reference,
    )
    if earlier:
        return report
    group = post.group
    tell_staff(group.organisation_id)
    deciders = [p for p in people_who_may_decide_on(post) if p.pk != person.pk]
    link = reverse("safety:queue", kwargs={"group_id": group.pk})
    notify(
        people=deciders,
        message=f"Something in {group.name} has been reported and is in the queue.",
        link=link,
    )
    return report
