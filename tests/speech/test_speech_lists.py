"""The spoken-list counter on plain sentences: what counts as a list, and how many items."""

import pytest

from skill.speech.lists import longest_list, spoken_lists

CASES = [
    # a series closed by a conjunction
    ("Say yes, no, or not sure.", 3),
    ("Do you want a, b, c, or d?", 4),
    ("Yes or no?", 2),
    ("A or B.", 2),
    ("Cut down on coffee, tea, energy drinks and other stimulants.", 4),
    ("At any time you can say repeat, slower, go back, start over, why, or stop.", 6),
    # inner conjunctions of earlier items are not split, nor is the closing item
    (
        "Lately, have you had a lot of coffee or energy drinks, too little sleep, stress, "
        "hard exercise, skipped meals, or alcohol?",
        6,
    ),
    (
        "Along with the twitching, do you have any weakness, a muscle that looks thinner, "
        "or numbness or tingling?",
        3,
    ),
    ("Rest, cut down on caffeine and alcohol, and find ways to relax.", 3),
    # the head of the sentence is not an item
    ("Right now, do you have any of these: fainting, slurred speech, or a fever?", 3),
    ("Is there sudden weakness on one side of your body, in your face, arm or leg?", 3),
    ("Twitches in one spot, like an eyelid, calf or thumb, are common.", 3),
    ("Where is it? For example, your eyelid, calf or thumb.", 3),
    (
        "If you have an emergency sign, like fainting, slurred speech, or trouble breathing, call.",
        3,
    ),
    # a list ends where the predicate after it starts
    (
        "Some medicines, such as water pills, steroids and estrogen, can cause twitching, and "
        "so can low potassium or kidney disease.",
        3,
    ),
    # groups separated by semicolons add up when the last opens with a conjunction
    (
        "Do any of these apply: water pills, steroids, estrogen or a new prescription; kidney "
        "disease or low potassium; or being pregnant?",
        7,
    ),
    ("Don't stop a prescribed medicine on your own; ask your provider first.", 0),
    # ", or c" straight after a list closed by "or" adds an item; ", and" starts a clause
    ("Do they take a medicine, or have kidney trouble, or a pregnancy?", 3),
    ("Call a doctor if it lasts two weeks, or spreads, or worries you.", 3),
    ("Please call your GP soon, or call NHS 111, and tell them what you told me.", 2),
    # a segment without commas holds one pair, however many conjunctions it has
    ("Now and then a twitch comes from a nerve or muscle problem.", 2),
    ("The reasons are a medicine that can cause twitching and kidney disease or low potassium.", 2),
    # a fact label read back is a list like any other
    ("You told me: Weakness, stiffness, thinner muscle or numbness: no.", 4),
    # commas that list nothing
    ("First, safety check first.", 0),
    ("Sorry, I didn't catch that. If it sounds like an emergency, call 9 1 1 now.", 0),
    ("A twitch is a small, weak flicker in one spot of a muscle.", 0),
    ("Eat regular, balanced meals.", 0),
    ("Nothing points to a reason to see a provider soon, so home care is enough for now.", 0),
    ("I give general information, not a diagnosis, and can't call for help.", 2),
    ("I can't make the call, so please phone them yourself, or ask someone nearby to call.", 2),
    ("Okay, thanks.", 0),
    ("", 0),
]


@pytest.mark.parametrize(("sentence", "items"), CASES)
def test_the_longest_list_of_a_sentence_has_this_many_items(sentence: str, items: int) -> None:
    assert longest_list(sentence) == items


def test_each_list_is_found_with_the_sentence_it_is_in() -> None:
    text = "Where is it? For example, your eyelid, calf or thumb. Say yes, no, or not sure."
    found = spoken_lists(text)
    assert [(f.items, f.sentence) for f in found] == [
        (3, "For example, your eyelid, calf or thumb."),
        (3, "Say yes, no, or not sure."),
    ]


def test_a_series_without_a_conjunction_is_not_a_list() -> None:
    assert spoken_lists("Sleep well, eat well, rest.") == []


def test_typographic_apostrophes_and_dashes_are_read_as_plain_ones() -> None:
    assert longest_list("Don\u2019t worry \u2014 say yes, no, or not sure.") == 3
