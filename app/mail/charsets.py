"""Bytes of a mail body or header into text, whatever its charset label says.

``decode(data, declared)`` never raises and never returns mojibake for the cases
our shops see: a cp1251 body labelled koi8-r or iso-8859-1, no label at all, a
label Python doesn't know, UTF-8 with a few Latin-1 bytes pasted in.

The rules, in order (each learned from a mail system that got it wrong):

1. A label is read as WHATWG's encoding standard reads it: ``iso-8859-1`` and
   ``us-ascii`` are cp1252 (Outlook's curly quotes are 0x92), ``gb2312`` is
   gb18030, ``ks_c_5601-1987`` is cp949, ``koi8-r`` is koi8-u (the same letters
   plus the Ukrainian ones), ``win-1251`` is cp1251. An unknown label is no
   label: Zammad fed unknown labels to its detector and lost the declared one
   (zammad#6340), and crashed on labels its runtime lacked (zammad#2224).
2. Bytes that are valid UTF-8 (with something beyond ASCII) are UTF-8 whatever
   the label: natural text in a single-byte charset almost never is. A correct
   ``charset=utf-8`` is never overridden by a guess (Zammad did, and stored
   Cyrillic as Latin-1 mojibake: zammad#2737, zammad#6221).
3. UTF-8 that is mostly valid keeps its valid sequences; only the stray bytes are
   read in the single-byte charset that fits them best (zammad#2737's mixed body).
4. A label of a multi-byte charset (Shift_JIS, GB18030, Big5...) that decodes
   strictly is believed: those fail loudly on the wrong bytes.
5. Otherwise every single-byte candidate (the label's, then cp1251, koi8-u,
   cp1252, iso-8859-5, cp866, mac-cyrillic) that decodes is scored: charset-
   normalizer's mess ratio (its detector is built on it) plus what it misses in
   short Cyrillic texts, where it ties: a word mixing Cyrillic and Latin letters,
   a word whose case flips inside (koi8 and cp1251 swap cases), and letters rare
   in Russian and Ukrainian. The lowest score wins; the label wins a tie.
   charset-normalizer on its own picks Big5 or Shift_JIS for "Привет" in koi8-r.
6. Nothing fits: the label's charset with replacement characters (garbage stays
   garbage, the label is the best word on it); without a label (a CJK body),
   charset-normalizer's unrestricted best guess, else cp1252 with replacements.
"""

from __future__ import annotations

import codecs
import importlib
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

# Labels that mean a superset in practice (the WHATWG encoding standard's table).
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
    "koi8-r": "koi8-u",
}
_LABEL_SPELLINGS = [
    (re.compile(r"^(?:x-)?(?:windows|win|cp|ms)[-_ ]?(\d{3,4})$"), r"cp\1"),
    (re.compile(r"^(?:x-)?mac[-_]?cyrillic$"), "mac-cyrillic"),
    (re.compile(r"^koi8[-_]?(?:ru|r)$"), "koi8-r"),
    (re.compile(r"^unicode-1-1-utf-8$|^utf[-_]?8[-_]?(?:bom)?$"), "utf-8"),
    (re.compile(r"^iso[-_]?8859[-_]?(\d+)(?:-[ie])?$"), r"iso8859-\1"),
]
_CYRILLIC_CANDIDATES = ("cp1251", "koi8-u", "cp1252", "iso8859-5", "cp866", "mac-cyrillic")
# What a candidate costs before its text is looked at: a reading in a rare charset
# must be clearly better to win (iso-8859-5 and mac-cyrillic are seldom sent).
_PRIOR = {
    "utf-8": 0.1,
    "cp1251": 0.0,
    "koi8-u": 0.02,
    "cp1252": 0.02,
    "cp866": 0.1,
    "iso8859-5": 0.15,
    "mac-cyrillic": 0.2,
}
_ESCAPE_CODECS = {"iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_kr", "utf-7", "hz"}

