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

NEW_OR_WORSE = [
    ("her speech has been slurred for years but today it's much worse", "rf_speech"),
    ("he's had slurred speech for years but it's worse since this morning", "rf_speech"),
    ("she passed out and it's never happened before", "rf_consciousness"),
    ("he fainted, never done that before", "rf_consciousness"),
    ("she had a stroke years ago and now her face is drooping again", "rf_one_sided_weakness"),
    ("his speech is slurred and that's not normal for him", "rf_speech"),
    ("she's slurring but it's not the same as usual", "rf_speech"),
    ("her speech is slurred which isn't like her", "rf_speech"),
    ("he blacked out in the kitchen, he's never done that in his life", "rf_consciousness"),
    (
        "she's had dementia for years but this evening she's much more confused than normal",
        "rf_consciousness",
    ),
    ("my husband is slurring and that is not like him at all", "rf_speech"),
    ("my dad passed out and he's never fainted before", "rf_consciousness"),
    (
        "he had a mini stroke back in twenty nineteen and now his face is drooping on one side"
        " again",
        "rf_one_sided_weakness",
    ),
]

LONG_STANDING = [
    ("his speech is slurred, it's been like that for years", "rf_speech"),
    ("his voice is a bit slurry but it's been the same for years", "rf_speech"),
    ("she's slurring her words but that's normal for her", "rf_speech"),
    ("her speech has been slurred for years from the ms but it's no different today", "rf_speech"),
    ("her right hand has been weak ever since her stroke, but that's not new", "weakness"),
]

STILL_SIGNS = [
    # Not clearly long-standing: the safer reading is a sign now.
    ("he's slurring, it's not any worse than usual", "rf_speech"),
    ("she's slurring but she always does after her tablets", "rf_speech"),
    ("he talks a bit slurred but he's been like that since his accident", "rf_speech"),
    ("her speech is slurred but she's been the same all day", "rf_speech"),
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


@pytest.mark.parametrize(("said", "fact"), NEW_OR_WORSE, ids=[s for s, _ in NEW_OR_WORSE])
def test_a_sign_said_to_be_new_or_worse_is_a_sign_now_whatever_its_past(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), LONG_STANDING, ids=[s for s, _ in LONG_STANDING])
def test_a_sign_said_to_be_long_standing_in_a_clause_after_it_is_history(hear, said, fact):
    reading = hear(said)
    assert reading.facts.get(fact) != "yes"
    assert reading.past.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), STILL_SIGNS, ids=[s for s, _ in STILL_SIGNS])
def test_a_sign_not_clearly_long_standing_stays_a_sign(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


def test_worse_twitching_does_not_bring_back_an_old_stroke(hear):
    reading = hear("he had a stroke years ago and the twitching is worse this week")
    assert reading.facts.get("rf_one_sided_weakness") != "yes"


SIGNS_AS_PEOPLE_SAY_THEM = [
    ("next thing i knew i was on the bathroom floor", "rf_consciousness"),
    ("she came to on the ground by the car", "rf_consciousness"),
    ("his temperature is one zero four", "rf_fever"),
    ("she keeps slurrin her words", "rf_speech"),
    ("i think he's overdone his sleeping tablets", "rf_overdose"),
    ("my dad's mouth looks odd and droopy", "rf_one_sided_weakness"),
    ("she thinks it's nineteen sixty and she's really confused", "rf_consciousness"),
    ("i can't really feel the whole side of my face", "rf_one_sided_weakness"),
    (
        "her right hand's been weak for years but today she can't grip with that hand",
        "rf_one_sided_weakness",
    ),
]

NOT_SIGNS_NOW = [
    ("no fever no fainting her speech is fine", "rf_speech"),
    ("my foot went numb from sitting on it but it's fine now", "rf_one_sided_weakness"),
    ("he mumbles a bit on a good day but he's no different today", "rf_speech"),
]


@pytest.mark.parametrize(
    ("said", "fact"), SIGNS_AS_PEOPLE_SAY_THEM, ids=[s for s, _ in SIGNS_AS_PEOPLE_SAY_THEM]
)
def test_a_sign_said_the_way_people_say_it_is_heard(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), NOT_SIGNS_NOW, ids=[s for s, _ in NOT_SIGNS_NOW])
def test_a_list_s_negation_a_harmless_cause_or_a_usual_state_is_no_sign(hear, said, fact):
    assert hear(said).facts.get(fact) != "yes"


DESCRIBED = [
    ("he doesn't know who we are this morning", "rf_consciousness"),
    ("she keeps asking me what day it is over and over", "rf_consciousness"),
    ("mum thinks i'm her brother", "rf_consciousness"),
    ("he's talking to people who aren't there", "rf_consciousness"),
    ("she went all grey and slumped off her chair", "rf_consciousness"),
    ("we found him on the bathroom floor", "rf_consciousness"),
    ("he tries to say water and it comes out as something else", "rf_speech"),
    ("her words are all running into each other", "rf_speech"),
    ("he splutters every time he tries to drink", "rf_breathing_swallowing"),
    ("the little one got into my blister packs", "rf_overdose"),
    ("his face is fine but one side of his mouth has dropped", "rf_one_sided_weakness"),
]

