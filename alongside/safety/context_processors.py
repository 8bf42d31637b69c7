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

    if not duty_organisations_of(user).exists():
        return {}
    return {
        "is_staff_member": True,
        "is_on_duty": DutyPeriod.objects.filter(
            person=user, ended_at__isnull=True
        ).exists(),
        "open_alerts": list(
            Escalation.objects.filter(
                alerted=user, status=EscalationStatus.ALERTING
            ).select_related("group")[:5]
        ),
    }
