"""The store layer: tables, engine, migrations, audit log and every query."""
