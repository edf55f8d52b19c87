"""Named errors of the triage package."""


class ContentError(Exception):
    """A content file is broken; the message names the file, the key path and the reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problems))


class StateError(ValueError):
    """A serialised triage state cannot be read back."""
