"""report.html of the seeds in headless Chromium: nothing runs off the right edge from 360 px
phones to wide screens, and the page asks for nothing outside itself."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

import drift

WIDTHS = (360, 800, 1400)
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# Reports the page's width against its viewport's, once laid out (fonts included), to the
# wrapper page, which --dump-dom prints.
_PROBE = (
    "<script>addEventListener('load',function(){document.fonts.ready.then(function(){"
    "var e=document.scrollingElement;parent.document.body.setAttribute('data-probe',"
    "e.scrollWidth+' '+innerWidth+' '+e.clientWidth);});});</script>"
)
# Headless Chromium keeps windows at least 500 px wide, so the page is laid out in an iframe of
# the width under test (tall enough that no scrollbar takes room from it).
_WRAPPER = (
    "<!doctype html><html><body style='margin:0'><iframe style='width:{width}px;height:20000px;"
    "border:0;display:block' srcdoc='{page}'></iframe></body></html>"
)


def _chromium() -> str | None:
    given = os.environ.get("DRIFT_CHROMIUM")
    if given:
        return given
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium binary found (install it: apt-get install chromium, or make setup-dev; "
    "or set DRIFT_CHROMIUM=/path/to/chrome)",
)


@pytest.fixture(scope="module")
def seed_page(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    report = drift.run(
        [seeds_dir],
        originals=seeds_dir / "originals.jsonl",
        backend="lexicon",
        cache=False,
        progress=False,
    )
    return report.to_html()


def _measure(page: str, width: int, folder: Path) -> tuple[int, int, int]:
    """(scrollWidth, innerWidth, clientWidth) of `page` in a viewport `width` px wide."""
    # The page's CSP admits only its own script; the probe is a test-only addition.
    probed = re.sub(r"<meta http-equiv='Content-Security-Policy'[^>]*>", "", page, count=1)
    probed = probed.replace("</body>", _PROBE + "</body>")
    path = folder / f"report-{width}.html"
    path.write_text(_WRAPPER.format(width=width, page=escape(probed)), encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={folder / f'profile-{width}'}",
            f"--window-size={max(width + 40, 600)},900",
            "--virtual-time-budget=5000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r'data-probe="(\d+) (\d+) (\d+)"', result.stdout)
    assert found, f"Chromium gave no measurement (exit {result.returncode}): {result.stderr[-500:]}"
    return int(found.group(1)), int(found.group(2)), int(found.group(3))


@pytest.mark.parametrize("width", WIDTHS)
def test_report_fits_the_window(seed_page: str, width: int, tmp_path: Path) -> None:
    scroll, inner, client = _measure(seed_page, width, tmp_path)
    assert inner == client == width
    assert scroll <= inner, f"report.html is {scroll} px wide in a {inner} px window"


def test_report_is_one_self_contained_file(seed_page: str) -> None:
    assert not re.search(r"<(?:link|img|iframe|object|embed)\b", seed_page)
    assert not re.search(r"\bsrc\s*=", seed_page)
    assert "@import" not in seed_page and "url(" not in seed_page
    assert seed_page.count("<script>") == 1
