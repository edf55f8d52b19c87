"""The one error of the request checks, with a reason code that is safe to log."""


class VerificationError(Exception):
    """A request failed one of Amazon's checks; `reason` is a short code safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
