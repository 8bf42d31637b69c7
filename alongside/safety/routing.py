"""WebSocket route for staff alerts."""

from django.urls import path

from .consumers import DutyAlertConsumer

websocket_urlpatterns = [
    path("ws/duty/", DutyAlertConsumer.as_asgi()),
]
