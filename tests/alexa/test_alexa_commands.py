"""What every state understands: help, repeat, slower, go back, start over, stop, why, info."""

import pytest
from alexa_driver import Alexa

SAFETY_SCREEN = "Safety check first."
WHO_FOR = "Is this for you, or someone you care for? Say me, or who, like my mother."


def at_who_for(talk: Alexa) -> None:
    talk.launch()


def at_emergency_screen(talk: Alexa) -> None:
    talk.launch()
    talk.say("WhoForIntent", person="me")


def at_emergency_screen_more(talk: Alexa) -> None:
    at_emergency_screen(talk)
    talk.no()


def at_location(talk: Alexa) -> None:
    at_emergency_screen_more(talk)
    talk.no()


def at_duration(talk: Alexa) -> None:
    at_location(talk)
    talk.say("LocationIntent", location="eyelid")


def at_eyelid_signs(talk: Alexa) -> None:
    at_duration(talk)
    talk.say("DurationIntent", duration="P2D")


def at_triggers(talk: Alexa) -> None:
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P2D")
    talk.no()
    talk.no()
    talk.no()
    talk.no()
    talk.say("HealthFactorIntent", healthFactor="none")
    talk.no()


def at_offer(talk: Alexa) -> None:
    talk.say("DescribeTwitchIntent", location="eyelid", duration="P3W")
    talk.no()
    talk.no()


STATES = [
    at_who_for,
    at_emergency_screen,
    at_emergency_screen_more,
    at_location,
    at_duration,
    at_eyelid_signs,
    at_triggers,
    at_offer,
]
SHORT = {
    at_who_for: "Say me, or who, like my mother.",
    at_emergency_screen: "Say yes, no, or not sure.",
    at_emergency_screen_more: "Say yes, no, or not sure.",
    at_location: "For example, an eyelid, or a calf.",
    at_duration: "For example, three days, or two weeks.",
    at_eyelid_signs: "Say yes, no, or not sure.",
    at_triggers: "Say which, or none.",
    at_offer: "Say yes or no.",
}


def ids(state):
    return state.__name__


@pytest.mark.parametrize("state", STATES, ids=ids)
def test_help_says_what_can_be_said_then_the_short_question_with_examples(alexa, state):
    talk = alexa()
    state(talk)
    before = talk.said[-1]
    said = talk.say("AMAZON.HelpIntent")
    assert said.speech.startswith("Say repeat, slower, or go back at any time")
    assert said.speech.endswith(before.reprompt)
    assert said.speech.endswith(SHORT[state])
    assert said.reprompt == before.reprompt


@pytest.mark.parametrize("state", STATES, ids=ids)
def test_repeat_says_the_last_response_again(alexa, state):
    talk = alexa()
    state(talk)
    before = talk.said[-1]
    said = talk.say("AMAZON.RepeatIntent")
    assert said.ssml == before.ssml
    assert said.reprompt == before.reprompt
    again = talk.say("AMAZON.RepeatIntent")
    assert again.ssml == before.ssml


@pytest.mark.parametrize("state", STATES, ids=ids)
def test_fallback_says_it_did_not_catch_that_gives_the_emergency_line_and_restates(alexa, state):
    talk = alexa()
    state(talk)
    before = talk.said[-1]
    said = talk.say("AMAZON.FallbackIntent")
    assert said.speech.startswith("Sorry, I didn't catch that. If something sounds like an")
    assert "call 9 1 1" in said.speech
    assert said.speech.endswith(before.reprompt)
    assert said.reprompt == before.reprompt


@pytest.mark.parametrize(
    "intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"]
)
@pytest.mark.parametrize("state", STATES, ids=ids)
def test_stop_says_goodbye_with_the_safety_line_and_ends(alexa, state, intent):
    talk = alexa()
    state(talk)
    said = talk.say(intent)
    assert said.ended
    assert "Take care" in said.speech and "call 9 1 1" in said.speech


def test_slower_slows_the_rest_of_the_session_and_resays_the_last_thing(alexa):
    talk = alexa()
    at_location(talk)
    before = talk.said[-1]
    said = talk.say("SlowerIntent")
    assert said.ssml == f'<speak><prosody rate="slow">{before.ssml[7:-8]}</prosody></speak>'
    assert said.reprompt_ssml.startswith('<speak><prosody rate="slow">')
    said = talk.say("LocationIntent", location="eyelid")
    assert said.ssml.startswith('<speak><prosody rate="slow">How long')


