"""Translation engine: picks a backend per direction, dedups, batches, caches, shows progress."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drift.errors import UsageError
from drift.records import Translation
from drift.translate.base import TRANSLATORS, Translator, get_translator
from drift.translate.cache import TranslationCache, cache_key, default_cache_path
from drift.translate.models import load_registry
from drift.translate.seq2seq import Decoding, Seq2SeqTranslator

log = logging.getLogger("drift")
NEURAL = ("marian", "nllb", "ct2")


class TranslationEngine:
    """Back-translates batches of texts; `translate` returns one Translation per input, in order.

    backend "auto" uses marian (or nllb) when its model is on disk, else the offline lexicon with
    one warning line per direction. cache: None = user cache dir, False = none, or a file path.
    `translator` plugs in a ready Translator (an in-memory model, a custom backend).
    """

    def __init__(
        self,
        backend: str = "auto",
        *,
        model: str | None = None,
        device: str = "auto",
        cache: str | Path | bool | None = None,
        num_beams: int = 4,
        max_new_tokens_ratio: float = 2.0,
        batch_tokens: int = 2048,
        progress: bool | None = None,
        models_dir: Path | None = None,
        quantize: bool | None = None,
        no_repeat_ngram_size: int = 4,
        max_new_tokens_cap: int = 256,
        translator: Translator | None = None,
    ) -> None:
        if backend != "auto" and backend not in TRANSLATORS:
            valid = ", ".join(["auto", *sorted(TRANSLATORS)])
            raise UsageError(f"unknown backend {backend!r}; choose one of: {valid}")
        self._plugged = translator
        self.backend = translator.name if translator is not None else backend
        self.model = model
        self.models_dir = models_dir
        self.progress = progress
        self.decoding = Decoding(
            num_beams=num_beams,
            max_new_tokens_ratio=max_new_tokens_ratio,
            max_new_tokens_cap=max_new_tokens_cap,
            no_repeat_ngram_size=no_repeat_ngram_size,
        )
        self._neural_kw: dict[str, Any] = {
            "device": device,
            "quantize": quantize,
            "decoding": self.decoding,
            "batch_tokens": batch_tokens,
            "models_dir": models_dir,
        }
        self._backends: dict[str, Translator] = {}
        self._chosen: dict[tuple[str, str], Translator] = {}
        if cache is False:
            self.cache: TranslationCache | None = None
        elif cache is None or cache is True:
            self.cache = TranslationCache(default_cache_path())
        else:
            self.cache = TranslationCache(cache)

    def _get(self, name: str) -> Translator:
        if name not in self._backends:
            if name in NEURAL:
                self._backends[name] = get_translator(name, model=self.model, **self._neural_kw)
            else:
                self._backends[name] = get_translator(name)
        return self._backends[name]

    def _auto_neural(self) -> str:
        """The neural backend `auto` tries: nllb for an nllb model, marian otherwise."""
        if self.model is None:
            return "marian"
        folder = Path(self.model).expanduser()
        if (folder / "config.json").is_file():
            config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
            return "marian" if config.get("model_type") == "marian" else "nllb"
        spec = load_registry(self.models_dir).models.get(self.model)
        return "nllb" if spec is not None and spec.kind == "nllb" else "marian"

    def _choose(self, src: str, tgt: str) -> Translator:
        if src == tgt:
            raise UsageError(f"source and target language are both {src!r}; pick two languages")
        if (src, tgt) in self._chosen:
            return self._chosen[(src, tgt)]
        if self._plugged is not None:
            chosen = self._plugged
        elif self.backend != "auto":
            chosen = self._get(self.backend)
        else:
            chosen = self._auto(src, tgt)
        self._chosen[(src, tgt)] = chosen
        return chosen

    def _auto(self, src: str, tgt: str) -> Translator:
        first = self._auto_neural()
        candidates = [first] if self.model is not None else ["ct2", first, "nllb"]
        if self.model is not None and (Path(self.model).expanduser() / "model.bin").is_file():
            candidates = ["ct2"]  # a converted CTranslate2 folder
        for name in candidates:
            neural = self._get(name)
            if isinstance(neural, Seq2SeqTranslator) and neural.available(src, tgt):
                return neural
        marian = self._get(first)
        wanted = self.model or "a model"
        pull = ""
        if isinstance(marian, Seq2SeqTranslator) and self.model is None:
            spec = load_registry(self.models_dir).default_for("marian", src, tgt)
            if spec is not None:
                wanted, pull = spec.repo, f" Get the model: drift models pull {spec.name}"
        if not _lexicon_covers(src, tgt):
            raise UsageError(
                f"no local model for {src}->{tgt}, and the offline lexicon backend "
                f"cannot translate {src}-{tgt}; get an NLLB model: drift models pull "
                "nllb-200-distilled-600M"
            )
        log.warning(
            "no local model for %s->%s (%s); using the offline lexicon backend "
            "(a word-by-word gloss).%s",
            src,
            tgt,
            wanted,
            pull,
        )
        return self._get("lexicon")

    def describe(self, src: str, tgt: str) -> tuple[str, str]:
        """(backend name, model id) that `translate` uses for src->tgt."""
        chosen = self._choose(src, tgt)
        if isinstance(chosen, Seq2SeqTranslator):
            return chosen.name, chosen.model_id_for(src, tgt)
        return chosen.name, chosen.model_id

    def _settings(self, chosen: Translator) -> str:
        if isinstance(chosen, Seq2SeqTranslator):
            runtime = getattr(chosen, "runtime", "")  # ct2: the CTranslate2 version
            return f"{self.decoding.describe()}|precision:{chosen.where.precision}" + (
                f"|runtime:{runtime}" if runtime else ""
            )
        return ""

    def signature(self) -> str:
        """Reproducibility signature, like sacrebleu's: backend, models, decoding, precision."""
        from drift import __version__

        used = ",".join(f"{s}-{t}={'/'.join(self.describe(s, t))}" for s, t in sorted(self._chosen))
        neural = next((b for b in self._chosen.values() if isinstance(b, Seq2SeqTranslator)), None)
        precision = neural.where.precision if neural is not None else "none"
        return (
            f"backend:{self.backend}|model:{self.model or 'default'}|used:{used or 'none'}"
            f"|{self.decoding.describe()}|precision:{precision}"
            f"|cache:{'yes' if self.cache else 'no'}|drift:{__version__}"
        )

    def _show_progress(self) -> bool:
        return self.progress if self.progress is not None else sys.stderr.isatty()

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[Translation]:
        """Translate `texts` src->tgt; each distinct text is translated (or looked up) once."""
        chosen = self._choose(src, tgt)
        name, model_id = self.describe(src, tgt)
        unique = [t for t in dict.fromkeys(texts) if t.strip()]
        done: dict[str, str] = {t: t for t in dict.fromkeys(texts) if not t.strip()}
        hits: set[str] = set()
        use_cache = self.cache is not None and isinstance(chosen, Seq2SeqTranslator)
        keys: dict[str, str] = {}
        if use_cache and unique:
            settings = self._settings(chosen)
            keys = {t: cache_key(name, model_id, src, tgt, settings, t) for t in unique}
            by_key = self.cache.get_many(list(keys.values()))
            for text, key in keys.items():
                if key in by_key:
                    done[text] = by_key[key]
                    hits.add(text)
        todo = [t for t in unique if t not in done]
        if todo and isinstance(chosen, Seq2SeqTranslator):
            try:
                self._run_batches(chosen, todo, src, tgt, done, keys if use_cache else None, hits)
            finally:
                if use_cache and self.cache is not None:
                    self.cache.release()
        elif todo:
            done.update(zip(todo, chosen.translate(todo, src, tgt), strict=True))
        return [Translation(t, done[t], src, tgt, name, model_id, cached=t in hits) for t in texts]

    def _run_batches(
        self,
        chosen: Seq2SeqTranslator,
        todo: list[str],
        src: str,
        tgt: str,
        done: dict[str, str],
        keys: dict[str, str] | None,
        hits: set[str],
    ) -> None:
        """Translate `todo` batch by batch, caching each batch as it is done; with a cache,
        texts another process is translating are waited for, not translated again."""
        from tqdm.auto import tqdm

        waiting: list[str] = []
        batches = chosen.batches(todo, src, tgt)
        bar = tqdm(
            total=len(todo),
            desc=f"translate {src}->{tgt}",
            unit="text",
            disable=not self._show_progress(),
        )
        with bar:
            for batch in batches:
                texts = [todo[i] for i in batch]
                if keys is not None and self.cache is not None:
                    texts = self._claim(texts, keys, done, hits, waiting)
                if texts:
                    outputs = chosen.generate(texts, src, tgt)
                    done.update(zip(texts, outputs, strict=True))
                    if keys is not None and self.cache is not None:
                        self.cache.put_many(
                            (keys[t], out) for t, out in zip(texts, outputs, strict=True)
                        )
                bar.update(len(batch))
        if waiting and keys is not None and self.cache is not None:
            found = self.cache.wait_for([keys[t] for t in waiting])
            for text in waiting:
                if keys[text] in found:
                    done[text] = found[keys[text]]
                    hits.add(text)
            lapsed = [t for t in waiting if t not in done]  # their claimer died: ours now
            if lapsed:
                self._run_batches(chosen, lapsed, src, tgt, done, keys, hits)

    def _claim(
        self,
        texts: list[str],
        keys: dict[str, str],
        done: dict[str, str],
        hits: set[str],
        waiting: list[str],
    ) -> list[str]:
        """The texts of a batch this process translates: those another process cached since
        the run began become hits, those it is translating now go to `waiting`."""
        cache = self.cache
        if cache is None:
            return texts
        by_text = {keys[t]: t for t in texts}
        found = cache.get_many(list(by_text))
        for key, text in found.items():
            done[by_text[key]] = text
            hits.add(by_text[key])
        mine, _ = cache.claim([k for k in by_text if k not in found])
        claimed = set(mine)  # the rest: claimed by another process, or cached a moment ago
        waiting.extend(by_text[k] for k in by_text if k not in found and k not in claimed)
        return [by_text[k] for k in mine]


def translate(texts: Sequence[str], src: str, tgt: str, **engine_kwargs: Any) -> list[Translation]:
    """Translate with a one-off TranslationEngine(**engine_kwargs)."""
    return TranslationEngine(**engine_kwargs).translate(texts, src, tgt)


def _lexicon_covers(src: str, tgt: str) -> bool:
    """Whether the offline lexicon backend glosses src->tgt (en->ru|zh, ru|zh->en)."""
    from drift.translate.lexicon import SUPPORTED_SOURCES, SUPPORTED_TARGETS

    return (src == "en" and tgt in SUPPORTED_TARGETS) or (src in SUPPORTED_SOURCES and tgt == "en")
