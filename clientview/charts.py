"""Server-rendered SVG charts: geometry computed here, drawn by the template (no script, no inline style)."""

from __future__ import annotations

from dataclasses import dataclass

from training.queries import ActionCounts

BAR_WIDTH = 360
ROW_HEIGHT = 52
LABEL_HEIGHT = 18
BAR_HEIGHT = 18


@dataclass
class Segment:
    key: str  # done | started | open
    x: float
    width: float
    n: int


@dataclass
class Bar:
    title: str
    y_label: int
    y_bar: int
    y_text: int
    segments: list[Segment]
    done: int
    started: int
    open: int
    late: int
    total: int
    percent_done: int


@dataclass
class ProgressChart:
    bars: list[Bar]
    width: int
    height: int
    bar_width: int
    text_x: int


def progress_chart(counts: list[ActionCounts]) -> ProgressChart:
    """One stacked bar per action: done, started, not started, each as a share of the learners it applies to."""
    bars = []
    for index, c in enumerate(counts):
        top = index * ROW_HEIGHT
        segments, x = [], 0.0
        for key, n in (("done", c.done), ("started", c.started), ("open", c.open)):
            width = round(BAR_WIDTH * n / c.total, 1) if c.total else 0.0
            if width:
                segments.append(Segment(key=key, x=x, width=width, n=n))
            x += width
        bars.append(
            Bar(
                title=c.action.title,
                y_label=top + 14,
                y_bar=top + LABEL_HEIGHT + 4,
                y_text=top + LABEL_HEIGHT + 4 + 14,
                segments=segments,
                done=c.done,
                started=c.started,
                open=c.open,
                late=c.late,
                total=c.total,
                percent_done=c.percent_done,
            )
        )
    return ProgressChart(
        bars=bars,
        width=BAR_WIDTH + 320,
        height=max(len(bars) * ROW_HEIGHT, ROW_HEIGHT),
        bar_width=BAR_WIDTH,
        text_x=BAR_WIDTH + 10,
    )
