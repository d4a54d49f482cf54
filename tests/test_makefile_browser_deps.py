"""`make browser-deps` as GitHub's runners run it: a user who is not root but has sudo.

The Makefile's own recipe runs, with stub `apt-get` and `sudo` first on a PATH that holds
nothing else it could find: the stubs record how they were called and install nothing. As root
(this machine, CI here) the recipe is run as the unprivileged user nobody with setpriv; as a
user it simply runs as that user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534
PACKAGES = "chromium fonts-noto-cjk webkit2gtk-driver xvfb"
# What the recipe checks, pointed at things that do not exist here, so every package is "missing".
MISSING = (
    "chromium:chromium fonts-noto-cjk:/nonexistent/NotoSansCJK-Regular.ttc "
    "webkit2gtk-driver:/nonexistent/WebKitWebDriver xvfb:no-such-xvfb-run"
)
STUB = """#!/bin/sh
echo "$(basename "$0") uid=$(id -u) $*" >> "{log}"
{tail}
"""


@pytest.fixture
def bin_dir() -> Iterator[Path]:
    """A PATH directory nobody can read: the stubs, and id/env from the system (nothing else)."""
    path = Path(tempfile.mkdtemp(prefix="browser-deps-"))
    path.chmod(0o777)
    for tool in ("id", "env", "basename"):
        (path / tool).symlink_to(shutil.which(tool))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def stub(bin_dir: Path, name: str, tail: str = "exit 0") -> None:
    script = bin_dir / name
    script.write_text(STUB.format(log=bin_dir / "calls.log", tail=tail), encoding="utf-8")
    script.chmod(0o755)


def make_browser_deps(bin_dir: Path, check: str = MISSING, *, as_user: bool = True) -> subprocess.CompletedProcess:
    cmd = ["make", "--no-print-directory", "-s", "-C", str(ROOT), "browser-deps", f"BROWSER_PACKAGES_CHECK={check}"]
    if as_user and os.geteuid() == 0:
        cmd = [shutil.which("setpriv"), f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
    env = {"PATH": str(bin_dir), "HOME": str(bin_dir), "LANG": "C.UTF-8"}
    # make itself is found by its full path: the PATH the recipe sees holds only the stubs.
    cmd[cmd.index("make")] = shutil.which("make")
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, check=False)


def calls(bin_dir: Path) -> list[str]:
    log = bin_dir / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def uid_of_user() -> int:
    return NOBODY if os.geteuid() == 0 else os.geteuid()


def test_a_user_who_is_not_root_installs_through_sudo(bin_dir):
    stub(bin_dir, "apt-get")
    stub(bin_dir, "sudo", tail='exec "$@"')  # passwordless sudo, as on the runners (it runs as the user here)
    result = make_browser_deps(bin_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not root, installing" in result.stdout and "with sudo" in result.stdout
    uid = uid_of_user()
    assert uid != 0
    assert calls(bin_dir) == [
        f"sudo uid={uid} apt-get update",
        f"apt-get uid={uid} update",
        f"sudo uid={uid} env DEBIAN_FRONTEND=noninteractive apt-get install -y {PACKAGES}",
        f"apt-get uid={uid} install -y {PACKAGES}",
    ]


def test_a_user_without_sudo_is_told_what_to_do(bin_dir):
    stub(bin_dir, "apt-get")
    result = make_browser_deps(bin_dir)
    assert result.returncode != 0
    assert f"browser-deps: missing {PACKAGES}; run this as root or install sudo" in result.stdout
    assert calls(bin_dir) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: checks that root calls apt-get without sudo")
def test_root_calls_apt_get_without_sudo(bin_dir):
    stub(bin_dir, "apt-get")
    stub(bin_dir, "sudo", tail="exit 1")
    result = make_browser_deps(bin_dir, as_user=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert calls(bin_dir) == ["apt-get uid=0 update", f"apt-get uid=0 install -y {PACKAGES}"]


def test_without_apt_get_the_message_names_what_is_missing(bin_dir):
    stub(bin_dir, "sudo")
    result = make_browser_deps(bin_dir)
    assert result.returncode != 0
    assert result.stdout.strip() == (
        f"browser-deps: missing {PACKAGES}, and there is no apt-get here; install them with your system's package manager"
    )
    assert calls(bin_dir) == []


def test_nothing_is_installed_when_nothing_is_missing(bin_dir):
    stub(bin_dir, "apt-get")
    stub(bin_dir, "sudo")
    stub(bin_dir, "chromium")
    present = f"chromium:chromium fonts-noto-cjk:{bin_dir / 'chromium'} webkit2gtk-driver:{bin_dir / 'id'} xvfb:env"
    result = make_browser_deps(bin_dir, present)
    assert result.returncode == 0, result.stdout + result.stderr
    assert calls(bin_dir) == []


def test_the_recipe_checks_the_real_packages_by_default():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = text[text.index("BROWSER_PACKAGES_CHECK = "):text.index("browser-deps:")]
    for pair in ("chromium:chromium", "fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                 "webkit2gtk-driver:/usr/bin/WebKitWebDriver", "xvfb:xvfb-run"):
        assert pair in block
