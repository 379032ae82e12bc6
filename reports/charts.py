"""Small server-rendered SVG charts for the dashboards (no script, no CDN)."""

from __future__ import annotations

import math
from html import escape

from .percent import format_percent

# Drawn for a phone: the viewBox is about as wide as a 360 px screen, so 14-unit text shows at
# 12 px or more there (tests/test_browser_reports.py measures it).
W, H, LEFT, RIGHT, TOP, BOTTOM = 340, 250, 48, 10, 22, 96
FONT = 14


def _y(value: float, top: float) -> float:
    return H - BOTTOM - value / top * (H - TOP - BOTTOM)


def _axis(top: float, unit: str) -> list[str]:
    out = []
    for i in range(5):
        value = top * i / 4
        y = _y(value, top)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" font-size="{FONT}" text-anchor="end">'
            f"{f'{value:g}'.replace('.', ',')}{unit}</text>"
        )
    return out


def _open(title: str, top: float, unit: str) -> list[str]:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" class="dash-chart" role="img" '
        f'aria-label="{escape(title)}" font-family="sans-serif">'
    )
    return [head, *_axis(top, unit)]


def _target_line(target: float | None, top: float, unit: str) -> list[str]:
    if target is None:
        return []
    y = _y(target, top)
    dash = 'stroke="#dc3545" stroke-width="2" stroke-dasharray="6 4"'
    label = f'font-size="{FONT}" text-anchor="end" fill="#dc3545">target {_figure(target, unit)}'
    return [
        f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" {dash}/>',
        f'<text x="{W - RIGHT}" y="{y - 4:.1f}" {label}</text>',
    ]


def _figure(value: float, unit: str) -> str:
    """A percentage rounded as everywhere else (reports.percent); a count as a whole number."""
    return format_percent(value) if unit == "%" else f"{value:.0f}{unit}"


def _x_label(x: float, label: str) -> str:
    y = H - BOTTOM + 14
    turn = f'transform="rotate(-50 {x:.1f} {y})"'
    return f'<text x="{x:.1f}" y="{y}" font-size="{FONT}" text-anchor="end" {turn}>{escape(label)}</text>'


def _top(values: list[float | None], target: float | None) -> float:
    """The axis top: four round steps (1, 2, 2.5 or 5 × 10ⁿ) above the largest value or target."""
    highest = max([v or 0 for v in values] + [target or 0, 1]) * 1.05
    magnitude = 10 ** math.floor(math.log10(highest / 4))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if 4 * m * magnitude >= highest)
    return 4 * step


def bar_chart(
    title: str, labels: list[str], values: list[float | None], target: float | None, unit: str = "%"
) -> str:
    """A bar per label with a horizontal target line."""
    top = _top(values, target)
    step = (W - LEFT - RIGHT) / max(len(values), 1)
    out = _open(title, top, unit)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = LEFT + i * step + step * 0.15
        if value is not None:
            y = _y(value, top)
            size = f'width="{step * 0.7:.1f}" height="{H - BOTTOM - y:.1f}"'
            tip = f"<title>{escape(label)}: {_figure(value, unit)}</title>"
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" {size} fill="#198754">{tip}</rect>')
        out.append(_x_label(x + step * 0.35, label))
    return "\n".join([*out, *_target_line(target, top, unit), "</svg>"])


def line_chart(
    title: str, labels: list[str], values: list[float | None], target: float | None, unit: str = "%"
) -> str:
    """A 12-month trend line with the target line."""
    top = _top(values, target)
    step = (W - LEFT - RIGHT) / max(len(values) - 1, 1)
    out = _open(title, top, unit)
    pairs = enumerate(zip(labels, values, strict=True))
    points = [(LEFT + i * step, _y(v, top), v, label) for i, (label, v) in pairs if v is not None]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#0d6efd" stroke-width="2"/>')
    for x, y, value, label in points:
        tip = f"<title>{escape(label)}: {_figure(value, unit)}</title>"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#0d6efd">{tip}</circle>')
    out += [_x_label(LEFT + i * step, label) for i, label in enumerate(labels)]
    return "\n".join([*out, *_target_line(target, top, unit), "</svg>"])
