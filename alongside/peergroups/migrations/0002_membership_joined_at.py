from django.db import migrations, models
from django.db.models import F


def set_joined_at_for_current_members(apps, schema_editor):
    Membership = apps.get_model("peergroups", "Membership")
    Membership.objects.filter(status__in=["active", "paused"]).update(
        joined_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="joined_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(
            set_joined_at_for_current_members, migrations.RunPython.noop
        ),
    ]
