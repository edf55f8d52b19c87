"""Understanding free speech: pure Python, no Alexa. Any text that reaches the skill is read
here for signs, answers, who it is about, where and how long.

The package exports only what a reading gives (plain data); the reader is
`skill.understanding.reading.read`, imported where words are read, so that a launch does not
load it."""

from skill.understanding.results import Person, Reading

__all__ = ["Person", "Reading"]
