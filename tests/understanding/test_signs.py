"""Emergency signs said in ordinary sentences are heard; denied, hypothetical or long-past ones
are not. Lines are written the way people talk to a speaker, not as the model's samples."""

import pytest

SIGNS_SAID = [
    ("she went down in the kitchen and didn't respond for a bit", "rf_consciousness"),
    ("he blacked out on the stairs this morning", "rf_consciousness"),
    ("mum's really confused today she thinks it's nineteen eighty", "rf_consciousness"),
    ("i can barely keep him awake", "rf_consciousness"),
    ("her words are coming out all wrong", "rf_speech"),
    ("he sounds like he's drunk but he hasn't had a drop", "rf_speech"),
    ("i can't get my words out properly", "rf_speech"),
    ("she's running a temperature of a hundred and three", "rf_fever"),
    ("his temp is thirty nine point five", "rf_fever"),
    ("the left side of her face has dropped", "rf_one_sided_weakness"),
    ("all of a sudden my right arm went dead", "rf_one_sided_weakness"),
    ("i think my husband is having a stroke", "rf_one_sided_weakness"),
    ("he can't move his legs at all", "rf_paralysis"),
    ("she's gasping and can't catch her breath", "rf_breathing_swallowing"),
    ("food keeps going down the wrong way and she's choking", "rf_breathing_swallowing"),
    ("my daughter took a whole bunch of my sleeping pills", "rf_overdose"),
    ("i think i took a double dose of my adhd meds by mistake", "rf_overdose"),
    ("um well he sort of passed out for a second", "rf_consciousness"),
    ("no but she can't talk properly", "rf_speech"),
    ("maybe a stroke i don't know her face looks funny", "rf_one_sided_weakness"),
]


@pytest.mark.parametrize(("line", "sign"), SIGNS_SAID)
def test_a_sign_said_in_a_sentence_is_heard(hear, line, sign):
    assert hear(line).facts.get(sign) == "yes"


NOT_SIGNS = [
    "no fever no confusion nothing like that",
    "she isn't confused at all",
    "he doesn't have a temperature",
    "her speech is fine",
    "no she's breathing fine",
    "he's talking normally",
    "what should i do if she passes out",
    "what counts as a high fever",
    "my dad had a stroke twenty years ago",
    "i fainted once when i was a kid",
    "i'm dying for a cup of tea",
    "my eye is killing me",
    "the weak spot is my calf",
    "i'm stressed out of my mind",
    "my legs feel a bit weak after the gym",
    "she takes a lot of pills but all as prescribed",
    "i've been cooking all day",
    "a faint twitch in my eyelid",
    "this question is confusing",
    "three coffees a day",
]


@pytest.mark.parametrize("line", NOT_SIGNS)
def test_a_denied_hypothetical_past_or_harmless_line_is_no_sign(hear, line, content):
    facts = hear(line).facts
    assert not [f for f in content.red_flags if facts.get(f) == "yes"], facts


def test_a_hypothetical_sign_is_noted_as_one(hear):
    assert hear("what do i do if he stops breathing").hypothetical


def test_the_scope_of_no_stops_at_a_new_clause(hear):
    facts = hear("no fever and she can't talk").facts
    assert facts["rf_speech"] == "yes"
    assert facts.get("rf_fever") == "no"


def test_thinking_carries_the_negation_across(hear):
    assert hear("i don't think he fainted").facts.get("rf_consciousness") == "no"
    assert hear("i don't think she can speak properly").facts.get("rf_speech") == "yes"
