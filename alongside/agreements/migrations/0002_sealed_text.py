import alongside.peergroups.sealing
from django.db import migrations

from alongside.peergroups.sealing import seal_plain_rows


SEALED_FIELDS = {
    "AgreementVersion": ["breach_response"],
    "AgreementItem": ["text", "why"],
    "Proposal": ["reason"],
    "ProposalChange": ["text", "why"],
    "Response": ["reason"],
    "Comment": ["text"],
}


def seal_existing_words(apps, schema_editor):
    """Seal the words in rows written before sealing existed."""
    for model_name, field_names in SEALED_FIELDS.items():
        seal_plain_rows(apps.get_model("agreements", model_name), field_names)


class Migration(migrations.Migration):
    dependencies = [
        ("peergroups", "0003_sealed_text"),
        ("agreements", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agreementitem",
            name="text",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="version.agreement.group", max_length=500
            ),
        ),
        migrations.AlterField(
            model_name="agreementitem",
            name="why",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="version.agreement.group", max_length=1000
            ),
        ),
        migrations.AlterField(
            model_name="agreementversion",
            name="breach_response",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True,
                group_path="agreement.group",
                max_length=4000,
                verbose_name="what happens if a rule is broken",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="text",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="proposal.agreement.group", max_length=4000
            ),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="reason",
            field=alongside.peergroups.sealing.SealedTextField(
                group_path="agreement.group",
                max_length=2000,
                verbose_name="why you are suggesting this",
            ),
        ),
        migrations.AlterField(
            model_name="proposalchange",
            name="text",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="proposal.agreement.group", max_length=4000
            ),
        ),
        migrations.AlterField(
            model_name="proposalchange",
            name="why",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="proposal.agreement.group", max_length=1000
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="reason",
            field=alongside.peergroups.sealing.SealedTextField(
                blank=True, group_path="proposal.agreement.group", max_length=2000
            ),
        ),
        migrations.RunPython(seal_existing_words, migrations.RunPython.noop),
    ]
