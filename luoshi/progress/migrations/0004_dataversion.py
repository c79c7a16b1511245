"""The data version and the triggers that bump it on every write a cached page part depends on.

SQLite: a row trigger per table and operation. PostgreSQL: one deferred constraint trigger per
table that bumps the counter once per transaction, at commit, so the counter row is locked only
while committing (never held across a transaction's other work) and the new number becomes
visible together with the data it stands for.
"""

from django.db import migrations, models

# What an assessment or a due item is worked out from: plans, targets, the catalogue, figures,
# who answers for what, the reporting calendar.
TABLES = ("plans_plan", "plans_target", "plans_indicator", "progress_observation", "units_assignment",
          "deadlines_reportingrule")
BUMP = ("INSERT INTO progress_dataversion (id, n) VALUES (1, 1) "
        "ON CONFLICT (id) DO UPDATE SET n = progress_dataversion.n + 1")

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION luoshi_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('luoshi.bumped', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('luoshi.bumped', 'on', true);  -- once per transaction
    {BUMP};
  END IF;
  RETURN NULL;
END $$;
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)
        for table in TABLES:
            schema_editor.execute(
                f"CREATE CONSTRAINT TRIGGER luoshi_bump_data_version AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_data_version()")
    elif vendor == "sqlite":
        for table in TABLES:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(f"CREATE TRIGGER luoshi_bump_{table}_{operation.lower()} AFTER {operation} "
                                      f"ON {table} BEGIN {BUMP}; END")
    else:
        raise RuntimeError(f"luoshi keeps its data version with triggers on SQLite and PostgreSQL, not {vendor}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_bump_data_version ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS luoshi_bump_data_version()")
    else:
        for table in TABLES:
            for operation in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_bump_{table}_{operation}")


class Migration(migrations.Migration):
    # After every migration that rebuilds a watched table: SQLite's ALTER TABLE by copy drops its triggers
    # (a later migration that rebuilds one must create them again; tests/progress check they are there).
    dependencies = [
        ("plans", "0003_planupload"),
        ("units", "0003_assignment_history"),
        ("deadlines", "0001_initial"),
        ("progress", "0003_history_and_states"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("n", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "数据版本", "verbose_name_plural": "数据版本"},
        ),
        migrations.RunPython(create, drop),
    ]
