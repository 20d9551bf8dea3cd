"""Source-language routing: which language a rendering is back-translated into."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from drift.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

SPEAKERS_FILE = Path(__file__).resolve().parent.parent / "data" / "speakers.toml"
SPEAKERS_ENV = "DRIFT_SPEAKERS"


def _lang(code: str) -> str:
    """ "zh-cn" -> "zh", "RU" -> "ru"."""
    return code.strip().lower().split("-")[0].split("_")[0]


def read_speaker_table(path: Path) -> dict[str, str]:
    """speaker_key -> language from a TOML file of `[LANG] speakers = [names]` tables."""
    from drift.quotes.speakers import speaker_key

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(
            f"cannot read speaker table {path} ({exc}); fix it or unset ${SPEAKERS_ENV}"
        ) from None
    table: dict[str, str] = {}
    families: dict[str, set[str]] = {}  # a Chinese family name alone ("Wang") -> languages
    for lang, entry in data.items():
        names = entry.get("speakers") if isinstance(entry, dict) else None
        if not isinstance(names, list):
            raise UsageError(f"{path}: [{lang}] needs a `speakers = [...]` list of names")
        for name in names:
            key = speaker_key(str(name))
            if key:
                table[key] = _lang(lang)
            if len(key.split()) == 2:
                families.setdefault(key.split()[0], set()).add(_lang(lang))
    for family, langs in families.items():
        if len(langs) == 1 and family not in table:
            table[family] = langs.pop()
    return table


def speaker_table(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The shipped table, then $DRIFT_SPEAKERS's file, then `extra` (later ones win)."""
    from drift.quotes.speakers import speaker_key

    table = read_speaker_table(SPEAKERS_FILE)
    user = os.environ.get(SPEAKERS_ENV)
    if user:
        table.update(read_speaker_table(Path(user).expanduser()))
    for name, lang in (extra or {}).items():
        key = speaker_key(name)
        if key:
            table[key] = _lang(lang)
    return table


def source_lang(
    speaker: str,
    *,
    original_lang: str | None = None,
    default: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> str | None:
    """Language a speaker's statement was made in: the original's when known, else the table's."""
    if original_lang:
        return _lang(original_lang)
    from drift.quotes.speakers import speaker_key

    key = speaker_key(speaker) if speaker else ""
    if not key:
        return default
    return speaker_table(extra).get(key, default)
