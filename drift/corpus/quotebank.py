"""Quotebank rows: who said a quotation, keyed on the speaker's Wikidata QID.

Quotebank (Vaucher et al., "Quotebank: A Corpus of Quotations from a Decade of News", WSDM 2021;
Zenodo record 4277311) publishes one JSON object per line, in `quotes-YYYY.json.bz2` files, with
`quoteID, quotation, speaker, qids, date, numOccurrences, probas, urls, phase`. `speaker` is the
most probable name, or "None" when no speaker was attributed; `qids` lists the Wikidata ids that
name may refer to; `probas` ranks candidate speakers as `[name, probability]` pairs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping

UNATTRIBUTED = "None"  # Quotebank's speaker when no one was attributed
_QID = re.compile(r"^Q[1-9][0-9]*$")


def is_quotebank(fields: Mapping[str, object]) -> bool:
    """A row in Quotebank's shape: a `quotation` with a `quoteid` (names lower-cased)."""
    return "quotation" in fields and "quoteid" in fields


def speaker_of(fields: Mapping[str, object]) -> tuple[str, str]:
    """(display name, QID) of a Quotebank row: `speaker`, else the top of `probas`; the QID is
    the first of `qids`, else one the top `probas` entry carries; "" for what is unknown."""
    top = _top_proba(fields.get("probas"))
    name = _text(fields.get("speaker"))
    if not name or name == UNATTRIBUTED:
        name = next((p for p in top if not _QID.match(p)), "") if top else ""
    if name == UNATTRIBUTED:
        return "", ""
    qids = fields.get("qids")
    qid = next((q for q in _texts(qids) if _QID.match(q)), "")
    if not qid and name:
        qid = next((p for p in top if _QID.match(p)), "")
    return name, qid


def keyed_name(name: str, qid: str, names: MutableMapping[str, str] | None) -> str:
    """The name every row of one QID is shown under: the first seen in this read, so all of a
    person's quotes share one speaker key whatever spelling each row used."""
    if not qid or names is None or not name:
        return name
    return names.setdefault(qid, name)


def _top_proba(probas: object) -> list[str]:
    """The first candidate of `probas` as strings ([name, probability, ...]), or []."""
    if not isinstance(probas, list | tuple) or not probas:
        return []
    first = probas[0]
    if isinstance(first, list | tuple):
        return [str(v).strip() for v in first if isinstance(v, str) and v.strip()]
    return []


def _texts(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if isinstance(v, str)]
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
