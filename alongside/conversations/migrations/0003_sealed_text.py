import alongside.peergroups.sealing
from django.db import migrations

from alongside.peergroups.sealing import seal_plain_rows


SEALED_FIELDS = {"Thread": ["title"], "Post": ["body", "content_warning_text"]}


def seal_existing_words(apps, schema_editor):
    """Seal the words in rows written before sealing existed."""
    for model_name, field_names in SEALED_FIELDS.items():
        seal_plain_rows(apps.get_model("conversations", model_name), field_names)


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0003_sealed_text"),
        ("conversations", "0002_safety_outcomes_and_posting_pause"),
    ]

    operations = [
        migrations.AlterField(
            model_name="post",
            name="body",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="group", max_length=5000
            ),
        ),
        migrations.AlterField(
            model_name="post",
            name="content_warning_text",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="group", max_length=80
            ),
        ),
        migrations.AlterField(
            model_name="thread",
            name="title",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="group", max_length=150
            ),
        ),
        migrations.RunPython(seal_existing_words, migrations.RunPython.noop),
    ]
