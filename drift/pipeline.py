"""The stages wired together, one direction: corpus -> quotes -> groups -> translations -> scores.

Each function takes records and returns records; `drift.api` turns the result into DataFrames and
files. Timings per stage are kept for run.json.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from drift.align.singletons import Unmatched
from drift.corpus import DEFAULT_MAX_BYTES, Corpus, read_corpus, read_originals
from drift.embed import Embedder, get_embedder
from drift.quotes import prepare_table_quotes
from drift.quotes.bounds import bounded_quotes, cut_note, cut_quotes
from drift.records import (
    Divergence,
    Failure,
    Group,
    Original,
    Quote,
    RenderingScore,
    ScoredDivergence,
    Translation,
)

log = logging.getLogger("drift")

DEFAULT_SOURCE_LANG = "ru"


@dataclass(frozen=True)
class RunOptions:
    """Everything that changes what a run computes (the CLI flags of `drift run`)."""

    backend: str = "auto"
    model: str | None = None
    device: str = "auto"
    quantize: bool | None = None  # None: int8 on CPU, native on GPU; False: fp32 on CPU
    embedder: str | None = "e5"  # None: no embeddings (chrF and lexical evidence only)
    cache: str | Path | bool | None = None  # None: user cache dir; False: no cache
    source_lang: str | None = None  # for groups whose speaker and original do not tell
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: bool | None = None


@dataclass
class Timer:
    """Wall-clock seconds per stage, in the order the stages ran; logged at INFO (`-v`).

    A stage entered inside another (embedding inside alignment) is counted for itself and left
    out of the outer one, and a stage entered twice adds up, so the stages sum to the run.
    """

    seconds: dict[str, float] = field(default_factory=dict)
    _open: list[list[float]] = field(default_factory=list, repr=False)

    @contextmanager
    def stage(self, name: str, *, quiet: bool = False) -> Iterator[None]:
        if not quiet:
            log.info("%s ...", name)
        start = time.perf_counter()
        self._open.append([0.0])  # seconds spent in stages nested in this one
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            nested = self._open.pop()[0]
            if self._open:
                self._open[-1][0] += elapsed
            own = self.seconds.get(name, 0.0) + elapsed - nested
            self.seconds[name] = round(own, 3)
            if not quiet:
                log.info("%s done in %.1f s", name, elapsed - nested)


@dataclass(frozen=True)
class TimedEmbedder:
    """An embedder whose encode calls count as the timer's "embed" stage, wherever they happen."""

    inner: Embedder
    timer: Timer

    @property
    def name(self) -> str:
        return self.inner.name

    def encode(self, texts: Sequence[str]) -> Any:
        with self.timer.stage("embed", quiet=True):
            return self.inner.encode(texts)


@dataclass(frozen=True)
class Extracted:
    """Quotes from every input, with the documents and failures met on the way."""

    corpus: Corpus
    quotes: tuple[Quote, ...]
    failures: tuple[Failure, ...]
    notes: tuple[str, ...] = ()  # for run.json: quotes cut to a bound


@dataclass(frozen=True)
class Aligned:
    """Groups of renderings and the word-level differences inside them.

    `extracted.quotes` carry the speaker their group resolved; `unmatched` lists the quotes that
    joined no group (with the reason); `anchored` names the original a group's renderings render.
    """

    extracted: Extracted
    groups: tuple[Group, ...]
    divergences: tuple[Divergence, ...]
    unmatched: tuple[Unmatched, ...] = ()
    anchored: Mapping[str, Original] = field(default_factory=dict)  # group_id -> original


@dataclass(frozen=True)
class Scored:
    """A full run: alignment plus back-translations and drift scores."""

    aligned: Aligned
    originals: tuple[Original, ...]
    matched: Mapping[str, Original]  # group_id -> original
    source_lang: Mapping[str, str]  # group_id -> language
    renderings: tuple[RenderingScore, ...]
    divergences: tuple[ScoredDivergence, ...]
    signature: str
    backends: Mapping[str, str]  # language -> "backend model"
    notes: tuple[str, ...]
    failures: tuple[Failure, ...]


