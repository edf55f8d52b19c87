"""Yes, no and not sure in the many forms people use, and commands said in passing."""

import pytest

ANSWERS = [
    ("nope, nothing like that", "no"),
    ("no none of those", "no"),
    ("not as far as i know", "no"),
    ("i don't believe so", "no"),
    ("no she hasn't", "no"),
    ("nah she's fine", "no"),
    ("not really no", "no"),
    ("i had one years ago but not now", "no"),
    ("yeah she does", "yes"),
    ("uh huh", "yes"),
    ("yep i think so", "yes"),
    ("well kind of yeah", "yes"),
    ("a little i guess", "yes"),
    ("i guess so", "yes"),
    ("so i suppose yes i am", "yes"),
    ("i'm not sure", "unsure"),
    ("hard to say really", "unsure"),
    ("no idea honestly", "unsure"),
    ("i couldn't tell you", "unsure"),
    ("i wouldn't know", "unsure"),
    ("can't say i've noticed anything like that", "no"),
    ("all good on that front", "no"),
    ("he's a bit tired but otherwise fine", "no"),
    ("absolutely not", "no"),
    ("no to all of those", "no"),
    ("not that she's mentioned", "no"),
    ("none that i can tell", "no"),
    ("i reckon so", "yes"),
    ("i'm in two minds about it", "unsure"),
]


@pytest.mark.parametrize(("line", "answer"), ANSWERS)
def test_an_answer_in_its_natural_form(hear, line, answer):
    assert hear(line).answer == answer


@pytest.mark.parametrize(
    "line",
    ["a bit of a fever", "it's in my left thumb", "right calf", "she has a twitch", "some coffee"],
)
def test_words_that_only_start_like_an_answer_are_no_answer(hear, line):
    assert hear(line).answer is None


COMMANDS = [
    ("sorry can you say that again", "repeat"),
    ("could you repeat that please", "repeat"),
    ("that was a lot could you say it slower", "slower"),
    ("why do you need to know that", "why"),
    ("i want to change my answer", "back"),
    ("can we start over", "start_over"),
    ("what can i say", "help"),
    ("that's all thanks goodbye", "stop"),
]


@pytest.mark.parametrize(("line", "command"), COMMANDS)
def test_a_command_in_a_sentence(hear, line, command):
    assert hear(line).command == command


@pytest.mark.parametrize("line", ["it won't stop twitching", "i can't stop worrying", "go on"])
def test_the_words_of_a_command_inside_other_speech_are_no_command(hear, line):
    assert hear(line).command is None


def test_all_of_them_names_every_item(hear):
    assert hear("yes all of them").everything


def test_a_night_of_drinking_said_the_way_people_say_it_is_alcohol(hear):
    assert hear("i had a few too many at the weekend").facts.get("trigger_alcohol") == "yes"
    assert hear("he was hungover on sunday").facts.get("trigger_alcohol") == "yes"


def test_not_really_negates_what_follows_it_even_when_the_phrase_takes_really(hear):
    assert dict(hear("not really worried just curious").facts) == {"worried": "no"}
    swallow = hear("i can't really swallow my own spit")
    assert swallow.facts["rf_breathing_swallowing"] == "yes"


EYELID_SIGNS = [
    ("her lid's hanging lower than the other one", "lid_drooping"),
    ("it snaps shut every so often", "lid_closing"),
    ("the corner's gone pink and gunky", "eye_red"),
    ("and now his cheek is going as well", "face_spreading"),
]


@pytest.mark.parametrize(("line", "fact"), EYELID_SIGNS)
def test_an_eyelid_sign_said_plainly(hear, line, fact):
    assert hear(line).facts.get(fact) == "yes"


def test_pregnancy_and_a_split_medicine_name_said_as_people_say_them(hear):
    assert hear("she's about eight weeks gone").facts.get("pregnant") == "yes"
    assert hear("my son takes ritter lin").facts.get("medicine") == "yes"


def test_a_yes_that_owns_to_a_word_is_not_a_yes_to_the_signs(content):
    from skill.understanding.answering import answer_facts
    from skill.understanding.load import lexicon_for
    from skill.understanding.reading import read

    reading = read("temperature yeah but only about a hundred", lexicon_for("en-US"))
    facts = answer_facts(reading, content, {}, content.question("emergency_screen"))
    assert facts.get("rf_fever") == "no"
    assert facts.get("emergency_screen") != "yes"


def test_a_negation_far_from_an_ability_does_not_deny_it(hear):
    assert hear("my mum can't really use the speaker herself").facts.get("rf_consciousness") is None
    assert hear("she's not really herself today").facts.get("rf_consciousness") == "yes"


def test_a_place_said_with_cannot_pin_it_down_is_still_the_place(hear):
    assert hear("somewhere in my back i can't really pin it down").places == ("back",)
