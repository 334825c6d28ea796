"""Charts as standalone SVG, written by hand: no plotting library, nothing to download."""
from __future__ import annotations

from html import escape

QUAD_COLOURS = {"verbal_cooperation": "#7fbf7b", "material_cooperation": "#1b7837",
                "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}


def series_svg(rows, title, width=900, height=360):
    """Stacked bars of events by quad class per period, and a line of mean Goldstein."""
    pad_l, pad_r, pad_t, pad_b = 50, 50, 40, 60
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{pad_l}" y="22" font-size="14">{escape(title)}</text>']
    if not rows:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">no events</text></svg>')
        return "\n".join(out)
    top = max(r["events"] for r in rows) or 1
    bw = w / len(rows)
    for i, r in enumerate(rows):
        x, y = pad_l + i * bw, pad_t + h
        for key, colour in QUAD_COLOURS.items():
            bh = h * (r.get(key) or 0) / top
            if bh:
                y -= bh
                out.append(f'<rect x="{x + bw * 0.1:.1f}" y="{y:.1f}" width="{bw * 0.8:.1f}" height="{bh:.1f}" '
                           f'fill="{colour}"><title>{escape(r["period"])} {key.replace("_", " ")}: '
                           f'{r.get(key)}</title></rect>')
        if len(rows) <= 24 or i % max(1, len(rows) // 12) == 0:
            out.append(f'<text x="{x + bw / 2:.1f}" y="{pad_t + h + 14}" text-anchor="middle">'
                       f'{escape(str(r["period"])[:7])}</text>')
    points = [(pad_l + (i + 0.5) * bw, pad_t + h / 2 - (r["mean_goldstein"] or 0) / 10 * (h / 2))
              for i, r in enumerate(rows) if r["mean_goldstein"] is not None]
    if points:
        out.append('<polyline fill="none" stroke="#333" stroke-width="2" points="' +
                   " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    out.append(f'<line x1="{pad_l}" y1="{pad_t + h}" x2="{pad_l + w}" y2="{pad_t + h}" stroke="#999"/>')
    out.append(f'<text x="{pad_l - 6}" y="{pad_t + 4}" text-anchor="end">{top}</text>')
    out.append(f'<text x="{pad_l + w + 6}" y="{pad_t + 4}">+10</text>'
               f'<text x="{pad_l + w + 6}" y="{pad_t + h}">-10</text>')
    for k, (key, colour) in enumerate(QUAD_COLOURS.items()):
        out.append(f'<rect x="{pad_l + k * 170}" y="{height - 22}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{pad_l + k * 170 + 14}" y="{height - 13}">{key.replace("_", " ")}</text>')
    out.append("</svg>")
    return "\n".join(out)
