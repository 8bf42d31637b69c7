"""Every change to safety plans: saving a section (a new version), the review
reminder, sharing and revoking, recording a view of a share, and the PIN.

Each action checks the owner first. Nothing here logs, emails or notifies anyone
with a plan's words: the only message sent is the owner's own reminder, in neutral
words.
"""

from __future__ import annotations

import calendar
import secrets
from datetime import date, datetime, timedelta
from functools import partial

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify

from .models import PlanShare, PlanVersion, SafetyPlan, ShareView, digest_of
from .permissions import can_share_with, check_change_plan
from .sections import SECTIONS_BY_KEY, Contact, Kind, PlanContent

DEFAULT_LINK_DAYS = 30
MAX_LINK_DAYS = 90
REVIEW_MESSAGE = "A reminder you asked for: you might like to look over your plan."
SHARED_MESSAGE = "Someone has shared a plan with you."


def add_months(day: date, months: int) -> date:
    """The same day some months later, or the month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_for_owner(*, person: Person) -> SafetyPlan:
    """The person's plan, made (empty) the first time. Safe against double clicks:
    two requests at once make one plan."""
    if not person.is_authenticated:
        raise ValidationError("Please sign in first.")
    plan = SafetyPlan.objects.filter(owner=person).first()
    if plan is not None:
        return plan
    try:
        with transaction.atomic():
            return SafetyPlan.objects.create(owner=person)
    except IntegrityError:
        return SafetyPlan.objects.get(owner=person)


def current_content(plan: SafetyPlan) -> PlanContent:
    """What the plan says now: its latest version, or an empty plan. Reads only."""
    latest = plan.versions.order_by("-number").first()
    return PlanContent() if latest is None else PlanContent.from_json(latest.content)


@transaction.atomic
def save_section(
    *,
    person: Person,
    section_key: str,
    text: str = "",
    not_for_me: bool = False,
    contacts: list[Contact] | None = None,
) -> PlanVersion | None:
    """Save one section as the person wrote it: a new version of the whole plan.

    Precondition: the section exists. Saving exactly what is there already (a
    double click, or Save without a change) makes no new version. Earlier versions
    are kept; nobody but the owner ever reads them. Returns the newest version.
    """
    section = SECTIONS_BY_KEY.get(section_key)
    if section is None:
        raise ValidationError("That part of the plan does not exist.")
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    # One save at a time per plan, so version numbers never collide.
    plan = SafetyPlan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.order_by("-number").first()
    content = PlanContent() if latest is None else PlanContent.from_json(latest.content)
    content.texts[section_key] = text
    marked = set(content.not_for_me)
    if not_for_me:
        marked.add(section_key)
    else:
        marked.discard(section_key)
    content.not_for_me = sorted(marked)
    if section.kind == Kind.PEOPLE:
        content.people = list(contacts or [])
    elif section.kind == Kind.SERVICES:
        content.services = list(contacts or [])
    new_json = content.to_json()
    if latest is not None and latest.content == new_json:
        return latest
    if latest is None and content.is_empty and not not_for_me:
        return None
    return PlanVersion.objects.create(
        plan=plan,
        number=(latest.number if latest else 0) + 1,
        content=new_json,
        changed_section=section_key,
    )


def set_review_reminder(
    *, person: Person, months: int, today: date | None = None
) -> SafetyPlan:
    """The owner chooses how often to be reminded to look over their plan (0: never).
    The first reminder is due that many months from today."""
    if months not in (0, 1, 3, 6, 12):
        raise ValidationError("Please choose one of the reminder options.")
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    today = today or timezone.localdate()
    plan.review_months = months
    plan.review_due_on = add_months(today, months) if months else None
    plan.save(update_fields=["review_months", "review_due_on"])
    return plan


def send_plan_review_reminders(*, now: datetime | None = None) -> int:
    """Remind each owner whose chosen review date has come, once per date, in
    neutral words (no plan words, nothing about safety in the wording), and set the
    next date. Returns how many were reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    reminded = 0
    due = SafetyPlan.objects.filter(
        review_months__gt=0, review_due_on__lte=today
    ).select_related("owner")
    for plan in due:
        due_on = plan.review_due_on
        with transaction.atomic():
            claimed = (
                SafetyPlan.objects.filter(pk=plan.pk, review_due_on=due_on)
                .exclude(review_reminder_sent_for=due_on)
                .update(
                    review_reminder_sent_for=due_on,
                    review_due_on=add_months(today, plan.review_months),
                )
            )
            if not claimed:
                continue
            transaction.on_commit(
                partial(
                    notify,
                    people=[plan.owner],
                    message=REVIEW_MESSAGE,
                    link=reverse("safetyplans:plan-detail"),
                )
            )
            reminded += 1
    return reminded


