"""The committed interaction models are exactly what the words under content/ generate."""

from skill.publish.layout import model_path
from skill.triage.load import content_dir
from skill.words.build import main, model_json
from skill.words.load_all import load_all_words


def test_every_committed_model_is_the_one_the_words_generate():
    for locale, words in load_all_words(content_dir()).items():
        path = model_path(locale)
        assert path.exists(), f"{path.name} missing: run python -m skill model build"
        assert path.read_text("utf-8") == model_json(words), (
            f"{path.name} is stale: run python -m skill model build"
        )


def test_the_build_check_fails_on_a_stale_model(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    first = next(tmp_path.glob("*.json"))
    first.write_text("{}\n", encoding="utf-8")
    assert main(["build", "--check", "--out", str(tmp_path)]) == 1
    assert "stale" in capsys.readouterr().err
