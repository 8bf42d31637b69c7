import alongside.peergroups.sealing
import django.utils.timezone
from django.db import migrations, models

from alongside.peergroups.sealing import seal_plain_rows


SEALED_FIELDS = {"LeaveFeedback": ["text"]}


def seal_existing_words(apps, schema_editor):
    """Seal the words in rows written before sealing existed. The keys database
    must be migrated first (`migrate --database keys`)."""
    for model_name, field_names in SEALED_FIELDS.items():
        seal_plain_rows(apps.get_model("peergroups", model_name), field_names)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("peergroups", "0002_membership_joined_at"),
    ]

    operations = [
        migrations.AlterField(
            model_name="leavefeedback",
            name="text",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="group", max_length=2000
            ),
        ),
        migrations.CreateModel(
            name="GroupKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("key_id", models.CharField(max_length=32, unique=True)),
                ("wrapped_key", models.CharField(max_length=200)),
                ("wrapped_by", models.CharField(max_length=16)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "group_id",
                    models.PositiveBigIntegerField(blank=True, null=True, unique=True),
                ),
                (
                    "organisation_id",
                    models.PositiveBigIntegerField(blank=True, null=True, unique=True),
                ),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("group_id__isnull", False), ("organisation_id__isnull", True)
                            ),
                            models.Q(
                                ("group_id__isnull", True), ("organisation_id__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="data_key_has_one_owner",
                    )
                ],
            },
        ),
        migrations.RunPython(seal_existing_words, migrations.RunPython.noop),
    ]
