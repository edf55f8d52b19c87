"""How long, where, and who: said with number words, dates, corrections and pronouns."""

import pytest

DURATIONS = [
    ("about ten days", 10),
    ("a week and a half", 10),
    ("two and a half weeks", 17),
    ("going on a month now", 30),
    ("more than two weeks", 15),
    ("just under a fortnight", 13),
    ("a couple of weeks", 14),
    ("since monday", 1),
    ("since last thursday", 5),
    ("since thanksgiving", 5),
    ("since the first of the month", 0),
    ("it started three days ago", 3),
    ("a day or two", 2),
    ("two or three weeks", 21),
    ("three days no wait three weeks", 21),
    ("about a week no actually more like two", 14),
    ("since this morning", 0),
    ("a few hours", 0),
    ("21 days", 21),
]


@pytest.mark.parametrize(("line", "days"), DURATIONS)
def test_durations_in_days(hear, line, days):
    assert hear(line).days == days


@pytest.mark.parametrize("line", ["a while", "ages", "on and off for a long time"])
def test_a_vague_duration_is_unsure_when_asked_how_long(hear, line):
    assert hear(line, vague=True).days == "unsure"


def test_a_rate_is_no_duration(hear):
    assert hear("three coffees a day").days is None


PLACES = [
    ("in my left thumb", ("thumb",)),
    ("the corner of my eye", ("eyelid",)),
    ("my right calf after running", ("calf",)),
    ("the ring finger on my right hand", ("finger",)),
    ("under her eye", ("eyelid",)),
    ("my tumb", ("thumb",)),
    ("not the eyelid it's my cheek", ("face",)),
    ("the back of her neck", ("neck",)),
    ("round the back of his knee", ("leg",)),
    ("the sole of his foot", ("foot",)),
    ("my butt cheek", ("thigh",)),
]


@pytest.mark.parametrize(("line", "places"), PLACES)
def test_places(hear, line, places):
    assert hear(line).places == places


def test_two_places_are_more_than_one(hear):
    reading = hear("my calf and my eyelid")
    assert reading.facts["multiple_places"] == "yes"
    assert set(reading.places) == {"calf", "eyelid"}


PERSONS = [
    ("it's for my mum", "other", True, False),
    ("i'm asking about my husband", "other", True, True),
    ("for me", "self", True, None),
    ("my son", "other", True, True),
    ("she keeps twitching", "other", False, False),
    ("my eyelid keeps jumping", "self", False, None),
]


@pytest.mark.parametrize(("line", "who", "named", "male"), PERSONS)
def test_who_it_is_about(hear, line, who, named, male):
    person = hear(line).person
    assert (person.who, person.named, person.male) == (who, named, male)


def test_a_relative_only_mentioned_is_not_whom_it_is_for(hear):
    person = hear("i'm worried because my dad had als").person
    assert not person.named


def test_spelling_slips_are_read_as_the_word_meant(hear):
    assert hear("she feinted").facts.get("rf_consciousness") == "yes"
    assert hear("slurd speech").facts.get("rf_speech") == "yes"
    assert not hear("i painted the fence").facts
