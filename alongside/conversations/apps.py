from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    """Group threads and live rooms: posts, content warnings, personal filters and
    supportive responses."""

    name = "alongside.conversations"
    label = "conversations"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        from .live import close_sockets_of_session

        user_logged_out.connect(
            close_sockets_of_session, dispatch_uid="conversations-close-on-logout"
        )
