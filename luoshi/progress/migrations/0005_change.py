"""The change log: the triggers that raise the data version also note which target each write touched.

A cache of an older data version then works out only the targets written since (``assessing.
changed_since``) instead of the whole plan. A write without a target (a plan or its sections, the
catalogue, the reporting calendar, a task's lead, a unit's name, outcomes) is noted with none: everything
is worked out again.

SQLite: a row trigger per table and operation, each bumping the version and noting its row.
PostgreSQL: one deferred constraint trigger per table; the transaction's first row bumps the version
at commit (the counter row is locked only while committing, so versions follow commit order) and every
row is noted under that one version. Both keep the last ``Change.KEEP`` versions.
"""

import importlib

from django.db import migrations, models

# Each watched table and the column naming the target its row belongs to (None: every target).
WATCHED = {
    "plans_plan": None,
    "plans_section": None,  # the evaluation names each target's section
    "plans_target": "id",
    "plans_indicator": None,
    "progress_observation": "target_id",
    "units_assignment": "target_id",  # none for a task's lead: all the task's targets
    "units_unit": None,  # due items name their unit
    "deadlines_reportingrule": "target_id",  # none for the plan's or an indicator's calendar
    "outcomes_source": None,  # the evaluation names each outcome's source
    "outcomes_outcome": None,  # one target's outcome can decide another's (GDP growth for 与经济增长同步)
}
KEEP = 100_000
BUMP = ("INSERT INTO progress_dataversion (id, n) VALUES (1, 1) "
        "ON CONFLICT (id) DO UPDATE SET n = progress_dataversion.n + 1")
VERSION = "(SELECT n FROM progress_dataversion WHERE id = 1)"

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION luoshi_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted bigint := nullif(current_setting('luoshi.version', true), '')::bigint;
  key_column text := TG_ARGV[0];
  touched bigint;
  was bigint;
BEGIN
  IF noted IS NULL THEN  -- the transaction's first noted row
    {BUMP} RETURNING n INTO noted;
    PERFORM set_config('luoshi.version', noted::text, true);
    DELETE FROM progress_change WHERE progress_change.version <= noted - {KEEP};
  END IF;
  IF key_column IS NOT NULL THEN
    IF TG_OP <> 'DELETE' THEN touched := (to_jsonb(NEW) ->> key_column)::bigint; END IF;
    IF TG_OP <> 'INSERT' THEN was := (to_jsonb(OLD) ->> key_column)::bigint; END IF;
  END IF;
  INSERT INTO progress_change (version, target_id) VALUES (noted, coalesce(touched, was));
  IF TG_OP = 'UPDATE' AND was IS DISTINCT FROM touched THEN  -- a row moved to another target
    INSERT INTO progress_change (version, target_id) VALUES (noted, was);
  END IF;
  RETURN NULL;
END $$;
"""


def _sqlite_trigger(table: str, column: str | None, operation: str) -> str:
    rows = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}[operation]
    noted = " UNION ".join(f"SELECT {VERSION}, {f'{row}.{column}' if column else 'NULL'}"
                           for row in (rows if column else rows[:1]))
    return (f"CREATE TRIGGER luoshi_change_{table}_{operation.lower()} AFTER {operation} ON {table} BEGIN "
            f"{BUMP}; "
            f"INSERT INTO progress_change (version, target_id) {noted}; "
            f"DELETE FROM progress_change WHERE version <= {VERSION} - {KEEP}; "
            "END")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in WATCHED:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_bump_data_version ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS luoshi_bump_data_version()")
        schema_editor.execute(POSTGRES_FUNCTION)
        for table, column in WATCHED.items():
            schema_editor.execute(
                f"CREATE CONSTRAINT TRIGGER luoshi_note_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"EXECUTE FUNCTION luoshi_note_change({repr(column) if column else ''})")
    elif vendor == "sqlite":
        for table, column in WATCHED.items():
            for operation in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_bump_{table}_{operation.lower()}")
                schema_editor.execute(_sqlite_trigger(table, column, operation))
    else:
        raise RuntimeError(f"luoshi keeps its data version with triggers on SQLite and PostgreSQL, not {vendor}")


def drop(apps, schema_editor):
    """Back to 0004: the version alone, bumped by its own triggers."""
    previous = importlib.import_module("luoshi.progress.migrations.0004_dataversion")
    if schema_editor.connection.vendor == "postgresql":
        for table in WATCHED:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_note_change ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS luoshi_note_change()")
    else:
        for table in WATCHED:
            for operation in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS luoshi_change_{table}_{operation}")
    previous.create(apps, schema_editor)


class Migration(migrations.Migration):
    # As 0004: after every migration that rebuilds a watched table (SQLite's ALTER TABLE by copy drops
    # its triggers; tests/web/test_assessment_cache checks every watched table still has them).
    dependencies = [
        ("progress", "0004_dataversion"),
        ("units", "0003_assignment_history"),
        ("plans", "0003_planupload"),
        ("deadlines", "0001_initial"),
        ("outcomes", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(db_index=True)),
                ("target_id", models.BigIntegerField(null=True)),
            ],
            options={"verbose_name": "数据变更", "verbose_name_plural": "数据变更"},
        ),
        migrations.RunPython(create, drop),
    ]
