"""Assertions that cannot fail, found in the test sources by their shape (run by `make lint` and by pytest).

A test passes when its assertions hold, so an assertion that holds whatever the code does tests nothing.
Three shapes are refused:

- `assert A or B` where one operand always or too easily holds: a constant, `x is None` (it passes when
  nothing was returned), or a literal-in-literal membership test; and `assert "a" in text or "b" in text`,
  two phrases either of which will do, where one of them is always there (the "Population" row of every
  comparison) and the assertion then checks nothing — name the one phrase the behaviour promises;
- `assert x is not None` as the only assertion of a test: the test's name promises more than "something
  came back";
- `assert True` (or any constant).

`python -m tests.assertion_lint [paths]` prints each finding as path:line: reason and exits 1 if any.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = (ROOT / "tests",)


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) or (
        isinstance(node, ast.Tuple | ast.List | ast.Set) and all(_is_literal(e) for e in node.elts)
    )


def _is_none_test(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.Is)
        and isinstance(node.comparators[0], ast.Constant)
        and node.comparators[0].value is None
    )


def _is_literal_membership(node: ast.expr) -> bool:
    """`"phrase" in x`: a literal looked for in something."""
    return (
        isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.In | ast.NotIn)
        and _is_literal(node.left)
    )


def _weak_or(test: ast.expr) -> str | None:
    """Why an `A or B` assertion cannot fail (or fails too rarely to test anything), if it is one."""
    if not (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or)):
        return None
    for operand in test.values:
        if isinstance(operand, ast.Constant):
            return "`or` with a constant operand always holds"
        if _is_none_test(operand):
            return "`or ... is None` passes when nothing came back"
        if _is_literal_membership(operand) and _is_literal(operand.comparators[0]):
            return "`or` with a membership test of two literals is decided before the test runs"
    if sum(_is_literal_membership(v) for v in test.values) >= 2:
        return '`"a" in x or "b" in x`: either phrase will do; assert the one the behaviour promises'
    return None


def _asserts(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.Assert]:
    return [n for n in ast.walk(function) if isinstance(n, ast.Assert)]


def _raises_or_calls_helper(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A test whose other checks are `pytest.raises`/`pytest.fail` or helpers named check_/assert_/expect_."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("raises", "fail", "warns") or name.startswith(("check_", "assert_", "expect_")):
                return True
    return False


def findings(source: str, path: str = "<test>") -> Iterator[tuple[str, int, str]]:
    """(path, line, reason) for each assertion of a shape that cannot fail."""
    tree = ast.parse(source, path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            if isinstance(node.test, ast.Constant) and node.test.value:
                yield path, node.lineno, "`assert <constant>` always holds"
            reason = _weak_or(node.test)
            if reason:
                yield path, node.lineno, reason
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            asserts = _asserts(node)
            if len(asserts) == 1 and not _raises_or_calls_helper(node):
                test = asserts[0].test
                if (
                    isinstance(test, ast.Compare)
                    and len(test.ops) == 1
                    and isinstance(test.ops[0], ast.IsNot)
                    and isinstance(test.comparators[0], ast.Constant)
                    and test.comparators[0].value is None
                ):
                    yield path, asserts[0].lineno, f"`{node.name}` only asserts `is not None`"


def check(paths: tuple[Path, ...] = DEFAULT_PATHS) -> list[tuple[str, int, str]]:
    found: list[tuple[str, int, str]] = []
    for base in paths:
        files = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for file in files:
            shown = str(file.relative_to(ROOT)) if file.is_relative_to(ROOT) else str(file)
            found += findings(file.read_text(encoding="utf-8"), shown)
    return found


def main(argv: list[str]) -> int:
    paths = tuple(Path(a).resolve() for a in argv) or DEFAULT_PATHS
    found = check(paths)
    for path, line, reason in found:
        print(f"{path}:{line}: {reason}")
    print(f"assertion check: {len(found)} assertion(s) that cannot fail")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
