"""Source-language routing: the original's language, else the speaker table, else the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.errors import UsageError
from drift.translate.routing import source_lang


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Sergei Lavrov", "ru"),
        ("Sergey Lavrov", "ru"),
        ("Russian Foreign Minister Sergei Lavrov", "ru"),
        ("Vladimir Putin", "ru"),
        ("Dmitry Peskov", "ru"),
        ("Maria Zakharova", "ru"),
        ("Vassily Nebenzia", "ru"),
        ("Kremlin", "ru"),
        ("Russian Foreign Ministry", "ru"),
        ("Wang Yi", "zh"),
        ("Chinese Foreign Minister Wang Yi", "zh"),
        ("Xi Jinping", "zh"),
        ("Mao Ning", "zh"),
        ("Hua Chunying", "zh"),
        ("Chinese Foreign Ministry", "zh"),
        ("Li Qiang", "zh"),
        ("Antony Blinken", None),
        ("", None),
    ],
)
def test_speaker_table(speaker: str, expected: str | None) -> None:
    assert source_lang(speaker) == expected


def test_original_language_wins() -> None:
    assert source_lang("Sergei Lavrov", original_lang="zh-cn") == "zh"


def test_default_for_unknown_speakers() -> None:
    assert source_lang("Antony Blinken", default="ru") == "ru"
    assert source_lang("Wang Yi", default="ru") == "zh"


def test_extra_mapping_extends_and_overrides() -> None:
    assert source_lang("Alexander Lukashenko", extra={"Alexander Lukashenko": "ru"}) == "ru"
    assert source_lang("Lavrov", extra={"Sergei Lavrov": "zh"}) == "zh"


def test_user_file_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "speakers.toml"
    table.write_text('[ru]\nspeakers = ["Alexander Lukashenko"]\n', encoding="utf-8")
    monkeypatch.setenv("DRIFT_SPEAKERS", str(table))
    assert source_lang("President Alexander Lukashenko") == "ru"
    assert source_lang("Wang Yi") == "zh"


def test_bad_user_file_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "speakers.toml"
    table.write_text("[ru]\nnames = 3\n", encoding="utf-8")
    monkeypatch.setenv("DRIFT_SPEAKERS", str(table))
    with pytest.raises(UsageError, match=r"speakers\.toml"):
        source_lang("Alexander Lukashenko")
