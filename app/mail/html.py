"""HTML mail made safe to show, with nh3 (Rust's ammonia; bleach is deprecated).

``sanitize_html(html, inline=..., allow_remote=False)`` keeps what reading mail
needs (text formatting, lists, tables, links, images, a filtered set of inline
style properties) and nothing that runs or phones home:

- No scripts, styles sheets, forms, frames, objects, SVG, base or meta tags,
  event handlers or comments (Outlook's conditional comments included): they
  are not on the whitelist, and script/style/title lose their content too.
- Links keep only http, https, mailto and tel targets (``javascript:``,
  ``data:``, ``vbscript:``, relative and unknown ones lose their href, the text
  stays), get ``rel="noopener noreferrer"``, and show their real target: the
  ``title`` is the target, and when the text names another host ("paypal.com"
  over a link to elsewhere) the real one follows the text in brackets.
- Remote images (``http:``, ``https:`` and scheme-relative ``//`` sources, and
  CSS ``url()``) are tracking pixels until the operator says otherwise: the
  source becomes ``REMOTE_IMAGE_PLACEHOLDER`` with the real URL as its title,
  and ``SafeHtml.remote_images`` lists them. The view loads them only after the
  operator allowed it for that message: it sanitises again with
  ``allow_remote=True`` (the raw message is stored, the result isn't).
- ``cid:`` sources name the message's own inline parts: ``inline`` maps a
  Content-ID (without brackets, any case) to the URL the view can load (parse
  gives ``cid:<id>`` itself; the view may map them to stored files). A cid
  the message lacks becomes the placeholder and is listed in ``missing_inline``.
- ``data:`` images (png, gif, jpeg, webp, bmp: not svg, which can carry script)
  are kept in ``img`` only: they are the message's own bytes, load nothing from
  anywhere and track nobody; mail clients embed pasted screenshots so.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import nh3

REMOTE_IMAGE_PLACEHOLDER = "switchboard:blocked-image"
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite",
    "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
}  # fmt: skip
_CELL = {"align", "valign", "width", "height", "bgcolor", "colspan", "rowspan"}
_ATTRIBUTES = {
    "*": {"style", "dir", "lang", "align", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "border"},
    "font": {"color", "face", "size"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor", "align"},
    "tr": {"align", "valign", "bgcolor"},
    "td": _CELL,
    "th": _CELL,
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "ol": {"start", "type"},
    "ul": {"type"},
    "li": {"value"},
    "hr": {"width", "size", "noshade"},
    "blockquote": {"type"},
}
_STYLE_PROPERTIES = {
    "color", "background", "background-color", "background-image", "font", "font-family",
    "font-size", "font-style", "font-weight", "font-variant", "text-align",
    "text-decoration", "text-indent", "text-transform", "line-height", "letter-spacing",
    "word-spacing", "white-space", "vertical-align", "direction", "list-style-type",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left", "padding",
    "padding-top", "padding-right", "padding-bottom", "padding-left", "border",
    "border-top", "border-right", "border-bottom", "border-left", "border-color",
    "border-style", "border-width", "border-collapse", "border-spacing", "width",
    "max-width", "min-width", "height", "max-height", "min-height",
}  # fmt: skip
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_CSS_EXPRESSION = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding", re.IGNORECASE)
_CSS_LOADS = re.compile(r"url\s*\(|image-set|\\", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"^data:image/(png|gif|jpe?g|webp|bmp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_HOSTISH = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![a-z0-9-])", re.I
)


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    deceptive: bool  # the text names a host other than the target's


@dataclass(frozen=True)
class SafeHtml:
    html: str
    remote_images: tuple[str, ...]  # blocked (or, with allow_remote, allowed) remote sources
    links: tuple[Link, ...]
    missing_inline: tuple[str, ...]  # cid: sources with no part of the message behind them


def sanitize_html(
    html: str, *, inline: Mapping[str, str] | None = None, allow_remote: bool = False
) -> SafeHtml:
    """``html`` safe to show, by the rules in the module's docstring."""
    inline_urls = {key.strip("<>").casefold(): url for key, url in (inline or {}).items()}
    remote: list[str] = []
    missing: list[str] = []
    blocked_titles: list[str] = []

    def _blocked(url: str) -> str:
        # Numbered while cleaning, so the second pass gives each its own title
        # whatever order nh3 visits attributes in; the number goes then.
        blocked_titles.append(url)
        return f"{REMOTE_IMAGE_PLACEHOLDER}#{len(blocked_titles) - 1}"

    def image_source(value: str) -> str | None:
        url = value.strip()
        scheme = _scheme(url)
        if scheme in ("http", "https") or url.startswith("//"):
            remote.append(url)
            if allow_remote:
                return url
            return _blocked(url)
        if scheme == "cid":
            content_id = unquote(url[4:]).strip("<>").casefold()
            if content_id in inline_urls:
                return inline_urls[content_id]
            missing.append(content_id)
            return _blocked(url)
        if scheme == "data" and _DATA_IMAGE.match(url):
            return url
        return None

    def style(value: str) -> str | None:
        # A CSS escape ("\\75 rl(" is "url(") is decoded by nh3's serialiser after this
        # filter has looked; image-set() loads like url(). Such a style goes whole.
        if _CSS_EXPRESSION.search(value) or "\\" in value or "image-set" in value.lower():
            return None

        def replace(match: re.Match[str]) -> str:
            url = match.group(2).strip()
            if _scheme(url) in ("http", "https") or url.startswith("//"):
                remote.append(url)
                if allow_remote:
                    return f'url("{url}")'
            return "none"

        return _CSS_URL.sub(replace, value)

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "style":
            return style(value)
        if tag == "img" and attribute == "src":
            return image_source(value)
        if tag == "a" and attribute == "href":
            return value if _scheme(value.strip()) in LINK_SCHEMES else None
        return value

    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "title", "noscript", "template"},
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=set(LINK_SCHEMES) | {"cid", "data"},
        url_relative="pass_through",  # the filters drop relative URLs; "//host" is listed
        filter_style_properties=_STYLE_PROPERTIES,
    )
    marked, links = _mark(cleaned, blocked_titles, allow_remote)
    return SafeHtml(
        html=marked,
        remote_images=tuple(dict.fromkeys(remote)),
        links=tuple(links),
        missing_inline=tuple(dict.fromkeys(missing)),
    )


