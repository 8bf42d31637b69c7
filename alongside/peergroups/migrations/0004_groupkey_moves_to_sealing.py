"""GroupKey now belongs to the sealing app (sealing 0001 takes it over with its table
unchanged); only Django's record of the model moves, nothing in either database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0003_sealed_text"),
        ("sealing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="GroupKey")],
            database_operations=[],
        ),
    ]
