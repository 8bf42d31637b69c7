"""Peers' words are sealed at rest under their group's key (alongside/sealing/): the
database alone reveals none of them, the keys live only in a database
of their own, the master key can be rotated, and deleting a group destroys its key so
that its words cannot be recovered, even from a copy of the main database.

Marker strings stand in for peers' words; they are never printed.
"""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.models import Model
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import Settings

from alongside.agreements.models import (
    Agreement,
    AgreementItem,
    AgreementVersion,
    Comment,
    Proposal,
    ProposalChange,
)
from alongside.agreements.models import Response as AgreementResponse
from alongside.conversations.models import Post, Thread
from alongside.conversations.tests.factories import open_room, person_in
from alongside.core import crypto
from alongside.insights.models import Answer, Kind
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.retention.actions import delete_group, delete_orphan_keys
from alongside.safety.models import HoldAppeal, Incident, ModerationDecision, Report
from alongside.sealing import keys
from alongside.sealing.fields import seal_plain_rows
from alongside.sealing.keys import (
    REMOVED_PLACEHOLDER,
    UNREADABLE_PLACEHOLDER,
    forget_keys,
    open_envelope,
)
from alongside.sealing.models import GroupKey

NEW_MASTER_KEY = base64.b64encode(b"n" * 32).decode()


def marker() -> str:
    return f"marker-{uuid.uuid4().hex}"


def raw_value(model: type[Model], pk: int | None, column: str) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        value: str = cursor.fetchone()[0]
    return value


def every_stored_value(alias: str = "default") -> list[str]:
    """Every column of every row of every table of one database, read with plain
    SQL."""
    values: list[str] = []
    database = connections[alias]
    with database.cursor() as cursor:
        for table in database.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {database.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        values.append(bytes(value).decode("latin-1"))
                    elif value is not None:
                        values.append(str(value))
    return values


def post_in(group: PeerGroup, body: str, **fields: object) -> Post:
    author = person_in(group)
    thread = Thread.objects.create(group=group, author=author, title="A title")
    return Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        body=body,
        client_id=uuid.uuid4(),
        **fields,
    )


def words_in_every_sealed_field(group: PeerGroup) -> list[str]:
    """One marker in each sealed field; returns the markers."""
    markers: list[str] = []

    def new() -> str:
        markers.append(marker())
        return markers[-1]

    author = person_in(group)
    thread = Thread.objects.create(group=group, author=author, title=new())
    post = Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        body=new(),
        content_warning="other",
        content_warning_text=new(),
        client_id=uuid.uuid4(),
    )
    Post.objects.create(
        group=group,
        room=open_room(group),
        author=author,
        body=new(),
        client_id=uuid.uuid4(),
    )
    agreement = Agreement.objects.create(group=group)
    version = AgreementVersion.objects.create(
        agreement=agreement, number=1, breach_response=new()
    )
    AgreementItem.objects.create(version=version, text=new(), why=new())
    proposal = Proposal.objects.create(
        agreement=agreement, proposed_by=author, reason=new()
    )
    ProposalChange.objects.create(
        proposal=proposal, action="add", text=new(), why=new()
    )
    AgreementResponse.objects.create(
        proposal=proposal, person=author, choice="concern", reason=new()
    )
    Comment.objects.create(proposal=proposal, person=author, text=new())
    Report.objects.create(
        post=post, group=group, reporter=author, reason="other", note=new()
    )
    HoldAppeal.objects.create(post=post, note=new())
    ModerationDecision.objects.create(
        post=post,
        group=group,
        decided_by=author,
        action="hide",
        reason=new(),
        note_to_author=new(),
        author_reply=new(),
    )
    Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened=new(),
        actions_taken=new(),
        outcome=new(),
        follow_up=new(),
    )
    Answer.objects.create(
        group=group, kind=Kind.PARTING, answered_on=date(2026, 1, 31), text=new()
    )
    return markers


@pytest.mark.django_db
def test_the_database_alone_reveals_no_peers_words(group: PeerGroup) -> None:
    markers = words_in_every_sealed_field(group)

    stored = "\n".join(every_stored_value())
    assert len(markers) == 22
    revealed = [m for m in markers if m in stored]
    assert revealed == []
    # The check can fail: the words are there, read through the models.
    assert Thread.objects.get(group=group).title == markers[0]
    assert Post.objects.filter(group=group).first().body == markers[1]  # type: ignore[union-attr]
    assert Incident.objects.get().follow_up == markers[-2]
    assert "sealed1:" in stored


