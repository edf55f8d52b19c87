"""Symptoms that are not red flags by themselves, or not understood, still lead somewhere safe."""

from alexa_driver import Alexa, envelope


def test_words_not_understood_give_the_emergency_line_and_ask_again(alexa):
    talk: Alexa = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    asked = talk.no()
    env = envelope(
        "SymptomIntent", {}, attributes=talk.attributes, unresolved={"symptom": "purple and spotty"}
    )
    said = talk.send(env)
    assert "call 9 1 1" in said.speech
    assert not said.ended
    assert said.reprompt == asked.reprompt
    assert said.speech.endswith(asked.reprompt)


def test_a_fever_without_a_number_asks_whether_it_is_over_the_threshold(alexa):
    talk: Alexa = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    said = talk.say("SymptomIntent", symptom="fever")
    assert said.question == "rf_fever"
    assert "higher than 101" in said.speech
    emergency = talk.yes()
    assert emergency.ended
    assert emergency.speech.count("9 1 1") >= 2


def test_a_fever_below_the_threshold_goes_on_with_the_questions(alexa):
    talk: Alexa = alexa()
    talk.launch()
    talk.say("WhoForIntent", person="me")
    talk.no()
    talk.say("SymptomIntent", symptom="fever")
    said = talk.no()
    assert said.question == "emergency_screen_more", "the rest of the safety check comes next"
    said = talk.no()
    assert said.question == "location"
