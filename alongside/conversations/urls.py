from django.urls import path

from . import views

app_name = "conversations"

urlpatterns = [
    path("content-filters/", views.filters_edit, name="filters-edit"),
    path("<int:group_id>/talk/", views.thread_list, name="thread-list"),
    path("<int:group_id>/talk/new/", views.thread_create, name="thread-create"),
    path(
        "<int:group_id>/talk/<int:thread_id>/",
        views.thread_detail,
        name="thread-detail",
    ),
    path(
        "<int:group_id>/talk/<int:thread_id>/reply/",
        views.post_reply,
        name="post-reply",
    ),
    path("<int:group_id>/posts/<int:post_id>/edit/", views.post_edit, name="post-edit"),
    path(
        "<int:group_id>/posts/<int:post_id>/delete/",
        views.post_delete,
        name="post-delete",
    ),
    path(
        "<int:group_id>/posts/<int:post_id>/respond/",
        views.post_respond,
        name="post-respond",
    ),
    path("<int:group_id>/live/", views.live_room, name="live-room"),
    path("<int:group_id>/live/send/", views.live_send, name="live-send"),
    path("<int:group_id>/live/room/", views.room_manage, name="room-manage"),
    path("<int:group_id>/live/step-away/", views.step_away, name="step-away"),
    path(
        "<int:group_id>/taking-part/",
        views.participation_edit,
        name="participation-edit",
    ),
]
