"""The registry covers every link to a person, in every installed app."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from alongside.privacy.registry import REGISTRY, Erasure, entries_by_key

ON_DELETE = {Erasure.DELETE: models.CASCADE, Erasure.DETACH: models.SET_NULL}


def links_to_person() -> dict[str, models.Field[object, object]]:
    """Every foreign key and one-to-one to the person model, in every installed app
    (Django's, allauth's and ours), including many-to-many tables Django makes."""
    person_model = get_user_model()
    links: dict[str, models.Field[object, object]] = {}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields(include_hidden=True):
            if (
                field.concrete
                and field.is_relation
                and field.related_model is person_model
            ):
                if field.many_to_many:
                    # Walked as the foreign key of its own table.
                    continue
                links[f"{model._meta.label}.{field.name}"] = field  # type: ignore[assignment]
    return links


def test_every_link_to_a_person_is_in_the_registry() -> None:
    missing = set(links_to_person()) - set(entries_by_key())
    assert not missing, (
        "These refer to a person but the privacy registry "
        f"(alongside/privacy/registry.py) says nothing about them: {sorted(missing)}"
    )


def test_the_registry_names_no_link_that_is_gone() -> None:
    stale = set(entries_by_key()) - set(links_to_person())
    assert not stale, f"Registry entries for links that no longer exist: {stale}"


def test_the_walk_sees_third_party_and_many_to_many_links() -> None:
    links = links_to_person()
    assert "mfa.Authenticator.user" in links
    assert "account.EmailAddress.user" in links
    assert "safety.Escalation_alerted.person" in links


def test_each_entry_erases_the_way_its_link_deletes() -> None:
    links = links_to_person()
    for entry in REGISTRY:
        on_delete = links[entry.key].remote_field.on_delete  # type: ignore[union-attr]
        assert on_delete is ON_DELETE[entry.erasure], entry.key


def test_each_entry_is_exported_or_says_why_not() -> None:
    for entry in REGISTRY:
        assert (entry.export is None) == bool(entry.not_exported_because), entry.key
        assert entry.title and entry.what_erasure_does, entry.key


def test_each_link_has_one_entry() -> None:
    keys = [entry.key for entry in REGISTRY]
    assert len(keys) == len(set(keys))
