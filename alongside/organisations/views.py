"""Organisation pages: what the service is, its limits of confidentiality, the help
directory, and the admin pages that shape them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.password_again import asks_for_the_password_again
from alongside.core.requests import AuthenticatedRequest

from . import actions
from .contradictions import contradictions_in
from .forms import (
    InvitationForm,
    OrganisationKindForm,
    OrganisationSettingsForm,
    RoleChangeForm,
    SupportServiceForm,
)
from .kinds import POLICY_SWITCHES, changed_from_defaults
from .models import Organisation, OrganisationRole, Role, SupportService
from .permissions import (
    check_manage_organisation,
    get_organisation_for,
    organisations_visible_to,
    people_visible_to,
    role_change_refusal,
    role_in,
)
from .role_changes import takes_away, what_they_keep, what_they_stop
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


PEOPLE_PER_PAGE = 50


@login_required
@require_GET
def people(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The organisation's people and their roles, for its admins: highest role
    first, searchable by name, a page at a time."""
    organisation = get_managed_organisation(request, slug)
    search = request.GET.get("q", "")[:100].strip()
    page = Paginator(
        people_visible_to(request.user, organisation, search=search),
        PEOPLE_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/people.html",
        {"organisation": organisation, "page": page, "search": search},
    )


@login_required
@require_http_methods(["GET", "POST"])
def role_change(request: AuthenticatedRequest, slug: str, role_id: int) -> HttpResponse:
    """Choose someone's new role (the form), say plainly what they will stop seeing
    when it takes something away (the confirming page), then change it (the
    button). Changing who may read people's private words asks for the password
    again, after the admin check, so nobody else learns the page exists."""
    organisation = get_managed_organisation(request, slug)
    place = get_object_or_404(
        OrganisationRole.objects.filter(organisation=organisation).select_related(
            "person"
        ),
        pk=role_id,
    )
    return _role_change(request, organisation, place)


@asks_for_the_password_again
def _role_change(
    request: AuthenticatedRequest, organisation: Organisation, place: OrganisationRole
) -> HttpResponse:
    form = RoleChangeForm(
        request.POST or None, initial={"role": place.role, "from_role": place.role}
    )
    if request.method == "POST" and form.is_valid():
        new_role = form.cleaned_data["role"]
        from_role = form.cleaned_data["from_role"]
        confirmed = form.cleaned_data["confirmed"]
        # The page was shown when they held another role (another admin changed it
        # meanwhile): what it said is no longer true, so nothing is applied.
        stale = bool(confirmed or from_role) and from_role != place.role
        refusal = role_change_refusal(request.user, place, new_role)
        if refusal:
            form.add_error("role", refusal)
        elif new_role == place.role:
            messages.info(
                request, f"{place.person.shown_name} is already {_label(new_role)}."
            )
            return redirect("organisations:people", slug=organisation.slug)
        elif takes_away(place.role, new_role) and (stale or not confirmed):
            return _confirming_page(request, organisation, place, new_role, stale=stale)
        elif stale:
            form = RoleChangeForm(initial={"role": place.role, "from_role": place.role})
            return render(
                request,
                "organisations/role_change.html",
                {
                    "organisation": organisation,
                    "place": place,
                    "form": form,
                    "changed_since": True,
                },
            )
        else:
            return _change(
                request,
                organisation,
                place,
                new_role,
                step_down_from_groups=form.cleaned_data["step_down_from_groups"],
            )
    return render(
        request,
        "organisations/role_change.html",
        {"organisation": organisation, "place": place, "form": form},
    )


def _confirming_page(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    new_role: str,
    *,
    stale: bool = False,
) -> HttpResponse:
    """What the person will stop seeing and what they keep, as things are now. With
    `stale`, the admin is told first that the person's role changed since they last
    looked."""
    is_self = place.person_id == request.user.pk
    return render(
        request,
        "organisations/role_confirm.html",
        {
            "organisation": organisation,
            "place": place,
            "new_role": new_role,
            "new_role_label": _label(new_role),
            "old_role_label": _label(place.role),
            "lost": what_they_stop(
                place.role,
                new_role,
                only_staff_facilitate=organisation.requires_staff_facilitators,
                is_self=is_self,
            ),
            "kept": what_they_keep(place, new_role, is_self=is_self),
            "is_self": is_self,
            "changed_since": stale,
        },
    )


def _change(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    new_role: str,
    *,
    step_down_from_groups: bool = False,
) -> HttpResponse:
    """Make the change, and say truly what happened: a change refused at the last
    moment (another admin stepped down, or took this admin's role away, meanwhile)
    shows the form again with the reason; someone who left meanwhile, or already
    holds the role, is not told of anything."""
    try:
        changed = actions.change_role(
            person=request.user,
            place=place,
            role=new_role,
            step_down_from_groups=step_down_from_groups,
        )
    except (PermissionDenied, Http404) as refusal:
        return _form_again(request, organisation, place, refusal)
    if not changed:
        if OrganisationRole.objects.filter(pk=place.pk).exists():
            messages.info(
                request,
                f"{place.person.shown_name} is already {_label(new_role)}. Nothing "
                "was changed.",
            )
        else:
            messages.info(
                request,
                f"{place.person.shown_name} is no longer in {organisation.name}, so "
                "nothing was changed.",
            )
        return redirect("organisations:people", slug=organisation.slug)
    if place.person_id == request.user.pk:
        messages.success(
            request,
            f"You are now {_label(new_role)} here. Another admin can change it back.",
        )
        return redirect("organisations:organisation-detail", slug=organisation.slug)
    messages.success(
        request,
        f"{place.person.shown_name} is now {_label(new_role)}. It took effect "
        "straight away, and they have been told.",
    )
    return redirect("organisations:people", slug=organisation.slug)


def _form_again(
    request: AuthenticatedRequest,
    organisation: Organisation,
    place: OrganisationRole,
    refusal: PermissionDenied | Http404,
) -> HttpResponse:
    """The role form again, with the person's role as it is now and the reason the
    change was not made; or, for an admin who is an admin no longer, or someone who
    left, a plain message on the page they may still see."""
    current = (
        OrganisationRole.objects.filter(pk=place.pk).select_related("person").first()
    )
    if current is None:
        messages.info(
            request,
            f"{place.person.shown_name} is no longer in {organisation.name}, so "
            "nothing was changed.",
        )
        return redirect("organisations:people", slug=organisation.slug)
    if isinstance(refusal, Http404):
        # Their own admin role was taken away meanwhile: the page is no longer
        # theirs to see.
        messages.info(
            request,
            "You are no longer an admin here, so the change was not made. Another "
            "admin can make it.",
        )
        return redirect("organisations:organisation-detail", slug=organisation.slug)
    reason = str(refusal) or "That change cannot be made now."
    form = RoleChangeForm(
        {"role": current.role, "from_role": current.role},
        initial={"role": current.role, "from_role": current.role},
    )
    form.is_valid()
    form.add_error("role", reason)
    return render(
        request,
        "organisations/role_change.html",
        {"organisation": organisation, "place": current, "form": form},
    )


def _label(role: str) -> str:
    """The role's name inside a sentence: "a peer", "an organisation admin"."""
    name = str(Role(role).label).lower()
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
