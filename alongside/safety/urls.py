from django.urls import path

from . import help_views, phrase_views, views

app_name = "safety"

urlpatterns = [
    path(
        "groups/<int:group_id>/posts/<int:post_id>/report/",
        views.post_report,
        name="post-report",
    ),
    path(
        "groups/<int:group_id>/posts/<int:post_id>/remove-details/",
        views.post_redact,
        name="post-redact",
    ),
    path(
        "groups/<int:group_id>/posts/<int:post_id>/look-again/",
        views.post_appeal,
        name="post-appeal",
    ),
    path("groups/<int:group_id>/queue/", views.queue, name="queue"),
    path(
        "groups/<int:group_id>/queue/<int:post_id>/",
        views.queue_decide,
        name="queue-decide",
    ),
    path("decisions/<int:decision_id>/", views.decision_detail, name="decision-detail"),
    path("duty/", views.duty, name="duty"),
    path(
        "alerts/<int:escalation_id>/",
        views.escalation_detail,
        name="escalation-detail",
    ),
    path(
        "alerts/<int:escalation_id>/acknowledge/",
        views.escalation_acknowledge,
        name="escalation-acknowledge",
    ),
    path(
        "alerts/<int:escalation_id>/message/",
        views.escalation_message,
        name="escalation-message",
    ),
    path("help/<int:call_id>/", help_views.help_alert, name="help-alert"),
    path("<slug:slug>/help-now/", help_views.help_now, name="help-now"),
    path(
        "<slug:organisation_slug>/escalation-chain/",
        views.chain_edit,
        name="chain-edit",
    ),
    path(
        "<slug:organisation_slug>/phrase-rules/",
        phrase_views.rule_list,
        name="phrase-rule-list",
    ),
    path(
        "<slug:organisation_slug>/phrase-rules/new/",
        phrase_views.rule_create,
        name="phrase-rule-create",
    ),
    path(
        "<slug:organisation_slug>/phrase-rules/try/",
        phrase_views.rule_try,
        name="phrase-rule-try",
    ),
    path(
        "<slug:organisation_slug>/phrase-rules/<int:rule_id>/",
        phrase_views.rule_detail,
        name="phrase-rule-detail",
    ),
    path(
        "<slug:organisation_slug>/phrase-rules/<int:rule_id>/switch/",
        phrase_views.rule_switch,
        name="phrase-rule-switch",
    ),
    path(
        "<slug:organisation_slug>/incidents/",
        views.incident_list,
        name="incident-list",
    ),
    path(
        "<slug:organisation_slug>/incidents/new/",
        views.incident_create,
        name="incident-create",
    ),
    path(
        "<slug:organisation_slug>/incidents/<int:incident_id>/",
        views.incident_detail,
        name="incident-detail",
    ),
    path(
        "<slug:organisation_slug>/incidents/<int:incident_id>/follow-up/",
        views.incident_update,
        name="incident-update",
    ),
]
