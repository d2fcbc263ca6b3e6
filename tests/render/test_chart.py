from __future__ import annotations

import io

from PIL import Image

from insights.benchmarks import load
from insights.stats import wave_results
from render.chart import gap_chart

WAVE = {"id": 2, "min_respondents": 5, "statements": [{"id": 1, "metric": "feedback_to_sales", "text": "We act on feedback."},
                                {"id": 2, "metric": None, "text": "Hidden statement."}]}


def test_chart_is_a_png_readable_at_preview_size():
    rows = [{"wave_id": 2, "statement_id": 1, "role": r, "value": 4, "n": 6} for r in ("exec", "agent")]
    png = gap_chart(wave_results(WAVE, rows, load()))
    img = Image.open(io.BytesIO(png))
    img.load()
    assert img.format == "PNG"
    assert img.size == (1100, 275)  # 10 in x (1.6 + 0.9) in at 110 dpi: one statement shown


def test_nothing_to_show_means_no_chart():
    rows = [{"wave_id": 2, "statement_id": 1, "role": "exec", "value": 4, "n": 2}]
    assert gap_chart(wave_results(WAVE, rows, load())) is None
