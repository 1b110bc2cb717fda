#!/usr/bin/env python3
"""Sanity checker for the DomainModel seed corpus (schemas + facts + documents).

Checks, mirroring docs/schema-language.md:
  * schema names, field names, descriptions and field types;
  * fact ids (lowercase hyphen slugs, unique per kind, no PascalCase collisions, no reserved ids);
  * every fact field exists in its kind, required fields are present, values match their type,
    enum values exist, references name an existing fact of the referenced kind;
  * every evidence quote occurs verbatim in its document (whitespace runs collapsed);
  * two-way links used in this corpus agree (Leader.memberships / Membership.person, ...).

Uses PyYAML with BaseLoader so that every scalar stays a string, as in the generator.
Usage: python3 seeds/tools/check_corpus.py [seeds-dir]
"""
import os
import re
import sys
import glob

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required for this checker (pip install pyyaml)")

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
errors = []


def err(msg):
    errors.append(msg)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def pascal(slug):
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[-_]", slug))


KIND_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
FIELD_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")  # stricter than the doc: hyphens only
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PRIMS = {"string", "integer", "decimal", "boolean", "date", "money", "quantity", "percent"}
RESERVED_FIELDS = {"id", "evidence", "note"}
RESERVED_IDS = {"all", "get", "try-get", "count", "by-id"}
QUALIFIERS = {"exact", "about", "at-least", "more-than", "at-most", "less-than"}
DATE_RE = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{3}0s)$")
NUM_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")

# ---------------------------------------------------------------- schemas
enums, kinds = {}, {}
for path in sorted(glob.glob(os.path.join(ROOT, "schema", "*.schema.yaml"))):
    doc = load(path) or {}
    for name, e in (doc.get("enums") or {}).items():
        if not KIND_RE.match(name):
            err(f"{path}: bad enum name {name}")
        if name in enums or name in kinds:
            err(f"{path}: duplicate type name {name}")
        if not e.get("description"):
            err(f"{path}: enum {name} lacks description")
        vals = e.get("values") or []
        for v in vals:
            if not SLUG_RE.match(v):
                err(f"{path}: enum {name} bad value {v}")
        if len(set(map(pascal, vals))) != len(vals):
            err(f"{path}: enum {name} has colliding values")
        enums[name] = set(vals)
    for name, k in (doc.get("kinds") or {}).items():
        if not KIND_RE.match(name):
            err(f"{path}: bad kind name {name}")
        if name in enums or name in kinds:
            err(f"{path}: duplicate type name {name}")
        if not k.get("description"):
            err(f"{path}: kind {name} lacks description")
        for fname, f in (k.get("fields") or {}).items():
            if not FIELD_RE.match(fname) or fname in RESERVED_FIELDS:
                err(f"{path}: {name}.{fname} bad field name")
            if not f.get("description"):
                err(f"{path}: {name}.{fname} lacks description")
        kinds[name] = k

for name, k in kinds.items():
    for fname, f in (k.get("fields") or {}).items():
        t = f.get("type", "")
        inner = t[5:-1] if t.startswith("list<") and t.endswith(">") else t
        if inner.startswith("list<"):
            err(f"{name}.{fname}: nested list")
        if inner not in PRIMS and inner not in enums and inner not in kinds:
            err(f"{name}.{fname}: unknown type {t}")

plural_of = {k: (v.get("plural") or k + "s") for k, v in kinds.items()}

# ---------------------------------------------------------------- facts
docs_dir = os.path.join(ROOT, "documents")
doc_cache = {}


def document_text(name):
    if name not in doc_cache:
        p = os.path.join(docs_dir, name)
        doc_cache[name] = norm(open(p, encoding="utf-8").read()) if os.path.exists(p) else None
    return doc_cache[name]


facts = {}  # kind -> {id: fact}
for path in sorted(glob.glob(os.path.join(ROOT, "facts", "*.facts.yaml"))):
    doc = load(path)
    kind = doc.get("kind")
    if kind not in kinds:
        err(f"{path}: unknown kind {kind}")
        continue
    expected = plural_of[kind].lower() + ".facts.yaml"
    if os.path.basename(path) != expected:
        err(f"{path}: expected file name {expected}")
    default_doc = doc.get("document")
    bucket = facts.setdefault(kind, {})
    seen_pascal = {pascal(i): i for i in bucket}
    for fact in doc.get("facts") or []:
        fid = fact.get("id", "")
        if not ID_RE.match(fid) or fid in RESERVED_IDS:
            err(f"{path}: bad id {fid!r}")
        if fid in bucket or pascal(fid) in seen_pascal:
            err(f"{path}: duplicate id {fid}")
        bucket[fid] = fact
        seen_pascal[pascal(fid)] = fid
        ev = fact.get("evidence") or []
        if not ev:
            err(f"{kind}/{fid}: no evidence")
        for item in ev:
            quote, dname = (item, default_doc) if isinstance(item, str) else (item.get("quote"), item.get("document", default_doc))
            text = document_text(dname)
            if text is None:
                err(f"{kind}/{fid}: unknown document {dname}")
            elif norm(quote) not in text:
                err(f"{kind}/{fid}: quote not found: {quote!r}")


