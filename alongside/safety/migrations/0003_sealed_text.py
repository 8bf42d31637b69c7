import alongside.peergroups.sealing
from django.db import migrations

from alongside.peergroups.sealing import seal_plain_rows


SEALED_FIELDS = {
    "Report": ["note"],
    "HoldAppeal": ["note"],
    "ModerationDecision": ["reason", "note_to_author", "author_reply"],
    "Incident": ["what_happened", "actions_taken", "outcome", "follow_up"],
}


def seal_existing_words(apps, schema_editor):
    """Seal the words in rows written before sealing existed."""
    for model_name, field_names in SEALED_FIELDS.items():
        seal_plain_rows(apps.get_model("safety", model_name), field_names)


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0003_sealed_text"),
        ("safety", "0002_reports_moderation_escalation_incidents"),
    ]

    operations = [
        migrations.AlterField(
            model_name="holdappeal",
            name="note",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True,
                group_path="post.group",
                max_length=500,
                verbose_name="a note for the facilitator",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="actions_taken",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True,
                group_path="organisation",
                max_length=4000,
                verbose_name="what was done",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="follow_up",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True,
                group_path="organisation",
                max_length=2000,
                verbose_name="follow-up needed",
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="outcome",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="organisation", max_length=2000
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="what_happened",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="organisation",
                max_length=4000,
                verbose_name="what happened, in your own words",
            ),
        ),
        migrations.AlterField(
            model_name="moderationdecision",
            name="author_reply",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="group", max_length=1000
            ),
        ),
        migrations.AlterField(
            model_name="moderationdecision",
            name="note_to_author",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="group", max_length=1500
            ),
        ),
        migrations.AlterField(
            model_name="moderationdecision",
            name="reason",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="group", max_length=500, verbose_name="why (for the record)"
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="note",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True,
                group_path="group",
                max_length=500,
                verbose_name="anything you'd like to add",
            ),
        ),
        migrations.RunPython(seal_existing_words, migrations.RunPython.noop),
    ]
