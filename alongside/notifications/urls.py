from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.mark_read_all, name="inbox-read"),
    path("<int:notification_id>/", views.notification_open, name="notification-open"),
]
