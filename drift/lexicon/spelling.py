"""British and American spellings of English words ("sympathise" <-> "sympathize")."""

from __future__ import annotations

import re

# Each rule rewrites one spelling into the other; both directions are listed, and a variant only
# matters when a lexicon has it as a key, so a wrong variant ("actour") is harmless.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"is(e|es|ed|ing|ation|ations|er|ers|able)$", r"iz\1"),
        (r"iz(e|es|ed|ing|ation|ations|er|ers|able)$", r"is\1"),
        (r"ys(e|es|ed|ing)$", r"yz\1"),
        (r"yz(e|es|ed|ing)$", r"ys\1"),
        (r"([^aeiou])or(s|ed|ing|able|ably|ite|ites|ly|hood|less)?$", r"\1our\2"),
        (r"our(s|ed|ing|able|ably|ite|ites|ly|hood|less)?$", r"or\1"),
        (r"([aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),
        (r"([aeiou])l(ed|ing|er|ers)$", r"\1ll\2"),
        (r"ence(s)?$", r"ense\1"),
        (r"ense(s)?$", r"ence\1"),
        (r"([^aeiou])tre(s)?$", r"\1ter\2"),
        (r"([^aeiou])ter(s)?$", r"\1tre\2"),
        (r"ogue(s)?$", r"og\1"),
        (r"og(s)?$", r"ogue\1"),
        (r"amme(s)?$", r"am\1"),
        (r"am(s)?$", r"amme\1"),
    )
)


def spelling_variants(word: str) -> list[str]:
    """Other spellings of `word` across British and American usage ("honor" -> "honour")."""
    variants: list[str] = []
    for pattern, repl in _SPELLING_RULES:
        variant = pattern.sub(repl, word, count=1)
        if variant != word and variant not in variants:
            variants.append(variant)
    return variants
