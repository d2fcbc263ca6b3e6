"""insights/ and render/ stay pure: no Slack SDK, so they can be tested and reused anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_insights_render_and_i18n_never_import_slack():
    files = [f for pkg in ("insights", "render", "i18n") for f in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(files) >= 4 and ROOT / "insights" / "forms.py" in files
    offenders = {
        str(f.relative_to(ROOT)): imported_modules(f) & {"slack_bolt", "slack_sdk", "handlers", "services"}
        for f in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}