def check_value(where, t, v):
    if t == "string":
        if not isinstance(v, str):
            err(f"{where}: expected scalar")
    elif t == "integer":
        if not (isinstance(v, str) and re.match(r"^-?[0-9]+$", v)):
            err(f"{where}: bad integer {v!r}")
    elif t in ("decimal", "percent"):
        if not (isinstance(v, str) and NUM_RE.match(v.rstrip("%"))):
            err(f"{where}: bad {t} {v!r}")
    elif t == "boolean":
        if v not in ("true", "false"):
            err(f"{where}: bad boolean {v!r}")
    elif t == "date":
        if not (isinstance(v, str) and DATE_RE.match(v)):
            err(f"{where}: bad date {v!r}")
    elif t == "money":
        if isinstance(v, dict):
            if set(v) != {"amount", "currency"} or not NUM_RE.match(v["amount"]) or not re.match(r"^[A-Z]{3}$", v["currency"]):
                err(f"{where}: bad money {v!r}")
        elif not re.match(r"^-?[0-9]+(\.[0-9]+)? [A-Z]{3}$", v or ""):
            err(f"{where}: bad money {v!r}")
    elif t == "quantity":
        if isinstance(v, dict):
            if not {"value", "unit"} <= set(v) or set(v) - {"value", "unit", "qualifier"}:
                err(f"{where}: bad quantity keys {v!r}")
            elif not NUM_RE.match(v["value"]) or not v["unit"]:
                err(f"{where}: bad quantity {v!r}")
            elif v.get("qualifier", "exact") not in QUALIFIERS:
                err(f"{where}: bad qualifier {v!r}")
        elif not re.match(r"^-?[0-9]+(\.[0-9]+)? \S.*$", v or ""):
            err(f"{where}: bad quantity {v!r}")
    elif t in enums:
        if v not in enums[t]:
            err(f"{where}: {v!r} is not a {t} value")
    elif t in kinds:
        if v not in facts.get(t, {}):
            err(f"{where}: no {t} with id {v!r}")


for kind, bucket in facts.items():
    fields = kinds[kind].get("fields") or {}
    for fid, fact in bucket.items():
        for fname, f in fields.items():
            if f.get("required") == "true" and fname not in fact:
                err(f"{kind}/{fid}: missing required {fname}")
        for key, v in fact.items():
            if key in RESERVED_FIELDS:
                continue
            if key not in fields:
                err(f"{kind}/{fid}: unknown field {key}")
                continue
            t = fields[key]["type"]
            where = f"{kind}/{fid}.{key}"
            if t.startswith("list<"):
                if not isinstance(v, list):
                    err(f"{where}: expected a sequence")
                    continue
                for i, x in enumerate(v):
                    check_value(f"{where}[{i}]", t[5:-1], x)
            else:
                check_value(where, t, v)


# ---------------------------------------------------------------- two-way links
def ids(v):
    return v if isinstance(v, list) else ([v] if v else [])


def backlink(kind_a, list_field, kind_b, ref_field):
    """kind_a.list_field lists exactly the kind_b facts whose ref_field points back."""
    for aid, a in facts.get(kind_a, {}).items():
        listed = set(ids(a.get(list_field)))
        pointing = {bid for bid, b in facts.get(kind_b, {}).items() if aid in ids(b.get(ref_field))}
        if listed != pointing:
            err(f"{kind_a}/{aid}.{list_field} {sorted(listed)} != {kind_b}.{ref_field} back-refs {sorted(pointing)}")


backlink("Leader", "memberships", "Membership", "person")
backlink("Event", "participants", "Participation", "event")
backlink("Event", "casualty_breakdown", "CasualtyFigure", "event")
backlink("Event", "agreements_produced", "Agreement", "event")
for bid, b in facts.get("Base", {}).items():
    for aid in ids(b.get("upgrade_agreements")) + ids(b.get("lease_agreement")):
        if bid not in ids(facts.get("Agreement", {}).get(aid, {}).get("bases")):
            err(f"Base/{bid}: agreement {aid} does not list the base")
for pid, p in facts.get("Participation", {}).items():
    n = sum(1 for k in ("leader", "organization", "country") if k in p)
    if n != 1:
        err(f"Participation/{pid}: expected exactly one of leader/organization/country")

# ---------------------------------------------------------------- report
total = sum(len(b) for b in facts.values())
for kind in sorted(kinds):
    print(f"{plural_of[kind]:16} {len(facts.get(kind, {})):4}")
print(f"{'total':16} {total:4}")
if errors:
    print(f"\n{len(errors)} error(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
