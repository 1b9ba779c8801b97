"""TDLib's parsers for parse_mode, step by step (td/telegram/MessageEntity.cpp:
parse_markdown, parse_markdown_v2, parse_html, decode_html_entity).

They walk the UTF-8 bytes, because TDLib's error texts name byte offsets, and
count UTF-16 code units, which is what MessageEntity.offset and length are in.
TDLib reads past the end of its NUL-terminated string as 0; ``_at`` does too.
Link validation (LinkManager::get_checked_link) is simplified: a link needs a
scheme or a dotted host, else the entity is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass


class EntityParseError(Exception):
    pass


@dataclass
class Entity:
    kind: str  # TDLib's type name: "Bold", "TextUrl", ...; printed in error texts
    offset: int
    length: int
    argument: str = ""
    user_id: int = 0


def _at(text: bytes, i: int) -> int:
    # std::string is NUL-terminated: TDLib reads text[size] as 0, so do we.
    return text[i] if i < len(text) else 0


def _is_space(c: int) -> bool:
    return c in (0x20, 0x09, 0x0D, 0x0A, 0x00, 0x0B)


def _code_units(c: int) -> int:
    """UTF-16 units a UTF-8 byte adds: a first byte counts 1, or 2 for a 4-byte sequence."""
    if c & 0xC0 == 0x80:
        return 0
    return 2 if c >= 0xF0 else 1


def _checked_link(url: str) -> str:
    url = url.strip()
    if not url or any(ch.isspace() for ch in url):
        return ""
    if "://" in url or url.startswith(("tg:", "mailto:", "ton:")):
        return url
    if "." in url.split("/", 1)[0]:
        return "http://" + url + ("" if "/" in url else "/")
    return ""


def _link_user_id(url: str) -> int:
    prefix = "tg://user?id="
    if url.startswith(prefix) and url[len(prefix) :].isdigit():
        return int(url[len(prefix) :])
    return 0


def _link_entity(kind: str, offset: int, length: int, url: str) -> Entity | None:
    user_id = _link_user_id(url)
    if user_id:
        return Entity("MentionName", offset, length, user_id=user_id)
    checked = _checked_link(url)
    return Entity(kind, offset, length, checked) if checked else None


def _reserved(ch: int) -> EntityParseError:
    return EntityParseError(
        f"Character '{chr(ch)}' is reserved and must be escaped with the preceding '\\'"
    )


def parse_markdown(text: bytes) -> tuple[bytes, list[Entity]]:
    """parse_mode "Markdown" (legacy)."""
    out = bytearray()
    entities: list[Entity] = []
    size = len(text)
    utf16 = 0
    i = 0
    while i < size:
        c = text[i]
        if c == 0x5C and _at(text, i + 1) in b"_*`[":
            out.append(text[i + 1])
            utf16 += 1
            i += 2
            continue
        if c not in b"_*`[":
            utf16 += _code_units(c)
            out.append(c)
            i += 1
            continue
        begin_pos = i
        end_character = ord("]") if c == ord("[") else c
        is_pre = False
        language = ""
        i += 1
        if c == ord("`") and _at(text, i) == ord("`") and _at(text, i + 1) == ord("`"):
            i += 2
            is_pre = True
            language_end = i
            while not _is_space(_at(text, language_end)) and _at(text, language_end) != ord("`"):
                language_end += 1
            if i != language_end and language_end < size and text[language_end] != ord("`"):
                language = text[i:language_end].decode("utf-8", "replace")
                i = language_end
            i = _skip_one_newline(text, i)
        entity_offset = utf16
        entity_text_start = i
        while i < size and (
            text[i] != end_character
            or (is_pre and not (_at(text, i + 1) == ord("`") and _at(text, i + 2) == ord("`")))
        ):
            utf16 += _code_units(text[i])
            out.append(text[i])
            i += 1
        if i == size:
            raise EntityParseError(
                f"Can't find end of the entity starting at byte offset {begin_pos}"
            )
        length = utf16 - entity_offset
        if length:
            if c == ord("_"):
                entities.append(Entity("Italic", entity_offset, length))
            elif c == ord("*"):
                entities.append(Entity("Bold", entity_offset, length))
            elif c == ord("["):
                if _at(text, i + 1) != ord("("):
                    url = text[entity_text_start:i].decode("utf-8", "replace")
                else:
                    i += 2
                    url_start = i
                    while i < size and text[i] != ord(")"):
                        i += 1
                    url = text[url_start:i].decode("utf-8", "replace")
                link = _link_entity("TextUrl", entity_offset, length, url)
                if link:
                    entities.append(link)
            elif is_pre:
                kind = "PreCode" if language else "Pre"
                entities.append(Entity(kind, entity_offset, length, language))
            else:
                entities.append(Entity("Code", entity_offset, length))
        if is_pre:
            i += 2
        i += 1
    return bytes(out), entities


def _skip_one_newline(text: bytes, i: int) -> int:
    # "skip one new line in the beginning of the text" of a pre block
    if _at(text, i) in (0x0A, 0x0D):
        if _at(text, i + 1) in (0x0A, 0x0D) and _at(text, i) != _at(text, i + 1):
            return i + 2
        return i + 1
    return i


@dataclass
class _Open:
    kind: str
    argument: str
    offset: int  # UTF-16 offset of the entity's first character
    byte_offset: int  # where its opening mark is in the input, for error texts
    out_pos: int  # where its text starts in the output


_RESERVED_V2 = b"_*[]()~`>#+-=|{}.!\n"


def _ends_entity_v2(text: bytes, i: int, top: _Open, have_blockquote: bool) -> bool:
    c = text[i]
    if have_blockquote and c == 0x0A and (i + 1 == len(text) or text[i + 1] != ord(">")):
        return True
    nxt = _at(text, i + 1)
    return {
        "Bold": c == ord("*"),
        "Italic": c == ord("_") and nxt != ord("_"),
        "Code": c == ord("`"),
        "Pre": c == ord("`") and nxt == ord("`") and _at(text, i + 2) == ord("`"),
        "PreCode": c == ord("`") and nxt == ord("`") and _at(text, i + 2) == ord("`"),
        "TextUrl": c == ord("]"),
        "Underline": c == ord("_") and nxt == ord("_"),
        "Strikethrough": c == ord("~"),
        "Spoiler": c == ord("|") and nxt == ord("|"),
        "CustomEmoji": c == ord("]"),
        "BlockQuote": False,
    }[top.kind]


def _read_url(text: bytes, i: int) -> tuple[str, int, int]:
    """From just after '(' to ')': the unescaped URL, where it began, where ')' is."""
    start = i
    url = bytearray()
    while i < len(text) and text[i] != ord(")"):
        if text[i] == 0x5C and 0 < _at(text, i + 1) <= 126:
            url.append(text[i + 1])
            i += 2
            continue
        url.append(text[i])
        i += 1
    return url.decode("utf-8", "replace"), start, i


def parse_markdown_v2(text: bytes) -> tuple[bytes, list[Entity]]:
    out = bytearray()
    entities: list[Entity] = []
    nested: list[_Open] = []
    utf16 = 0
    have_blockquote = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == 0x5C and 0 < _at(text, i + 1) <= 126:
            out.append(text[i + 1])
            utf16 += 1
            i += 2
            continue
        reserved = _RESERVED_V2
        if nested and nested[-1].kind in ("Code", "Pre", "PreCode"):
            reserved = b"`"
        if c not in reserved:
            utf16 += _code_units(c)
            out.append(c)
            i += 1
            continue
        if not nested or not _ends_entity_v2(text, i, nested[-1], have_blockquote):
            byte_offset = i
            argument = ""
            kind: str | None
            nxt = _at(text, i + 1)
            if c == ord("_"):
                kind = "Underline" if nxt == ord("_") else "Italic"
                i += 1 if nxt == ord("_") else 0
            elif c == ord("*"):
                kind = "Bold"
            elif c == ord("~"):
                kind = "Strikethrough"
            elif c == ord("|"):
                if nxt != ord("|"):
                    raise _reserved(c)
                i += 1
                kind = "Spoiler"
            elif c == ord("["):
                kind = "TextUrl"
            elif c == ord("`"):
                if nxt == ord("`") and _at(text, i + 2) == ord("`"):
                    i += 3
                    kind = "Pre"
                    language_end = i
                    while not _is_space(_at(text, language_end)) and _at(text, language_end) != ord(
                        "`"
                    ):
                        language_end += 1
                    if (
                        i != language_end
                        and language_end < len(text)
                        and text[language_end] != ord("`")
                    ):
                        kind = "PreCode"
                        argument = text[i:language_end].decode("utf-8", "replace")
                        i = language_end
                    i = _skip_one_newline(text, i) - 1
                else:
                    kind = "Code"
            elif c == ord("!"):
                if nxt != ord("["):
                    raise _reserved(c)
                i += 1
                kind = "CustomEmoji"
            elif c == 0x0A:
                utf16 += 1
                out.append(0x0A)
                kind = None
                if i + 1 < len(text) and text[i + 1] == ord(">"):
                    i += 1
                    if not have_blockquote:
                        kind = "BlockQuote"
                        have_blockquote = True
            elif c == ord(">") and i == 0:
                kind = "BlockQuote"
                have_blockquote = True
            else:
                raise _reserved(c)
            if kind is not None:
                nested.append(_Open(kind, argument, utf16, byte_offset, len(out)))
            i += 1
            continue
        top = nested[-1]
        if c == 0x0A and top.kind != "BlockQuote":
            raise EntityParseError(
                f"Can't find end of {top.kind} entity at byte offset {top.byte_offset}"
            )
        empty = utf16 == top.offset  # decided before a blockquote's closing newline counts
        entity: Entity | None = Entity(top.kind, top.offset, 0, top.argument)
        if top.kind in ("Underline", "Spoiler"):
            i += 1
        elif top.kind in ("Pre", "PreCode"):
            i += 2
        elif top.kind == "TextUrl":
            if _at(text, i + 1) != ord("("):
                url = bytes(out[top.out_pos :]).decode("utf-8", "replace")
            else:
                url, url_start, i = _read_url(text, i + 2)
                if _at(text, i) != ord(")"):
                    raise EntityParseError(f"Can't find end of a URL at byte offset {url_start}")
            entity = _link_entity("TextUrl", top.offset, 0, url)
        elif top.kind == "CustomEmoji":
            if _at(text, i + 1) != ord("("):
                raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
            url, url_start, i = _read_url(text, i + 2)
            if _at(text, i) != ord(")"):
                raise EntityParseError(
                    f"Can't find end of a custom emoji URL at byte offset {url_start}"
                )
            emoji_id = url.removeprefix("tg://emoji?id=")
            if not emoji_id.isdigit():
                raise EntityParseError("Invalid custom emoji identifier specified")
            entity = Entity("CustomEmoji", top.offset, 0, emoji_id)
        elif top.kind == "BlockQuote":
            have_blockquote = False
            out.append(c)
            utf16 += 1
        if entity is not None and not empty:
            entity.length = utf16 - top.offset
            entities.append(entity)
        nested.pop()
        i += 1
    if have_blockquote and nested and nested[-1].kind == "BlockQuote":
        top = nested.pop()
        if utf16 != top.offset:
            entities.append(Entity("BlockQuote", top.offset, utf16 - top.offset))
    if nested:
        top = nested[-1]
        raise EntityParseError(
            f"Can't find end of {top.kind} entity at byte offset {top.byte_offset}"
        )
    return bytes(out), entities


_HTML_TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "s",
    "strike",
    "del",
    "u",
    "ins",
    "tg-spoiler",
    "tg-emoji",
    "span",
    "pre",
    "code",
    "blockquote",
}
_NAMED = {b"lt": ord("<"), b"gt": ord(">"), b"amp": ord("&"), b"quot": ord('"')}


def _decode_html_entity(text: bytes, pos: int) -> tuple[int, int]:
    """(code point, position after it), or (0, pos) when '&' starts no entity."""
    end = pos + 1
    code = 0
    if _at(text, pos + 1) == ord("#"):
        end += 1
        if _at(text, pos + 2) == ord("x"):
            end += 1
            while chr(_at(text, end)) in "0123456789abcdefABCDEF":
                code = code * 16 + int(chr(text[end]), 16)
                end += 1
        else:
            while 0x30 <= _at(text, end) <= 0x39:
                code = code * 10 + text[end] - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while chr(_at(text, end)).isascii() and chr(_at(text, end)).isalpha():
            end += 1
        code = _NAMED.get(text[pos + 1 : end], 0)
        if not code:
            return 0, pos
    return code, end + 1 if _at(text, end) == ord(";") else end


def _utf8(code: int) -> bytes:
    return chr(code).encode("utf-8", "surrogatepass")


def _html_entity(
    tag: str, top_argument: str, offset: int, length: int, entities: list[Entity], link_text: str
) -> None:
    if tag in ("i", "em"):
        entities.append(Entity("Italic", offset, length))
    elif tag in ("b", "strong"):
        entities.append(Entity("Bold", offset, length))
    elif tag in ("s", "strike", "del"):
        entities.append(Entity("Strikethrough", offset, length))
    elif tag in ("u", "ins"):
        entities.append(Entity("Underline", offset, length))
    elif tag in ("tg-spoiler", "span"):
        entities.append(Entity("Spoiler", offset, length))
    elif tag == "tg-emoji":
        if not top_argument.isdigit() or int(top_argument) == 0:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append(Entity("CustomEmoji", offset, length, top_argument))
    elif tag == "a":
        link = _link_entity("TextUrl", offset, length, top_argument or link_text)
        if link:
            entities.append(link)
    elif tag == "pre":
        last = entities[-1] if entities else None
        if (
            last
            and last.kind == "Code"
            and (last.offset, last.length) == (offset, length)
            and (last.argument)
        ):
            last.kind = "PreCode"
        else:
            entities.append(Entity("Pre", offset, length))
    elif tag == "code":
        last = entities[-1] if entities else None
        if (
            last
            and last.kind == "Pre"
            and (last.offset, last.length) == (offset, length)
            and (top_argument)
        ):
            last.kind = "PreCode"
            last.argument = top_argument
        else:
            entities.append(Entity("Code", offset, length, top_argument))
    elif tag == "blockquote":
        entities.append(Entity("BlockQuote", offset, length))


def _html_attribute(text: bytes, i: int, tag: str, begin_pos: int) -> tuple[str, str, int]:
    """One ``name=value`` of a start tag: (name, value, position after it)."""
    start = i
    while not _is_space(_at(text, i)) and _at(text, i) != ord("="):
        i += 1
    name = text[start:i].decode("utf-8", "replace")
    if not name:
        raise EntityParseError(
            f'Empty attribute name in the tag "{tag}" at byte offset {begin_pos}'
        )
    while _at(text, i) and _is_space(_at(text, i)):
        i += 1
    if _at(text, i) != ord("="):
        raise EntityParseError(
            "Expected equal sign in declaration of an attribute of the tag "
            f'"{tag}" at byte offset {begin_pos}'
        )
    i += 1
    while _at(text, i) and _is_space(_at(text, i)):
        i += 1
    if not _at(text, i):
        raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin_pos}')
    if _at(text, i) not in (ord("'"), ord('"')):
        token_start = i
        while (chr(_at(text, i)).isalnum() and _at(text, i) < 128) or _at(text, i) in b".-":
            i += 1
        value = text[token_start:i].decode("ascii", "replace").lower()
        if not _is_space(_at(text, i)) and _at(text, i) != ord(">"):
            raise EntityParseError(f"Unexpected end of name token at byte offset {token_start}")
    else:
        quote = text[i]
        i += 1
        raw = bytearray()
        while _at(text, i) != quote and _at(text, i):
            if text[i] == ord("&"):
                code, after = _decode_html_entity(text, i)
                if code:
                    raw += _utf8(code)
                    i = after
                    continue
            raw.append(text[i])
            i += 1
        if _at(text, i) == quote:
            i += 1
        value = bytes(raw).decode("utf-8", "replace")
    if not _at(text, i):
        raise EntityParseError(f"Unclosed start tag at byte offset {begin_pos}")
    return name, value, i


def parse_html(text: bytes) -> tuple[bytes, list[Entity]]:
    out = bytearray()
    entities: list[Entity] = []
    nested: list[_Open] = []
    utf16 = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == ord("&"):
            code, after = _decode_html_entity(text, i)
            if code:
                utf16 += 2 if code > 0xFFFF else 1
                out += _utf8(code)
                i = after
                continue
        if c != ord("<"):
            utf16 += _code_units(c)
            out.append(c)
            i += 1
            continue
        begin_pos = i
        i += 1
        if _at(text, i) != ord("/"):
            while not _is_space(_at(text, i)) and _at(text, i) != ord(">"):
                i += 1
            if not _at(text, i):
                raise EntityParseError(f"Unclosed start tag at byte offset {begin_pos}")
            tag = text[begin_pos + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _HTML_TAGS:
                raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {begin_pos}')
            argument = ""
            while _at(text, i) != ord(">"):
                while _at(text, i) and _is_space(_at(text, i)):
                    i += 1
                if _at(text, i) == ord(">"):
                    break
                name, value, i = _html_attribute(text, i, tag, begin_pos)
                if tag == "a" and name == "href":
                    argument = value
                elif tag == "code" and name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and name == "emoji-id":
                    argument = value
            if tag == "span" and argument != "spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin_pos}'
                )
            nested.append(_Open(tag, argument, utf16, begin_pos, len(out)))
            i += 1
            continue
        if not nested:
            raise EntityParseError(f"Unexpected end tag at byte offset {begin_pos}")
        while not _is_space(_at(text, i)) and _at(text, i) != ord(">"):
            i += 1
        end_tag = text[begin_pos + 2 : i].decode("utf-8", "replace").lower()
        while _at(text, i) and _is_space(_at(text, i)):
            i += 1
        if _at(text, i) != ord(">"):
            raise EntityParseError(f"Unclosed end tag at byte offset {begin_pos}")
        top = nested[-1]
        if end_tag and end_tag != top.kind:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {begin_pos}, expected "</{top.kind}>", '
                f'found "</{end_tag}>"'
            )
        if utf16 > top.offset:
            link_text = bytes(out[top.out_pos :]).decode("utf-8", "replace")
            _html_entity(
                top.kind, top.argument, top.offset, utf16 - top.offset, entities, link_text
            )
        nested.pop()
        i += 1
    if nested:
        raise EntityParseError(f"Can't find end tag corresponding to start tag {nested[-1].kind}")
    for entity in entities:
        if entity.kind == "Code":
            entity.argument = ""
    try:
        bytes(out).decode("utf-8")
    except UnicodeDecodeError:
        raise EntityParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, check for "
            "unmatched surrogate code units"
        ) from None
    return bytes(out), entities
