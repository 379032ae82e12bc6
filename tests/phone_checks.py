"""Measured, not eyeballed: WCAG contrast of text, tap-target sizes and horizontal overflow of
a page in the browser, and where the screenshots of a browser walk are saved."""

from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

_CONTRAST_JS = """
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const bg = background(el);
    const fg = over(parse(style.color), bg);
    const opacity = Number(style.opacity);
    const l1 = luminance(fg), l2 = luminance(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    out.push({text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, opacity});
  }
  return out;
}
"""

_TARGETS_JS = """
(selector) => [...document.querySelectorAll(selector)]
  .filter(el => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; })
  .map(el => { const b = el.getBoundingClientRect();
    return {text: (el.textContent || el.name || el.id).trim().slice(0, 40), w: b.width, h: b.height}; })
"""

TEXT = "nav a, nav button, .navbar-text, .btn, .badge, label, p, td, th, .list-group-item, .small, h1, h2"
TARGETS = (
    "nav a, nav button, form button, .btn, form select, "
    "form input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .form-check"
)


def low_contrast(page, selector: str = TEXT, minimum: float = 4.5) -> list[dict]:
    """Visible text whose contrast with its background is below `minimum` (WCAG 1.4.3)."""
    return [e for e in page.evaluate(_CONTRAST_JS, selector) if e["ratio"] < minimum or e["opacity"] < 1]


def small_targets(page, selector: str = TARGETS, minimum: float = 44) -> list[dict]:
    """Visible tap targets smaller than `minimum` CSS pixels in height or width."""
    return [e for e in page.evaluate(_TARGETS_JS, selector) if e["h"] < minimum or e["w"] < minimum]


def overflows(page) -> bool:
    """Whether the page is wider than the screen (something cut off or scrolled sideways). Waits
    for the page's load event first: just after a click the new page may be committed but not yet
    styled, and unstyled content is wider than the screen."""
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def smallest_chart_text_px(page, charts: str = "svg.growth-chart") -> float:
    """The smallest rendered font size (CSS px) of the text in the charts (growth charts unless
    another selector is given)."""
    return page.evaluate(
        """(charts) => Math.min(...[...document.querySelectorAll(charts + ' text')].map(t => {
             const svg = t.ownerSVGElement;
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return Number(t.getAttribute('font-size')) * scale; }))""",
        charts,
    )


def check_phone_page(page, name: str) -> None:
    """Screenshot the page under test-artifacts/ and assert contrast, tap targets, no overflow."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert low_contrast(page) == [], name
    assert small_targets(page) == [], name
    assert not overflows(page), name
