"""Where the skill package lives: interaction_model/, in the ASK CLI v2 skill package layout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASK_RESOURCES = ROOT / "ask-resources.json"
PACKAGE_DIR = ROOT / "interaction_model"
MANIFEST_NAME = "skill.json"
MODELS_NAME = "interactionModels/custom"
ASSETS_NAME = "assets"
MANIFEST_PATH = PACKAGE_DIR / MANIFEST_NAME
MODEL_DIR = PACKAGE_DIR / MODELS_NAME
ASSETS_DIR = PACKAGE_DIR / ASSETS_NAME


def model_path(locale: str, folder: Path = MODEL_DIR) -> Path:
    """Where a locale's generated interaction model is."""
    return folder / f"{locale}.json"
