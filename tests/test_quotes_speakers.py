"""Speaker names: display normalization and the cross-document key."""

from __future__ import annotations

import pytest

from drift.quotes.speakers import normalize_name, speaker_key


@pytest.mark.parametrize(
    ("name", "display"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("Russia's Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("Sergei Lavrov, the Russian foreign minister", "Sergei Lavrov"),
        ("State Councilor and Foreign Minister Wang Yi", "Wang Yi"),
        ("President Vladimir Putin", "Vladimir Putin"),
        ("sergei lavrov", "Sergei Lavrov"),
        ("Lavrov's", "Lavrov"),
        ("Russian Foreign Ministry", "Russian Foreign Ministry"),
        ("the ministry", "the ministry"),
        ("", ""),
        ("PRESIDENT VLADIMIR PUTIN (through translator)", "Vladimir Putin"),
        ("Russian President, Vladimir Putin", "Vladimir Putin"),
        ("Senior Colonel Wu Qian", "Wu Qian"),
    ],
)
def test_normalize_name(name: str, display: str) -> None:
    assert normalize_name(name) == display


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("sergei lavrov", "lavrov"),
        ("Sergey Lavrov", "lavrov"),
        ("Lavrov", "lavrov"),
        ("Russian Foreign Minister Sergei Lavrov", "lavrov"),
        ("Wang Yi", "wang yi"),
        ("Chinese Foreign Minister Wang Yi", "wang yi"),
        ("Xi Jinping", "xi jinping"),
        ("Ma Zhaoxu", "ma zhaoxu"),
        ("Ursula von der Leyen", "von der leyen"),
        ("Foreign Ministry of Russia", "foreign ministry russia"),
        ("", ""),
    ],
)
def test_speaker_key(name: str, key: str) -> None:
    assert speaker_key(name) == key


def test_same_person_spelled_differently_shares_a_key() -> None:
    assert len({speaker_key(n) for n in ("Sergey Lavrov", "Sergei Lavrov", "FM Lavrov")}) == 1
    assert speaker_key("Wang Yi") != speaker_key("Wang Wenbin")
