"""The growth chart (KMS) as a server-rendered SVG: a child's points over the WHO SD curves.

Readable on a phone (it scales to the screen width; drawn on a 360-wide canvas with 14-unit text,
so the text stays at least 12 px on a 360 px screen) and printable (plain strokes, no script).
Each point carries a <title> with its date and value, shown on touch or hover; the last point
is also labelled on the chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import numpy as np

from .indices import DAYS_PER_MONTH, UNDER_FIVE_MONTHS
from .tables import table
from .zscore import value_at

SD_LINES = {3: "#7a1c1c", 2: "#dc3545", 0: "#198754", -2: "#dc3545", -3: "#7a1c1c"}
WIDTH, HEIGHT = 360, 340
LEFT, RIGHT, TOP, BOTTOM = 42, 26, 52, 44
TEXT = 14  # canvas units; ≈ 12.7 px when the chart is 328 px wide (a 360 px phone)


@dataclass(frozen=True)
class ChartSpec:
    title: str
    x_label: str
    y_label: str
    table: str
    by_age: bool
    x_range: tuple[float, float]


CHARTS = {
    "bbu": ChartSpec("Berat badan menurut umur (BB/U)", "Umur (bulan)", "Berat badan (kg)",
                     "wfa_0_5", True, (0, UNDER_FIVE_MONTHS)),
    "pbu": ChartSpec("Panjang/tinggi badan menurut umur (PB/U, TB/U)", "Umur (bulan)", "Panjang/tinggi (cm)",
                     "lhfa_0_5", True, (0, UNDER_FIVE_MONTHS)),
    "bbpb": ChartSpec("Berat badan menurut panjang badan (BB/PB)", "Panjang badan (cm)", "Berat badan (kg)",
                      "wfl_0_2", False, (45, 110)),
    "bbtb": ChartSpec("Berat badan menurut tinggi badan (BB/TB)", "Tinggi badan (cm)", "Berat badan (kg)",
                      "wfh_2_5", False, (65, 120)),
}  # fmt: skip


@dataclass(frozen=True)
class Point:
    x: float  # age in months, or length in cm
    y: float
    label: str  # e.g. "12 Jan 2026: 9,6 kg"


def sd_curves(spec: ChartSpec, sex: int) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """x values and the y of each SD line, for sex 1 (boys) or 2 (girls)."""
    t = table(spec.table)
    grid = np.arange(t.start, t.stop + t.step / 2, 7 * t.step if spec.by_age else 5 * t.step)
    L, M, S = t.at(np.full(grid.shape, sex - 1), grid)
    xs = grid / DAYS_PER_MONTH if spec.by_age else grid
    return xs, {sd: value_at(sd, L, M, S) for sd in SD_LINES}


def _ticks(low: float, high: float, target: int = 8) -> list[float]:
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 6) for i in range(int((high - first) / step) + 1)]


@dataclass(frozen=True)
class _Frame:
    """Maps data coordinates to SVG coordinates."""

    x0: float
    x1: float
    y0: float
    y1: float

    def x(self, value: float) -> float:
        return LEFT + (value - self.x0) / (self.x1 - self.x0) * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        return HEIGHT - BOTTOM - (value - self.y0) / (self.y1 - self.y0) * (HEIGHT - TOP - BOTTOM)


def _text(x: float, y: float, text: str, size: int = TEXT, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{extra}>{escape(text)}</text>'


def _grid(f: _Frame, spec: ChartSpec) -> list[str]:
    out = []
    for x in _ticks(f.x0, f.x1, 7):
        out.append(
            f'<line x1="{f.x(x):.1f}" y1="{TOP}" x2="{f.x(x):.1f}" y2="{HEIGHT - BOTTOM}" stroke="#e5e5e5"/>'
        )
        out.append(_text(f.x(x), HEIGHT - BOTTOM + 17, f"{x:g}", text_anchor="middle"))
    for y in _ticks(f.y0, f.y1, 7):
        out.append(
            f'<line x1="{LEFT}" y1="{f.y(y):.1f}" x2="{WIDTH - RIGHT}" y2="{f.y(y):.1f}" stroke="#e5e5e5"/>'
        )
        out.append(_text(LEFT - 6, f.y(y) + 4, f"{y:g}", text_anchor="end"))
    middle = (TOP + HEIGHT - BOTTOM) / 2
    out.append(_text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, spec.x_label, text_anchor="middle"))
    out.append(_text(12, middle, spec.y_label, text_anchor="middle", transform=f"rotate(-90 12 {middle})"))
    return out


def _curves(f: _Frame, xs: np.ndarray, curves: dict[int, np.ndarray]) -> list[str]:
    out = []
    inside = (xs >= f.x0) & (xs <= f.x1)
    for sd, colour in SD_LINES.items():
        path = " ".join(
            f"{f.x(x):.1f},{f.y(y):.1f}" for x, y in zip(xs[inside], curves[sd][inside], strict=True)
        )
        width = 2 if sd == 0 else 1.4
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}"/>')
        out.append(
            _text(WIDTH - RIGHT + 4, f.y(curves[sd][inside][-1]) + 4, f"{sd:+d}" if sd else "0", fill=colour)
        )
    return out


def _points(f: _Frame, points: list[Point]) -> list[str]:
    shown = [p for p in points if f.x0 <= p.x <= f.x1 and f.y0 <= p.y <= f.y1]
    out = []
    if len(shown) > 1:
        path = " ".join(f"{f.x(p.x):.1f},{f.y(p.y):.1f}" for p in shown)
        out.append(f'<polyline points="{path}" fill="none" stroke="#0d6efd" stroke-width="2"/>')
    for p in shown:
        out.append(
            f'<circle cx="{f.x(p.x):.1f}" cy="{f.y(p.y):.1f}" r="5" fill="#0d6efd" stroke="#fff">'
            f"<title>{escape(p.label)}</title></circle>"
        )
    if shown:
        last = shown[-1]
        right_half = f.x(last.x) > WIDTH / 2
        x = f.x(last.x) + (-8 if right_half else 8)
        out.append(_text(x, f.y(last.y) - 8, last.label, text_anchor="end" if right_half else "start",
                         fill="#0b5ed7", font_weight="bold",
                         stroke="#fff", stroke_width="4", paint_order="stroke"))  # fmt: skip
    return out


def age_range(points: list[Point]) -> tuple[float, float]:
    """0 to a little past the oldest point, at least 24 months: a baby's points stay readable."""
    oldest = max((p.x for p in points), default=0)
    return 0, min(UNDER_FIVE_MONTHS, max(24, math.ceil((oldest + 6) / 6) * 6))


def render_svg(index: str, sex: int, points: list[Point]) -> str:
    """The chart of `index` (bbu, pbu, bbpb or bbtb) for sex 1 or 2 with the child's points."""
    spec = CHARTS[index]
    xs, curves = sd_curves(spec, sex)
    x0, x1 = age_range(points) if spec.by_age else spec.x_range
    shown = (xs >= x0) & (xs <= x1)
    y_values = np.concatenate([curves[3][shown], curves[-3][shown], [p.y for p in points]])
    frame = _Frame(x0, x1, math.floor(np.nanmin(y_values)), math.ceil(np.nanmax(y_values)))
    sex_label = "laki-laki" if sex == 1 else "perempuan"
    title = f"{spec.title} · {sex_label}"
    name, _, short = spec.title.partition(" (")  # two lines, to fit a phone
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="growth-chart" font-family="sans-serif" aria-label="{escape(title)}">'
    )
    heading = [_text(4, 18, name, 15, font_weight="bold"), _text(4, 38, f"({short} · {sex_label}", 15)]
    body = [*heading, *_grid(frame, spec), *_curves(frame, xs, curves)]
    return "\n".join([head, *body, *_points(frame, points), "</svg>"])
