"""The message templates the hooks and helpers can print, read from their source code.

A message is the text argument of `Problem(path, line, message)`, of an entry's
`add(key, message)` or of a helper's `fail(message)`, or a text a `message()` method returns;
each {placeholder} becomes "…".
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    return None


def _message_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name == "Problem" and len(call.args) == 3:
        return call.args[2]
    if name == "add" and len(call.args) == 2:
        return call.args[1]
    if name == "fail" and len(call.args) == 1:
        return call.args[0]
    return None


def message_templates(root: Path = ROOT) -> dict[str, str]:
    """Every message template, mapped to the file:line where the code writes it."""
    found: dict[str, str] = {}
    for path in [*sorted((root / "hooks").rglob("*.py")), *sorted((root / "scripts").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (arg := _message_argument(node)) is not None:
                template = _template(arg)
                if template and template.strip("…"):
                    found.setdefault(template, f"{path.relative_to(root)}:{node.lineno}")
            # A finding's message() returns its text (sitekit.sanitize): each return is a message.
            if isinstance(node, ast.FunctionDef) and node.name == "message":
                for ret in (n for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None):
                    template = _template(ret.value)
                    if template and template.strip("…"):
                        found.setdefault(template, f"{path.relative_to(root)}:{ret.lineno}")
    return found


if __name__ == "__main__":
    for template, where in sorted(message_templates().items(), key=lambda kv: kv[1]):
        print(f"{where}\t{template}")
