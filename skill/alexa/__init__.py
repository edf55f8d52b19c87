"""Alexa front end: the ask-sdk handlers that speak the triage engine's questions and advice."""

from skill.alexa.builder import build_skill

__all__ = ["build_skill"]
