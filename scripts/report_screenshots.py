"""Screenshots of a report.html at phone, tablet and desktop widths, with headless Chromium.

    python scripts/report_screenshots.py reports/report.html -o reports/screenshots

writes report-360.png, report-800.png and report-1400.png (full page height, up to --height).
Headless Chromium keeps windows at least 500 px wide, so narrower widths are laid out in an
iframe of that width and the shot is cropped to it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def shoot(chromium: str, page: Path, width: int, height: int, out: Path) -> Path:
    """One screenshot of `page` laid out `width` px wide."""
    with tempfile.TemporaryDirectory() as tmp:
        target = page.resolve().as_uri()
        window = width
        if width < 500:
            html = page.read_text(encoding="utf-8")
            wrapper = Path(tmp, "wrapper.html")
            wrapper.write_text(
                "<!doctype html><body style='margin:0'><iframe style='width:"
                f"{width}px;height:{height}px;border:0;display:block' srcdoc='{escape(html)}'>"
                "</iframe></body>",
                encoding="utf-8",
            )
            target, window = wrapper.as_uri(), 500
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={tmp}/profile", f"--window-size={window},{height}",
             "--virtual-time-budget=5000", f"--screenshot={out}", target],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    if window != width:
        from PIL import Image

        with Image.open(out) as image:
            image.crop((0, 0, width, image.height)).save(out)
    return out


def main() -> None:
    """Parse arguments and take one screenshot per width."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=Path("reports/screenshots"))
    parser.add_argument("--widths", default="360,800,1400")
    parser.add_argument("--height", type=int, default=3000)
    args = parser.parse_args()
    chromium = next((found for name in NAMES if (found := shutil.which(name))), None)
    if chromium is None:
        raise SystemExit("no Chromium found; install it: apt-get install chromium")
    args.out.mkdir(parents=True, exist_ok=True)
    for width in (int(w) for w in args.widths.split(",")):
        print(shoot(chromium, args.page, width, args.height, args.out / f"report-{width}.png"))


if __name__ == "__main__":
    main()
