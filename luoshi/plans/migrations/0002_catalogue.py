"""Every database starts with the canonical indicators of luoshi/plans/catalogue.py."""

from django.db import migrations


def add_catalogue(apps, schema_editor):  # type: ignore[no-untyped-def]
    from luoshi.plans.catalogue import CATALOGUE

    Indicator = apps.get_model("plans", "Indicator")
    for name, aliases, better, frequency in CATALOGUE:
        Indicator.objects.update_or_create(
            name=name, defaults={"aliases": list(aliases), "better": better, "frequency": frequency})


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
