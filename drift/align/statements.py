"""Join sentence-level groups into statements, as a reader counts them.

Groups hold renderings of one sentence (or clause); a statement is what a speaker said in one
breath, often several sentences that outlets quote in different cuts. Two groups belong to one
statement when one quote renders into both: a quote is one stretch of one speaker's words. (One
given original is not enough: an original may be a whole press conference, many statements.)
"""

from __future__ import annotations

from collections.abc import Sequence


def statement_ids(roots: Sequence[frozenset[str]]) -> list[str]:
    """Per group (in order), the id of its statement ("s001"...), numbered by first group;
    `roots[i]` are the quote roots of group i (quote ids, a fragment counted as its quote)."""
    parent = list(range(len(roots)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, keys in enumerate(roots):
        for key in sorted(keys):
            j = first.setdefault(key, i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    number: dict[int, int] = {}
    for i in range(len(roots)):
        number.setdefault(find(i), len(number) + 1)
    width = max(3, len(str(len(number))))
    return [f"s{number[find(i)]:0{width}d}" for i in range(len(roots))]
