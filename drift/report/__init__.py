"""Reports: scored CSVs, a self-contained HTML page, run metadata, a terminal summary."""

from drift.report.csv import csv_text, neutralize, write_csv
from drift.report.frames import (
    divergences_frame,
    groups_frame,
    quotes_frame,
    scored_divergences_frame,
    sources_frame,
)
from drift.report.html import REPORT_GROUPS, PageData, render_html
from drift.report.meta import environment, run_json_text, write_run_json
from drift.report.summary import summarize

__all__ = [
    "REPORT_GROUPS",
    "PageData",
    "csv_text",
    "divergences_frame",
    "environment",
    "groups_frame",
    "neutralize",
    "quotes_frame",
    "render_html",
    "run_json_text",
    "scored_divergences_frame",
    "sources_frame",
    "summarize",
    "write_csv",
    "write_run_json",
]
