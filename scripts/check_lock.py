"""Check that every hashed lock in lock/ was written from its input as the input stands now.

The requirements*.txt files say what we depend on directly (one `name==version` a line, edited
by hand); `make lock` writes lock/<the same name> from each with uv, every dependency pinned and
hashed. The Makefile runs this before it installs anything, so an input edited without
`make lock` stops the install with the line to fix instead of installing something else.
Standard library only: it runs with the machine's Python before .venv exists.

    python3 scripts/check_lock.py [ROOT]   # silent and exit 0 when every lock matches its input
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK_DIR = "lock"
# Each input and its lock; the site's lock must agree with the test lock installed on top of it.
INPUTS = ("requirements.txt", "requirements-test.txt", "requirements-sdist.txt", "requirements-uv.txt")
SITE, TEST = "requirements.txt", "requirements-test.txt"
FIX = "run `make lock` and commit the lock with the input"

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*(?P<version>[^\s;#\\]+)\s*(?:;[^#]*)?(?:#.*)?$")
INCLUDE = re.compile(r"^(?:-r|--requirement)[\s=]+(?P<path>\S+)\s*(?:#.*)?$")
LOCKED = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)")
VIA_INPUT = re.compile(r"-r\s+(\S+)")


def normalize(name: str) -> str:
    """A distribution name as PyPI compares it (PEP 503): case, dots and underscores don't count."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Pin:
    where: str  # file:line
    name: str
    version: str


@dataclass
class Locked:
    line: int
    versions: set[str] = field(default_factory=set)
    via_inputs: set[str] = field(default_factory=set)


def read_input(path: Path, root: Path, problems: list[str], seen: tuple[Path, ...] = ()) -> list[Pin]:
    """The direct pins of an input file, following its `-r` includes; a line that is no exact pin is a problem."""
    rel = path.relative_to(root) if path.is_relative_to(root) else path
    if path in seen:
        problems.append(f"{rel}: includes itself through -r; remove the loop")
        return []
    if not path.exists():
        problems.append(f"{rel}: no such file (named by -r); fix the -r line")
        return []
    pins: list[Pin] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if include := INCLUDE.match(line):
            pins += read_input(path.parent / include["path"], root, problems, (*seen, path))
        elif pin := PIN.match(line):
            pins.append(Pin(f"{rel}:{number}", normalize(pin["name"]), pin["version"]))
        else:
            problems.append(f"{rel}:{number}: '{line}' is not an exact pin; write one release as name==version (and why, in a comment)")
    return pins


def read_lock(path: Path) -> dict[str, Locked]:
    """Each package of a lock written by uv: its line, its versions (one per marker) and the inputs that ask for it."""
    locked: dict[str, Locked] = {}
    current: Locked | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if entry := LOCKED.match(line):
            current = locked.setdefault(normalize(entry["name"]), Locked(number))
            current.versions.add(entry["version"])
        elif current is not None and line.lstrip().startswith("#"):
            current.via_inputs.update(VIA_INPUT.findall(line))
    return locked


def problems(root: Path = ROOT) -> list[str]:
    """Every way the locks under `root` disagree with their inputs, each as 'file:line: what (fix)'."""
    found: list[str] = []
    locks: dict[str, dict[str, Locked]] = {}
    for name in INPUTS:
        source, lock_name = root / name, f"{LOCK_DIR}/{name}"
        if not source.exists():
            found.append(f"{name}: missing; restore it (it is the input of {lock_name})")
            continue
        if not (root / lock_name).exists():
            found.append(f"{lock_name}: missing; {FIX}")
            continue
        pins = read_input(source, root, found)
        locked = locks[name] = read_lock(root / lock_name)
        for pin in pins:
            entry = locked.get(pin.name)
            if entry is None:
                found.append(f"{pin.where}: {pin.name}=={pin.version} is not in {lock_name}; {FIX}")
            elif pin.version not in entry.versions:
                has = ", ".join(sorted(entry.versions))
                found.append(f"{pin.where}: {pin.name}=={pin.version}, but {lock_name}:{entry.line} has {pin.name}=={has}; {FIX}")
        asked = {pin.name for pin in pins}
        for package, entry in locked.items():
            if entry.via_inputs and package not in asked:
                inputs = ", ".join(sorted(entry.via_inputs))
                found.append(f"{lock_name}:{entry.line}: {package} is locked for {inputs}, which no longer asks for it; {FIX}")
    if SITE in locks and TEST in locks:
        for package, entry in locks[SITE].items():
            test = locks[TEST].get(package)
            if test is None or test.versions != entry.versions:
                has = "nothing" if test is None else ", ".join(sorted(test.versions))
                found.append(f"{LOCK_DIR}/{SITE}:{entry.line}: {package}=={', '.join(sorted(entry.versions))}, but "
                             f"{LOCK_DIR}/{TEST} has {has} (the site's lock takes the test lock's versions); {FIX}")
    return found


def main(argv: list[str]) -> int:
    found = problems(Path(argv[0]).resolve() if argv else ROOT)
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