@transaction.atomic
def share_with_person(*, person: Person, recipient: Person, shown_as: str) -> PlanShare:
    """Share a read-only copy with someone who supports the owner now
    (`permissions.can_share_with`: their one-to-one supporter, or a facilitator of
    one of their groups). A live share with them already is kept (a double click
    makes one)."""
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    if not can_share_with(person, recipient):
        raise ValidationError(
            "You can share your plan by name only with your one-to-one supporter, "
            "or a facilitator of a group you are in. Please choose from the list."
        )
    plan = SafetyPlan.objects.select_for_update().get(pk=plan.pk)
    existing = plan.shares.live().filter(recipient=recipient).first()
    if existing is not None:
        return existing
    share = PlanShare.objects.create(
        plan=plan, recipient=recipient, shown_as=shown_as.strip()
    )
    transaction.on_commit(
        partial(
            notify,
            people=[recipient],
            message=SHARED_MESSAGE,
            link=reverse("safetyplans:shared-list"),
        )
    )
    return share


@transaction.atomic
def share_by_link(
    *, person: Person, days: int = DEFAULT_LINK_DAYS, shown_as: str = ""
) -> PlanShare:
    """Make a link that shows a read-only copy to whoever holds it, for `days` days
    (30 unless chosen, 90 at most). Only a hash of it is stored to find it."""
    if not 1 <= days <= MAX_LINK_DAYS:
        raise ValidationError(
            f"A link can last from 1 to {MAX_LINK_DAYS} days. Please choose a "
            "number in that range."
        )
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    token = secrets.token_urlsafe(32)
    return PlanShare.objects.create(
        plan=plan,
        token=token,
        token_digest=digest_of(token),
        shown_as=shown_as.strip(),
        expires_at=timezone.now() + timedelta(days=days),
    )


def revoke_share(*, person: Person, share: PlanShare) -> PlanShare:
    """End a share at once. Pressing again (a double click) changes nothing."""
    check_change_plan(person, share.plan)
    if share.revoked_at is None:
        PlanShare.objects.filter(pk=share.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        share.refresh_from_db(fields=["revoked_at"])
    return share


def record_share_view(*, share: PlanShare) -> ShareView:
    """Note that a share was opened, for its owner to see. Called by the views that
    have already found the share through `permissions` (so it is live)."""
    return ShareView.objects.create(share=share)


def set_pin(*, person: Person, pin: str) -> SafetyPlan:
    """Lock the plan with a 4 to 6 digit PIN, kept only as a password hash."""
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 6):
        raise ValidationError("A PIN is 4, 5 or 6 numbers.")
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    plan.pin_hash = make_password(pin)
    plan.save(update_fields=["pin_hash"])
    return plan


def remove_pin(*, person: Person) -> SafetyPlan:
    """Take the PIN off: by the owner, from their plan or after typing their
    password again. There is no way for anyone else to do this."""
    plan = plan_for_owner(person=person)
    check_change_plan(person, plan)
    if plan.pin_hash:
        plan.pin_hash = ""
        plan.save(update_fields=["pin_hash"])
    return plan
