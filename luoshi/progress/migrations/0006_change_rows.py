"""PostgreSQL: a transaction notes at most ROWS targets in the change log; past that, one row without a
target (everything changed). A bulk import or upload then adds ROWS + 1 rows, not one per figure, and
the log stays small (its versions are per transaction there: Change.KEEP versions could otherwise hold
millions of rows). SQLite's triggers note one version per row and need no change.
"""

import importlib

from django.db import migrations

ROWS = 1_000
_0005 = importlib.import_module("luoshi.progress.migrations.0005_change")

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION luoshi_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted bigint := nullif(current_setting('luoshi.version', true), '')::bigint;
  rows_noted integer := coalesce(nullif(current_setting('luoshi.rows', true), '')::integer, 0) + 1;
  key_column text := TG_ARGV[0];
  touched bigint;
  was bigint;
BEGIN
  IF noted IS NULL THEN  -- the transaction's first noted row
    {_0005.BUMP} RETURNING n INTO noted;
    PERFORM set_config('luoshi.version', noted::text, true);
    DELETE FROM progress_change WHERE progress_change.version <= noted - {_0005.KEEP};
  END IF;
  PERFORM set_config('luoshi.rows', rows_noted::text, true);
  IF rows_noted > {ROWS} THEN  -- too many to note one by one: everything changed
    IF rows_noted = {ROWS} + 1 THEN
      INSERT INTO progress_change (version, target_id) VALUES (noted, NULL);
    END IF;
    RETURN NULL;
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


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_0005.POSTGRES_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("progress", "0005_change")]

    operations = [migrations.RunPython(create, drop)]
