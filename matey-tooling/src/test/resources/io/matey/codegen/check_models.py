"""Loads a generated models.py, creates its metadata in an empty database and describes what was created
next to the source database, as JSON on stdout: the Java test compares the two descriptions.

usage: check_models.py MODELS_PY KIND TARGET_URL SOURCE_URL
KIND is "tables" (module-level `metadata`), "declarative" (`Base.metadata`, mappers configured) or "sqlmodel"
(`SQLModel.metadata`, mappers configured). Views are on the module's `view_metadata`, which nothing creates: their
columns are compared with the source's.
"""
import importlib.util
import json
import sys

import sqlalchemy as sa
import sqlalchemy.orm


def load(path, kind):
    """The tables' MetaData and the views' (an empty one when the schema has no views)."""
    spec = importlib.util.spec_from_file_location("generated_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    views = getattr(module, "view_metadata", sa.MetaData())
    if kind == "declarative":
        sa.orm.configure_mappers()
        return module.Base.metadata, views
    if kind == "sqlmodel":
        sa.orm.configure_mappers()
        return module.SQLModel.metadata, views
    return module.metadata, views


def inventory(engine, schemas):
    """Every table and view SQLAlchemy itself reflects in the given schemas (None: the default schema)."""
    insp = sa.inspect(engine)
    names = []
    for schema in schemas:
        found = set(insp.get_table_names(schema=schema)) | set(insp.get_view_names(schema=schema))
        if hasattr(insp, "get_materialized_view_names"):
            try:
                found |= set(insp.get_materialized_view_names(schema=schema))
            except NotImplementedError:
                pass
        names += [name if schema is None else schema + "." + name for name in found if name != "schema_migrations"]
    return sorted(names)


def view_columns(engine, views):
    """Each view's column names, in order."""
    insp = sa.inspect(engine)
    return {view.key: [c["name"] for c in insp.get_columns(view.name, schema=view.schema)] for view in views}


def describe(engine, tables):
    insp = sa.inspect(engine)
    out = {}
    for table in tables:
        schema, name = table.schema, table.name
        pk = insp.get_pk_constraint(name, schema=schema).get("constrained_columns") or []
        out[table.key] = {
            "columns": [[c["name"], bool(c["nullable"]) and c["name"] not in pk] for c in insp.get_columns(name, schema=schema)],
            "primary_key": pk,
            "foreign_keys": sorted(
                [fk["constrained_columns"], fk.get("referred_schema"), fk["referred_table"], fk["referred_columns"]]
                for fk in insp.get_foreign_keys(name, schema=schema)),
            "unique": sorted(sorted(u["column_names"]) for u in insp.get_unique_constraints(name, schema=schema)),
        }
        if engine.dialect.name in ("mysql", "mariadb"):
            out[table.key].update(mysql_detail(engine, name))
    return out


def mysql_detail(engine, name):
    """What the server itself reports of a table beyond SQLAlchemy's reflection: every column's full type,
    default, generation, character set, collation and comment, the CHECK constraints, and SHOW INDEX."""
    with engine.connect() as connection:
        version = connection.execute(sa.text("SELECT VERSION()")).scalar()
        columns = connection.execute(sa.text(
            "SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION, CHARACTER_SET_NAME, "
            "COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t ORDER BY ORDINAL_POSITION"), {"t": name})
        checks = connection.execute(sa.text(
            "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc "
            "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
            "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            # MariaDB scopes check names per table, MySQL per schema
            + (" AND cc.TABLE_NAME = tc.TABLE_NAME" if "MariaDB" in version else "") + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' "
            "AND tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = :t ORDER BY tc.CONSTRAINT_NAME"), {"t": name})
        indexes = connection.execute(sa.text("SHOW INDEX FROM `%s`" % name.replace("`", "``"))).mappings()
        return {
            "column_detail": [list(row) for row in columns],
            "checks": [list(row) for row in checks],
            "indexes": sorted([row["Key_name"], row["Seq_in_index"], row["Column_name"], row["Sub_part"],
                               row["Index_type"], row["Non_unique"], row["Collation"]] for row in indexes),
        }


def main():
    models_path, kind, target_url, source_url = sys.argv[1:5]
    metadata, view_metadata = load(models_path, kind)
    target = sa.create_engine(target_url)
    schemas = sorted({t.schema for t in list(metadata.tables.values()) + list(view_metadata.tables.values()) if t.schema})
    with target.begin() as connection:
        for schema in schemas:
            connection.execute(sa.schema.CreateSchema(schema))
    metadata.create_all(target)
    source = sa.create_engine(source_url)
    tables = [metadata.tables[key] for key in sorted(metadata.tables)]
    views = [view_metadata.tables[key] for key in sorted(view_metadata.tables)]
    print(json.dumps({
        "sqlalchemy": sa.__version__,
        "tables": sorted(list(metadata.tables) + list(view_metadata.tables)),
        "source_tables": inventory(source, [None] + schemas),
        "created": inventory(target, [None] + schemas),
        "generated": describe(target, tables),
        "source": describe(source, tables),
        "generated_views": {view.key: [c.name for c in view.columns] for view in views},
        "source_views": view_columns(source, views),
    }, sort_keys=True))
    target.dispose()
    source.dispose()


if __name__ == "__main__":
    main()
