"""Small line charts drawn as SVG on the server: one value per session, gaps left as gaps.

Pure Python with plain data in and out; the template `reviews/includes/line_chart.html` draws
the shapes this computes. No JavaScript, so charts print and work everywhere.
"""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 120, 16, 12, 36


@dataclass
class Chart:
    title: str
    points: list[dict] = field(default_factory=list)  # x, y, label, value_label
    segments: list[str] = field(default_factory=list)  # SVG path data, one per unbroken run
    gridlines: list[dict] = field(default_factory=list)  # y, label
    bands: list[dict] = field(default_factory=list)  # y, height, label: benchmark zones
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def has_values(self):
        return any(point["value"] is not None for point in self.points)


def line_chart(title, values, *, y_min, y_max, ticks, bands=()):
    """values: [(x label, value or None, value label)]; ticks: [(value, label)];
    bands: [(from, to, label)] drawn behind the line (a benchmark's fair and good zones)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = (y_max - y_min) or 1

    def y_of(value):
        clamped = min(max(value, y_min), y_max)
        return round(TOP + plot_h * (1 - (clamped - y_min) / span), 1)

    chart = Chart(title=title)
    step = plot_w / max(len(values) - 1, 1)
    run = []
    for position, (label, value, value_label) in enumerate(values):
        x = round(LEFT + (step * position if len(values) > 1 else plot_w / 2), 1)
        point = {"x": x, "label": label, "value": value, "value_label": value_label}
        if value is None:
            point["y"] = None
            if run:
                chart.segments.append(_path(run))
            run = []
        else:
            point["y"] = y_of(value)
            run.append((x, point["y"]))
        chart.points.append(point)
    if run:
        chart.segments.append(_path(run))
    chart.gridlines = [{"y": y_of(value), "label": label} for value, label in ticks]
    for low, high, label in bands:
        top, bottom = y_of(high), y_of(low)
        chart.bands.append({"y": top, "height": round(bottom - top, 1), "label": label})
    return chart


def _path(run):
    if len(run) == 1:
        x, y = run[0]
        return f"M{x},{y}"
    return "M" + " L".join(f"{x},{y}" for x, y in run)
