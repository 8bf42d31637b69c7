"""The phrase rules page as admins and facilitators use it: add, change, switch off,
try a sample and see versions, with every change acting on the next post."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.safety import actions
from alongside.safety.models import PhraseRule, PhraseRuleVersion

pytestmark = pytest.mark.django_db


def _status_of_new_post(person: Person, group: PeerGroup, body: str) -> str:
    thread = conversation_actions.start_thread(
        person=person,
        group=group,
        title="Today",
        kind="sharing",
        body=body,
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return str(thread.posts.get().status)


def _list(organisation: Organisation) -> str:
    return reverse("safety:phrase-rule-list", args=[organisation.slug])


def test_an_admin_adds_a_rule_for_every_group_and_the_next_post_is_held(
    admin_client: Client, organisation: Organisation, group: PeerGroup, peer: Person
) -> None:
    assert _status_of_new_post(peer, group, "the weigh-in went badly") == "published"

    response = admin_client.post(
        reverse("safety:phrase-rule-create", args=[organisation.slug]),
        {"group": "", "pattern": "weigh in", "action": "hold", "note": "Asked for"},
    )

    rule = PhraseRule.objects.get()
    assert response.status_code == 302
    assert rule.group is None and rule.version == 1
    assert _status_of_new_post(peer, group, "the weigh-in went badly") == "held"
    page = admin_client.get(_list(organisation)).content.decode()
    assert "“weigh in”" in page
    assert "Hold for review" in page


def test_a_facilitator_changes_their_groups_rule_and_sees_every_version(
    facilitator_client: Client,
    facilitator: Person,
    organisation: Organisation,
    group: PeerGroup,
) -> None:
    rule = actions.create_phrase_rule(
        by=facilitator,
        organisation=organisation,
        group=group,
        pattern="scales",
        action="hold",
    )
    url = reverse("safety:phrase-rule-detail", args=[organisation.slug, rule.pk])

    response = facilitator_client.post(
        url,
        {
            "pattern": "scale*",
            "action": "suggest_warning",
            "topic": "eating",
            "is_active": "on",
            "intent": "save",
        },
    )

    rule.refresh_from_db()
    assert response.status_code == 302
    assert (rule.version, rule.pattern, rule.topic) == (2, "scale*", "eating")
    page = facilitator_client.get(url).content.decode()
    assert "Version 2" in page and "Version 1" in page
    assert "“scales”, hold for review, on." in page
    assert "by you" in page


def test_switching_a_rule_off_stops_it_at_once_and_a_double_click_adds_nothing(
    admin_client: Client,
    org_admin: Person,
    organisation: Organisation,
    group: PeerGroup,
    peer: Person,
) -> None:
    rule = actions.create_phrase_rule(
        by=org_admin, organisation=organisation, pattern="weigh in", action="hold"
    )
    url = reverse("safety:phrase-rule-switch", args=[organisation.slug, rule.pk])

    admin_client.post(url)
    admin_client.post(url)

    rule.refresh_from_db()
    assert rule.is_active is False
    assert PhraseRuleVersion.objects.filter(rule=rule).count() == 2
    assert _status_of_new_post(peer, group, "the weigh in again") == "published"
    admin_client.post(url, {"is_active": "on"})
    assert _status_of_new_post(peer, group, "the weigh in again") == "held"


def test_trying_a_sample_marks_where_rules_act_and_keeps_nothing(
    admin_client: Client, org_admin: Person, organisation: Organisation
) -> None:
    actions.create_phrase_rule(
        by=org_admin, organisation=organisation, pattern="hopeless*", action="hold"
    )
    actions.create_phrase_rule(
        by=org_admin,
        organisation=organisation,
        pattern="relapse",
        action="hold",
    )
    PhraseRule.objects.filter(pattern="relapse").update(is_active=False)

    response = admin_client.post(
        reverse("safety:phrase-rule-try", args=[organisation.slug]),
        {"sample": "Feeling <b>HOPELESSNESS</b> and a relapse"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>HOPELESSNESS</mark>" in page
    assert "&lt;b&gt;" in page
    assert "<mark>relapse</mark>" not in page
    assert PhraseRule.objects.count() == 2
    assert PhraseRuleVersion.objects.count() == 2


def test_trying_a_new_rule_before_saving_it_saves_nothing(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("safety:phrase-rule-create", args=[organisation.slug]),
        {
            "pattern": "weigh-in",
            "action": "hold",
            "sample": "after the weigh in",
            "intent": "try",
        },
    )

    assert response.status_code == 200
    assert "<mark>weigh in</mark>" in response.content.decode()
    assert not PhraseRule.objects.exists()


def test_a_pattern_that_cannot_be_used_is_explained_and_what_was_typed_stays(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("safety:phrase-rule-create", args=[organisation.slug]),
        {"pattern": "*", "action": "suggest_warning", "note": "kept words"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Type a word or phrase for the rule to look for." in page
    assert "Choose the topic for the content warning." in page
    assert "kept words" in page
    assert not PhraseRule.objects.exists()


def test_a_facilitator_reads_but_cannot_change_rules_for_every_group(
    facilitator_client: Client, org_admin: Person, organisation: Organisation
) -> None:
    rule = actions.create_phrase_rule(
        by=org_admin, organisation=organisation, pattern="weigh in", action="hold"
    )
    url = reverse("safety:phrase-rule-detail", args=[organisation.slug, rule.pk])

    page = facilitator_client.get(url)
    changed = facilitator_client.post(url, {"pattern": "x y", "action": "hold"})
    switched = facilitator_client.post(
        reverse("safety:phrase-rule-switch", args=[organisation.slug, rule.pk])
    )

    assert page.status_code == 200
    assert "Save the rule" not in page.content.decode()
    assert changed.status_code == 403
    assert switched.status_code == 403
    rule.refresh_from_db()
    assert (rule.pattern, rule.is_active, rule.version) == ("weigh in", True, 1)


def test_a_facilitator_adds_rules_only_to_groups_they_facilitate(
    facilitator_client: Client, organisation: Organisation, group: PeerGroup
) -> None:
    other = PeerGroupFactory.create(organisation=organisation)
    url = reverse("safety:phrase-rule-create", args=[organisation.slug])

    whole_service = facilitator_client.post(url, {"pattern": "ab", "action": "hold"})
    elsewhere = facilitator_client.post(
        url, {"group": other.pk, "pattern": "ab", "action": "hold"}
    )
    own = facilitator_client.post(
        url, {"group": group.pk, "pattern": "ab", "action": "hold"}
    )

    assert whole_service.status_code == 400
    assert "Choose the group it is for." in whole_service.content.decode()
    assert elsewhere.status_code == 400
    assert own.status_code == 302
    assert list(PhraseRule.objects.values_list("group", flat=True)) == [group.pk]


def test_another_groups_rule_is_not_found_for_a_facilitator(
    facilitator_client: Client, org_admin: Person, organisation: Organisation
) -> None:
    other = PeerGroupFactory.create(organisation=organisation)
    rule = actions.create_phrase_rule(
        by=org_admin,
        organisation=organisation,
        group=other,
        pattern="hidden rule",
        action="hold",
    )

    detail = facilitator_client.get(
        reverse("safety:phrase-rule-detail", args=[organisation.slug, rule.pk])
    )
    listing = facilitator_client.get(_list(organisation)).content.decode()

    assert detail.status_code == 404
    assert "hidden rule" not in listing


def test_peers_and_supervisors_find_no_phrase_rules_page(
    peer_client: Client, supervisor_client: Client, organisation: Organisation
) -> None:
    assert peer_client.get(_list(organisation)).status_code == 404
    assert supervisor_client.get(_list(organisation)).status_code == 404


def test_the_list_page_reads_in_a_few_queries_however_many_rules(
    admin_client: Client,
    org_admin: Person,
    organisation: Organisation,
    group: PeerGroup,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(30):
        actions.create_phrase_rule(
            by=org_admin,
            organisation=organisation,
            group=group if number % 2 else None,
            pattern=f"phrase number{number}",
            action="hold",
        )

    with django_assert_max_num_queries(16):
        response = admin_client.get(_list(organisation))

    assert response.content.decode().count('class="card phrase-rule') == 30


def test_the_duty_page_and_the_queue_lead_to_the_phrase_rules(
    facilitator_client: Client,
    supervisor_client: Client,
    organisation: Organisation,
    group: PeerGroup,
) -> None:
    rules = _list(organisation)

    duty = facilitator_client.get(reverse("safety:duty")).content.decode()
    queue = facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    supervisor_duty = supervisor_client.get(reverse("safety:duty")).content.decode()

    assert f'href="{rules}"' in duty
    assert f'href="{rules}"' in queue.content.decode()
    assert f'href="{rules}"' not in supervisor_duty


def test_trying_with_no_words_asks_for_some_and_saves_nothing(
    admin_client: Client, organisation: Organisation
) -> None:
    url = reverse("safety:phrase-rule-create", args=[organisation.slug])

    tried = admin_client.post(
        url, {"pattern": "weigh-in", "action": "hold", "intent": "try"}
    )
    # Pressing Enter in a box sends the first button, Save.
    saved = admin_client.post(url, {"pattern": "weigh-in", "action": "hold"})

    assert tried.status_code == 400
    assert "Type some words here to try the rule on." in tried.content.decode()
    assert 'value="weigh-in"' in tried.content.decode()
    assert saved.status_code == 302
    assert PhraseRule.objects.count() == 1
