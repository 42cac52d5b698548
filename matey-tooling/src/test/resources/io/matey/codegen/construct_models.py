"""Builds rows of a generated dataclasses or SQLModel module from only the values its constructors require,
saves them through a session in a real database that holds the schema, and describes what the database gave
back, as JSON on stdout: the Java test checks it.

usage: construct_models.py MODELS_PY KIND URL STEPS_JSON
KIND is "dataclasses" (`Base`) or "sqlmodel". STEPS_JSON is a list of {"class": name, "values": {attr: value},
"refs": {attr: [step, attr]}}: a ref takes an attribute of an earlier step's saved row (a key the database assigned).
"""
import dataclasses
import importlib.util
import json
import sys

import sqlalchemy as sa
import sqlalchemy.orm


def load(path):
    spec = importlib.util.spec_from_file_location("generated_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def required(cls, kind):
    if kind == "sqlmodel":
        return sorted(name for name, field in cls.model_fields.items() if field.is_required())
    return sorted(f.name for f in dataclasses.fields(cls)
                  if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def describe(obj):
    mapper = sa.inspect(obj).mapper
    out = {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}
    for rel in mapper.relationships:
        value = getattr(obj, rel.key)
        if rel.uselist:
            out[rel.key] = len(value)
        else:
            out[rel.key] = None if value is None else list(sa.inspect(value).identity)
    return out


def main():
    models_path, kind, url, steps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    module = load(models_path)
    sa.orm.configure_mappers()
    classes = {step["class"]: getattr(module, step["class"]) for step in steps}
    result = {"required": {name: required(cls, kind) for name, cls in classes.items()}}
    first = classes[steps[0]["class"]]
    if kind == "dataclasses":
        try:
            first()
            result["missing_rejected"] = False
        except TypeError:
            result["missing_rejected"] = True
    else:
        # what an API does with a request body: pydantic validation, which a table model's constructor skips
        try:
            first.model_validate(steps[0]["values"])
            result["validates"] = True
        except ValueError as e:
            result["validates"] = str(e)
    engine = sa.create_engine(url)
    keys = []
    saved = []
    with sa.orm.Session(engine) as session:
        for step in steps:
            values = dict(step.get("values", {}))
            for attr, (index, source) in step.get("refs", {}).items():
                values[attr] = getattr(saved[index], source)
            row = classes[step["class"]](**values)
            session.add(row)
            session.commit()
            saved.append(row)
            keys.append(sa.inspect(row).identity)
    with sa.orm.Session(engine) as session:
        result["rows"] = [describe(session.get(classes[step["class"]], key)) for step, key in zip(steps, keys)]
    engine.dispose()
    print(json.dumps(result, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
