from django.urls import path

from . import role_views, views

app_name = "organisations"

urlpatterns = [
    path("help/", views.get_help, name="help"),
    path("<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path(
        "<slug:slug>/confidentiality/",
        views.confidentiality,
        name="confidentiality",
    ),
    path("<slug:slug>/settings/", views.organisation_settings, name="settings-edit"),
    path("<slug:slug>/settings/kind/", views.organisation_kind, name="kind-edit"),
    path("<slug:slug>/invitations/", views.invitation_list, name="invitation-list"),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/restore/",
        views.invitation_restore,
        name="invitation-restore",
    ),
    path("<slug:slug>/people/", role_views.people, name="people"),
    path(
        "<slug:slug>/people/<int:role_id>/", role_views.role_change, name="role-change"
    ),
    path("<slug:slug>/directory/", views.directory_manage, name="directory-manage"),
    path(
        "<slug:slug>/directory/<int:service_id>/",
        views.directory_edit,
        name="directory-edit",
    ),
    path(
        "<slug:slug>/directory/<int:service_id>/remove/",
        views.directory_remove,
        name="directory-remove",
    ),
    path(
        "<slug:slug>/directory/<int:service_id>/restore/",
        views.directory_restore,
        name="directory-restore",
    ),
]
