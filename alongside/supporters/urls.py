from django.urls import path

from . import debrief_views, views

app_name = "supporters"

urlpatterns = [
    path("", views.index, name="index"),
    path("help/<int:help_request_id>/", views.help_detail, name="help-detail"),
    path("supervision/<int:session_id>/", views.session_detail, name="session-detail"),
    path(
        "check-ins/<int:check_in_id>/share/",
        views.check_in_share,
        name="check-in-share",
    ),
    path("shifts/<int:shift_id>/swap/", views.shift_swap, name="shift-swap"),
    path("shifts/<int:shift_id>/take/", views.shift_take, name="shift-take"),
    path(
        "debriefs/<int:facilitated_id>/write/",
        debrief_views.debrief,
        name="debrief",
    ),
    path(
        "debriefs/<int:debrief_id>/",
        debrief_views.debrief_detail,
        name="debrief-detail",
    ),
    path("<slug:slug>/", views.mine, name="mine"),
    path("<slug:slug>/debriefs/", debrief_views.debrief_list, name="debrief-list"),
    path("<slug:slug>/help/", views.help_ask, name="help-ask"),
    path("<slug:slug>/training/", views.training, name="training"),
    path(
        "<slug:slug>/training/<int:module_id>/remove/",
        views.module_remove,
        name="module-remove",
    ),
    path(
        "<slug:slug>/training/<int:module_id>/restore/",
        views.module_restore,
        name="module-restore",
    ),
    path(
        "<slug:slug>/training/record/",
        views.training_record,
        name="training-record",
    ),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/registration/", views.registration, name="registration"),
    path("<slug:slug>/supervision/new/", views.session_create, name="session-create"),
    path("<slug:slug>/check-in/", views.check_in, name="check-in"),
    path("<slug:slug>/caseload/", views.caseload, name="caseload"),
    path("<slug:slug>/rota/", views.rota, name="rota"),
]
