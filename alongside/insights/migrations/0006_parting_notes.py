"""Parting notes move onto anonymous answers.

A note left on leaving a group becomes an answer of the kind "parting". The old
notes (`peergroups.LeaveFeedback`) kept the month alone; their answers keep it too,
as the month's last day, so that each waits for the window and the threshold like a
new one. Their words were sealed for the old table: each is opened and sealed
again for answers (a sealed value names the table it belongs to). Words that can no
longer be opened are not carried over.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models

from alongside.sealing.keys import REMOVED_PLACEHOLDER, UNREADABLE_PLACEHOLDER

CANNOT_BE_READ = {REMOVED_PLACEHOLDER, UNREADABLE_PLACEHOLDER}


def _last_day_of_month(day):
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def move_parting_notes(apps, schema_editor):
    LeaveFeedback = apps.get_model("peergroups", "LeaveFeedback")
    Answer = apps.get_model("insights", "Answer")
    for note in LeaveFeedback.objects.select_related("group").order_by("pk").iterator():
        text = (note.text or "").strip()
        if text and text not in CANNOT_BE_READ:
            Answer.objects.create(
                group=note.group,
                kind="parting",
                answered_on=_last_day_of_month(note.created_in),
                text=text,
            )
        note.delete()


def move_parting_notes_back(apps, schema_editor):
    LeaveFeedback = apps.get_model("peergroups", "LeaveFeedback")
    Answer = apps.get_model("insights", "Answer")
    for answer in Answer.objects.filter(kind="parting").select_related("group"):
        if answer.text and answer.text not in CANNOT_BE_READ:
            LeaveFeedback.objects.create(
                group=answer.group,
                text=answer.text,
                created_in=answer.answered_on.replace(day=1),
            )
        answer.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0005_check_ins"),
        ("meetings", "0001_initial"),
        ("peergroups", "0005_peergroup_someone_may_be_watching"),
        ("sealing", "0002_conversation_keys"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="answered",
            name="left_in",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="answer",
            name="kind",
            field=models.CharField(
                choices=[
                    ("anytime", "Feedback at any time"),
                    ("meeting", "After a meeting"),
                    ("parting", "On leaving the group"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddConstraint(
            model_name="answered",
            constraint=models.UniqueConstraint(
                condition=models.Q(("left_in__isnull", False)),
                fields=("person", "group", "left_in"),
                name="one_parting_note_per_leaving",
            ),
        ),
        migrations.RunPython(move_parting_notes, move_parting_notes_back),
    ]
