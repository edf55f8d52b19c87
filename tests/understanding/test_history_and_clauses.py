"""Signs said of the past, across clauses, as amounts and as readings: how a line is meant."""

import pytest

SIGN_NOW = [
    (
        "uh the left side of her face is kind of numb, and the arm, since about an hour",
        "rf_one_sided_weakness",
    ),
    ("weak yes, but it's the whole right side and it just came on", "rf_one_sided_weakness"),
    ("should i be worried, he's been talking all garbled since tea", "rf_speech"),
    ("what do you reckon, she's been slurring since lunch", "rf_speech"),
    ("the baby got into grandad's tablets, we don't know how many", "rf_overdose"),
    ("he's taken a double dose of his heart pills by mistake", "rf_overdose"),
    ("the blister pack was full this morning and now it's empty", "rf_overdose"),
    (
        "she was just staring at the wall and didn't answer me for a minute or so",
        "rf_consciousness",
    ),
    ("his eyes rolled back and he went all floppy on the sofa", "rf_consciousness"),
    ("she's burning up, thirty nine six on the thermometer", "rf_fever"),
    ("it says thirty eight point nine", "rf_fever"),
    ("her lips have gone a bit blue", "rf_breathing_swallowing"),
    ("he can't shift his leg, it's a dead weight", "rf_paralysis"),
    ("i can't move them, no strength in my legs at all", "rf_paralysis"),
    ("she fainted this morning and she had a stroke in twenty twelve", "rf_consciousness"),
]

HISTORY = [
    ("i passed out once at a wedding back in the nineties", "rf_consciousness"),
    ("his speech has been slurred since his stroke in twenty eighteen, nothing new", "rf_speech"),
    ("she had a stroke in two thousand and nine, she's fine now", "rf_one_sided_weakness"),
]

NOT_SIGNS = [
    ("this twitch is going to make me pass out from boredom", "rf_consciousness"),
    ("can too much coffee cause twitching", "rf_overdose"),
    ("i nearly died laughing at my grandson", "rf_consciousness"),
    ("i'm weak at the knees for a good curry", "weakness"),
    ("she's thirty nine, she's my daughter", "rf_fever"),
]


@pytest.mark.parametrize(("said", "fact"), SIGN_NOW, ids=[s for s, _ in SIGN_NOW])
def test_a_sign_said_now_is_heard(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), HISTORY, ids=[s for s, _ in HISTORY])
def test_a_sign_of_years_ago_is_history_not_now(hear, said, fact):
    reading = hear(said)
    assert reading.facts.get(fact) != "yes"
    assert reading.past.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), NOT_SIGNS, ids=[s for s, _ in NOT_SIGNS])
def test_an_idiom_a_question_or_an_age_is_not_a_sign(hear, said, fact):
    assert hear(said).facts.get(fact) != "yes"


def test_a_command_that_ends_an_answer_does_not_end_the_conversation(hear):
    reading = hear("about four days, that's all")
    assert reading.command is None
    assert reading.days == 4


def test_an_answer_that_ends_a_line_answers(hear):
    assert hear("she's had a walking frame for years, nothing new").answer == "no"
    assert hear("it was ninety nine point four so not really").answer == "no"
