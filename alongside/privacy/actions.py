"""Erasing a person's account, following the registry."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.core.live import close_live_sockets
from alongside.organisations.models import Organisation

from .permissions import check_erase_account
from .registry import REGISTRY


@transaction.atomic
def erase_account(*, person: Person, keep_posts: bool) -> None:
    """Erase the person's account and everything the registry says goes with it.

    Precondition: the person may erase (`check_erase_account`): no organisation is
    left without an admin. The check is made once the organisations they administer
    are locked, so it sees any other admin's erasure or stepping down that got there
    first. The caller has confirmed the password and signs the browser out.

    Side effects: words that stay as rows are erased first (each entry's `prepare`),
    then the account row, which deletes or detaches every linked row as the
    registry states. After commit, every session of the person is ended (their
    cached copies too) and every live socket they have is closed.
    """
    lock_organisations_administered_by(person)
    check_erase_account(person)
    for entry in REGISTRY:
        if entry.prepare is not None:
            entry.prepare(person=person, keep_posts=keep_posts)
    person_id = person.pk
    person.delete()
    transaction.on_commit(lambda: end_sessions_of(person_id))
    transaction.on_commit(lambda: close_live_sockets(person_id=person_id))


def lock_organisations_administered_by(person: Person) -> None:
    """Lock the rows of the organisations the person administers, until the
    transaction ends. Two admins erasing their accounts at once, or one erasing while
    another steps down on People and roles (`organisations.actions.change_role`
    takes the same lock), take turns: the second waits, then finds the first's
    change. Locked in id order, so that two people waiting on each other's
    organisations cannot deadlock."""
    list(
        Organisation.objects.administered_by(person).select_for_update().order_by("pk")
    )


def end_sessions_of(person_id: int) -> int:
    """End every stored session signed in as this person, in every browser.

    Each session is deleted through the configured engine, so the cached copy of a
    cached_db session goes as well. Engines that cannot list their sessions (cache
    only, signed cookies) rely on Django refusing a session whose person no longer
    exists. Returns how many were ended.
    """
    engine = import_module(settings.SESSION_ENGINE)
    store_class: type[SessionBase] = engine.SessionStore
    get_model_class = getattr(store_class, "get_model_class", None)
    if get_model_class is None:
        return 0
    ended = 0
    live_sessions = get_model_class().objects.filter(expire_date__gt=timezone.now())
    for session in live_sessions.iterator():
        data = session.get_decoded()
        if str(data.get("_auth_user_id", "")) == str(person_id):
            store_class(session_key=session.session_key).delete()
            ended += 1
    return ended
