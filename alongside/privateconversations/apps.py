from typing import Any

from django.apps import AppConfig


class PrivateConversationsConfig(AppConfig):
    """Private conversations between a person and people who support them (the
    organisation's team now, a one-to-one supporter later): sealed, screened, live."""

    name = "alongside.privateconversations"
    label = "privateconversations"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from alongside.peergroups.sealing import delete_key_after_commit

        def _delete_key(sender: object, instance: object, **kwargs: object) -> None:
            using = kwargs.get("using") or "default"
            delete_key_after_commit(instance, using=str(using))  # type: ignore[arg-type]

        post_delete.connect(
            _delete_key,
            sender="privateconversations.Conversation",
            dispatch_uid="delete-conversation-key",
            weak=False,
        )

        from alongside.organisations.actions import role_changed

        def _settle_teams(sender: object, place: Any, **kwargs: object) -> None:
            from alongside.privateconversations.actions import settle_teams_of

            settle_teams_of(
                person_id=place.person_id, organisation_id=place.organisation_id
            )

        role_changed.connect(
            _settle_teams, dispatch_uid="settle-teams-on-role-change", weak=False
        )
