"""Group pages: finding, reading about, joining, pausing, leaving and coming back."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from alongside.accounts.models import Person
from alongside.organisations.models import GroupCreation, Organisation
from alongside.peergroups.models import (
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)

from .factories import MembershipFactory, PeerGroupFactory, TagFactory
from .states import person_in_state

pytestmark = pytest.mark.django_db


def client_in_state(state: str, group: PeerGroup) -> tuple[Client, Person]:
    person = person_in_state(state, group)
    client = Client()
    client.force_login(person)
    return client, person


def detail_url(group: PeerGroup) -> str:
    return reverse("peergroups:group-detail", args=[group.pk])


# The group list


def test_group_list_shows_listed_groups_of_ones_own_organisations(
    peer_client: Client, group: PeerGroup, organisation: Organisation
) -> None:
    unlisted = PeerGroupFactory.create(organisation=organisation, is_listed=False)
    elsewhere = PeerGroupFactory.create()

    response = peer_client.get(reverse("peergroups:group-list"))

    listed = [shown for shown, _ in response.context["groups"]]
    assert listed == [group]
    page = response.content.decode()
    assert unlisted.name not in page
    assert elsewhere.name not in page


def test_group_list_search_finds_groups_by_shared_experience_words(
    peer_client: Client, organisation: Organisation
) -> None:
    found = PeerGroupFactory.create(
        organisation=organisation, shared_experience="Looking after a parent."
    )
    PeerGroupFactory.create(organisation=organisation, shared_experience="Other.")

    response = peer_client.get(reverse("peergroups:group-list"), {"q": "PARENT"})

    assert [shown for shown, _ in response.context["groups"]] == [found]


def test_group_list_filters_by_tag_and_lists_tags_only_once(
    peer_client: Client, organisation: Organisation
) -> None:
    tag = TagFactory.create(name="caring", slug="caring")
    first = PeerGroupFactory.create(organisation=organisation, name="A first")
    second = PeerGroupFactory.create(organisation=organisation, name="B second")
    first.tags.add(tag)
    second.tags.add(tag)

    response = peer_client.get(reverse("peergroups:group-list"), {"tag": "caring"})

    assert [shown for shown, _ in response.context["groups"]] == [first, second]
    assert list(response.context["tags"]) == [tag]


def test_group_list_answers_htmx_with_just_the_results(
    peer_client: Client, group: PeerGroup
) -> None:
    response = peer_client.get(
        reverse("peergroups:group-list"), {"q": "group"}, headers={"HX-Request": "true"}
    )

    page = response.content.decode()
    assert 'id="group-results"' in page
    assert "<html" not in page


def test_group_list_keeps_the_search_words_typed(peer_client: Client) -> None:
    response = peer_client.get(reverse("peergroups:group-list"), {"q": "nothing"})

    assert 'value="nothing"' in response.content.decode()


def test_group_list_queries_do_not_grow_with_the_number_of_groups(
    peer_client: Client,
    organisation: Organisation,
    peer: Person,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(15):
        group = PeerGroupFactory.create(organisation=organisation)
        group.tags.add(TagFactory.create(name=f"tag {number}", slug=f"tag-{number}"))
        MembershipFactory.create(group=group, person=peer)

    with django_assert_max_num_queries(10):
        response = peer_client.get(reverse("peergroups:group-list"))

    assert len(response.context["groups"]) == 16


def test_staff_see_where_they_may_start_a_group(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.get(reverse("peergroups:group-list"))

    assert response.context["creatable_in"] == [organisation]


def test_peers_are_not_offered_to_start_a_group_when_only_staff_may(
    peer_client: Client, organisation: Organisation
) -> None:
    assert organisation.group_creation == GroupCreation.STAFF

    response = peer_client.get(reverse("peergroups:group-list"))

    assert response.context["creatable_in"] == []


# A group's page


def test_group_page_shows_members_to_members_but_not_those_taking_a_break(
    group: PeerGroup,
) -> None:
    client, _ = client_in_state("active", group)
    MembershipFactory.create(group=group, display_name="Present Pebble")
    MembershipFactory.create(
        group=group, display_name="Resting Robin", status=Status.PAUSED
    )
    MembershipFactory.create(group=group, display_name="Gone Grebe", status=Status.LEFT)
    MembershipFactory.create(
        group=group, display_name="Waiting Wren", status=Status.REQUESTED
    )

    page = client.get(detail_url(group)).content.decode()

    assert "Present Pebble" in page
    assert "Resting Robin" not in page
    assert "Gone Grebe" not in page
    assert "Waiting Wren" not in page


@pytest.mark.parametrize(
    "state", ["none", "requested", "left", "declined", "org admin", "supervisor"]
)
def test_group_page_hides_the_member_list_from_people_not_in_the_group(
    group: PeerGroup, state: str
) -> None:
    client, _ = client_in_state(state, group)
    MembershipFactory.create(group=group, display_name="Present Pebble")

    response = client.get(detail_url(group))

    assert response.status_code == 200
    assert "Present Pebble" not in response.content.decode()


def test_group_page_links_to_the_limits_of_confidentiality(
    peer_client: Client, group: PeerGroup
) -> None:
    page = peer_client.get(detail_url(group)).content.decode()

    assert (
        reverse("organisations:confidentiality", args=[group.organisation.slug]) in page
    )


def test_group_page_is_not_found_for_other_organisations(
    outsider_client: Client, group: PeerGroup
) -> None:
    response = outsider_client.get(detail_url(group))

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_group_page_for_a_missing_group_looks_the_same_as_a_hidden_one(
    peer_client: Client, group: PeerGroup
) -> None:
    response = peer_client.get(reverse("peergroups:group-detail", args=[99999]))

    assert response.status_code == 404


def test_group_page_queries_do_not_grow_with_the_number_of_members(
    peer_client: Client,
    group: PeerGroup,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    MembershipFactory.create_batch(30, group=group)

    # 26 for the page, one for the group's next meetings, and three for the
    # feedback and felt-safety prompts (alongside.insights): the last meeting held,
    # and whether this person may answer about it.
    with django_assert_max_num_queries(30):
        response = peer_client.get(detail_url(group))

    assert len(response.context["members"]) == 31


def test_facilitator_sees_how_many_requests_are_waiting(
    facilitator_client: Client, group: PeerGroup
) -> None:
    MembershipFactory.create_batch(2, group=group, status=Status.REQUESTED)

    page = facilitator_client.get(detail_url(group)).content.decode()

    assert "(2 waiting)" in page


def test_peers_see_no_request_count(peer_client: Client, group: PeerGroup) -> None:
    MembershipFactory.create_batch(2, group=group, status=Status.REQUESTED)

    page = peer_client.get(detail_url(group)).content.decode()

    assert "waiting" not in page


# Joining


def test_join_page_welcomes_and_shows_what_stays_private(group: PeerGroup) -> None:
    client, _ = client_in_state("none", group)

    response = client.get(reverse("peergroups:group-join", args=[group.pk]))

    page = response.content.decode()
    assert "Nobody has to speak" in page
    assert "take a break or leave at any time" in page
    assert group.organisation.confidentiality_statement in page
    assert response.context["form"].initial["display_name"]


def test_joining_an_open_group_through_the_page(group: PeerGroup) -> None:
    client, person = client_in_state("none", group)

    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]),
        {"display_name": "  Kind   Fern "},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == detail_url(group)
    membership = Membership.objects.get(group=group, person=person)
    assert membership.status == Status.ACTIVE
    assert membership.display_name == "Kind Fern"


def test_asking_to_join_through_the_page_says_what_happens_next() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)
    client, person = client_in_state("none", group)

    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]),
        {"display_name": "Kind Fern"},
        follow=True,
    )

    assert "A facilitator will reply soon" in response.content.decode()
    assert Membership.objects.get(person=person).status == Status.REQUESTED


def test_a_taken_name_is_refused_kindly_and_the_typed_name_is_kept(
    group: PeerGroup,
) -> None:
    MembershipFactory.create(group=group, display_name="Quiet Heron")
    client, person = client_in_state("none", group)

    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]),
        {"display_name": "quiet heron"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "already uses that name" in page
    assert 'value="quiet heron"' in page
    assert not Membership.objects.filter(person=person).exists()


@pytest.mark.parametrize(
    "look_alike",
    ["Quiet Heron\u200b", "Quiet Her\u00adon", "\u2060Quiet Heron", "\uff31uiet Heron"],
)
def test_a_name_that_only_looks_like_someone_elses_is_refused(
    group: PeerGroup, look_alike: str
) -> None:
    MembershipFactory.create(group=group, display_name="Quiet Heron")
    client, person = client_in_state("none", group)

    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]),
        {"display_name": look_alike},
    )

    assert "already uses that name" in response.content.decode()
    assert not Membership.objects.filter(person=person).exists()


def test_a_name_without_letters_is_refused_and_kept(group: PeerGroup) -> None:
    client, _ = client_in_state("none", group)

    response = client.post(
        reverse("peergroups:group-join", args=[group.pk]), {"display_name": "!!!"}
    )

    page = response.content.decode()
    assert "at least one letter or number" in page
    assert 'value="!!!"' in page


def test_members_opening_the_join_page_are_taken_to_the_group(
    peer_client: Client, group: PeerGroup
) -> None:
    response = peer_client.get(reverse("peergroups:group-join", args=[group.pk]))

    assert response.headers["Location"] == detail_url(group)


def test_join_page_is_not_found_for_other_organisations(
    outsider_client: Client, group: PeerGroup
) -> None:
    response = outsider_client.post(
        reverse("peergroups:group-join", args=[group.pk]), {"display_name": "Fern"}
    )

    assert response.status_code == 404
    assert not Membership.objects.filter(group=group, display_name="Fern").exists()


# Pausing, returning and leaving


def test_pausing_hides_one_from_the_member_list_and_coming_back_restores_it(
    group: PeerGroup,
) -> None:
    client, person = client_in_state("active", group)
    name = Membership.objects.get(person=person).display_name
    onlooker, _ = client_in_state("active", group)

    client.post(reverse("peergroups:membership-pause", args=[group.pk]))
    while_paused = onlooker.get(detail_url(group)).content.decode()
    client.post(reverse("peergroups:membership-return", args=[group.pk]))
    after_return = onlooker.get(detail_url(group)).content.decode()

    assert name not in while_paused
    assert name in after_return


def test_pausing_tells_the_person_nothing_is_lost(
    peer_client: Client, group: PeerGroup
) -> None:
    response = peer_client.post(
        reverse("peergroups:membership-pause", args=[group.pk]), follow=True
    )

    assert "Nothing is lost, nobody is told" in response.content.decode()


@pytest.mark.parametrize(
    ("state", "button", "lands_on"),
    [
        ("paused", "peergroups:membership-pause", "peergroups:group-detail"),
        ("active", "peergroups:membership-return", "peergroups:group-detail"),
        ("left", "peergroups:group-leave", "insights:parting-note"),
    ],
)
def test_pressing_take_a_break_come_back_or_leave_twice_is_quietly_done(
    group: PeerGroup, state: str, button: str, lands_on: str
) -> None:
    # The second press of a double click, or a page left open: already done.
    client, person = client_in_state(state, group)

    response = client.post(reverse(button, args=[group.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse(lands_on, args=[group.pk])
    assert Membership.objects.get(group=group, person=person).status == state


def test_leaving_asks_no_questions_and_offers_optional_feedback(
    peer_client: Client, group: PeerGroup
) -> None:
    confirm = peer_client.get(reverse("peergroups:group-leave", args=[group.pk]))
    response = peer_client.post(reverse("peergroups:group-leave", args=[group.pk]))

    assert confirm.status_code == 200
    # The optional parting note is an anonymous answer (insights/test_parting.py).
    assert response.headers["Location"] == reverse(
        "insights:parting-note", args=[group.pk]
    )


def test_withdrawing_a_request_goes_back_to_the_group_page() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)
    client, person = client_in_state("requested", group)

    response = client.post(reverse("peergroups:group-leave", args=[group.pk]))

    assert response.headers["Location"] == detail_url(group)
    assert Membership.objects.get(person=person).status == Status.LEFT


def test_coming_back_after_leaving_through_the_page(group: PeerGroup) -> None:
    client, person = client_in_state("left", group)

    response = client.post(reverse("peergroups:membership-return", args=[group.pk]))

    assert response.status_code == 302
    assert Membership.objects.get(person=person).status == Status.ACTIVE


def test_someone_who_left_an_open_group_sees_one_button_to_come_back(
    group: PeerGroup,
) -> None:
    client, _ = client_in_state("left", group)

    page = client.get(detail_url(group)).content.decode()
    join_page = client.get(reverse("peergroups:group-join", args=[group.pk]))

    assert "Come back to this group" in page
    assert "Join again" not in page
    assert reverse("peergroups:group-join", args=[group.pk]) not in page
    assert join_page.headers["Location"] == detail_url(group)


def test_someone_who_left_a_group_that_asks_first_asks_again() -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)
    client, person = client_in_state("left", group)

    page = client.get(detail_url(group)).content.decode()
    coming_back = client.post(reverse("peergroups:membership-return", args=[group.pk]))

    assert "Ask to join again" in page
    assert reverse("peergroups:membership-return", args=[group.pk]) not in page
    assert coming_back.status_code == 403
    assert Membership.objects.get(person=person).status == Status.LEFT


# Choosing one's name in a group


def test_renaming_oneself_through_the_page(
    peer_client: Client, group: PeerGroup, peer: Person
) -> None:
    response = peer_client.post(
        reverse("peergroups:display-name-edit", args=[group.pk]),
        {"display_name": "Steady Oak"},
    )

    assert response.status_code == 302
    assert Membership.objects.get(person=peer).display_name == "Steady Oak"


def test_rename_page_starts_with_the_current_name(
    peer_client: Client, group: PeerGroup, peer: Person
) -> None:
    response = peer_client.get(reverse("peergroups:display-name-edit", args=[group.pk]))

    current = Membership.objects.get(person=peer).display_name
    assert response.context["form"].initial["display_name"] == current


def test_renaming_to_a_taken_name_is_refused_and_keeps_what_was_typed(
    peer_client: Client, group: PeerGroup, peer: Person
) -> None:
    MembershipFactory.create(group=group, display_name="Quiet Heron")
    before = Membership.objects.get(person=peer).display_name

    response = peer_client.post(
        reverse("peergroups:display-name-edit", args=[group.pk]),
        {"display_name": "QUIET HERON"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "already uses that name" in page
    assert 'value="QUIET HERON"' in page
    assert Membership.objects.get(person=peer).display_name == before


def test_renaming_is_not_found_for_other_organisations(
    outsider_client: Client, group: PeerGroup
) -> None:
    response = outsider_client.get(
        reverse("peergroups:display-name-edit", args=[group.pk])
    )

    assert response.status_code == 404
