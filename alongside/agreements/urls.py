from django.urls import path

from . import views

app_name = "agreements"

group = "groups/<int:group_id>/agreement/"
proposal = group + "proposals/<int:proposal_id>/"

urlpatterns = [
    path(group, views.agreement_detail, name="agreement-detail"),
    path(group + "print/", views.agreement_print, name="agreement-print"),
    path(group + "pdf/", views.agreement_pdf, name="agreement-pdf"),
    path(group + "history/", views.version_list, name="version-list"),
    path(group + "versions/<int:number>/", views.version_detail, name="version-detail"),
    path(group + "confirm/", views.reading_confirm, name="reading-confirm"),
    path(group + "talk-first/", views.reading_talk_first, name="reading-talk-first"),
    path(group + "propose/", views.proposal_create, name="proposal-create"),
    path(proposal, views.proposal_detail, name="proposal-detail"),
    path(proposal + "respond/", views.response_save, name="response-save"),
    path(
        proposal + "withdraw-objection/",
        views.objection_withdraw,
        name="objection-withdraw",
    ),
    path(proposal + "discuss/", views.comment_create, name="comment-create"),
    path(proposal + "amend/", views.proposal_amend, name="proposal-amend"),
    path(proposal + "withdraw/", views.proposal_withdraw, name="proposal-withdraw"),
    path(proposal + "adopt/", views.proposal_adopt, name="proposal-adopt"),
    path(group + "review/", views.review_start, name="review-start"),
    path(group + "settings/", views.agreement_settings, name="agreement-settings"),
    path(group + "talk/", views.talk_list, name="talk-list"),
    path(
        "services/<slug:slug>/agreement-items/",
        views.organisation_items,
        name="organisation-items",
    ),
    path(
        "services/<slug:slug>/agreement-items/<int:item_id>/",
        views.organisation_item_edit,
        name="organisation-item-edit",
    ),
    path(
        "services/<slug:slug>/agreement-items/<int:item_id>/remove/",
        views.organisation_item_remove,
        name="organisation-item-remove",
    ),
    path(
        "services/<slug:slug>/agreement-items/<int:item_id>/restore/",
        views.organisation_item_restore,
        name="organisation-item-restore",
    ),
]
