from django.urls import path

from . import views

app_name = "privateconversations"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path(
        "<int:conversation_id>/", views.conversation_detail, name="conversation-detail"
    ),
    path("<int:conversation_id>/send/", views.message_send, name="message-send"),
    path(
        "<int:conversation_id>/earlier/",
        views.earlier_messages,
        name="earlier-messages",
    ),
    path(
        "<int:conversation_id>/leave/",
        views.conversation_leave,
        name="conversation-leave",
    ),
    path(
        "<int:conversation_id>/someone-else/", views.someone_else, name="someone-else"
    ),
    path(
        "<int:conversation_id>/messages/<int:message_id>/share/",
        views.held_share,
        name="held-share",
    ),
    path("waiting/<int:conversation_id>/", views.waiting_detail, name="waiting-detail"),
    path("team/<slug:organisation_slug>/", views.team_message, name="team-message"),
]
