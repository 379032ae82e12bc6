import re

import pytest

from visits.growth.chart import CHARTS, Point, render_svg, sd_curves
from visits.growth.tables import table


def test_chart_has_the_five_sd_lines_and_the_childs_points():
    svg = render_svg("bbu", 2, [Point(1, 4.2, "10-02-2025: 4,2 kg"), Point(2, 5.1, "10-03-2025: 5,1 kg")])
    assert svg.count("<polyline") == 6  # −3, −2, 0, +2, +3 and the child's line
    assert re.findall(r'fill="#[0-9a-f]+">([+-]?\d)</text>', svg) == ["+3", "+2", "0", "-2", "-3"]
    assert "<title>10-03-2025: 5,1 kg</title>" in svg
    assert "perempuan" in svg


def test_labels_are_escaped():
    svg = render_svg("pbu", 1, [Point(3, 60, "<script>")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


@pytest.mark.parametrize("sex", [1, 2])
def test_median_curve_is_the_table_median(sex):
    xs, curves = sd_curves(CHARTS["bbu"], sex)
    assert xs[0] == 0 and curves[0][0] == pytest.approx(table("wfa_0_5").M[sex - 1, 0])


def test_points_outside_the_chart_are_left_out():
    svg = render_svg("bbpb", 1, [Point(130, 20, "too tall")])
    assert "<circle" not in svg


def test_age_axis_zooms_to_the_child_but_not_below_24_months():
    from visits.growth.chart import age_range

    assert age_range([Point(3, 6, "")]) == (0, 24)
    assert age_range([Point(25, 12, "")]) == (0, 36)
    assert age_range([Point(58, 17, "")]) == (0, 60)


def test_chart_text_stays_at_least_12_px_on_a_360_px_phone():
    svg = render_svg("pbu", 2, [Point(10, 72, "15-11-2026: 72,0 cm")])
    width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
    shown_width = 360 - 2 * 16  # the page's side padding
    assert smallest * shown_width / width >= 12
