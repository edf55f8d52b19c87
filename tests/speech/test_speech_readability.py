"""The syllable counter and the Flesch-Kincaid grade on plain words and sentences."""

import pytest

from skill.speech.readability import grade, sentences, syllables, words

SYLLABLES = {
    "a": 1,
    "the": 1,
    "make": 1,
    "free": 1,
    "table": 2,
    "simple": 2,
    "whole": 1,
    "times": 1,
    "causes": 2,
    "changes": 2,
    "muscles": 2,
    "worked": 1,
    "wanted": 2,
    "noticed": 2,
    "lately": 2,
    "careful": 2,
    "period": 3,
    "serious": 3,
    "potassium": 4,
    "usual": 3,
    "equal": 2,
    "being": 2,
    "going": 2,
    "worrying": 3,
    "saying": 2,
    "medication": 4,
    "emergency": 4,
    "twitching": 2,
    "twitches": 2,
    "eyelid": 2,
    "someone": 2,
    "anyone": 3,
    "caregiver": 3,
    "beyond": 2,
    "client": 2,
    "unique": 2,
    "fibre": 2,
    "garbled": 2,
    "involuntary": 5,
    "swallowing": 3,
    "didn't": 2,
    "don't": 1,
    "NHS": 3,
    "GP": 2,
    "911": 3,
}


@pytest.mark.parametrize(("word", "count"), SYLLABLES.items())
def test_a_word_has_this_many_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_words_and_sentences_are_counted_as_spoken() -> None:
    text = "Call 9 1 1 now. Don't wait! Is it {days} days?"
    # a placeholder is one plain word
    assert words(text) == [
        "Call",
        "9",
        "1",
        "1",
        "now",
        "Don't",
        "wait",
        "Is",
        "it",
        "that",
        "days",
    ]
    assert sentences(text) == 3
    assert sentences("No full stop at the end") == 1
    assert sentences("") == 0


def test_the_grade_follows_the_flesch_kincaid_formula() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    assert grade("The cat sat on the mat.") == pytest.approx(0.39 * 6 + 11.8 - 15.59)
    # 4 words, 2 sentences, 7 syllables (twitch-ing, of-ten, stops)
    assert grade("Twitching often stops. Rest.") == pytest.approx(0.39 * 2 + 11.8 * 6 / 4 - 15.59)
    assert grade("") == 0.0


def test_long_sentences_of_long_words_read_harder_than_short_plain_ones() -> None:
    plain = "Rest. Drink water. Sleep well. Call if it gets worse."
    hard = (
        "Persistent involuntary fasciculations accompanied by progressive weakness necessitate "
        "neurological evaluation by an appropriately qualified clinician."
    )
    assert grade(plain) < 2 < 8 < grade(hard)
