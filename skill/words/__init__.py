"""The words of each language: slot types, intents and how free speech is read (content/words)."""

from skill.words.model import Intent, SlotValue, Speech, Words

__all__ = ["Intent", "SlotValue", "Speech", "Words"]
