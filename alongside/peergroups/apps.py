from typing import Any

from django.apps import AppConfig


class PeergroupsConfig(AppConfig):
    """Groups around a shared experience, and membership with choice and control:
    join, pause, leave and return."""

    name = "alongside.peergroups"
    label = "peergroups"

    def ready(self) -> None:
        from alongside.organisations.actions import role_changed

        def _step_down(sender: object, place: Any, **kwargs: object) -> None:
            from alongside.peergroups.actions import step_down_beyond_role

            step_down_beyond_role(
                person_id=place.person_id, organisation_id=place.organisation_id
            )

        role_changed.connect(
            _step_down, dispatch_uid="step-down-on-role-change", weak=False
        )
