"""Draw the skill icons (108 and 512 px PNG) for interaction_model/assets/images/.

The icon is a muscle (a spindle of fibres between two tendons) with three short marks of movement
above it, on a full-bleed teal square (the Alexa app crops it to a circle). Drawn at 2048 px and
scaled down, so the edges are smooth; with the pinned Pillow the pixels are the same on every run.
Run: .venv/bin/python scripts/draw_icons.py [OUT_DIR]
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

OUT_DIR = Path(__file__).resolve().parents[1] / "interaction_model" / "assets" / "images"
SIZES = {"small-icon-108.png": 108, "large-icon-512.png": 512}
MASTER = 2048
BACKGROUND = (11, 110, 117)
INK = (255, 255, 255)
ACCENT = (255, 196, 87)

# Geometry in units of the master's width.
LEFT, RIGHT, MIDDLE, HALF_HEIGHT = 0.22, 0.78, 0.60, 0.15
TENDON = 0.08
TENDON_WIDTH = 0.035
FIBRES = (-0.5, 0.0, 0.5)
FIBRE_WIDTH = 0.016
# Marks of movement: lines from just above the muscle, fanning out.
MARKS = (((0.38, 0.36), (0.32, 0.26)), ((0.50, 0.33), (0.50, 0.21)), ((0.62, 0.36), (0.68, 0.26)))
MARK_WIDTH = 0.035
STEPS = 96


def _spindle(offset: float) -> list[tuple[float, float]]:
    """Points along the spindle's outline (offset 1 or -1) or along a fibre inside it."""
    points = []
    for step in range(STEPS + 1):
        t = step / STEPS
        x = LEFT + (RIGHT - LEFT) * t
        y = MIDDLE - offset * HALF_HEIGHT * math.sin(math.pi * t) ** 1.3
        points.append((x * MASTER, y * MASTER))
    return points


def _round_line(
    draw: ImageDraw.ImageDraw,
    points: list[tuple[float, float]],
    fill: tuple[int, int, int],
    width: float,
) -> None:
    """A line with round ends, points in units of the master's width."""
    scaled = [(x * MASTER, y * MASTER) for x, y in points]
    pixels = round(width * MASTER)
    draw.line(scaled, fill=fill, width=pixels, joint="curve")
    r = pixels / 2
    for x, y in (scaled[0], scaled[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def master() -> Image.Image:
    """The icon at MASTER px square."""
    image = Image.new("RGB", (MASTER, MASTER), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _round_line(draw, [(LEFT - TENDON, MIDDLE), (RIGHT + TENDON, MIDDLE)], INK, TENDON_WIDTH)
    draw.polygon(_spindle(1.0) + _spindle(-1.0)[::-1], fill=INK)
    for offset in FIBRES:
        inner = _spindle(offset)[STEPS // 6 : STEPS - STEPS // 6]
        draw.line(inner, fill=BACKGROUND, width=round(FIBRE_WIDTH * MASTER), joint="curve")
    for mark in MARKS:
        _round_line(draw, list(mark), ACCENT, MARK_WIDTH)
    return image


def draw_icons(out_dir: Path) -> list[Path]:
    """Write every icon size into out_dir; the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    big = master()
    written = []
    for name, size in SIZES.items():
        path = out_dir / name
        big.resize((size, size), Image.Resampling.LANCZOS).save(path, format="PNG", optimize=True)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else OUT_DIR
    for path in draw_icons(out_dir):
        print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
