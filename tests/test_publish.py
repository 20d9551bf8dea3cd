"""Report sets are published all at once: a kill at any step leaves the old set or the new one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drift import publish as pub

OLD = {"quotes.csv": "q,old\n", "groups.csv": "g,old\n", "run.json": '{"n": "old"}'}
NEW = {"quotes.csv": "q,new\n", "groups.csv": "g,new\n", "run.json": '{"n": "new"}'}


def read_set(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text() for name in OLD if (out / name).exists()}


class Crash(Exception):
    pass


def crash_at(monkeypatch: pytest.MonkeyPatch, step: int) -> None:
    """Make the `step`-th rename or symlink of a publish raise, as a kill there would."""
    calls = {"n": 0}
    real_replace, real_symlink = os.replace, os.symlink

    def counted(real):
        def call(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == step:
                raise Crash(step)
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(pub.os, "replace", counted(real_replace))
    monkeypatch.setattr(pub.os, "symlink", counted(real_symlink))


@pytest.mark.parametrize("plain_before", [True, False], ids=["plain-files-before", "set-before"])
def test_a_kill_at_any_step_leaves_the_complete_old_or_new_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plain_before: bool
) -> None:
    for step in range(1, 40):
        out = tmp_path / f"out{step}"
        if plain_before:
            out.mkdir()
            for name, text in OLD.items():
                (out / name).write_text(text)
        else:
            pub.publish(out, OLD)
        with monkeypatch.context() as patch:
            crash_at(patch, step)
            try:
                pub.publish(out, NEW)
                finished = True
            except Crash:
                finished = False
        assert read_set(out) in (OLD, NEW), step
        if finished:
            assert read_set(out) == NEW
            break
    else:
        pytest.fail("publish never finished")
    pub.publish(out, OLD)  # a later run cleans what the killed ones left
    assert read_set(out) == OLD
    assert len(list((out / pub.STATE / "sets").iterdir())) == 1
    assert not list(out.glob(".*.tmp"))


def test_a_set_with_fewer_files_replaces_the_whole_set(tmp_path: Path) -> None:
    pub.publish(tmp_path, OLD)
    pub.publish(tmp_path, {"groups.csv": "g,align\n"})
    assert read_set(tmp_path) == {"groups.csv": "g,align\n"}


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from drift.publish import locked\n"
            "with locked(Path(sys.argv[1])):\n"
            "    print('held', flush=True); time.sleep(1.5)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    notices: list[str] = []
    start = time.monotonic()
    pub.publish(tmp_path, NEW, notify=notices.append)
    waited = time.monotonic() - start
    holder.wait(timeout=10)
    assert read_set(tmp_path) == NEW
    assert waited >= 0.5
    assert notices and f"pid {holder.pid}" in notices[0]
