"""Bytes to text: UTF-8 first (BOM handled), else the encoding charset-normalizer finds.

Binary or undecodable content raises InputError rather than turning into garbage text.
"""

from __future__ import annotations

import codecs
import unicodedata

from drift.errors import InputError

SAMPLE_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY = "binary file (contains NUL bytes), not text; give a UTF-8 text file"
_UNDECODABLE = "cannot decode the bytes as text in any known encoding; save the file as UTF-8"
_JUNK_CATEGORIES = {"Cc", "Co", "Cn", "Cs"}
_MAX_JUNK = 0.01


def decode_bytes(data: bytes, path: str) -> str:
    """The text of a whole file's bytes; InputError names binary or undecodable content."""
    _check_mixed(data, path)
    encoding = sniff_encoding(data, path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(_detect(data, path))
    check_plausible(text, path)
    return text.removeprefix("\ufeff")


def _check_mixed(data: bytes, path: str) -> None:
    """InputError when UTF-8 text (with non-ASCII characters) turns into other bytes later on:
    the encoding changes mid-file, and guessing one legacy codec for the whole file would turn
    the UTF-8 part into garbage."""
    if any(data.startswith(bom) for bom, name in _BOMS if name != "utf-8-sig"):
        return  # UTF-16/32: not UTF-8 at all
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if any(byte >= 0x80 for byte in data[: exc.start]):
            raise InputError(
                path,
                f"not valid UTF-8 from byte {exc.start} on, though the text before it is "
                "(the encoding changes mid-file); save the whole file as UTF-8",
            ) from None


def sniff_encoding(sample: bytes, path: str) -> str:
    """The codec name for bytes starting with `sample`: a BOM, else UTF-8, else a detected one."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise InputError(path, _BINARY)
    if _is_utf8_prefix(sample):
        return "utf-8-sig"
    return _detect(sample, path)


def _detect(data: bytes, path: str) -> str:
    """The encoding charset-normalizer finds most plausible; InputError when none fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, _UNDECODABLE)
    return best.encoding


def check_plausible(text: str, path: str, line: int | None = None) -> None:
    """Raise InputError when decoded text is mostly control or unassigned characters."""
    sample = text[:SAMPLE_BYTES]
    junk = sum(
        1
        for char in sample
        if char not in "\t\n\r\f\v" and unicodedata.category(char) in _JUNK_CATEGORIES
    )
    if sample and junk > _MAX_JUNK * len(sample):
        raise InputError(path, "binary content (control characters), not text", line)


def _is_utf8_prefix(sample: bytes) -> bool:
    """Whether `sample` is valid UTF-8, allowing a multi-byte character cut at its end."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True
