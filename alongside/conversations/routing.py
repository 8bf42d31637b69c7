"""WebSocket routes for live rooms."""

from django.urls import path

from .consumers import LiveRoomConsumer

websocket_urlpatterns = [
    path("ws/groups/<int:group_id>/live/", LiveRoomConsumer.as_asgi()),
]
