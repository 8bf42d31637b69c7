from typing import Any

from django.apps import AppConfig


class PeergroupsConfig(AppConfig):
    """Groups around a shared experience, and membership with choice and control:
    join, pause, leave and return."""

    name = "alongside.peergroups"
    label = "peergroups"

    def ready(self) -> None:
        from alongside.organisations.actions import role_changed
        from alongside.organisations.role_changes import describing_role_change

        from .role_changes import still_facilitating

        def _step_down(
            sender: object,
            place: Any,
            step_down_from_groups: bool = False,
            **kwargs: object,
        ) -> None:
            from alongside.peergroups.actions import step_down_beyond_role

            step_down_beyond_role(
                person_id=place.person_id,
                organisation_id=place.organisation_id,
                even_where_peers_facilitate=step_down_from_groups,
            )

        role_changed.connect(
            _step_down, dispatch_uid="step-down-on-role-change", weak=False
        )
        describing_role_change.connect(
            still_facilitating, dispatch_uid="still-facilitating", weak=False
        )
