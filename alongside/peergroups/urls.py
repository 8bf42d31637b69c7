from django.urls import path

from . import views

app_name = "peergroups"

urlpatterns = [
    path("", views.group_list, name="group-list"),
    path("new/<slug:organisation_slug>/", views.group_create, name="group-create"),
    path("<int:group_id>/", views.group_detail, name="group-detail"),
    path("<int:group_id>/join/", views.group_join, name="group-join"),
    path("<int:group_id>/pause/", views.membership_pause, name="membership-pause"),
    path("<int:group_id>/return/", views.membership_return, name="membership-return"),
    path("<int:group_id>/leave/", views.group_leave, name="group-leave"),
    path("<int:group_id>/my-name/", views.display_name_edit, name="display-name-edit"),
    path("<int:group_id>/requests/", views.request_list, name="request-list"),
    path(
        "<int:group_id>/requests/<int:membership_id>/approve/",
        views.request_approve,
        name="request-approve",
    ),
    path(
        "<int:group_id>/requests/<int:membership_id>/decline/",
        views.request_decline,
        name="request-decline",
    ),
]