# Letter frequencies (per cent) of Russian and Ukrainian prose together; only their
# shape matters: a wrong decoding of Cyrillic bytes is rich in щ, ъ, ю, ђ and the like.
_CYRILLIC_FREQUENCY = {
    "о": 10.0,
    "а": 8.0,
    "е": 7.5,
    "и": 6.5,
    "н": 6.7,
    "т": 5.8,
    "с": 5.0,
    "р": 4.7,
    "в": 4.6,
    "л": 4.1,
    "к": 3.5,
    "м": 3.1,
    "д": 3.0,
    "п": 2.8,
    "у": 2.9,
    "і": 2.5,
    "я": 2.0,
    "ы": 1.2,
    "ь": 1.7,
    "г": 1.6,
    "з": 1.8,
    "б": 1.6,
    "ч": 1.4,
    "й": 1.2,
    "х": 1.0,
    "ж": 0.9,
    "ш": 0.7,
    "ю": 0.6,
    "ц": 0.5,
    "щ": 0.35,
    "э": 0.25,
    "ф": 0.25,
    "ї": 0.4,
    "є": 0.35,
    "ъ": 0.04,
    "ё": 0.2,
    "ґ": 0.02,
}
_TOTAL = sum(_CYRILLIC_FREQUENCY.values())
_SURPRISAL = {ch: -math.log2(f / _TOTAL) for ch, f in _CYRILLIC_FREQUENCY.items()}
_FOREIGN_CYRILLIC_SURPRISAL = 14.0  # ђ, ѓ, ў, ћ... in a Russian or Ukrainian shop's mail
_NATURAL_SURPRISAL = 4.6  # the mean of ordinary Russian or Ukrainian text is ~4.3
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    charset: str  # the codec that produced the text ("utf-8", "cp1251", ...)
    declared: str | None  # the label as the message gave it
    guessed: bool  # True when the text was not read with the declared charset


def codec_for(label: str | None) -> str | None:
    """The Python codec a charset label stands for (rule 1), or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").strip().lower()
    for pattern, replacement in _LABEL_SPELLINGS:
        if pattern.match(name):
            name = pattern.sub(replacement, name)
            break
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    if codec in ("utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return codec
    return _SUPERSETS.get(codec, codec)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """``data`` as text by the rules in the module's docstring; never raises."""
    codec = codec_for(declared)
    if not data:
        return Decoded("", codec or "ascii", declared, False)
    if (
        codec in _ESCAPE_CODECS
        or (codec or "").startswith("utf-16")
        or (codec or "").startswith("utf-32")
    ):
        text = _strict(data, codec or "ascii")
        if text is not None:
            return Decoded(text, codec or "ascii", declared, False)
    if data.isascii():
        return Decoded(data.decode("ascii"), codec or "ascii", declared, False)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (codec in (None, "utf-8") or not _foreign_letters(utf8)):
        return Decoded(utf8.removeprefix("\ufeff"), "utf-8", declared, codec != "utf-8")
    if codec is not None and codec != "utf-8" and not _single_byte(codec):
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, declared, False)
    best = _best_reading(data, codec)
    if best is not None:
        charset, stray = best
        if stray is not None:
            text = data.decode("utf-8", errors=_register_fallback(stray))
        else:
            text = data.decode(charset, "replace")
        return Decoded(text, charset, declared, charset != codec or stray is not None)
    if codec is not None:
        return Decoded(data.decode(codec, "replace"), codec, declared, False)
    match = from_bytes(data).best()
    if match is not None:
        return Decoded(str(match), match.encoding, declared, True)
    return Decoded(data.decode("cp1252", "replace"), "cp1252", declared, True)


def decode_header_bytes(data: bytes) -> str:
    """Raw 8-bit header text (no encoded words: a sender that ignored RFC 2047)."""
    return decode(data).text


@lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """Every byte is one character (a charmap codec): nearly any bytes decode, so
    decoding proves nothing."""
    if codec in ("latin-1", "iso8859-1"):
        return True
    try:
        module = importlib.import_module("encodings." + codec.replace("-", "_"))
    except ImportError:
        return False
    return len(getattr(module, "decoding_table", "")) == 256


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _register_fallback(codec: str) -> str:
    name = f"switchboard-mail-{codec}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def handler(error: UnicodeError) -> tuple[str, int]:
            assert isinstance(error, UnicodeDecodeError)
            chunk = error.object[error.start : error.end]
            return chunk.decode(codec, "replace"), error.end

        codecs.register_error(name, handler)
    return name


