"""Both portal themes: every text colour pair the widget uses reaches WCAG 2.1 AA contrast (4.5:1)."""

from __future__ import annotations

import json
import re

import pytest

from retrieval.settings import ROOT

THEMES = ROOT / "widget" / "themes"
# (foreground, background) custom properties as nwd.css pairs them for text.
TEXT_PAIRS = [
    ("--nwd-text", "--nwd-bg"),
    ("--nwd-text", "--nwd-bg-muted"),
    ("--nwd-text", "--nwd-user-bg"),
    ("--nwd-text-muted", "--nwd-bg"),
    ("--nwd-text-muted", "--nwd-bg-muted"),
    ("--nwd-header-text", "--nwd-header-bg"),
    ("--nwd-on-primary", "--nwd-primary"),
    ("--nwd-on-primary", "--nwd-primary-hover"),
    ("--nwd-on-primary", "--nwd-danger"),
    ("--nwd-primary", "--nwd-bg"),
    ("--nwd-primary", "--nwd-bg-muted"),
    ("--nwd-link", "--nwd-bg"),
    ("--nwd-link", "--nwd-bg-muted"),
    ("--nwd-link-hover", "--nwd-bg-muted"),
    ("--nwd-danger-text", "--nwd-danger-bg"),
    ("--nwd-danger-text", "--nwd-bg"),
]
# Focus rings and borders: 3:1 against what they sit on (WCAG 1.4.11, non-text contrast).
NON_TEXT_PAIRS = [("--nwd-focus", "--nwd-bg"), ("--nwd-focus-header", "--nwd-header-bg"), ("--nwd-border", "--nwd-bg")]


def properties(portal: str) -> dict[str, str]:
    text = (THEMES / f"{portal}.css").read_text(encoding="utf-8")
    return dict(re.findall(r"(--[a-z0-9-]+):\s*([^;]+);", text))


def colour(props: dict[str, str], name: str) -> tuple[int, int, int]:
    value = props[name].strip()
    for _ in range(5):  # follow var(--x) references
        ref = re.fullmatch(r"var\((--[a-z0-9-]+)\)", value)
        if not ref:
            break
        value = props[ref.group(1)].strip()
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", value), f"{name}: {value} is not a #rrggbb colour"
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("portal", ["canada", "ontario"])
def test_text_contrast_is_at_least_4_5_to_1(portal):
    props = properties(portal)
    low = {
        f"{fg} on {bg}": round(ratio, 2)
        for fg, bg in TEXT_PAIRS
        if (ratio := contrast(colour(props, fg), colour(props, bg))) < 4.5
    }
    assert not low, f"{portal} theme: text contrast under 4.5:1: {low}"


@pytest.mark.parametrize("portal", ["canada", "ontario"])
def test_focus_rings_and_borders_are_at_least_3_to_1(portal):
    props = properties(portal)
    low = {
        f"{fg} on {bg}": round(ratio, 2)
        for fg, bg in NON_TEXT_PAIRS
        if (ratio := contrast(colour(props, fg), colour(props, bg))) < 3.0
    }
    assert not low, f"{portal} theme: non-text contrast under 3:1: {low}"


@pytest.mark.parametrize(
    ("portal", "package"),
    [("canada", "@cdssnc/gcds-tokens"), ("ontario", "@ongov/ontario-design-system-design-tokens")],
)
def test_each_theme_was_built_from_the_pinned_token_package(portal, package):
    pinned = json.loads((ROOT / "widget" / "build" / "package.json").read_text())["devDependencies"][package]
    locked = json.loads((ROOT / "widget" / "build" / "package-lock.json").read_text())["packages"]
    assert locked[f"node_modules/{package}"]["version"] == pinned
    header = (THEMES / f"{portal}.css").read_text(encoding="utf-8").splitlines()[1]
    assert f"{package} {pinned}" in header, f"themes/{portal}.css is stale: run `make widget-themes`"
