"""The output folder of `make site`: one build at a time, the leftovers of a killed build removed, and
the new site and bundle put in place so that site/ and dist/ exist at every moment.

- Lock: an exclusive flock on the output folder itself (no lock file to leave behind), held for the whole
  build; the system releases it when the process ends, even when it is killed.
- Leftovers: a build works in <out>/.build-*/ (ignored by git); one that was killed leaves it behind,
  and the next build, holding the lock, removes it.
- Swap: the new folder and the old one are exchanged in one step (Linux renameat2 RENAME_EXCHANGE),
  so a reader or web server never finds site/ missing; where the system cannot, two renames.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
from pathlib import Path

WORK_PREFIX = ".build-"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


class Busy(Exception):
    """Another build holds the output folder."""


@contextlib.contextmanager
def locked(folder: Path):
    try:
        import fcntl
    except ImportError:             # not a POSIX system: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy() from None
        yield
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[str]:
    """Remove the work folders of builds that did not finish (call it holding the lock)."""
    gone = []
    for path in sorted(folder.glob(WORK_PREFIX + "*")):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
            gone.append(path.name)
    return gone


def _renameat2(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    return call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def exchange(new: Path, target: Path) -> None:
    """Put the folder `new` at `target`; `new` then holds what target held (nothing if it did not exist)."""
    if not os.path.lexists(target):
        new.rename(target)
        return
    if _renameat2(new, target):
        return
    old = new.with_name(new.name + ".old")          # two renames: target is missing for a moment
    target.rename(old)
    new.rename(target)
    old.rename(new)
