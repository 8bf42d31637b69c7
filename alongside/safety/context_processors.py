"""What staff pages' header needs: whether the person is on duty, and their open
alerts (so an alert shows on any page, even without the live socket)."""

from typing import Any

from django.http import HttpRequest


def duty(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import DutyPeriod, Escalation, EscalationStatus
    from .permissions import duty_organisations_of

    organisations = duty_organisations_of(user)
    if not organisations.exists():
        return {}
    return {
        "is_staff_member": True,
        # Only where they are staff now: a role that ended ends being on duty.
        "is_on_duty": DutyPeriod.objects.filter(
            person=user, ended_at__isnull=True, organisation__in=organisations
        ).exists(),
        "open_alerts": list(
            Escalation.objects.filter(alerted=user, status=EscalationStatus.ALERTING)
            .select_related("group")
            .order_by("-urgency", "-created_at")[:5]
        ),
    }