def _best_reading(data: bytes, declared_codec: str | None) -> tuple[str, str | None] | None:
    """The best-scored reading of bytes that are not UTF-8: each single-byte
    candidate on its own and, when some UTF-8 sequences are valid, UTF-8 with only
    the stray bytes in that candidate (rule 3). Scored on a sample of the lines
    with non-ASCII bytes. Returns (codec, codec of the stray bytes or None)."""
    sample = _sample(data)
    candidates = [c for c in _CYRILLIC_CANDIDATES if c != declared_codec]
    if declared_codec is not None and _single_byte(declared_codec):
        candidates.insert(0, declared_codec)
    mixed = _has_utf8_sequences(sample)
    scored: list[tuple[float, str, str | None]] = []
    utf8 = _strict(sample, "utf-8")
    if utf8 is not None:
        scored.append((_score(utf8) + _PRIOR["utf-8"], "utf-8", None))
    for codec in candidates:
        prior = 0.0 if codec == declared_codec else _PRIOR.get(codec, 0.1)
        if declared_codec == "utf-8" and codec == "cp1252":
            prior = 0.0  # stray bytes in UTF-8 are mostly Latin-1 pasted in (zammad#2737)
        text = _strict(sample, codec)
        if text is not None:
            scored.append((_score(text) + prior, codec, None))
        if mixed:
            text = sample.decode("utf-8", errors=_register_fallback(codec))
            utf8_prior = prior + (0.0 if declared_codec == "utf-8" else _PRIOR["utf-8"])
            scored.append((_score(text) + utf8_prior, "utf-8", codec))
    if not scored:
        return None
    score, codec, stray = min(scored, key=lambda item: item[0])
    if score > 1.5:
        return None  # not text in any of these: let the general detector try
    return codec, stray


def _sample(data: bytes, limit: int = 16 * 1024) -> bytes:
    """The lines with non-ASCII bytes, up to ``limit`` bytes: what tells charsets apart."""
    if len(data) <= limit:
        return data
    picked: list[bytes] = []
    size = 0
    for line in data.split(b"\n"):
        if not line.isascii():
            picked.append(line[:limit])
            size += len(picked[-1]) + 1
            if size >= limit:
                break
    return b"\n".join(picked)


def _foreign_letters(text: str) -> bool:
    """Letters of scripts other than Latin and Cyrillic (what valid UTF-8 read from
    cp866 bytes turns into, never what a single-byte label would give)."""
    return any(unicodedata.category(ch)[0] in "LM" and _script(ch) == "other" for ch in text)


def _has_utf8_sequences(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return any(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)


def _score(text: str) -> float:
    """Lower is more like real text (see rule 5)."""
    penalty = mess_ratio(text, 1.0)
    if any(0x80 <= ord(ch) <= 0x9F or 0x2500 <= ord(ch) <= 0x259F for ch in text):
        penalty += 1.0  # C1 controls or box drawing: no person types those in mail
    tokens = text.split()
    if not tokens:
        return penalty
    odd = 0
    cyrillic: list[str] = []
    latin = accented = 0
    for token in tokens:
        if any(ch.isalpha() for ch in token) and any(
            not ch.isascii() and unicodedata.category(ch) in _GLUED_SYMBOLS and ch not in "№°"
            for ch in token
        ):
            odd += 1  # "®лка", "Ö³íà": a symbol inside a word is a byte read wrongly
        if any(unicodedata.category(ch)[0] in "LM" and _script(ch) == "other" for ch in token):
            odd += 1  # Hebrew points or CJK inside Cyrillic mail: bytes read as UTF-8
        for word in _WORD.findall(token):
            scripts = {_script(ch) for ch in word}
            if len(scripts) > 1:
                odd += 1
            if "cyrillic" in scripts and any(
                a.islower() and b.isupper() for a, b in itertools.pairwise(word)
            ):
                odd += 1  # koi8 and cp1251 swap cases ("пРИВЕТ"); "iPhone" is fine
            lower = word.lower()
            if lower[0] in "ьъы":
                odd += 1  # no Russian or Ukrainian word starts so
            cyrillic.extend(ch for ch in lower if _script(ch) == "cyrillic")
            if len(word) > 1 and not word.isascii() and "latin" in scripts:
                latin += sum(_script(ch) == "latin" for ch in lower)
                accented += sum(_script(ch) == "latin" and not ch.isascii() for ch in lower)
    penalty += odd / len(tokens)
    if latin:
        # In French or German words a few letters are accented; in Cyrillic read as
        # cp1252 nearly all are ("Çàêàç"). Only words with an accented letter count.
        penalty += max(0.0, accented / latin - 0.35) * 3
    if cyrillic:
        mean = sum(_SURPRISAL.get(ch, _FOREIGN_CYRILLIC_SURPRISAL) for ch in cyrillic)
        penalty += max(0.0, mean / len(cyrillic) - _NATURAL_SURPRISAL) * 0.4
    return penalty


_GLUED_SYMBOLS = {"So", "Sm", "Sc", "Sk", "No"}


def _script(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
        return "latin"
    return "other"
