"""Tests for the self-hosted web service and its request verification."""
