"""Readable plain text from HTML mail, for a message with no text/plain part.

Made from nh3's output (``html.sanitize_html``), so scripts, styles and titles
are gone already, and read with ``html.tokens`` (a regular expression over that
serialiser's output: the stdlib's HTMLParser took 6 s for 4 MB of mail HTML).
Blocks and ``<br>`` become line breaks, list items "- ", table rows lines with
their cells side by side; a ``<blockquote>`` (Gmail's
and Thunderbird's quoting) becomes "> " lines, so ``quotes.segments`` finds the
quoted history in text made from HTML as in text typed as text; a link whose
text is not its target reads "text <target>"; an image is its alt text, if any.
"""

from __future__ import annotations

import html as html_lib
import re

from app.mail.html import tokens

_LINES = {"address", "center", "dd", "div", "dt", "li", "tbody", "tfoot", "thead", "tr"}
_PARAGRAPHS = {
    "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "table", "ul",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def html_to_text(safe_html: str) -> str:
    """Text of ``sanitize_html``'s output (its tokens are read, not HTML in general)."""
    converter = _Converter()
    for token in tokens(safe_html):
        if token.kind == "start":
            wanted = token.tag in ("a", "img")
            converter.handle_starttag(token.tag, token.attributes() if wanted else {})
        elif token.kind == "end":
            converter.handle_endtag(token.tag)
        else:
            converter.handle_data(html_lib.unescape(token.source))
    return converter.text()


class _Converter:
    def __init__(self) -> None:
        self._lines: list[str] = []
        self._line: list[str] = []
        self._quote_depth = 0
        self._pre = 0
        self._links: list[tuple[str, int]] = []  # (target, where its text starts)

    def handle_starttag(self, tag: str, values: dict[str, str]) -> None:
        if tag in _PARAGRAPHS:
            self._paragraph()
        elif tag in _LINES:
            self._end_line()
        if tag == "blockquote":
            self._quote_depth += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "br":
            self._end_line(force=True)
        elif tag == "li":
            self._line.append("- ")
        elif tag in ("td", "th") and self._line and not self._line[-1].endswith(" "):
            self._line.append(" ")
        elif tag == "img" and values.get("alt"):
            self._line.append(f"[{_SPACES.sub(' ', values['alt'] or '').strip()}]")
        elif tag == "a":
            self._links.append((values.get("href") or "", len("".join(self._line))))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._links:
            target, start = self._links.pop()
            text = "".join(self._line)[start:].strip()
            bare = target.removeprefix("mailto:")
            if target.startswith(("http:", "https:", "mailto:")) and text and bare not in text:
                self._line.append(f" <{bare}>")
        if tag == "blockquote":
            self._end_line()
            self._quote_depth = max(0, self._quote_depth - 1)
        if tag in _PARAGRAPHS:
            self._paragraph()
        elif tag in _LINES:
            self._end_line()
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._pre:
            parts = data.split("\n")
            for index, part in enumerate(parts):
                if index:
                    self._end_line(force=True)
                self._line.append(part)
            return
        text = _SPACES.sub(" ", data)
        if not self._line or "".join(self._line).endswith(" "):
            text = text.lstrip(" ")
        self._line.append(text)

    def _end_line(self, force: bool = False) -> None:
        line = "".join(self._line)
        self._line = []
        if not self._pre:
            line = line.strip()
        if line or force:
            self._lines.append(self._prefix() + line)

    def _paragraph(self) -> None:
        self._end_line()
        blank = self._prefix().rstrip()
        if self._lines and not self._lines[-1].strip(" >"):
            self._lines[-1] = blank  # one blank line, at the depth that follows it
        elif self._lines:
            self._lines.append(blank)

    def _prefix(self) -> str:
        return "> " * self._quote_depth if self._quote_depth else ""

    def text(self) -> str:
        self._end_line()
        joined = "\n".join(line.rstrip() for line in self._lines)
        return _BLANK_RUNS.sub("\n\n", joined).strip("\n")
