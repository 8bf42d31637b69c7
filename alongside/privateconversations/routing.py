"""WebSocket routes for private conversations."""

from django.urls import path

from .consumers import PrivateConversationConsumer, PrivateNoticesConsumer

websocket_urlpatterns = [
    path("ws/private/<int:conversation_id>/", PrivateConversationConsumer.as_asgi()),
    path("ws/private/", PrivateNoticesConsumer.as_asgi()),
]
