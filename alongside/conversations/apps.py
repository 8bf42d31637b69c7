from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    """Group threads and live rooms: posts, content warnings, personal filters and
    supportive responses."""

    name = "alongside.conversations"
    label = "conversations"

    def ready(self) -> None:
        from allauth.account.signals import (
            password_changed,
            password_reset,
            password_set,
        )
        from django.contrib.auth.signals import user_logged_out

        from .live import close_sockets_after_password_change, close_sockets_of_session

        user_logged_out.connect(
            close_sockets_of_session, dispatch_uid="conversations-close-on-logout"
        )
        for signal in (password_changed, password_set, password_reset):
            signal.connect(
                close_sockets_after_password_change,
                dispatch_uid="conversations-close-on-password",
            )
