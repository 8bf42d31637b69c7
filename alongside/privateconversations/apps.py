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
