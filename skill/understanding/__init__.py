"""Understanding free speech: pure Python, no Alexa. Any text that reaches the skill is read
here for signs, answers, who it is about, where and how long."""

from skill.understanding.lexicon import Lexicon, compile_lexicon
from skill.understanding.persons import Person
from skill.understanding.reading import Reading, read

__all__ = ["Lexicon", "Person", "Reading", "compile_lexicon", "read"]
