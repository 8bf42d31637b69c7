"""What the supporters' pages share: the second step for staff, form errors,
training rows and how registration is described."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import is_staff
from alongside.supporters.models import (
    REMIND_DAYS_BEFORE_EXPIRY,
    SupporterProfile,
    TrainingModule,
    TrainingRecord,
)


def staff_second_step(
    request: AuthenticatedRequest, organisation: Organisation
) -> None:
    """Staff pages ask staff for their second sign-in step; peer supporters, who
    are not staff, are not asked."""
    if is_staff(request.user, organisation):
        ensure_second_factor(request)


def show_form_errors(form: Form, error: ValidationError) -> None:
    """Put an action's refusal next to the field it is about, keeping the input."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for problem in errors:
                form.add_error(target, problem)
    else:
        for message in error.messages:
            form.add_error(None, message)


def training_rows(
    person_records: list[TrainingRecord], modules: list[TrainingModule]
) -> list[dict[str, Any]]:
    """For each module on the path: the latest real completion and its state."""
    today = timezone.localdate()
    soon = today + timedelta(days=REMIND_DAYS_BEFORE_EXPIRY)
    rows = []
    for module in modules:
        done = [
            r for r in person_records if r.module_id == module.pk and not r.is_practice
        ]
        latest = max(done, key=lambda r: r.completed_on, default=None)
        practised = [
            r for r in person_records if r.module_id == module.pk and r.is_practice
        ]
        if latest is None:
            state = "Not done yet"
        elif latest.expires_on is not None and latest.expires_on <= today:
            state = "Needs refreshing"
        elif latest.expires_on is not None and latest.expires_on <= soon:
            state = "Runs out soon"
        else:
            state = "Done"
        rows.append(
            {
                "module": module,
                "latest": latest,
                "state": state,
                "practice_count": len(practised),
            }
        )
    return rows


def registration_of(person: Person | None, organisation: Organisation) -> str:
    if person is None:
        return ""
    profile = SupporterProfile.objects.filter(
        organisation=organisation, person=person
    ).first()
    return profile.registration if profile is not None else ""
