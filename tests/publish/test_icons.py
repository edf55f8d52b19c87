"""The skill icons are the committed output of scripts/draw_icons.py, at the sizes Alexa asks."""

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from skill.publish.layout import ASSETS_DIR

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "draw_icons.py"
ICONS = {"small-icon-108.png": 108, "large-icon-512.png": 512}


@pytest.fixture(scope="module")
def redrawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    subprocess.run([sys.executable, SCRIPT, out], check=True, capture_output=True, timeout=60)
    return out


@pytest.mark.parametrize(("name", "size"), ICONS.items())
def test_icon_is_a_square_rgb_png_of_its_size(name: str, size: int) -> None:
    with Image.open(ASSETS_DIR / "images" / name) as icon:
        assert (icon.format, icon.mode, icon.size) == ("PNG", "RGB", (size, size))


@pytest.mark.parametrize("name", ICONS)
def test_redrawing_gives_the_committed_pixels(redrawn: Path, name: str) -> None:
    # Pixels, not bytes: Pillow compresses with the system's zlib, whose output may differ.
    with Image.open(ASSETS_DIR / "images" / name) as committed, Image.open(redrawn / name) as new:
        assert (new.size, new.mode) == (committed.size, committed.mode)
        assert new.tobytes() == committed.tobytes()


def test_the_script_draws_exactly_the_committed_icons(redrawn: Path) -> None:
    committed = {p.name for p in (ASSETS_DIR / "images").iterdir()}
    assert {p.name for p in redrawn.iterdir()} == committed == set(ICONS)
