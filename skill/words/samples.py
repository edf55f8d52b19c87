"""Sample utterance templates: (a|b) for alternatives, [word] for an optional part."""

import itertools
import re

SLOT = re.compile(r"\{(\w+)\}")
_PART = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")


def expand(template: str) -> list[str]:
    """Every sample a template stands for, in order, with single spaces."""
    pieces: list[list[str]] = []
    position = 0
    for match in _PART.finditer(template):
        pieces.append([template[position : match.start()]])
        if match.group(1) is not None:
            pieces.append(match.group(1).split("|"))
        else:
            pieces.append([match.group(2), ""])
        position = match.end()
    pieces.append([template[position:]])
    samples: list[str] = []
    for choice in itertools.product(*pieces):
        said = " ".join("".join(choice).split())
        if said and said not in samples:
            samples.append(said)
    return samples