def extract(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    timer: Timer | None = None,
    sources: Sequence[str | Path] = (),
) -> Extracted:
    """Read every input and pull quotes out of the articles; table quotes pass through.

    Outlet, date and url come from sidecar tables (`sources.csv` in an input directory, and the
    `sources` files) where given, else from what each article states."""
    from drift.corpus.meta import attach_sources

    timer = timer or Timer()
    paths = list(paths)
    with timer.stage("corpus"):
        corpus = read_corpus(paths, max_bytes=max_bytes, progress=progress)
        corpus = attach_sources(corpus, paths, sources)
    with timer.stage("quotes"):
        quotes: list[Quote] = []
        failures = list(corpus.failures)
        cut = 0
        for doc in corpus.documents:
            found = bounded_quotes(doc)  # one failure for a document past the bounds
            quotes.extend(found.quotes)
            failures.extend([found.failure] if found.failure else [])
            cut += found.cut
        table = cut_quotes(prepare_table_quotes(corpus.quotes))
        quotes.extend(table.quotes)
        cut += table.cut
    notes = (cut_note(cut),) if cut else ()
    return Extracted(corpus, tuple(quotes), tuple(failures), notes)


class LexiconBridge:
    """Cross-lingual word evidence for anchoring: bundled lexicons and source-language lemmas."""

    @cached_property
    def _lemmatizer(self) -> Any:
        from drift.score.lemmas import Lemmatizer

        return Lemmatizer()

    @cache  # noqa: B019 - one lexicon per language, for the life of the bridge
    def _lexicon(self, lang: str) -> Any:
        from drift.translate.lexicon import Lexicon

        return Lexicon.load("zh" if lang.startswith("zh") else lang)

    def targets(self, text: str, lang: str) -> list[tuple[str, frozenset[str]]]:
        """Each glossed English word of `text` with its dictionary candidates."""
        return [
            (g.source, frozenset(g.targets)) for g in self._lexicon(lang).gloss(text) if g.targets
        ]

    def lemmas(self, text: str, lang: str) -> frozenset[str]:
        """Content lemmas of an original sentence."""
        return frozenset(self._lemmatizer.content(text, "zh" if lang.startswith("zh") else lang))

    @cache  # noqa: B019 - one glosser per language, for the life of the bridge
    def _glosser(self, lang: str) -> Any:
        from drift.lexicon.foreign import ForeignGlosser

        return ForeignGlosser("zh" if lang.startswith("zh") else lang)

    def english(self, lemma: str, lang: str) -> frozenset[str]:
        """English content lemmas of the dictionary glosses of one source-language lemma."""
        glosses = self._glosser(lang).lookup(lemma)
        return frozenset(w for g in glosses for w in self._lemmatizer.content(g, "en"))

    def words(self, text: str) -> frozenset[str]:
        """English content lemmas of a rendering."""
        return frozenset(self._lemmatizer.content(text, "en"))


def align(
    extracted: Extracted,
    *,
    embedder: Embedder | None = None,
    originals: Sequence[Original] = (),
    progress: bool | None = None,
    timer: Timer | None = None,
    key_counts: Any = None,  # drift.align.blocking.KeyCounts of the whole run (Ray engine)
) -> Aligned:
    """Group renderings of the same statement (anchored on `originals` when given) and list
    where each rendering differs from its group's consensus."""
    from drift.align import align_groups, find_divergences, resolved_speakers

    timer = timer or Timer()
    with timer.stage("align"):
        bridge = LexiconBridge() if originals else None
        found = align_groups(
            extracted.quotes,
            embedder=embedder,
            originals=originals,
            bridge=bridge,
            progress=progress,
            counts=key_counts,
        )
        divergences = find_divergences(found.groups)
        speakers = resolved_speakers(found.groups)
        quotes = tuple(
            replace(q, speaker=speakers.get(q.quote_id, "")) if not q.speaker else q
            for q in extracted.quotes
        )
    by_id = {o.original_id: o for o in originals}
    return Aligned(
        replace(extracted, quotes=quotes),
        found.groups,
        tuple(divergences),
        found.unmatched,
        {g: by_id[o] for g, o in found.originals.items() if o in by_id},
    )


def load_originals(paths: Sequence[str | Path]) -> tuple[list[Original], list[Failure]]:
    """Originals from every `--originals` file."""
    originals: list[Original] = []
    failures: list[Failure] = []
    for path in paths:
        found, failed = read_originals(path)
        originals.extend(found)
        failures.extend(failed)
    return originals, failures


