"""The phrase rules page: list an organisation's rules, add one, change one, switch
one off or on, try a sample on them, and see each rule's versions.

For the organisation's admins and its groups' facilitators, as the safety policy
says (`permissions`, from `permissions/phrase_rules.py`); every change goes
through `actions` (from `phrase_actions`). Samples typed to try the rules are
never kept or logged.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for, role_in

from . import actions
from .models import PhraseRule, PhraseRuleVersion, WarningTopic
from .permissions import (
    can_edit_phrase_rules,
    check_edit_phrase_rules,
    check_open_phrase_rules,
    get_phrase_rule_for,
    phrase_rule_groups_for,
    phrase_rules_visible_to,
)
from .phrase_forms import PhraseRuleForm, SampleForm
from .phrase_trial import try_rules
from .screening.phrases import PhraseRuleSpec


def _organisation(
    request: AuthenticatedRequest, organisation_slug: str
) -> Organisation:
    organisation = get_organisation_for(request.user, organisation_slug)
    check_open_phrase_rules(request.user, organisation)
    ensure_second_factor(request)
    return organisation


def _is_admin(request: AuthenticatedRequest, organisation: Organisation) -> bool:
    from alongside.organisations.models import Role

    return role_in(request.user, organisation) == Role.ADMIN


def _list_context(
    request: AuthenticatedRequest, organisation: Organisation
) -> dict[str, Any]:
    rules = list(
        phrase_rules_visible_to(request.user, organisation)
        .select_related("group")
        .order_by("group__name", "pattern", "pk")
    )
    editable = {
        group.pk for group in phrase_rule_groups_for(request.user, organisation)
    }
    is_admin = _is_admin(request, organisation)
    for rule in rules:
        rule.may_edit = is_admin or rule.group_id in editable  # type: ignore[attr-defined]
    return {
        "organisation": organisation,
        "whole_service": [rule for rule in rules if rule.group_id is None],
        "group_rules": [rule for rule in rules if rule.group_id is not None],
        "is_admin": is_admin,
    }


@login_required
@require_http_methods(["GET"])
def rule_list(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    organisation = _organisation(request, organisation_slug)
    context = _list_context(request, organisation)
    context["sample_form"] = SampleForm()
    return render(request, "safety/phrase_rules.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def rule_try(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    """Try a sample on every rule the person sees that is on. Nothing is saved."""
    organisation = _organisation(request, organisation_slug)
    context = _list_context(request, organisation)
    form = SampleForm(request.POST or None)
    context["sample_form"] = form
    if request.method == "POST" and form.is_valid():
        active = [
            rule
            for rule in (*context["whole_service"], *context["group_rules"])
            if rule.is_active
        ]
        context["trial"] = try_rules(form.cleaned_data["sample"], active)
    return render(
        request,
        "safety/phrase_rules.html",
        context,
        status=400 if form.errors else 200,
    )


def _trial_of(form: PhraseRuleForm) -> Any:
    """The form's own rule tried on its sample, before anything is saved."""
    if not form.cleaned_data.get("sample"):
        form.add_error("sample", "Type some words here to try the rule on.")
        return None
    spec = PhraseRuleSpec(
        pattern=form.cleaned_data["pattern"], action=form.cleaned_data["action"]
    )
    return try_rules(form.cleaned_data["sample"], [spec])


@login_required
@require_http_methods(["GET", "POST"])
def rule_create(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    organisation = _organisation(request, organisation_slug)
    is_admin = _is_admin(request, organisation)
    form = PhraseRuleForm(
        request.POST or None,
        groups=phrase_rule_groups_for(request.user, organisation),
        may_choose_whole_service=is_admin,
    )
    trial = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("intent") == "try":
            trial = _trial_of(form)
        else:
            try:
                rule = actions.create_phrase_rule(
                    by=request.user,
                    organisation=organisation,
                    group=form.cleaned_data["group"],
                    pattern=form.cleaned_data["pattern"],
                    action=form.cleaned_data["action"],
                    topic=form.cleaned_data["topic"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "The rule is saved. It acts from now on.")
                return redirect(
                    "safety:phrase-rule-detail",
                    organisation_slug=organisation.slug,
                    rule_id=rule.pk,
                )
    return render(
        request,
        "safety/phrase_rule_form.html",
        {"organisation": organisation, "form": form, "trial": trial, "rule": None},
        status=400 if form.errors else 200,
    )


def _versions(rule: PhraseRule) -> list[PhraseRuleVersion]:
    versions = list(rule.versions.order_by("-version"))
    for version in versions:
        version.topic_label = (  # type: ignore[attr-defined]
            WarningTopic(version.topic).label
            if version.topic in WarningTopic.values
            else ""
        )
    return versions


@login_required
@require_http_methods(["GET", "POST"])
def rule_detail(
    request: AuthenticatedRequest, organisation_slug: str, rule_id: int
) -> HttpResponse:
    """One rule and its versions; those who may change it change it here."""
    organisation = _organisation(request, organisation_slug)
    rule = get_phrase_rule_for(request.user, organisation, rule_id)
    may_edit = can_edit_phrase_rules(request.user, organisation, rule.group)
    if request.method == "POST":
        check_edit_phrase_rules(request.user, organisation, rule.group)
    form = PhraseRuleForm(
        request.POST or None,
        groups=phrase_rule_groups_for(request.user, organisation),
        may_choose_whole_service=False,
        editing=True,
        initial={
            "pattern": rule.pattern,
            "action": rule.action,
            "topic": rule.topic,
            "note": rule.note,
            "is_active": rule.is_active,
        },
    )
    trial = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("intent") == "try":
            trial = _trial_of(form)
        else:
            try:
                actions.update_phrase_rule(
                    by=request.user,
                    rule=rule,
                    pattern=form.cleaned_data["pattern"],
                    action=form.cleaned_data["action"],
                    topic=form.cleaned_data["topic"],
                    is_active=form.cleaned_data["is_active"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "The rule is saved. The change acts now.")
                return redirect(
                    "safety:phrase-rule-detail",
                    organisation_slug=organisation.slug,
                    rule_id=rule.pk,
                )
    return render(
        request,
        "safety/phrase_rule_form.html",
        {
            "organisation": organisation,
            "form": form,
            "trial": trial,
            "rule": rule,
            "may_edit": may_edit,
            "versions": _versions(rule),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def rule_switch(
    request: AuthenticatedRequest, organisation_slug: str, rule_id: int
) -> HttpResponse:
    """Switch a rule off or on in one click, from the list."""
    organisation = _organisation(request, organisation_slug)
    rule = get_phrase_rule_for(request.user, organisation, rule_id)
    is_active = request.POST.get("is_active") == "on"
    rule = actions.switch_phrase_rule(by=request.user, rule=rule, is_active=is_active)
    if rule.is_active:
        messages.success(request, f"“{rule.pattern}” is on again.")
    else:
        messages.success(
            request,
            f"“{rule.pattern}” is off. Posts are no longer checked for it; you can "
            "switch it back on at any time.",
        )
    return redirect("safety:phrase-rule-list", organisation_slug=organisation.slug)
