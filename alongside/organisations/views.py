"""Organisation pages: what the service is, its limits of confidentiality, the help
directory, and the admin pages that shape them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest

from . import actions
from .contradictions import contradictions_in
from .forms import (
    InvitationForm,
    OrganisationKindForm,
    OrganisationSettingsForm,
    SupportServiceForm,
)
from .kinds import POLICY_SWITCHES, changed_from_defaults
from .models import Organisation, SupportService
from .permissions import (
    check_manage_organisation,
    get_organisation_for,
    organisations_visible_to,
    role_in,
)
from .support_defaults import UK_SUPPORT_SERVICES


@require_GET
def get_help(request: HttpRequest) -> HttpResponse:
    """Public: anyone in difficulty must reach help without signing in."""
    organisations = list(organisations_visible_to(request.user))  # type: ignore[arg-type]
    if not organisations:
        organisations = list(Organisation.objects.open_for_signup()[:1])
    directories = [
        (organisation, list(organisation.support_services.all()))
        for organisation in organisations
    ]
    return render(
        request,
        "organisations/help.html",
        {"directories": directories, "fallback_services": UK_SUPPORT_SERVICES},
    )


@login_required
@require_GET
def organisation_detail(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "role": role_in(request.user, organisation),
        },
    )


@login_required
@require_GET
def confidentiality(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    return render(
        request, "organisations/confidentiality.html", {"organisation": organisation}
    )


def get_managed_organisation(request: AuthenticatedRequest, slug: str) -> Organisation:
    organisation = get_organisation_for(request.user, slug)
    check_manage_organisation(request.user, organisation)
    ensure_second_factor(request)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    form = OrganisationSettingsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        actions.update_organisation(
            person=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(
            request,
            "The organisation's settings are saved, and its statement says what "
            "they now mean.",
        )
        return redirect("organisations:organisation-detail", slug=organisation.slug)
    # A failed form must not rename the page's heading with half-typed input.
    organisation.refresh_from_db()
    return _settings_page(request, organisation, form=form)


def _settings_page(
    request: AuthenticatedRequest,
    organisation: Organisation,
    *,
    form: OrganisationSettingsForm | None = None,
    kind_form: OrganisationKindForm | None = None,
) -> HttpResponse:
    changed = set(changed_from_defaults(organisation))
    if form is None:
        form = OrganisationSettingsForm(instance=organisation)
    return render(
        request,
        "organisations/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "kind_form": kind_form
            or OrganisationKindForm(initial={"setting": organisation.setting}),
            "changed_labels": [
                form.fields[name].label for name in POLICY_SWITCHES if name in changed
            ],
            "hidden_words": contradictions_in(organisation.confidentiality_statement),
        },
    )


@login_required
@require_POST
def organisation_kind(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """Choose the kind of service: every switch goes to that kind's defaults."""
    organisation = get_managed_organisation(request, slug)
    kind_form = OrganisationKindForm(request.POST)
    if not kind_form.is_valid():
        return _settings_page(request, organisation, kind_form=kind_form)
    changed = actions.choose_organisation_kind(
        person=request.user,
        organisation=organisation,
        kind=kind_form.cleaned_data["setting"],
    )
    form = OrganisationSettingsForm(instance=organisation)
    kind = organisation.get_setting_display()
    if changed:
        labels = "; ".join(str(form.fields[name].label).lower() for name in changed)
        messages.success(
            request,
            f"The kind of service is now “{kind}”. These settings changed to its "
            f"defaults: {labels}. You can change each one below.",
        )
    else:
        messages.success(
            request,
            f"The kind of service is now “{kind}”. Its settings were already this "
            "kind's defaults.",
        )
    return redirect("organisations:settings-edit", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = actions.create_invitation(
            person=request.user,
            organisation=organisation,
            label=form.cleaned_data["label"],
            role=form.cleaned_data["role"],
            max_uses=form.cleaned_data["max_uses"],
            expires_at=form.expires_at(),
        )
        messages.success(request, f"New invitation code: {invitation.code}")
        return redirect("organisations:invitation-list", slug=organisation.slug)
    return render(
        request,
        "organisations/invitations.html",
        {
            "organisation": organisation,
            "form": form,
            "invitations": organisation.invitations.all()[:200],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_revoke(
    request: AuthenticatedRequest, slug: str, invitation_id: int
) -> HttpResponse:
    """Asks first (the page), then stops the code (the button). It can be made to
    work again from the codes page for a short while."""
    organisation = get_managed_organisation(request, slug)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    if request.method == "POST":
        actions.revoke_invitation(person=request.user, invitation=invitation)
        messages.success(
            request,
            "That code no longer works. You can undo this from this page for the "
            "next few minutes.",
        )
        return redirect("organisations:invitation-list", slug=organisation.slug)
    return render(
        request,
        "organisations/invitation_revoke.html",
        {"organisation": organisation, "invitation": invitation},
    )


@login_required
@require_POST
def invitation_restore(
    request: AuthenticatedRequest, slug: str, invitation_id: int
) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    if actions.restore_invitation(person=request.user, invitation=invitation):
        messages.success(request, "That code works again.")
    else:
        messages.info(request, "It is too late to undo that. Please make a new code.")
    return redirect("organisations:invitation-list", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def directory_manage(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    form = SupportServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.save_support_service(
            person=request.user,
            service=SupportService(organisation=organisation),
            **form.cleaned_data,
        )
        messages.success(request, "Added to the help directory.")
        return redirect("organisations:directory-manage", slug=organisation.slug)
    return render(
        request,
        "organisations/directory_manage.html",
        {
            "organisation": organisation,
            "form": form,
            "services": organisation.support_services.all(),
            "recently_removed": SupportService.with_removed.filter(
                organisation=organisation
            ).recently_removed(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def directory_edit(
    request: AuthenticatedRequest, slug: str, service_id: int
) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    service = get_object_or_404(organisation.support_services, pk=service_id)
    form = SupportServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        actions.save_support_service(
            person=request.user, service=service, **form.cleaned_data
        )
        messages.success(request, "The help directory is updated.")
        return redirect("organisations:directory-manage", slug=organisation.slug)
    service.refresh_from_db()
    return render(
        request,
        "organisations/directory_edit.html",
        {"organisation": organisation, "form": form, "service": service},
    )


@login_required
@require_http_methods(["GET", "POST"])
def directory_remove(
    request: AuthenticatedRequest, slug: str, service_id: int
) -> HttpResponse:
    """Asks first (the page), then removes (the button). Put back from the
    directory page for a short while."""
    organisation = get_managed_organisation(request, slug)
    service = get_object_or_404(
        SupportService.with_removed.filter(organisation=organisation), pk=service_id
    )
    if request.method == "POST":
        actions.remove_support_service(person=request.user, service=service)
        messages.success(
            request,
            f"{service.name} is no longer in the help directory. You can put it "
            "back from this page for the next few minutes.",
        )
        return redirect("organisations:directory-manage", slug=organisation.slug)
    return render(
        request,
        "organisations/directory_remove.html",
        {"organisation": organisation, "service": service},
    )


@login_required
@require_POST
def directory_restore(
    request: AuthenticatedRequest, slug: str, service_id: int
) -> HttpResponse:
    organisation = get_managed_organisation(request, slug)
    service = get_object_or_404(
        SupportService.with_removed.filter(organisation=organisation), pk=service_id
    )
    if actions.restore_support_service(person=request.user, service=service):
        messages.success(request, f"{service.name} is back in the help directory.")
    else:
        messages.info(
            request,
            "It is too late to put that back. Please add it again below.",
        )
    return redirect("organisations:directory-manage", slug=organisation.slug)