def test_go_back_at_the_start_says_there_is_nothing_to_go_back_to(alexa):
    talk = alexa()
    at_emergency_screen(talk)
    said = talk.say("AMAZON.PreviousIntent")
    assert said.speech.startswith("There's nothing to go back to yet.")
    assert said.question == "emergency_screen"
    talk = alexa()
    at_who_for(talk)
    said = talk.say("AMAZON.PreviousIntent")
    assert said.speech.startswith("There's nothing to go back to yet.")
    assert said.reprompt == WHO_FOR


def test_go_back_undoes_the_last_answer_and_asks_again(alexa):
    talk = alexa()
    at_duration(talk)
    said = talk.say("AMAZON.PreviousIntent")
    assert said.question == "location"
    assert "location" not in said.attributes["triage"]["facts"]
    said = talk.say("LocationIntent", location="thumb")
    assert said.question == "duration"


def test_go_back_after_the_outcome_asks_the_last_question_again(alexa):
    talk = alexa()
    at_offer(talk)
    said = talk.say("AMAZON.PreviousIntent")
    assert said.question == "emergency_screen_more"
    assert said.attributes["phase"] == "asking"


@pytest.mark.parametrize("state", STATES[1:], ids=ids)
def test_start_over_clears_answers_keeps_the_person_and_begins_at_the_safety_check(alexa, state):
    talk = alexa()
    state(talk)
    talk.say("WhoForIntent", person="son")
    said = talk.say("AMAZON.StartOverIntent")
    assert said.speech.startswith(f"Okay, let's start again. {SAFETY_SCREEN}")
    assert "any fainting or new confusion" in said.speech
    assert said.question == "emergency_screen"
    assert said.attributes["triage"] == {"facts": {}, "history": []}
    assert said.attributes["person"] == "other"


def test_why_before_an_outcome_explains_the_question_then_restates_it(alexa):
    talk = alexa()
    at_duration(talk)
    said = talk.say("WhyIntent")
    assert said.speech.startswith(
        "Harmless twitches usually settle in a few days, sometimes a couple of weeks."
    )
    assert said.reprompt.startswith("How long has it been going on?")


def test_why_after_the_outcome_gives_the_reasons_in_plain_words(alexa):
    talk = alexa()
    talk.say("DescribeTwitchIntent", location="more_than_one_place", duration="P3W")
    talk.no()
    talk.no()
    said = talk.say("WhyIntent")
    assert said.speech.startswith("The reasons are ")
    assert "more than two weeks" in said.speech and "more than one place" in said.speech
    assert said.reprompt.startswith("Shall I go through the questions")


def test_why_after_a_self_care_outcome_says_nothing_points_to_a_provider(alexa):
    talk = alexa()
    at_triggers(talk)
    talk.say("TriggerIntent", trigger="stress")
    said = talk.say("WhyIntent")
    assert said.speech.startswith("Nothing you told me points to a reason to see a provider")


def test_why_when_asked_who_it_is_for(alexa):
    talk = alexa()
    at_who_for(talk)
    said = talk.say("WhyIntent")
    assert said.speech.startswith("Knowing who it is for")
    assert said.reprompt == WHO_FOR


@pytest.mark.parametrize("state", STATES, ids=ids)
def test_info_reads_the_topic_then_restates_the_question(alexa, state):
    talk = alexa()
    state(talk)
    before = talk.said[-1]
    said = talk.say("InfoIntent", topic="twitch_vs_cramp")
    assert said.speech.startswith("A twitch is a small flicker")
    assert said.reprompt == before.reprompt


def test_info_as_the_first_request_offers_to_start(alexa):
    talk = alexa()
    said = talk.say("InfoIntent", topic="causes")
    assert said.speech.startswith("Welcome to muscle twitch helper.")
    assert "Common causes are stress, too little sleep" in said.speech
    assert said.reprompt.startswith("Would you like a few short questions")
    said = talk.yes()
    assert said.reprompt == WHO_FOR
    said = talk.say("WhoForIntent", person="me")
    assert said.question == "emergency_screen"


def test_info_offer_declined_says_goodbye(alexa):
    talk = alexa()
    talk.say("InfoIntent", topic="when_to_call")
    assert talk.no().ended


def test_info_without_a_known_topic_lists_the_topics(alexa):
    talk = alexa()
    at_location(talk)
    said = talk.say("InfoIntent", topic=None)
    assert said.speech.startswith("I can tell you what a twitch is")
    assert said.question == "location"
