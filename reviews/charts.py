"""Line charts drawn as SVG on the server: sessions placed on a real date axis, one line per
person, gaps left as gaps, and the same values as rows for a table beside the chart.

Pure Python with plain data in and out; the template `reviews/includes/line_chart.html` draws
the shapes this computes. No JavaScript, so charts print and work everywhere.
"""

from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT = 560, 190
# RIGHT leaves half a date label of room after the last tick.
LEFT, RIGHT, TOP, BOTTOM = 120, 36, 12, 40
# The room one date label needs ("Sep 2026" at 12px) plus a gap: ticks closer than this would
# make labels touch, so the axis takes a longer step instead.
MIN_TICK_SPACING = 72
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
DAY_STEPS = (1, 2, 7, 14)
# Distinct colours (reviews.css); later people reuse them dashed.
PALETTE_SIZE = 8


@dataclass
class Series:
    """One person's sessions: [(session date, value or None, value label)], oldest first."""

    name: str
    values: list[tuple[date, float | None, str]]


@dataclass
class Chart:
    title: str
    lines: list[dict] = field(default_factory=list)  # name, css, segments, points
    gridlines: list[dict] = field(default_factory=list)  # y, label
    x_ticks: list[dict] = field(default_factory=list)  # x, label
    bands: list[dict] = field(default_factory=list)  # y, height, label: benchmark zones
    rows: list[dict] = field(default_factory=list)  # date, person, value_label: the table
    by_person: bool = False
    benchmark: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_width: int = WIDTH - LEFT - RIGHT

    @property
    def has_values(self):
        return any(p["value"] is not None for line in self.lines for p in line["points"])

    @property
    def point_radius(self):
        # Many sessions: smaller dots, so the line stays readable.
        count = sum(len(line["points"]) for line in self.lines)
        return 5 if count <= 24 else 3 if count <= 60 else 2

    @property
    def first_date(self):
        return min((row["date"] for row in self.rows), default=None)

    @property
    def last_date(self):
        return max((row["date"] for row in self.rows), default=None)


def line_chart(title, series, *, y_min, y_max, ticks, bands=(), by_person=False):
    """series: [Series]; ticks: [(value, label)] on the y axis; bands: [(from, to, label)]
    drawn behind the lines (a benchmark's fair and good zones). Each series is its own line,
    so two people's sessions are never joined."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = (y_max - y_min) or 1

    def y_of(value):
        clamped = min(max(value, y_min), y_max)
        return round(TOP + plot_h * (1 - (clamped - y_min) / span), 1)

    dates = [when for s in series for when, _value, _label in s.values]
    chart = Chart(title=title, by_person=by_person)
    if not dates:
        return chart
    start, end = min(dates), max(dates)
    days = (end - start).days

    def x_of(when):
        if days == 0:
            return round(LEFT + plot_w / 2, 1)
        return round(LEFT + plot_w * (when - start).days / days, 1)

    for index, one in enumerate(series):
        line = {"name": one.name, "css": _css_of(index), "segments": [], "points": []}
        run = []
        for when, value, value_label in one.values:
            point = {"x": x_of(when), "date": when, "value": value, "value_label": value_label}
            if value is None:
                point["y"] = None
                if run:
                    line["segments"].append(_path(run))
                run = []
            else:
                point["y"] = y_of(value)
                run.append((point["x"], point["y"]))
            line["points"].append(point)
            chart.rows.append({"date": when, "person": one.name, "value_label": value_label})
        if run:
            line["segments"].append(_path(run))
        chart.lines.append(line)
    chart.rows.sort(key=lambda row: (row["date"], row["person"]))
    chart.x_ticks = [{"x": x_of(when), "label": label} for when, label in date_ticks(start, end)]
    chart.gridlines = [{"y": y_of(value), "label": label} for value, label in ticks]
    for low, high, label in bands:
        top, bottom = y_of(high), y_of(low)
        chart.bands.append({"y": top, "height": round(bottom - top, 1), "label": label})
    return chart


def date_ticks(start: date, end: date, width: int = WIDTH - LEFT - RIGHT):
    """[(date, label)] for the x axis from `start` to `end`: whole months (or days, over a
    short span) at the shortest step that keeps labels `MIN_TICK_SPACING` apart."""
    days = (end - start).days
    if days == 0:
        return [(start, f"{start:%-d %b %Y}")]
    most = max(int(width // MIN_TICK_SPACING), 1)
    min_days = days * MIN_TICK_SPACING / width  # the fewest days between two ticks
    if days <= 62:
        step = next((s for s in DAY_STEPS if s >= min_days), DAY_STEPS[-1])
        ticks = [start.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1, step)]
        return [(when, f"{when:%-d %b}") for when in ticks][:most]
    # A month is at least 28 days: a step of months is safe when 28 x step days are room enough.
    step = next((s for s in MONTH_STEPS if 28 * s >= min_days), MONTH_STEPS[-1])
    ticks = []
    year, month = start.year, start.month
    while True:
        when = date(year, month, 1)
        if when > end:
            break
        if when >= start and (year * 12 + month - 1) % step == 0:
            ticks.append(when)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    label = "%Y" if step >= 12 else "%b %Y"
    return [(when, when.strftime(label)) for when in ticks][:most]


def _css_of(index):
    colour = f"chart__series--{index % PALETTE_SIZE}"
    return colour if index < PALETTE_SIZE else f"{colour} chart__series--dashed"


def _path(run):
    if len(run) == 1:
        x, y = run[0]
        return f"M{x},{y}"
    return "M" + " L".join(f"{x},{y}" for x, y in run)
