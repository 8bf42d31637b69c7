"""Parting notes are now anonymous answers in insights, which moved the old notes
across (insights 0006) before this table goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0005_peergroup_someone_may_be_watching"),
        ("insights", "0006_parting_notes"),
    ]

    operations = [
        migrations.DeleteModel(
            name="LeaveFeedback",
        ),
    ]
