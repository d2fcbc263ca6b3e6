"""`python -m i18n.extract`: re-extract every translatable message into i18n/messages.pot and bring
i18n/sv.po and i18n/it.po up to date with it (new messages added untranslated, stale ones dropped).

Messages come from `_()` / `ngettext()` in the Python packages below, and from data/metrics.yaml
(each metric's title and topic, and the pulse statement that asks it) through `extract_metrics`, and
from data/figures.csv (each figure's note) through `extract_notes`, from data/studies.yaml (each study
fact's title and text) through `extract_facts` and from data/unmeasured.yaml (what the studies never
measured) through `extract_unmeasured`,
a Babel extraction method. After running it, translate the empty `msgstr`s; tests/i18n fails while
any is empty, fuzzy, or stale.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from i18n import CATALOGUES, DEFAULT, LANGUAGES

ROOT = CATALOGUES.parent
METHODS = [(f"{package}/**.py", "python") for package in ("render", "handlers", "services", "insights")]
METHODS.append(("data/metrics.yaml", "i18n.extract:extract_metrics"))
METHODS.append(("data/figures.csv", "i18n.extract:extract_notes"))
METHODS.append(("data/studies.yaml", "i18n.extract:extract_facts"))
METHODS.append(("data/unmeasured.yaml", "i18n.extract:extract_unmeasured"))
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
METRIC_FIELDS = ("topic", "title", "statement")  # each also the message's context (i18n.pgettext)


def extract_metrics(fileobj, keywords, comment_tags, options):
    """Babel extraction method for data/metrics.yaml: what users read of each metric, each with its
    field as the context, so that a statement an admin typed is translated only if it is a default one."""
    for metric in yaml.safe_load(fileobj):
        for key in METRIC_FIELDS:
            if metric.get(key):
                yield 0, "pgettext", (key, metric[key]), [f"{metric['id']} {key}"]


def extract_notes(fileobj, keywords, comment_tags, options):
    """Babel extraction method for data/figures.csv: each figure's note (what the sources say of it),
    with the context "note"; the quotes stay in their source's own language."""
    for row in csv.DictReader(io.TextIOWrapper(fileobj, encoding="utf-8")):
        if row.get("note"):
            yield 0, "pgettext", ("note", row["note"]), [f"{row['id']} note"]


def extract_facts(fileobj, keywords, comment_tags, options):
    """Babel extraction method for data/studies.yaml: each source's publisher (context "publisher"),
    each study's caveat and what its sources call the second group (context "caveat"), and each
    study fact's title (context "title", as a metric's) and text (context "fact")."""
    data = yaml.safe_load(fileobj)
    for seed, source in data.get("sources", {}).items():
        yield 0, "pgettext", ("publisher", source["publisher"]), [f"{seed} publisher"]
    for study in data.values():
        for key in ("caveat", "caveat_sources") if isinstance(study, dict) else ():
            if study.get(key):
                yield 0, "pgettext", ("caveat", study[key]), [f"{key}"]
        for fact in study.get("facts", ()) if isinstance(study, dict) else ():
            yield 0, "pgettext", ("title", fact["title"]), [f"fact:{fact['id']} title"]
            yield 0, "pgettext", ("fact", fact["text"]), [f"fact:{fact['id']} text"]


def extract_unmeasured(fileobj, keywords, comment_tags, options):
    """Babel extraction method for data/unmeasured.yaml: what the studies never measured, by name
    (context "unmeasured")."""
    for entry in yaml.safe_load(fileobj):
        yield 0, "pgettext", ("unmeasured", entry["title"]), [f"none:{entry['id']}"]


def template() -> Catalog:
    """Every message the code and the data can produce, as a fresh catalogue."""
    catalog = Catalog(project="Pulsegap", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, METHODS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read(lang: str) -> Catalog:
    with (CATALOGUES / f"{lang}.po").open("rb") as f:
        return read_po(f, locale=lang)


def write(path: Path, catalog: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    path.write_bytes(buf.getvalue())


def main() -> None:
    pot = template()
    write(CATALOGUES / "messages.pot", pot)
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = CATALOGUES / f"{lang}.po"
        catalog = read(lang) if path.exists() else Catalog(locale=lang, project="Pulsegap")
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.fuzzy = False  # the header: its Plural-Forms must be read
        write(path, catalog)
        missing = sum(1 for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string]))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {missing} untranslated")


if __name__ == "__main__":
    main()
