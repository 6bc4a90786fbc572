"""Server-rendered SVG bar charts: no JavaScript, no CDN, readable on a phone."""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#3b6fb6", "#d9822b", "#c23030", "#29a634", "#8f398f", "#00998c", "#7d7d7d")


def bar_chart(labels: list[str], series: dict[str, list[int]], title: str,
              width: int = 640, height: int = 220) -> Markup:
    """Stacked bars, one per label; each series a colour, with a legend and hover titles."""
    top, bottom, left = 24, 36, 36
    plot_h = height - top - bottom
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    peak = max(totals, default=0) or 1
    step = (width - left - 8) / max(len(labels), 1)
    bar_w = max(step * 0.7, 1.0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(title)}" class="chart">',
             f'<text x="{left}" y="14" class="chart-title">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" '
             f'stroke="#999"/>',
             f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" class="chart-axis">{peak}</text>']
    for i, label in enumerate(labels):
        x, base = left + i * step, top + plot_h
        for s, (name, values) in enumerate(series.items()):
            h = values[i] / peak * plot_h
            if h <= 0:
                continue
            base -= h
            parts.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(label)} '
                         f'{escape(name)}: {values[i]}</title></rect>')
        if len(labels) <= 16 or i % max(len(labels) // 8, 1) == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 14}" '
                         f'text-anchor="middle" class="chart-axis">{escape(label[5:])}</text>')
    for s, name in enumerate(series):
        x = left + s * 120
        parts.append(f'<rect x="{x}" y="{height - 14}" width="10" height="10" '
                     f'fill="{PALETTE[s % len(PALETTE)]}"/><text x="{x + 14}" y="{height - 5}" '
                     f'class="chart-axis">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
