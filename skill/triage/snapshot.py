"""A build-time snapshot of the validated content, so a cold start skips YAML parsing.

The Lambda build writes it beside the YAML it was made from, with a digest of those files; a
snapshot whose digest no longer matches the files is ignored and the YAML is loaded instead.
It is read only from the content folder shipped with the code, so it is as trusted as the code.
"""

import io
import pickle
import zlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

from skill.triage.model import Content

FILE_NAME = "content.snapshot"
VERSION = 1


def digest(root: Path) -> str:
    """A checksum of every YAML file of a content folder, names included: it tells a stale
    snapshot, not a forged one (zlib, as hashlib's OpenSSL import would cost the cold start)."""
    checksum = 0
    for path in sorted(root.rglob("*.yaml")):
        checksum = zlib.crc32(path.relative_to(root).as_posix().encode() + b"\0", checksum)
        checksum = zlib.crc32(path.read_bytes(), checksum)
    return f"crc32:{checksum:08x}"


def frozen_mapping(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """A read-only view of a dict (how the snapshot rebuilds the content's mappings)."""
    return MappingProxyType(items)


def _reduce(mapping: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return frozen_mapping, (dict(mapping),)


def write(content: object, root: Path, name: str = FILE_NAME) -> Path:
    """Write a snapshot of what was loaded from root (the content, or the compiled words) into
    root, under the given file name."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {MappingProxyType: _reduce}
    pickler.dump((VERSION, digest(root), content))
    target = root / name
    target.write_bytes(buffer.getvalue())
    return target


def read_object(root: Path, name: str) -> object | None:
    """A snapshot's object if the file exists and matches the YAML files there, else None."""
    path = root / name
    if not path.is_file():
        return None
    try:
        # Written by the build into the shipped content folder: as trusted as the code itself.
        version, recorded, loaded = pickle.loads(path.read_bytes())  # noqa: S301
        found: object = loaded
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if version != VERSION or recorded != digest(root):
        return None
    return found


def read(root: Path) -> Content | None:
    """The content snapshot in root if it exists and matches the YAML files there, else None."""
    content = read_object(root, FILE_NAME)
    return content if isinstance(content, Content) else None