NOT_DESCRIBED = [
    ("i work on a stroke unit so i know the signs", "rf_one_sided_weakness"),
    ("i faint at the sight of blood but there's been none", "rf_consciousness"),
    ("she had a high temperature back in june but nothing now", "rf_fever"),
]


@pytest.mark.parametrize(("said", "fact"), DESCRIBED, ids=[s for s, _ in DESCRIBED])
def test_a_sign_described_by_what_was_seen_is_heard(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), NOT_DESCRIBED, ids=[s for s, _ in NOT_DESCRIBED])
def test_a_job_a_fear_or_a_past_illness_is_no_sign(hear, said, fact):
    assert hear(said).facts.get(fact) != "yes"


ROUND_NINE = [
    ("i've taken loads of it today, the kratom", "rf_overdose", "yes"),
    ("he's had way more than usual of his xanax", "rf_overdose", "yes"),
    ("he's really hard to understand tonight", "rf_speech", "yes"),
    ("it was forty degrees out there in the sun today", "rf_fever", None),
    ("her temperature is forty degrees", "rf_fever", "yes"),
    ("i'm paralysed with worry", "rf_paralysis", None),
    ("i'm paralysed with worry", "worried", "yes"),
    ("i overdosed on telly last night", "rf_overdose", None),
    ("i've barely had time to breathe this week", "rf_breathing_swallowing", None),
    ("only slept about three hours", "trigger_sleep", "yes"),
]


@pytest.mark.parametrize(("said", "fact", "value"), ROUND_NINE, ids=[s for s, _, _ in ROUND_NINE])
def test_round_nine_kinds(hear, said, fact, value):
    assert hear(said).facts.get(fact) == value


ROUND_TEN = [
    ("she went down in the hall for a few seconds", "rf_consciousness", "yes"),
    ("the swelling went down for a bit", "rf_consciousness", None),
    ("his left arm won't lift at all", "rf_paralysis", "yes"),
    ("he had half a bottle of whisky and his sleeping tablets", "rf_overdose", "yes"),
    ("her face went lopsided when she was eating her tea", "rf_one_sided_weakness", "yes"),
    ("i can't remember if i took my tablets this morning", "rf_breathing_swallowing", None),
    ("i haven't actually passed out", "rf_consciousness", "no"),
    ("it's a bit sore but it's not that i can't move it", "rf_paralysis", None),
    ("she went down in the bathroom just for a second, she's fine now", "rf_consciousness", "yes"),
    ("her breathing, it's fine", "rf_breathing_swallowing", "no"),
]


@pytest.mark.parametrize(("said", "fact", "value"), ROUND_TEN, ids=[s for s, _, _ in ROUND_TEN])
def test_round_ten_kinds(hear, said, fact, value):
    assert hear(said).facts.get(fact) == value


WHERE_NOT_WHEN = [
    ("she fainted when she was in the shower this morning", "rf_consciousness"),
    ("he passed out when he was in the kitchen", "rf_consciousness"),
    ("he's been slurring since he was at the pub at lunch", "rf_speech"),
    ("she went all confused when she was getting dressed", "rf_consciousness"),
]

TIME_OF_LIFE = [
    ("i passed out once when i was a teenager", "rf_consciousness"),
    ("he had a stroke when he was fifty", "rf_one_sided_weakness"),
    ("her speech has been slurred since she was a child", "rf_speech"),
]


@pytest.mark.parametrize(("said", "fact"), WHERE_NOT_WHEN, ids=[s for s, _ in WHERE_NOT_WHEN])
def test_when_she_was_somewhere_is_a_sign_now(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


@pytest.mark.parametrize(("said", "fact"), TIME_OF_LIFE, ids=[s for s, _ in TIME_OF_LIFE])
def test_when_she_was_little_is_history(hear, said, fact):
    assert hear(said).facts.get(fact) != "yes"


RECENT_NOT_HISTORY = [
    ("she fainted before i could catch her", "rf_consciousness"),
    ("he passed out just before lunch", "rf_consciousness"),
    ("she's been slurring in the past hour", "rf_speech"),
]


@pytest.mark.parametrize(
    ("said", "fact"), RECENT_NOT_HISTORY, ids=[s for s, _ in RECENT_NOT_HISTORY]
)
def test_before_something_or_in_the_past_hour_is_a_sign_now(hear, said, fact):
    assert hear(said).facts.get(fact) == "yes"


def test_before_at_the_end_is_still_history(hear):
    assert hear("she's fainted before, nothing new").facts.get("rf_consciousness") != "yes"
