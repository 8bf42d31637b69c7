from django.urls import path

from . import views

app_name = "safetyplans"

mine = "my-plan/"

urlpatterns = [
    path(mine, views.plan_detail, name="plan-detail"),
    path(mine + "sections/<slug:section>/", views.section_edit, name="section-edit"),
    path(mine + "history/", views.version_list, name="version-list"),
    path(
        mine + "history/<int:version_number>/",
        views.version_detail,
        name="version-detail",
    ),
    path(mine + "print/", views.plan_print, name="plan-print"),
    path(mine + "print/<slug:layout>/", views.plan_pdf, name="plan-pdf"),
    path(mine + "sharing/", views.share_list, name="share-list"),
    path(
        mine + "sharing/<int:share_id>/stop/",
        views.share_revoke,
        name="share-revoke",
    ),
    path(mine + "reminder/", views.reminder_edit, name="reminder-edit"),
    path(mine + "pin/", views.pin_edit, name="pin-edit"),
    path(mine + "lock/", views.plan_lock, name="plan-lock"),
    path(mine + "unlock/", views.plan_unlock, name="plan-unlock"),
    path(mine + "unlock/forgotten/", views.pin_reset, name="pin-reset"),
    path("plans-shared-with-me/", views.shared_list, name="shared-list"),
    path(
        "plans-shared-with-me/<int:share_id>/",
        views.shared_detail,
        name="shared-detail",
    ),
    path("shared-plan/<str:token>/", views.link_view, name="link-view"),
]
