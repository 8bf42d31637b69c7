"""Every agreement page: allowed, forbidden, and not found for outsiders; then what
the pages do with good and bad input."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.agreements import actions, urls
from alongside.agreements.models import (
    Agreement,
    AgreementVersion,
    ChangeAction,
    OrganisationItem,
    Proposal,
    ResponseChoice,
)
from alongside.organisations.models import UNDO_WINDOW, Role
from alongside.peergroups.models import Status

from .conftest import Circle, open_proposal
from .factories import (
    OrganisationItemFactory,
    PeerGroupFactory,
    item_worded,
    person_in,
    person_in_organisation,
)


def client_for(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def proposal(circle: Circle, adopted: AgreementVersion) -> Proposal:
    return open_proposal(circle)


@pytest.fixture
def org_item(circle: Circle) -> OrganisationItem:
    return OrganisationItemFactory.create(organisation=circle.group.organisation)


def _url(name: str, circle: Circle, proposal: Proposal, item: OrganisationItem) -> str:
    group_id = circle.group.pk
    slug = circle.group.organisation.slug
    args: dict[str, list[object]] = {
        "proposal": [group_id, proposal.pk],
        "group": [group_id],
        "version": [group_id, 1],
        "organisation": [slug],
        "item": [slug, item.pk],
    }
    return reverse(f"agreements:{name}", args=args[ROUTES[name][0]])


# name: (arguments, method, outsider, organisation peer not in group, active member,
#        paused member, facilitator, organisation admin not in group)
ROUTES: dict[str, tuple[str, str, int, int, int, int, int, int]] = {
    "agreement-detail": ("group", "get", 404, 200, 200, 200, 200, 200),
    "agreement-print": ("group", "get", 404, 200, 200, 200, 200, 200),
    "agreement-pdf": ("group", "get", 404, 200, 200, 200, 200, 200),
    "version-list": ("group", "get", 404, 404, 200, 200, 200, 404),
    "version-detail": ("version", "get", 404, 404, 200, 200, 200, 404),
    "reading-confirm": ("group", "post", 404, 404, 302, 302, 302, 404),
    "reading-talk-first": ("group", "post", 404, 404, 302, 302, 302, 404),
    "proposal-create": ("group", "get", 404, 404, 200, 403, 200, 404),
    "proposal-detail": ("proposal", "get", 404, 404, 200, 200, 200, 404),
    "response-save": ("proposal", "post", 404, 404, 400, 400, 400, 404),
    "objection-withdraw": ("proposal", "post", 404, 404, 403, 403, 403, 404),
    "comment-create": ("proposal", "post", 404, 404, 400, 403, 400, 404),
    "proposal-amend": ("proposal", "get", 404, 404, 200, 403, 403, 404),
    "proposal-withdraw": ("proposal", "post", 404, 404, 302, 403, 403, 404),
    "proposal-adopt": ("proposal", "post", 404, 404, 403, 403, 302, 404),
    "review-start": ("group", "get", 404, 404, 403, 403, 200, 404),
    "agreement-settings": ("group", "get", 404, 404, 403, 403, 200, 404),
    "talk-list": ("group", "get", 404, 404, 403, 403, 200, 404),
    "organisation-items": ("organisation", "get", 404, 404, 404, 404, 404, 200),
    "organisation-item-edit": ("item", "get", 404, 404, 404, 404, 404, 200),
    "organisation-item-remove": ("item", "post", 404, 404, 404, 404, 404, 302),
    "organisation-item-restore": ("item", "post", 404, 404, 404, 404, 404, 302),
}

WHO: dict[str, Callable[[Circle], Person]] = {
    "outsider": lambda c: person_in(PeerGroupFactory.create()),
    "organisation peer": lambda c: person_in_organisation(c.group.organisation),
    "active member": lambda c: c.member,
    "paused member": lambda c: person_in(c.group, status=Status.PAUSED),
    "facilitator": lambda c: c.facilitator,
    "organisation admin": lambda c: person_in_organisation(
        c.group.organisation, org_role=Role.ADMIN, second_factor=True
    ),
}
COLUMNS = list(WHO)


def test_every_agreement_url_is_in_the_table() -> None:
    names = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(ROUTES)


@pytest.mark.parametrize("name", sorted(ROUTES))
@pytest.mark.parametrize("who", COLUMNS)
def test_route_by_role(
    circle: Circle,
    proposal: Proposal,
    org_item: OrganisationItem,
    name: str,
    who: str,
) -> None:
    expected = ROUTES[name][2 + COLUMNS.index(who)]
    person = WHO[who](circle)
    # The facilitator's response lets the proposal be adopted (everyone responded).
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    url = _url(name, circle, proposal, org_item)
    client = client_for(person)
    response = client.get(url) if ROUTES[name][1] == "get" else client.post(url, {})
    assert response.status_code == expected


def test_anonymous_is_sent_to_sign_in(
    circle: Circle, adopted: AgreementVersion
) -> None:
    response = Client().get(
        reverse("agreements:agreement-detail", args=[circle.group.pk])
    )
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_facilitator_without_second_factor_is_asked_to_set_one_up(
    circle: Circle, adopted: AgreementVersion
) -> None:
    Authenticator.objects.filter(user=circle.facilitator).delete()
    response = client_for(circle.facilitator).get(
        reverse("agreements:agreement-settings", args=[circle.group.pk])
    )
    assert response.status_code == 302
    assert "totp" in response["Location"]


def test_new_group_shows_starter_questions(circle: Circle) -> None:
    response = client_for(circle.member).get(
        reverse("agreements:agreement-detail", args=[circle.group.pk])
    )
    assert response.status_code == 200
    assert "Starting our agreement" in response.text
    assert "What would help each of us feel safe" in response.text


def test_proposing_through_the_form(circle: Circle, adopted: AgreementVersion) -> None:
    response = client_for(circle.member).post(
        reverse("agreements:proposal-create", args=[circle.group.pk]),
        {
            "action": "add",
            "text": "A made-up new item.",
            "why": "",
            "reason": "Made-up.",
        },
    )
    proposal = Proposal.objects.open().get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/proposals/{proposal.pk}/")
    assert proposal.changes.get().text == "A made-up new item."


def test_bad_proposal_keeps_what_was_typed(
    circle: Circle, adopted: AgreementVersion
) -> None:
    response = client_for(circle.member).post(
        reverse("agreements:proposal-create", args=[circle.group.pk]),
        {
            "action": "change",
            "item": "",
            "text": "Typed words \u2603 stay",
            "reason": "",
        },
    )
    assert response.status_code == 200
    assert "Typed words \u2603 stay" in response.text
    assert "Please choose the item." in response.text
    assert not Proposal.objects.open().exists()


def test_unknown_item_key_is_a_form_error_not_a_crash(
    circle: Circle, adopted: AgreementVersion
) -> None:
    response = client_for(circle.member).post(
        reverse("agreements:proposal-create", args=[circle.group.pk]),
        {
            "action": "remove",
            "item": "not-a-uuid",
            "text": "",
            "reason": "Made-up.",
        },
    )
    assert response.status_code == 200
    assert not Proposal.objects.open().exists()


def test_example_fills_in_the_form(circle: Circle, adopted: AgreementVersion) -> None:
    OrganisationItemFactory.create(
        organisation=circle.group.organisation, text="An organisation's example."
    )
    response = client_for(circle.member).get(
        reverse("agreements:proposal-create", args=[circle.group.pk]) + "?example=0"
    )
    assert "An organisation&#x27;s example." in response.text


def test_objection_without_reason_keeps_the_form(
    circle: Circle, proposal: Proposal
) -> None:
    response = client_for(circle.facilitator).post(
        reverse("agreements:response-save", args=[circle.group.pk, proposal.pk]),
        {"choice": "object", "reason": ""},
    )
    assert response.status_code == 400
    assert "Please say a little about why" in response.text


def test_responding_with_htmx_returns_the_consent_round_partial(
    circle: Circle, proposal: Proposal
) -> None:
    response = client_for(circle.facilitator).post(
        reverse("agreements:response-save", args=[circle.group.pk, proposal.pk]),
        {"choice": "concern", "reason": "A made-up concern."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="consent-round"')
    assert "A made-up concern." in response.text


def test_peers_see_reasons_but_not_names_unless_shown(
    circle: Circle, proposal: Proposal
) -> None:
    hidden = person_in(circle.group)
    shown = person_in(circle.group)
    actions.respond_to_proposal(
        person=hidden, proposal=proposal, choice="concern", reason="Hidden reason."
    )
    actions.respond_to_proposal(
        person=shown,
        proposal=proposal,
        choice="object",
        reason="Shown reason.",
        shows_name=True,
    )
    hidden_name = hidden.memberships.get().display_name
    shown_name = shown.memberships.get().display_name
    response = client_for(circle.member).get(
        reverse("agreements:proposal-detail", args=[circle.group.pk, proposal.pk])
    )
    assert "Hidden reason." in response.text
    assert "Shown reason." in response.text
    assert shown_name in response.text
    assert hidden_name not in response.text


def test_discussion_is_for_the_group_only(circle: Circle, proposal: Proposal) -> None:
    client_for(circle.member).post(
        reverse("agreements:comment-create", args=[circle.group.pk, proposal.pk]),
        {"text": "A made-up thought."},
    )
    member_view = client_for(circle.facilitator).get(
        reverse("agreements:proposal-detail", args=[circle.group.pk, proposal.pk])
    )
    admin = person_in_organisation(
        circle.group.organisation, org_role=Role.ADMIN, second_factor=True
    )
    admin_view = client_for(admin).get(
        reverse("agreements:proposal-detail", args=[circle.group.pk, proposal.pk])
    )
    assert "A made-up thought." in member_view.text
    assert admin_view.status_code == 404


def test_adopting_shows_the_new_version_with_the_change(
    circle: Circle, proposal: Proposal
) -> None:
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice=ResponseChoice.AGREE
    )
    response = client_for(circle.facilitator).post(
        reverse("agreements:proposal-adopt", args=[circle.group.pk, proposal.pk]),
        follow=True,
    )
    assert response.status_code == 200
    assert "Version 2" in response.text
    assert "<ins>A new made-up item.</ins>" in response.text


def test_adopting_too_early_explains_why(circle: Circle, proposal: Proposal) -> None:
    person_in(circle.group)
    response = client_for(circle.facilitator).post(
        reverse("agreements:proposal-adopt", args=[circle.group.pk, proposal.pk]),
        follow=True,
    )
    assert "cannot be adopted yet" in response.text
    assert AgreementVersion.objects.count() == 1


def test_version_shows_word_changes(circle: Circle, adopted: AgreementVersion) -> None:
    item = item_worded(adopted, "Made-up item one.")
    proposal = actions.propose_changes(
        person=circle.member,
        group=circle.group,
        changes=[
            actions.Change(
                ChangeAction.CHANGE, "Made-up item one, gently.", "", item.key
            )
        ],
        reason="Made-up.",
    )
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    actions.adopt_proposal(person=circle.facilitator, proposal=proposal)
    response = client_for(circle.member).get(
        reverse("agreements:version-detail", args=[circle.group.pk, 2])
    )
    assert "Made-up item <del>one.</del><ins>one, gently.</ins>" in response.text


def test_group_page_shows_dates_and_asks_newcomer_to_confirm(
    circle: Circle, adopted: AgreementVersion
) -> None:
    newcomer = person_in(circle.group)
    client = client_for(newcomer)
    page = client.get(reverse("peergroups:group-detail", args=[circle.group.pk]))
    assert "Last agreed" in page.text
    assert "next review due" in page.text
    assert "Before you post" in page.text
    assert "Made-up item one." in page.text

    client.post(reverse("agreements:reading-confirm", args=[circle.group.pk]))

    page = client.get(reverse("peergroups:group-detail", args=[circle.group.pk]))
    assert "You have read and confirmed version 1" in page.text


def test_join_page_shows_the_current_agreement(
    circle: Circle, adopted: AgreementVersion
) -> None:
    person = person_in_organisation(circle.group.organisation)
    response = client_for(person).get(
        reverse("peergroups:group-join", args=[circle.group.pk])
    )
    assert "Our group agreement" in response.text
    assert "Made-up item two." in response.text


def test_pdf_renders(circle: Circle, adopted: AgreementVersion) -> None:
    response = client_for(circle.member).get(
        reverse("agreements:agreement-pdf", args=[circle.group.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_print_view_has_the_items_and_print_styles(
    circle: Circle, adopted: AgreementVersion
) -> None:
    response = client_for(circle.member).get(
        reverse("agreements:agreement-print", args=[circle.group.pk])
    )
    assert "Made-up item one." in response.text
    assert "agreements/agreements.css" in response.text


def test_talk_list_shows_who_asked(circle: Circle, adopted: AgreementVersion) -> None:
    newcomer = person_in(circle.group)
    actions.ask_to_talk_first(person=newcomer, group=circle.group)
    response = client_for(circle.facilitator).get(
        reverse("agreements:talk-list", args=[circle.group.pk])
    )
    assert newcomer.memberships.get().display_name in response.text


def test_admin_adds_a_baseline_item(circle: Circle) -> None:
    admin = person_in_organisation(
        circle.group.organisation, org_role=Role.ADMIN, second_factor=True
    )
    response = client_for(admin).post(
        reverse("agreements:organisation-items", args=[circle.group.organisation.slug]),
        {"kind": "baseline", "text": "A made-up baseline.", "why": ""},
    )
    assert response.status_code == 302
    page = client_for(circle.member).get(
        reverse("agreements:agreement-detail", args=[circle.group.pk])
    )
    assert "A made-up baseline." in page.text


def test_settings_form_keeps_bad_input(
    circle: Circle, adopted: AgreementVersion
) -> None:
    response = client_for(circle.facilitator).post(
        reverse("agreements:agreement-settings", args=[circle.group.pk]),
        {"consent_days": "999", "review_months": "12", "review_due_on": "not a date"},
    )
    assert response.status_code == 200
    assert 'value="999"' in response.text


def test_review_form_lists_every_item(
    circle: Circle, adopted: AgreementVersion
) -> None:
    client = client_for(circle.facilitator)
    url = reverse("agreements:review-start", args=[circle.group.pk])
    page = client.get(url)
    assert "Made-up item one." in page.text
    data = {"reason": "Our yearly look.", "breach_response": "A quiet word first."}
    for item in adopted.group_items:
        data[f"decision_{item.key}"] = "keep"
        data[f"text_{item.key}"] = item.text
    response = client.post(url, data)
    assert response.status_code == 302
    assert Proposal.objects.open().get().kind == "review"


def test_agreement_detail_query_count(
    circle: Circle, adopted: AgreementVersion, django_assert_max_num_queries: Any
) -> None:
    for _ in range(5):
        open_proposal(circle)
    client = client_for(circle.member)
    with django_assert_max_num_queries(30):
        client.get(reverse("agreements:agreement-detail", args=[circle.group.pk]))


def test_htmx_objection_without_reason_shows_the_message_in_place(
    circle: Circle, proposal: Proposal
) -> None:
    response = client_for(circle.facilitator).post(
        reverse("agreements:response-save", args=[circle.group.pk, proposal.pk]),
        {"choice": "object", "reason": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="consent-round"')
    assert "Please say a little about why" in response.text


def test_htmx_comment_returns_the_discussion_partial(
    circle: Circle, proposal: Proposal
) -> None:
    response = client_for(circle.member).post(
        reverse("agreements:comment-create", args=[circle.group.pk, proposal.pk]),
        {"text": "A made-up thought."},
        headers={"HX-Request": "true"},
    )
    assert response.text.lstrip().startswith('<section id="discussion"')
    assert "A made-up thought." in response.text


def test_admin_finds_the_agreement_items_from_the_organisation_page(
    circle: Circle,
) -> None:
    admin = person_in_organisation(
        circle.group.organisation, org_role=Role.ADMIN, second_factor=True
    )
    response = client_for(admin).get(
        reverse(
            "organisations:organisation-detail", args=[circle.group.organisation.slug]
        )
    )
    assert (
        reverse("agreements:organisation-items", args=[circle.group.organisation.slug])
        in response.text
    )


def test_only_facilitators_see_how_many_have_not_responded(
    circle: Circle, proposal: Proposal
) -> None:
    url = reverse("agreements:proposal-detail", args=[circle.group.pk, proposal.pk])
    member_view = client_for(circle.member).get(url)
    facilitator_view = client_for(circle.facilitator).get(url)
    assert "not responded" not in member_view.text
    assert "1 active member has not responded" in facilitator_view.text
    assert 'id="save-my-response"' in member_view.text


def test_asking_to_talk_first_says_a_facilitator_will_be_in_touch(
    circle: Circle, adopted: AgreementVersion
) -> None:
    newcomer = person_in(circle.group)
    response = client_for(newcomer).post(
        reverse("agreements:reading-talk-first", args=[circle.group.pk]), follow=True
    )
    assert "quietly let a facilitator know" in response.text.replace("&#x27;", "'")


def test_asking_to_talk_first_after_confirming_says_nothing_was_sent(
    circle: Circle, adopted: AgreementVersion
) -> None:
    newcomer = person_in(circle.group)
    client = client_for(newcomer)
    client.post(reverse("agreements:reading-confirm", args=[circle.group.pk]))
    # A second button on a page left open from before.
    response = client.post(
        reverse("agreements:reading-talk-first", args=[circle.group.pk]), follow=True
    )
    page = response.text.replace("&#x27;", "'")
    assert "quietly let a facilitator know" not in page
    assert "nothing more was sent" in page


@pytest.mark.parametrize("htmx", [False, True])
def test_a_comment_sent_after_the_discussion_closed_comes_back_to_keep(
    circle: Circle, proposal: Proposal, htmx: bool
) -> None:
    assert proposal.proposed_by is not None
    actions.withdraw_proposal(person=proposal.proposed_by, proposal=proposal)
    response = client_for(circle.member).post(
        reverse("agreements:comment-create", args=[circle.group.pk, proposal.pk]),
        {"text": "A made-up thought, written slowly."},
        headers={"HX-Request": "true"} if htmx else {},
    )
    assert response.status_code == (200 if htmx else 409)
    assert "closed while you were writing" in response.text
    assert "A made-up thought, written slowly." in response.text
    assert not proposal.comments.exists()


def test_settings_show_the_review_date_the_date_box_can_read(
    circle: Circle, adopted: AgreementVersion
) -> None:
    due = datetime.date(2027, 3, 9)
    Agreement.objects.filter(group=circle.group).update(review_due_on=due)

    response = client_for(circle.facilitator).get(
        reverse("agreements:agreement-settings", args=[circle.group.pk])
    )

    assert 'type="date"' in response.text
    assert 'value="2027-03-09"' in response.text


def test_removing_an_organisation_item_asks_first_and_can_be_undone(
    circle: Circle,
) -> None:
    organisation = circle.group.organisation
    admin = person_in_organisation(
        organisation, org_role=Role.ADMIN, second_factor=True
    )
    item = actions.save_organisation_item(
        person=admin,
        organisation=organisation,
        kind="baseline",
        text="We check in at the start of each meeting.",
        why="",
    )
    client = client_for(admin)
    remove = reverse(
        "agreements:organisation-item-remove", args=[organisation.slug, item.pk]
    )
    items = reverse("agreements:organisation-items", args=[organisation.slug])

    asked = client.get(remove)
    assert asked.status_code == 200
    assert "Remove this item?" in asked.text
    assert OrganisationItem.objects.filter(pk=item.pk).exists()

    client.post(remove)
    assert not OrganisationItem.objects.filter(pk=item.pk).exists()
    assert (
        item.text
        not in client.get(
            reverse("agreements:agreement-detail", args=[circle.group.pk])
        ).text
    )
    listed = client.get(items).text
    assert "Removed a moment ago" in listed and item.text in listed

    restore = reverse(
        "agreements:organisation-item-restore", args=[organisation.slug, item.pk]
    )
    client.post(restore)
    assert OrganisationItem.objects.filter(pk=item.pk).exists()
    assert "Removed a moment ago" not in client.get(items).text


def test_a_removed_item_cannot_be_put_back_once_the_undo_time_has_passed(
    circle: Circle,
) -> None:
    organisation = circle.group.organisation
    admin = person_in_organisation(
        organisation, org_role=Role.ADMIN, second_factor=True
    )
    item = actions.save_organisation_item(
        person=admin, organisation=organisation, kind="example", text="Be kind.", why=""
    )
    actions.remove_organisation_item(person=admin, organisation=organisation, item=item)
    OrganisationItem.with_removed.filter(pk=item.pk).update(
        removed_at=timezone.now() - UNDO_WINDOW - datetime.timedelta(minutes=1)
    )
    item.refresh_from_db()
    assert not actions.restore_organisation_item(
        person=admin, organisation=organisation, item=item
    )
    # The next removal deletes it for good.
    other = actions.save_organisation_item(
        person=admin, organisation=organisation, kind="example", text="Listen.", why=""
    )
    actions.remove_organisation_item(
        person=admin, organisation=organisation, item=other
    )
    assert not OrganisationItem.with_removed.filter(pk=item.pk).exists()
