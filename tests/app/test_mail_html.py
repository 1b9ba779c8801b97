"""HTML mail made safe to show (app/mail/html.py) and readable as text
(app/mail/html_text.py)."""

from __future__ import annotations

import re

import pytest

from app.mail.html import REMOTE_IMAGE_PLACEHOLDER, Link, sanitize_html
from app.mail.html_text import html_to_text

ACTIVE = re.compile(
    r"<script|<iframe|<form|<input|<object|<svg|<style|\bon\w+\s*=|javascript:", re.I
)


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script><p>x</p>",
        '<body onload="steal()"><p onclick="x()" onmouseover="y()">x</p></body>',
        '<img src="x" onerror="alert(1)">',
        '<iframe src="https://evil.example"></iframe>',
        '<form action="https://evil.example"><input name="password"></form>',
        "<svg><script>alert(2)</script></svg>",
        '<object data="x.swf"></object><embed src="x.swf">',
        "<style>body{background:url(https://t.example/x)}</style>",
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
        "<!--[if mso]><script>alert(3)</script><![endif]-->",
        '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(2)">b</a>',
        '<a href=" javascript:alert(1)">a</a><a href="vbscript:msgbox(1)">b</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>',
        '<div style="width:expression(alert(1))">x</div>',
        '<div style="-moz-binding:url(https://evil.example/x.xml#x)">x</div>',
    ],
)
def test_nothing_active_survives(html: str) -> None:
    safe = sanitize_html(html)
    assert not ACTIVE.search(safe.html), safe.html


def test_links_keep_safe_targets_with_noopener_and_the_target_as_title() -> None:
    safe = sanitize_html(
        '<a href="https://shop.example/o/5">order</a> <a href="mailto:a@b.c">mail</a>'
        ' <a href="tel:+380501234567">call</a> <a href="/relative">rel</a>'
        ' <a href="ftp://x.example/f">ftp</a>'
    )
    assert '<a href="https://shop.example/o/5" rel="noopener noreferrer"' in safe.html
    assert 'title="https://shop.example/o/5"' in safe.html
    assert 'href="mailto:a@b.c"' in safe.html and 'href="tel:+380501234567"' in safe.html
    assert 'href="/relative"' not in safe.html and "ftp:" not in safe.html
    assert [link.target for link in safe.links] == [
        "https://shop.example/o/5",
        "mailto:a@b.c",
        "tel:+380501234567",
    ]


def test_a_link_whose_text_names_another_host_shows_the_real_one() -> None:
    safe = sanitize_html('<a href="https://evil.example/login">https://www.paypal.com/signin</a>')
    assert safe.links == (
        Link("https://www.paypal.com/signin", "https://evil.example/login", True),
    )
    assert "</a> [evil.example]" in safe.html
    honest = sanitize_html('<a href="https://mail.shop.example/x">shop.example</a>')
    assert honest.links[0].deceptive is False and "[" not in honest.html


def test_remote_images_and_css_urls_are_blocked_and_listed() -> None:
    html = (
        '<img src="https://track.example/open?id=42" width="1" height="1">'
        '<img src="//cdn.example/logo.png"><img src="http://plain.example/p.gif">'
        "<div style=\"background-image:url('https://track.example/bg.gif');color:blue\">x</div>"
    )
    safe = sanitize_html(html)
    assert safe.remote_images == (
        "https://track.example/open?id=42",
        "//cdn.example/logo.png",
        "http://plain.example/p.gif",
        "https://track.example/bg.gif",
    )
    assert "track.example/open" not in safe.html.replace(
        'title="https://track.example/open?id=42"', ""
    )
    assert safe.html.count(f'src="{REMOTE_IMAGE_PLACEHOLDER}"') == 3
    assert 'title="//cdn.example/logo.png"' in safe.html  # the view can say what it would load
    assert "url(" not in safe.html and "color:blue" in safe.html


@pytest.mark.parametrize(
    "style",
    [
        "background-image: \\75 rl(https://t.example/x)",  # a CSS escape nh3 decodes after
        "background-image: image-set('https://t.example/z' 1x)",
        "background: URL( https://t.example/y )",
        "background: url(  'https://t.example/q'  ) no-repeat",
    ],
)
def test_css_that_would_load_in_disguise_loads_nothing(style: str) -> None:
    safe = sanitize_html(f'<p style="{style}">x</p>')
    assert "t.example" not in safe.html and "url(" not in safe.html.lower(), safe.html


def test_remote_images_load_once_allowed() -> None:
    html = '<img src="https://cdn.example/a.png"><p style="background:url(https://cdn.example/b.png)">x</p>'
    safe = sanitize_html(html, allow_remote=True)
    assert 'src="https://cdn.example/a.png"' in safe.html
    assert "https://cdn.example/b.png" in safe.html
    assert safe.remote_images == ("https://cdn.example/a.png", "https://cdn.example/b.png")


def test_cid_images_map_to_the_messages_parts_and_missing_ones_are_listed() -> None:
    html = '<img src="cid:Logo@Shop.Example"><img src="cid:gone@x"><img src="cid:%3Cpct@x%3E">'
    safe = sanitize_html(
        html, inline={"<logo@shop.example>": "file:///store/ab/abcd", "pct@x": "cid:pct@x"}
    )
    assert 'src="file:///store/ab/abcd"' in safe.html
    assert 'src="cid:pct@x"' in safe.html
    assert safe.missing_inline == ("gone@x",)


def test_data_images_stay_but_not_svg_and_not_in_links() -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    safe = sanitize_html(
        f'<img src="{png}"><img src="data:image/svg+xml;base64,PHN2Zz4="><a href="{png}">x</a>'
    )
    assert safe.html.count(png) == 1
    assert "svg" not in safe.html


def test_reading_formatting_stays() -> None:
    html = (
        '<p style="color:#333;font-weight:bold;position:fixed">Hi</p><table border="1"><tr>'
        '<td colspan="2" bgcolor="#eee">cell</td></tr></table>'
        '<font color="red" face="Arial">f</font>'
        "<ul><li>one</li></ul><blockquote>q</blockquote><pre>a  b</pre>"
    )
    safe = sanitize_html(html).html
    assert 'style="color:#333;font-weight:bold"' in safe  # position:fixed overlays go
    assert '<td colspan="2" bgcolor="#eee">cell</td>' in safe
    assert '<font color="red" face="Arial">f</font>' in safe
    assert "<ul><li>one</li></ul><blockquote>q</blockquote><pre>a  b</pre>" in safe


def test_text_from_html_keeps_quotes_lists_links_and_paragraphs() -> None:
    html = (
        "<div>Hello,<br>thanks for the <b>order</b>.</div>"
        '<div class="gmail_quote">On Mon, Shop wrote:<blockquote>'
        'Your order <a href="https://shop.example/o/1">#1</a>'
        " shipped.<blockquote>deeper</blockquote></blockquote></div>"
        "<ul><li>one</li><li>two</li></ul><table><tr><td>Tea</td><td>5</td></tr></table>"
        '<img alt="logo" src="x">'
        "<p>a &amp; b&nbsp;c</p><script>never()</script>"
    )
    assert html_to_text(sanitize_html(html).html) == (
        "Hello,\nthanks for the order.\nOn Mon, Shop wrote:\n\n"
        "> Your order #1 <https://shop.example/o/1> shipped.\n>\n> > deeper\n\n"
        "- one\n- two\n\nTea 5\n\n[logo]\n\na & b c"
    )
