"""No test of this project holds an assertion that cannot fail (tests/assertion_lint.py, also in `make lint`)."""

from __future__ import annotations

import pytest

from tests.assertion_lint import check, findings


def test_no_assertion_in_the_tests_cannot_fail():
    found = check()
    assert found == [], "\n".join(f"{path}:{line}: {reason}" for path, line, reason in found)


@pytest.mark.parametrize(
    "source",
    [
        "def test_x(text):\n    assert 'not available' in text or 'Population' in text\n",
        "def test_x(route):\n    assert route is None or route.entry.service.statuses\n",
        "def test_x(text):\n    assert text or True\n",
        "def test_x():\n    assert True\n",
        "def test_says_it_widened(router):\n    routed = router.route('x')\n    assert routed is not None\n",
        "def test_x(text):\n    assert text == 'a' or 'b' in 'abc'\n",
    ],
)
def test_each_shape_that_cannot_fail_is_found(source):
    assert len(list(findings(source))) == 1


@pytest.mark.parametrize(
    "source",
    [
        "def test_x(text):\n    assert 'Population' in text\n",
        "def test_x(route):\n    assert route is not None\n    assert route.widened\n",
        "def test_x(a, b):\n    assert a == 1 or b == 2\n",
        "def test_x(f):\n    with pytest.raises(ValueError):\n        f()\n    assert f() is not None\n",
    ],
)
def test_assertions_that_can_fail_are_left_alone(source):
    assert list(findings(source)) == []
