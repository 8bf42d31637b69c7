"""What the agreement pages start from: the group, looked up through the agreement
rules, the display names in it, and the examples offered when proposing."""

from __future__ import annotations

from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import get_group_for

from ..models import OrganisationItem
from ..permissions import check_view_agreement
from ..starter import DEFAULT_EXAMPLES, ExampleItem


def group_with_agreement(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_view_agreement(request.user, group)
    return group


def names_in(group: PeerGroup) -> dict[int, str]:
    return dict(
        Membership.objects.filter(group=group).values_list("person_id", "display_name")
    )


def examples_for(organisation: Organisation) -> list[ExampleItem]:
    own = [
        ExampleItem(item.text, item.why)
        for item in OrganisationItem.objects.examples().filter(
            organisation=organisation
        )
    ]
    return own or DEFAULT_EXAMPLES
