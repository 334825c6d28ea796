"""Each document's language: the one its page, feed or record declares, else lingua's guess.

The coder reads English only: a document in another language is stored and reported as skipped
(`language: zh`), never coded as if it were English. lingua is built from the few languages users
send us (DETECTED), loaded lazily, once per process, on the first document that needs it (a
detector of all its languages weighs about a gigabyte; of these seven, some 150 MB).

A short Latin-script text ("Chile met Peru.") says little about its language: such a text is taken
as English, as it always was, unless lingua is sure (CONFIDENT) of another language and the text has
enough words (MIN_WORDS). A text mostly in another script (Han, Cyrillic, Arabic, kana, Hangul) is
that script's language however short.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CODED = frozenset({"en"})  # the languages the coder reads
DETECTED = ("en", "zh", "ru", "fr", "es", "de", "ar")
CONFIDENT = 0.6
MIN_WORDS = 4
SAMPLE_CHARS = 3000  # enough to tell a language; long documents are not read whole for this
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
# the script of a letter -> the language it stands for here, by the first word of its Unicode name
# ("und", undetermined, for a script not named here: it is not English either)
_SCRIPTS = {"CJK": "zh", "CYRILLIC": "ru", "ARABIC": "ar", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko",
            "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th", "ARMENIAN": "hy", "GEORGIAN": "ka"}

__all__ = ["CODED", "language_code", "detect", "skip_reason"]


def language_code(value) -> str | None:
    """'en-GB', 'zh_Hans_CN', ' RU ' -> 'en', 'zh', 'ru'; anything that is not a language tag -> None."""
    if not isinstance(value, str):
        return None
    match = _TAG.match(value)
    return match.group(1).lower() if match else None


def skip_reason(doc) -> str | None:
    """'language: zh' for a document the coder must not read as English, else None."""
    language = getattr(doc, "language", None)
    return f"language: {language}" if language and language not in CODED else None


def detect(text: str) -> str | None:
    """The language of `text` as an ISO 639-1 code; None for a text without letters."""
    sample = text[:SAMPLE_CHARS]
    script = _script_language(sample)
    if script != "latin":
        return script
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return "en"
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return "en"
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    return code if code == "en" or top.value >= CONFIDENT else "en"


def _script_language(text: str) -> str | None:
    """The language of the script most of the letters are in ("latin" for Latin letters), or None."""
    counts = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if ch.isascii():
            key = "latin"
        else:
            first = unicodedata.name(ch, "").split(" ", 1)[0]
            key = _SCRIPTS.get(first, "latin" if first == "LATIN" else "und")
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    if counts.get("ja"):  # Japanese writes kanji (CJK) between its kana
        counts["ja"] += counts.pop("zh", 0)
    return max(counts, key=counts.get)


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in DETECTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
