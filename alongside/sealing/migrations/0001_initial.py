"""GroupKey moves here from peergroups. Its table stays where it is, named
peergroups_groupkey in the keys database: only Django's idea of which app owns it
changes, so nothing is written to either database."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("peergroups", "0003_sealed_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
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
                        (
                            "group_id",
                            models.PositiveBigIntegerField(
                                blank=True, null=True, unique=True
                            ),
                        ),
                        (
                            "organisation_id",
                            models.PositiveBigIntegerField(
                                blank=True, null=True, unique=True
                            ),
                        ),
                        ("key_id", models.CharField(max_length=32, unique=True)),
                        ("wrapped_key", models.CharField(max_length=200)),
                        ("wrapped_by", models.CharField(max_length=16)),
                        (
                            "created_at",
                            models.DateTimeField(default=django.utils.timezone.now),
                        ),
                    ],
                    options={
                        "db_table": "peergroups_groupkey",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("group_id__isnull", False),
                                        ("organisation_id__isnull", True),
                                    ),
                                    models.Q(
                                        ("group_id__isnull", True),
                                        ("organisation_id__isnull", False),
                                    ),
                                    _connector="OR",
                                ),
                                name="data_key_has_one_owner",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
