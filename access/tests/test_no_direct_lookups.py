"""Faces get objects addressed by a URL only through the access module (STYLE: tenancy in one place)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FACES = ("portal", "clientview", "office", "api")
LOOKUP_KEYS = {"code", "pk", "id", "verification_code"}


def lookups_by_code(path: Path) -> list[str]:
    """Calls like `Model.objects.get(code=…)` or `.filter(pk=…)`: fetching by an address from outside."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in {"get", "filter", "get_object_or_404"}:
            continue
        receiver = ast.unparse(node.func.value)
        if ".objects" not in receiver and node.func.attr != "get_object_or_404":
            continue
        keys = {kw.arg for kw in node.keywords if kw.arg}
        if keys & LOOKUP_KEYS or any(k.endswith(("_code", "__code")) for k in keys):
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_V2_faces_fetch_addressed_objects_only_through_access() -> None:
    files = [
        p
        for face in FACES
        for p in (ROOT / face).rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts
    ]
    assert files
    offenders = [line for path in files for line in lookups_by_code(path)]
    assert offenders == [], "look these objects up through access.access_*():\n" + "\n".join(offenders)


def test_the_check_itself_flags_a_direct_lookup(tmp_path: Path) -> None:
    sample = tmp_path / "views.py"
    sample.write_text("def view(request, code):\n    return Project.objects.filter(code=code).first()\n")
    assert len(lookups_by_code(sample)) == 1
    sample.write_text("def view(request, code):\n    return access.access_project(request.user, code)\n")
    assert lookups_by_code(sample) == []
