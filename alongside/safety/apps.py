from typing import Any

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """Screening of posts, reports, moderation, crisis escalation and incidents."""

    name = "alongside.safety"
    label = "safety"

    def ready(self) -> None:
        from alongside.organisations.actions import role_changed

        def _end_duty(sender: object, place: Any, **kwargs: object) -> None:
            from alongside.safety.actions.duty import end_duty_beyond_role

            end_duty_beyond_role(
                person_id=place.person_id, organisation_id=place.organisation_id
            )

        role_changed.connect(
            _end_duty, dispatch_uid="end-duty-on-role-change", weak=False
        )
