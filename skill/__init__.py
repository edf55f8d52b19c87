"""Muscle twitch helper: an Alexa skill that triages muscle twitching by voice."""