def score(
    aligned: Aligned,
    *,
    originals: Sequence[Original] = (),
    options: RunOptions = RunOptions(),
    embedder: Embedder | None = None,
    timer: Timer | None = None,
    extra_failures: Sequence[Failure] = (),
) -> Scored:
    """Back-translate renderings and divergent spans, then score drift per span and rendering."""
    timer = timer or Timer()
    with timer.stage("setup"):  # scorers and the translation engine (models load on first use)
        from drift.score import (
            ScoreSettings,
            match_originals,
            score_divergences,
            score_renderings,
        )
        from drift.score.script import Simplifier
        from drift.translate.engine import TranslationEngine
        from drift.translate.routing import source_lang as route

        settings = ScoreSettings()
        engine = TranslationEngine(
            options.backend,
            model=options.model,
            device=options.device,
            quantize=options.quantize,
            cache=options.cache,
            progress=options.progress,
        )
    notes: list[str] = []

    seen: dict[tuple[str, str], Translation] = {}

    def back(texts: Sequence[str], tgt: str) -> list[Translation]:
        """Back-translate, once per text and language within the run, even without a cache."""
        todo = list(dict.fromkeys(t for t in texts if (t, tgt) not in seen))
        if todo:
            seen.update(
                ((t, tgt), tr)
                for t, tr in zip(todo, engine.translate(todo, "en", tgt), strict=True)
            )
        return [seen[(t, tgt)] for t in texts]

    with timer.stage("originals"):
        contexts = {q.quote_id: q.context for q in aligned.extracted.quotes}
        given = {o.original_id: o for o in originals}  # reports show the text as given
        simplifier = Simplifier()
        originals = [simplifier.original(o) for o in originals]
        anchored = {g: simplifier.original(o) for g, o in aligned.anchored.items()}
        matched = match_originals(
            aligned.groups,
            originals,
            embedder=embedder,
            back=back,
            contexts=contexts,
            prematched=anchored,
        )
    langs: dict[str, str] = {}
    unrouted = 0
    routed: dict[tuple[str, str | None], str | None] = {}  # the speaker table is read per call
    for group in aligned.groups:
        original = matched.get(group.group_id)
        asked = (group.speaker, original.lang if original else None)
        if asked not in routed:
            routed[asked] = route(asked[0], original_lang=asked[1], default=options.source_lang)
        lang = routed[asked]
        if lang is None:
            unrouted += 1
            lang = DEFAULT_SOURCE_LANG
        langs[group.group_id] = lang
    if unrouted:
        notes.append(
            f"{unrouted} group(s) have a speaker whose language drift does not know and no "
            f"original; assumed '{DEFAULT_SOURCE_LANG}' (set --source-lang, or extend the "
            "speaker table)"
        )
    with timer.stage("translate+score"):
        scored = score_divergences(
            aligned.divergences,
            source_lang=langs,
            back=back,
            embedder=embedder,
            originals=matched,
            settings=settings,
            quotes={q.quote_id: q.text for q in aligned.extracted.quotes},
            contexts=contexts,
        )
        renderings = score_renderings(
            aligned.groups,
            source_lang=langs,
            back=back,
            embedder=embedder,
            originals=matched,
            settings=settings,
            contexts=contexts,
            divergences=scored,
        )
    backends = {}
    for lang in sorted(set(langs.values())):
        name, model = engine.describe("en", lang)
        backends[lang] = f"{name} {model}".strip()
    signature = f"{engine.signature()}|{settings.signature(embedder.name if embedder else 'none')}"
    return Scored(
        aligned=aligned,
        originals=tuple(given.values()),
        matched={g: given.get(o.original_id, o) for g, o in matched.items()},
        source_lang=langs,
        renderings=tuple(renderings),
        divergences=tuple(scored),
        signature=signature,
        backends=backends,
        notes=(*aligned.extracted.notes, *notes),
        failures=(*aligned.extracted.failures, *extra_failures),
    )


def build_embedder(name: str | None, cache: str | Path | bool | None = None) -> Embedder | None:
    """The embedder named by the options (None for none), encoding each distinct text once.

    cache: None = `embeddings.sqlite3` in the user cache dir, False = in memory for this run
    only, or a file path; vectors are kept across runs like back-translations."""
    if not name or name == "none":
        return None
    from drift.embed.cache import CachedEmbedder, EmbeddingCache, default_cache_path

    if cache is False:
        return CachedEmbedder(get_embedder(name))
    path = default_cache_path() if cache is None or cache is True else Path(cache)
    return CachedEmbedder(get_embedder(name), EmbeddingCache(path))
