from typing import Any

from django.apps import AppConfig


class SupportersConfig(AppConfig):
    """Looking after peer supporters: training, supervision, self-care, caseloads,
    the on-duty rota and "I need help"."""

    name = "alongside.supporters"
    label = "supporters"

    def ready(self) -> None:
        from alongside.organisations.actions import role_changed

        def _beyond_role(sender: object, place: Any, **kwargs: object) -> None:
            from alongside.supporters.actions.rota import release_shifts_beyond_role
            from alongside.supporters.actions.supervision import (
                end_supervision_beyond_role,
            )

            for action in (end_supervision_beyond_role, release_shifts_beyond_role):
                action(person_id=place.person_id, organisation_id=place.organisation_id)

        role_changed.connect(
            _beyond_role, dispatch_uid="supporters-on-role-change", weak=False
        )