@pytest.mark.django_db
def test_the_same_words_are_sealed_differently_each_time(group: PeerGroup) -> None:
    words = marker()
    first, second = post_in(group, words), post_in(group, words)
    assert raw_value(Post, first.pk, "body") != raw_value(Post, second.pk, "body")
    first.refresh_from_db()
    assert first.body == words


@pytest.mark.django_db
def test_each_group_has_its_own_key(group: PeerGroup) -> None:
    other = PeerGroup.objects.create(
        organisation=group.organisation,
        name="Other",
        slug="other",
        shared_experience="x",
    )
    post_in(group, marker())
    post_in(other, marker())
    assert GroupKey.objects.filter(group_id__in=[group.pk, other.pk]).count() == 2
    keys = GroupKey.objects.values_list("key_id", flat=True)
    assert len(set(keys)) == len(keys)


@pytest.mark.django_db
def test_words_moved_to_another_field_do_not_open(group: PeerGroup) -> None:
    """The envelope is bound to its model and field."""
    post = post_in(group, marker())
    envelope = raw_value(Post, post.pk, "body")
    with pytest.raises(crypto.SealBroken):
        open_envelope(envelope, "conversations.Thread.title")


@pytest.mark.django_db
def test_plain_words_cannot_be_written_around_save(group: PeerGroup) -> None:
    post = post_in(group, marker())
    with pytest.raises(ValueError, match="is sealed"), transaction.atomic():
        Post.objects.filter(pk=post.pk).update(body=marker())
    with pytest.raises(FieldError, match="Unsupported lookup"):
        list(Post.objects.filter(body__icontains="anything"))
    # Clearing is allowed.
    Thread.objects.filter(posts=post).update(title="")


@pytest.mark.django_db
def test_rows_written_before_sealing_are_sealed_by_the_migration_step(
    group: PeerGroup,
) -> None:
    post = post_in(group, marker())
    words = marker()
    table = connection.ops.quote_name(Post._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET body = %s WHERE id = %s", [words, post.pk])  # noqa: S608
    post.refresh_from_db()
    assert post.body == words  # still readable before the migration step

    assert seal_plain_rows(Post, ["body", "content_warning_text"]) == 1
    assert seal_plain_rows(Post, ["body", "content_warning_text"]) == 0
    assert words not in raw_value(Post, post.pk, "body")
    post.refresh_from_db()
    assert post.body == words


@pytest.mark.django_db
def test_the_main_database_holds_no_key_material(group: PeerGroup) -> None:
    post_in(group, marker())
    Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened=marker(),
    )
    keys = list(GroupKey.objects.all())
    assert len(keys) == 2
    assert GroupKey.objects.db == "keys"

    main = "\n".join(every_stored_value("default"))
    tables = connection.introspection.table_names()
    assert GroupKey._meta.db_table not in tables
    for key in keys:
        assert key.key_id not in main
        assert key.wrapped_key not in main
        assert key.wrapped_key[:24] not in main
    # The check can fail: the keys database holds them.
    assert keys[0].wrapped_key in "\n".join(every_stored_value("keys"))


@pytest.mark.django_db
def test_a_copy_of_the_main_database_cannot_be_read_after_the_group_is_deleted(
    group: PeerGroup,
) -> None:
    words = marker()
    post = post_in(group, words)
    incident_words = marker()
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened=incident_words,
    )
    # A backup of the whole main database, taken before the group is deleted.
    backup = every_stored_value("default")
    envelope = raw_value(Post, post.pk, "body")
    assert envelope in backup
    key_id = crypto.envelope_key_id(envelope)
    group_id = group.pk
    admin = person_in_state("org admin", group)

    with TestCase.captureOnCommitCallbacks(execute=True):
        delete_group(person=admin, group=group)

    # The process that deleted it forgets the key at once, without waiting.
    assert open_envelope(envelope, "conversations.Post.body") == REMOVED_PLACEHOLDER
    assert not GroupKey.objects.filter(key_id=key_id.hex()).exists()
    assert not GroupKey.objects.filter(group_id=group_id).exists()
    # With the master key, neither a key in the main database's copy nor any key
    # left in the keys database opens the words.
    wrapped_in_backup = [value for value in backup if value.count(":") == 0]
    for key in GroupKey.objects.all():
        assert key.wrapped_key not in wrapped_in_backup
        data_key = crypto.unwrap_data_key(
            bytes.fromhex(key.key_id), key.wrapped_key, key.wrapped_by
        )
        for value in backup:
            if crypto.is_sealed(value):
                try:
                    opened = crypto.open_sealed(
                        value, data_key, "conversations.Post.body"
                    )
                except crypto.SealBroken:
                    continue
                assert words not in opened
    assert [value for value in backup if key_id.hex() in value] == []
    # The incident log is the organisation's and stays readable.
    incident.refresh_from_db()
    assert incident.group is None
    assert incident.what_happened == incident_words


