from __future__ import annotations

import io

from PIL import Image

from insights.stats import pulse_results
from insights.studies import load
from render.chart import BAR_IN, DPI, FONT_PT, LEFT_IN, LINE_IN, PAD_IN, RIGHT_IN, TOP_IN, WIDTH_IN, gap_chart

PULSE = {
    "id": 2,
    "min_respondents": 5,
    "statements": [
        {"id": 1, "metric": "feedback_to_sales", "text": "We act on feedback."},
        {"id": 2, "metric": None, "text": "Hidden statement."},
    ],
}
NAVY, WHITE, BLACK = (0x1D, 0x35, 0x57), (255, 255, 255), (0, 0, 0)


def chart(rows) -> Image.Image:
    img = Image.open(io.BytesIO(gap_chart(pulse_results(PULSE, rows, load()))))
    img.load()
    return img.convert("RGB")


def test_chart_reads_at_slacks_preview_width():
    # statement 1: both roles all agree (100%); statement 2: executives only, so it is not drawn
    rows = [{"pulse_id": 2, "statement_id": 1, "role": r, "value": 4, "n": 6} for r in ("exec", "agent")]
    rows.append({"pulse_id": 2, "statement_id": 2, "role": "exec", "value": 4, "n": 6})
    img = chart(rows)
    # 6.4 in at 200 dpi; one statement of one line: 0.5 + (0.19 + 3 × 0.03 + 2 × 0.17 + 0.17) + 1.0 in tall
    assert img.size == (1280, 458)
    scale = 640 / img.width  # Slack's preview is about 640 px wide
    assert min(FONT_PT.values()) * DPI / 72 * scale >= 10  # the smallest text, in preview pixels
    # the study's executive figure (78%) sits on the navy 100% bar, and shows: white inside, navy around
    x = round((LEFT_IN + 0.78 * (WIDTH_IN - LEFT_IN - RIGHT_IN)) * DPI)
    y = round((TOP_IN + LINE_IN + PAD_IN + BAR_IN / 2) * DPI)
    assert img.getpixel((x, y)) == WHITE
    assert img.getpixel((x - 40, y)) == NAVY and img.getpixel((x + 40, y)) == NAVY


def test_nothing_comparable_means_no_chart():
    one_role = [{"pulse_id": 2, "statement_id": 1, "role": "exec", "value": 4, "n": 6}]
    assert gap_chart(pulse_results(PULSE, one_role, load())) is None
    too_few = [{"pulse_id": 2, "statement_id": 1, "role": r, "value": 4, "n": 2} for r in ("exec", "agent")]
    assert gap_chart(pulse_results(PULSE, too_few, load())) is None


def test_strativity_figures_get_their_own_marker_not_the_2008_diamond():
    # statement 1 is linked to a 2008 metric (executives 78%), statement 2 to Strativity 2004's
    # "tools and authority" (executives 37%): a diamond, then a square, each on a navy 100% bar
    pulse = {
        **PULSE,
        "statements": [PULSE["statements"][0], {"id": 2, "metric": "tools_authority", "text": "We have tools."}],
    }
    rows = [
        {"pulse_id": 2, "statement_id": s, "role": r, "value": 4, "n": 6} for s in (1, 2) for r in ("exec", "agent")
    ]
    img = Image.open(io.BytesIO(gap_chart(pulse_results(pulse, rows, load())))).convert("RGB")
    row = LINE_IN + 3 * PAD_IN + 2 * BAR_IN + 0.17  # one statement of one line, then the space after it
    for value, top, corner in ((0.78, 0, NAVY), (0.37, row, BLACK)):
        x = round((LEFT_IN + value * (WIDTH_IN - LEFT_IN - RIGHT_IN)) * DPI)
        y = round((TOP_IN + top + LINE_IN + PAD_IN + BAR_IN / 2) * DPI)
        # the centre is white either way; 10 px right and down is past a diamond's edge (the bar),
        # on a square's black edge (its corner)
        assert img.getpixel((x, y)) == WHITE and img.getpixel((x + 10, y + 10)) == corner
    # the legend names the square: a third row of legend, so the figure is 0.22 in taller than two rows'
    assert img.size == (1280, round((TOP_IN + 2 * row + 1.0 + 0.22) * DPI))