def _scheme(url: str) -> str:
    head, colon, _ = url.partition(":")
    return head.strip().lower() if colon and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", head) else ""


def link_host(url: str) -> str:
    """The host a URL leads to, lower-case without "www." ("" for mailto: and tel:)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


class Token(NamedTuple):
    """A piece of nh3's output: a start or end tag, or text (still escaped)."""

    kind: str  # "start", "end" or "text"
    source: str  # exactly as in the HTML
    tag: str = ""

    def attributes(self) -> dict[str, str]:
        """A tag's attributes, values unescaped (read when asked: most are never)."""
        inner = self.source[len(self.tag) + 1 : -1]
        return {name.lower(): html_lib.unescape(value) for name, value in _ATTRIBUTE.findall(inner)}


# nh3's serialiser (html5ever's) writes every attribute as name="value" with " and &
# escaped, and < > & in text escaped: so a tag ends at the first > outside quotes,
# and text never holds one. These patterns read that output, not HTML in general.
_TOKEN = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*/?>|[^<]+|<"""
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:="([^"]*)")?""")


def tokens(safe_html: str) -> Iterator[Token]:
    """The tags and texts of ``sanitize_html``'s output, in order."""
    for match in _TOKEN.finditer(safe_html):
        tag = match.group(2)
        if tag is None:
            yield Token("text", match.group(0))
        else:
            yield Token("end" if match.group(1) else "start", match.group(0), tag.lower())


def _mark(cleaned: str, blocked: list[str], allow_remote: bool) -> tuple[str, list[Link]]:
    """Second pass over nh3's output: links get their target as a title and, when
    deceptive, shown after the text; blocked images get the source they would have
    loaded as a title; and, remote loading not allowed, a style that would still
    load something as nh3 wrote it out goes (the filter saw it before nh3 did)."""
    out: list[str] = []
    links: list[Link] = []
    link: tuple[str, list[str]] | None = None  # (target, its text so far)
    for token in tokens(cleaned):
        if token.kind == "text":
            out.append(token.source)
            if link is not None:
                link[1].append(html_lib.unescape(token.source))
        elif token.kind == "end":
            out.append(token.source)
            if token.tag == "a" and link is not None:
                found = _link(*link)
                links.append(found)
                link = None
                if found.deceptive:
                    out.append(f" [{html_lib.escape(link_host(found.target))}]")
        elif token.tag in ("a", "img") or 'style="' in token.source:
            values = token.attributes()
            if not allow_remote and _CSS_LOADS.search(values.get("style", "")):
                del values["style"]
            if token.tag == "a" and values.get("href"):
                values["title"] = values["href"]
                link = (values["href"], [])
            source = values.get("src", "")
            if token.tag == "img" and source.startswith(REMOTE_IMAGE_PLACEHOLDER + "#"):
                index = source.rpartition("#")[2]
                known = index.isdigit() and int(index) < len(blocked)
                values["src"] = REMOTE_IMAGE_PLACEHOLDER
                values["title"] = blocked[int(index)] if known else ""
            rendered = "".join(
                f' {name}="{html_lib.escape(value, quote=True)}"' for name, value in values.items()
            )
            out.append(f"<{token.tag}{rendered}>")
        else:
            out.append(token.source)
    return "".join(out), links


def _link(target: str, parts: list[str]) -> Link:
    text = "".join(parts).strip()
    shown = _HOSTISH.match(text)
    real = link_host(target)
    named = shown.group(1).lower() if shown else ""
    deceptive = bool(named and real and real != named and not real.endswith("." + named))
    return Link(text, target, deceptive)
