"""Hostile Markdown and HTML that staff text might carry, for the sanitiser's tests.

Each entry is (name, text). Names say what the entry tries; tests/feedback/test_markup.py
renders every one and checks the result against the allow-list.
"""

from __future__ import annotations

LONG = 50_000

SCRIPTS = [
    ("script tag", "<script>alert(1)</script>"),
    ("script mixed case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("script split over lines", "<scr\nipt>alert(1)</script>"),
    ("script nested in script", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script with src", '<script src="https://evil.example/x.js"></script>'),
    ("script after a paragraph", "Hello\n\n<script>alert(1)</script>\n\nBye"),
    ("script inside a list", "- one\n- <script>alert(1)</script>"),
    ("script in a heading", "# <script>alert(1)</script>"),
    ("script in a blockquote", "> <script>alert(1)</script>"),
    ("script as a self-closing tag", "<script/src=//evil.example/x.js>"),
]

EVENT_HANDLERS = [
    ("img onerror", "<img src=x onerror=alert(1)>"),
    ("img onerror quoted", '<img src="x" onerror="alert(1)">'),
    ("body onload", "<body onload=alert(1)>"),
    ("svg onload", "<svg onload=alert(1)>"),
    ("svg onload no space", "<svg/onload=alert(1)>"),
    ("a onmouseover", '<a href="https://example.org" onmouseover="alert(1)">x</a>'),
    ("div onmouseover", '<div onmouseover="alert(1)">hover</div>'),
    ("details ontoggle", "<details open ontoggle=alert(1)>"),
    ("input onfocus autofocus", "<input autofocus onfocus=alert(1)>"),
    ("handler in Markdown emphasis", '*<b onclick="alert(1)">x</b>*'),
]

LINKS = [
    ("markdown javascript link", "[x](javascript:alert(1))"),
    ("markdown uppercase javascript", "[x](JAVASCRIPT:alert(1))"),
    ("markdown vbscript link", "[x](vbscript:msgbox(1))"),
    ("markdown data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("markdown data link with html", "[x](data:text/html,<script>alert(1)</script>)"),
    ("markdown link with decimal entity", "[x](&#106;avascript:alert(1))"),
    ("markdown link with hex entity", "[x](&#x6A;avascript&#x3A;alert(1))"),
    ("markdown link with named colon entity", "[x](javascript&colon;alert(1))"),
    ("markdown link percent-encoded", "[x](%6Aavascript:alert(1))"),
    ("markdown link with tab in scheme", "[x](<java\tscript:alert(1)>)"),
    ("markdown link with newline in scheme", "[x](<java\nscript:alert(1)>)"),
    ("markdown link with tab entity", "[x](java&#09;script:alert(1))"),
    ("markdown link with leading space", "[x]( javascript:alert(1))"),
    ("markdown link in angle brackets", "[x](<javascript:alert(1)>)"),
    ("markdown link with leading NUL", "[x](\x00javascript:alert(1))"),
    ("markdown link with zero-width space", "[x](java\u200bscript:alert(1))"),
    ("markdown link with fullwidth colon", "[x](javascript\uff1aalert(1))"),
    ("markdown link with unknown scheme", "[x](foo:bar)"),
    ("markdown file link", "[x](file:///etc/passwd)"),
    ("reference link javascript", "[x][1]\n\n[1]: javascript:alert(1)"),
    ("reference link data", "[x][evil]\n\n[evil]: data:text/html,<script>alert(1)</script>"),
    ("reference link with hostile title", '[x][1]\n\n[1]: https://example.org "a" onclick="x"'),
    ("autolink javascript", "<javascript:alert(1)>"),
    ("autolink vbscript", "<vbscript:msgbox(1)>"),
    ("autolink data", "<data:text/html,alert(1)>"),
    ("html link javascript", '<a href="javascript:alert(1)">x</a>'),
    ("html link entity-encoded", '<a href="&#106;&#97;&#118;&#97;script:alert(1)">x</a>'),
    ("bare javascript address", "javascript://example.org/%0Aalert(1)"),
    ("bare data address", "see data://example.org/x"),
    ("bare ftp address", "ftp://example.org/file"),
    ("link title breaking out", '[a](http://x "a\\" onmouseover=\\"alert(1)")'),
    ("link title with quotes", "[a](https://example.org 'x\" onmouseover=\"alert(1)')"),
    ("link title with script", '[a](https://example.org "<script>alert(1)</script>")'),
    ("link text with script", "[<script>alert(1)</script>](https://example.org)"),
    ("link with quote in address", '[a](https://example.org/"onmouseover="alert(1))'),
    ("bare address with quote", 'https://example.org/"onmouseover="alert(1)'),
]

ELEMENTS = [
    ("svg with script", "<svg><script>alert(1)</script></svg>"),
    ("svg use href", '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"/></svg>'),
    ("mathml link", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
    ("mathml maction", "<math><maction actiontype=statusline>x</maction></math>"),
    ("style tag", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("style attribute", '<p style="background:url(javascript:alert(1))">x</p>'),
    ("iframe", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("object", '<object data="javascript:alert(1)"></object>'),
    ("embed", '<embed src="data:text/html,<script>alert(1)</script>">'),
    ("form action", '<form action="javascript:alert(1)"><button>Go</button></form>'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("base href", '<base href="javascript:alert(1)//">'),
    ("link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("unclosed tag", "<b onmouseover=alert(1) x="),
    ("unclosed script", "<script>alert(1)"),
    ("html comment", "<!-- <script>alert(1)</script> -->"),
    ("conditional comment", "<!--[if IE]><script>alert(1)</script><![endif]-->"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    ("table html", "<table><tr><td onclick=alert(1)>x</td></tr></table>"),
    ("table markdown", "| a | b |\n|---|---|\n| <script>alert(1)</script> | x |"),
    ("template and noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("html block then markdown", "<div>\n\n[x](javascript:alert(1))\n\n</div>"),
]

ENCODINGS = [
    ("double-encoded script", "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"),
    ("entity-encoded script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("decimal-encoded script", "&#60;script&#62;alert(1)&#60;/script&#62;"),
    ("code span with script", "`<script>alert(1)</script>`"),
    ("fenced code with script", "```html\n<script>alert(1)</script>\n```"),
    ("fence info string handler", '```" onmouseover="alert(1)\ncode\n```'),
    ("indented code with script", "    <script>alert(1)</script>"),
    ("backticks unbalanced", "``<script>` alert(1)"),
    ("image javascript", "![x](javascript:alert(1))"),
    ("image http", "![a picture](http://example.org/x.png)"),
    ("image with onerror title", '![x](http://example.org/x.png "x" onerror="alert(1)")'),
    ("zero-width joiner in tag", "<scr\u200dipt>alert(1)</scr\u200dipt>"),
    ("right-to-left override", "\u202e[x](javascript:alert(1))"),
    ("NUL bytes", "a\x00b<scr\x00ipt>alert(1)</script>"),
    ("NUL in address", "[x](https://example.org/\x00)"),
    ("control characters", "\x01\x02\x1b[31m<script>\x7f"),
    ("heading levels", "# a\n## b\n### c\n#### d\n##### e\n###### f"),
    ("numbered list start", "7. seven\n8. <script>alert(1)</script>"),
    ("deep nesting", ">" * 200 + " x"),
]

LONG_INPUTS = [
    ("long run of brackets", "[a](" + "(" * LONG),
    ("long backtracking bait", "a-." * (LONG // 3)),
    ("long scheme bait", "a://" * (LONG // 4)),
    ("long mixed hostile", ("<script>alert(1)</script>[x](javascript:alert(1)) *a* " * 900)[:LONG]),
]

HOSTILE: list[tuple[str, str]] = (
    SCRIPTS + EVENT_HANDLERS + LINKS + ELEMENTS + ENCODINGS + LONG_INPUTS
)