@pytest.mark.django_db
def test_a_deletion_that_is_rolled_back_keeps_the_key(group: PeerGroup) -> None:
    words = marker()
    post = post_in(group, words)
    group_id = group.pk
    admin = person_in_state("org admin", group)
    with (
        TestCase.captureOnCommitCallbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        delete_group(person=admin, group=group)
        raise RuntimeError
    assert callbacks == []
    assert GroupKey.objects.filter(group_id=group_id).exists()
    post.refresh_from_db()
    assert post.body == words


@pytest.mark.django_db
def test_deleting_an_organisation_deletes_its_keys(group: PeerGroup) -> None:
    post_in(group, marker())
    Incident.objects.create(
        organisation=group.organisation,
        category="other",
        severity="low",
        what_happened=marker(),
    )
    organisation_id, group_id = group.organisation.pk, group.pk
    assert GroupKey.objects.count() == 2
    with TestCase.captureOnCommitCallbacks(execute=True):
        group.organisation.delete()
    assert not GroupKey.objects.filter(group_id=group_id).exists()
    assert not GroupKey.objects.filter(organisation_id=organisation_id).exists()


@pytest.mark.django_db
def test_keys_left_behind_by_a_deletion_are_swept(group: PeerGroup) -> None:
    post_in(group, marker())
    other = PeerGroup.objects.create(
        organisation=group.organisation,
        name="Other",
        slug="other",
        shared_experience="x",
    )
    post_in(other, marker())
    other_id = other.pk
    other.delete()  # its on-commit deletion never runs here
    assert GroupKey.objects.count() == 2
    assert delete_orphan_keys() == 1
    assert GroupKey.objects.filter(group_id=group.pk).exists()
    assert not GroupKey.objects.filter(group_id=other_id).exists()


@pytest.mark.django_db
def test_words_that_cannot_be_opened_read_as_a_placeholder_and_are_logged(
    group: PeerGroup, caplog: pytest.LogCaptureFixture
) -> None:
    words = marker()
    post = post_in(group, words)
    table = connection.ops.quote_name(Post._meta.db_table)
    update = f"UPDATE {table} SET body = %s WHERE id = %s"  # noqa: S608
    envelope = raw_value(Post, post.pk, "body")
    altered = (
        envelope[:-6]
        + ("AAAA" if envelope[-6:-2] != "AAAA" else "BBBB")
        + envelope[-2:]
    )
    legacy = f"sealed1: {words}"
    with caplog.at_level(logging.WARNING, logger="alongside.sealing.keys"):
        for stored in (altered, legacy):
            with connection.cursor() as cursor:
                cursor.execute(update, [stored, post.pk])
            post.refresh_from_db()
            assert post.body == UNREADABLE_PLACEHOLDER
    assert len(caplog.records) == 2
    assert "conversations.Post.body" in caplog.text
    assert words not in caplog.text


@pytest.mark.django_db
def test_words_whose_key_is_gone_read_as_removed(group: PeerGroup) -> None:
    post = post_in(group, marker())
    GroupKey.objects.filter(group_id=group.pk).delete()
    post.refresh_from_db()
    assert post.body == REMOVED_PLACEHOLDER


@pytest.mark.django_db
def test_rotating_the_master_key(group: PeerGroup, settings: Settings) -> None:
    words = marker()
    post = post_in(group, words)
    old_key = settings.ALONGSIDE_MASTER_KEY
    settings.ALONGSIDE_MASTER_KEY = NEW_MASTER_KEY
    settings.ALONGSIDE_OLD_MASTER_KEYS = []
    forget_keys()

    # Before rotation, without the old key, nothing opens.
    with pytest.raises(ImproperlyConfigured):
        Post.objects.get(pk=post.pk)

    settings.ALONGSIDE_OLD_MASTER_KEYS = [old_key]
    forget_keys()
    assert Post.objects.get(pk=post.pk).body == words
    out = StringIO()
    call_command("rotate_master_key", stdout=out)
    assert "Rewrapped 1 keys; 0 were already" in out.getvalue()
    again = StringIO()
    call_command("rotate_master_key", stdout=again)
    assert "Rewrapped 0 keys; 1 were already" in again.getvalue()

    settings.ALONGSIDE_OLD_MASTER_KEYS = []
    forget_keys()
    assert Post.objects.get(pk=post.pk).body == words
    assert GroupKey.objects.get(group_id=group.pk).wrapped_by == crypto.master_key_id(
        base64.b64decode(NEW_MASTER_KEY)
    )
    # New words are sealed under the same group key, now wrapped by the new master key.
    assert post_in(group, words).body == words


@pytest.mark.django_db
def test_rotation_stops_when_an_old_key_is_missing(
    group: PeerGroup, settings: Settings
) -> None:
    post_in(group, marker())
    settings.ALONGSIDE_MASTER_KEY = NEW_MASTER_KEY
    settings.ALONGSIDE_OLD_MASTER_KEYS = []
    forget_keys()
    with pytest.raises(Exception, match="is not configured"):
        call_command("rotate_master_key", stdout=StringIO())


# ---- Deleting a group ----


def admin_client_for(group: PeerGroup) -> Client:
    client = Client()
    client.force_login(person_in_state("org admin", group))
    return client


@pytest.mark.django_db
def test_admin_deletes_a_group_after_typing_its_name(group: PeerGroup) -> None:
    post_in(group, marker())
    client = admin_client_for(group)
    url = reverse("retention:group-delete", args=[group.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "cannot be undone" in page.content.decode()

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"name": group.name})
    assert response.status_code == 302
    assert not PeerGroup.objects.filter(pk=group.pk).exists()
    assert not GroupKey.objects.filter(group_id=group.pk).exists()
    assert not Post.objects.filter(group_id=group.pk).exists()


@pytest.mark.django_db
def test_a_wrong_name_deletes_nothing(group: PeerGroup) -> None:
    client = admin_client_for(group)
    url = reverse("retention:group-delete", args=[group.pk])
    response = client.post(url, {"name": "Not the name"})
    assert response.status_code == 200
    assert "Nothing has been deleted" in response.content.decode()
    assert PeerGroup.objects.filter(pk=group.pk).exists()


@pytest.mark.django_db
def test_a_facilitator_cannot_delete_the_group(group: PeerGroup) -> None:
    facilitator = person_in_state("facilitator", group)
    client = Client()
    client.force_login(facilitator)
    url = reverse("retention:group-delete", args=[group.pk])
    assert client.post(url, {"name": group.name}).status_code == 403
    assert PeerGroup.objects.filter(pk=group.pk).exists()


@pytest.mark.django_db
def test_deleting_a_group_closes_its_live_sockets(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = person_in(group)
    closed: list[tuple[int, int | None]] = []
    monkeypatch.setattr(
        "alongside.retention.actions.close_live_sockets",
        lambda *, person_id, group_id=None, session_key=None: closed.append(
            (person_id, group_id)
        ),
    )
    admin = person_in_state("org admin", group)
    group_id = group.pk
    with TestCase.captureOnCommitCallbacks(execute=True):
        delete_group(person=admin, group=group)
    assert (member.pk, group_id) in closed


@pytest.mark.django_db
def test_sealing_reads_the_key_row_once_while_the_key_is_kept(
    group: PeerGroup,
) -> None:
    first = post_in(group, marker())
    with CaptureQueriesContext(connections["keys"]) as keys_queries:
        second = post_in(group, marker())
    assert len(keys_queries) == 0
    first_key = crypto.envelope_key_id(raw_value(Post, first.pk, "body"))
    assert crypto.envelope_key_id(raw_value(Post, second.pk, "body")) == first_key


@pytest.mark.django_db
def test_sealing_reads_the_key_row_again_once_the_kept_key_expires(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    post_in(group, marker())
    monkeypatch.setattr(keys, "KEY_CACHE_SECONDS", 0)
    with CaptureQueriesContext(connections["keys"]) as keys_queries:
        post_in(group, marker())
    # Read again for each of the two seals: the conversation's title and the words.
    assert len(keys_queries) == 2


@pytest.mark.django_db
def test_a_deleted_key_is_never_used_to_seal_again(group: PeerGroup) -> None:
    first = post_in(group, marker())
    deleted_key = crypto.envelope_key_id(raw_value(Post, first.pk, "body"))
    GroupKey.objects.filter(group_id=group.pk).delete()
    words = marker()
    second = post_in(group, words)
    new_key = crypto.envelope_key_id(raw_value(Post, second.pk, "body"))
    assert new_key != deleted_key
    second.refresh_from_db()
    assert second.body == words
