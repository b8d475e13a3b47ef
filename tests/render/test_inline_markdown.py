"""Free text becomes inline HTML, and nothing in it can run in a reader's browser."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.render.inline_markdown import InlineMarkdown, is_safe_url

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "*a*{onclick=\"alert(1)\"}",
    "<div markdown>x</div>",
    "<svg onload=alert(1)>",
]
SITE_EXTENSIONS = [
    "attr_list", "md_in_html", "admonition", "toc", "tables", "footnotes", "def_list", "abbr",
    "pymdownx.snippets", "pymdownx.superfences", "pymdownx.details", "pymdownx.highlight",
    "pymdownx.inlinehilite", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde",
    "pymdownx.keys", "pymdownx.tasklist", "pymdownx.emoji", "pymdownx.betterem",
]


def live_markup(html: str) -> list[str]:
    """Anything in ``html`` a browser would run or fetch from a script URL."""
    problems = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in ("script", "svg", "iframe", "object", "embed", "div"):
            problems.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                problems.append(f"{tag.name}[{name}]")
            if name in ("href", "src") and not is_safe_url(str(value)):
                problems.append(f"{tag.name}[{name}={value}]")
    return problems


@pytest.mark.parametrize("extensions", [[], SITE_EXTENSIONS], ids=["plain", "material-site"])
@pytest.mark.parametrize("text", ATTACKS)
def test_nothing_a_user_writes_runs(text: str, extensions: list[str]) -> None:
    html = InlineMarkdown(extensions)(text)
    assert live_markup(html) == []


def test_raw_html_arrives_as_the_text_the_author_typed() -> None:
    html = InlineMarkdown()("<script>alert(1)</script> & more")
    assert html == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert BeautifulSoup(html, "html.parser").get_text() == "<script>alert(1)</script> & more"


def test_unsafe_link_keeps_its_text() -> None:
    html = InlineMarkdown()("see [the docs](javascript:alert(1)) now")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("a") is None
    assert soup.get_text() == "see the docs now"


def test_inline_syntax_is_rendered_without_a_paragraph() -> None:
    html = InlineMarkdown()("a *b* **c** `d` [e](https://example.com)")
    assert html == 'a <em>b</em> <strong>c</strong> <code>d</code> <a href="https://example.com">e</a>'


@pytest.mark.parametrize("text", ["# not a heading", "- not a list", "1. not a list", "> not a quote",
                                  "    not code", "---", "!!! note\n    not an admonition", "[TOC]"])
def test_block_syntax_stays_text(text: str) -> None:
    html = InlineMarkdown(SITE_EXTENSIONS)(text)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(["h1", "ul", "ol", "blockquote", "pre", "hr", "div", "p"]) is None
    assert soup.get_text().split() == text.split()


def test_paragraphs_become_line_breaks() -> None:
    assert InlineMarkdown()("one\n\ntwo") == "one<br>two"


def test_snippets_cannot_read_files(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    html = InlineMarkdown(["pymdownx.snippets"], {"pymdownx.snippets": {"base_path": [str(tmp_path)]}})(
        '--8<-- "secret.txt"')
    assert "TOP SECRET" not in html


def test_site_inline_extensions_still_work() -> None:
    render = InlineMarkdown(["pymdownx.mark", "pymdownx.keys", "pymdownx.magiclink"])
    html = render("==marked== ++ctrl+c++ https://example.com")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("mark").get_text() == "marked"
    assert soup.find("kbd") is not None
    assert soup.find("a")["href"] == "https://example.com"


def test_an_extension_that_cannot_load_falls_back_to_plain_markdown() -> None:
    assert InlineMarkdown(["no_such_extension_anywhere"])("*a*") == "<em>a</em>"


def test_resolve_link_rewrites_relative_links() -> None:
    seen: list[str] = []

    def resolve(href: str) -> str | None:
        seen.append(href)
        return "../werkwijze/" if href == "../werkwijze.md" else None

    render = InlineMarkdown(resolve_link=resolve)
    html = render("[how](../werkwijze.md) and [out](https://example.com)")
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")]
    assert links == ["../werkwijze/", "https://example.com"]
    assert seen == ["../werkwijze.md", "https://example.com"]


def test_pages_borrowing_one_renderer_keep_their_own_links() -> None:
    # A build makes one Markdown instance (slow with a site's extensions); each page borrows it.
    base = InlineMarkdown(SITE_EXTENSIONS)
    near = base.for_page(lambda href: "werkwijze/" if href == "werkwijze.md" else None)
    deep = base.for_page(lambda href: "../../werkwijze/" if href == "werkwijze.md" else None)
    text = "See [how](werkwijze.md) {#how}"
    assert [a["href"] for a in BeautifulSoup(near(text), "html.parser").find_all("a")] == ["werkwijze/"]
    assert [a["href"] for a in BeautifulSoup(deep(text), "html.parser").find_all("a")] == ["../../werkwijze/"]
    assert [a["href"] for a in BeautifulSoup(near(text), "html.parser").find_all("a")] == ["werkwijze/"]  # cached
    assert [a["href"] for a in BeautifulSoup(base(text), "html.parser").find_all("a")] == ["werkwijze.md"]
    assert near._md is deep._md is base._md  # noqa: SLF001 - the point of borrowing
    assert near("*a* & <b>") == deep("*a* & <b>") == "<em>a</em> &amp; &lt;b&gt;"


def test_pages_share_the_values_that_link_nowhere() -> None:
    """A value without a URL is converted once per build, and every page still learns its ids."""
    base = InlineMarkdown(SITE_EXTENSIONS)
    converted: list[str] = []
    original = base._md.convert  # type: ignore[union-attr]

    def counting(text: str) -> str:
        converted.append(text)
        return original(text)

    base._md.convert = counting  # type: ignore[union-attr,method-assign]
    pages = [base.for_page(lambda href, n=n: f"{'../' * n}werkwijze/") for n in range(3)]
    plain, linked, pictured = "Zoekt **drie**{#drie} aanbieders", "Zie [werkwijze](werkwijze.md)", "![kaart](kaart.png)"
    for page in pages:
        assert page(plain) == 'Zoekt <strong id="drie">drie</strong> aanbieders'
        assert page.anchor_ids(plain) == ("drie",)
        page(linked)
        page(pictured)
    assert converted.count(plain) == 1
    assert converted.count(linked) == converted.count(pictured) == 3  # a URL is the page's own
    hrefs = [BeautifulSoup(page(linked), "html.parser").a["href"] for page in pages]
    assert hrefs == ["werkwijze/", "../werkwijze/", "../../werkwijze/"]


def test_a_resolved_link_is_still_checked() -> None:
    html = InlineMarkdown(resolve_link=lambda href: "javascript:alert(1)")("[x](page.md)")
    assert BeautifulSoup(html, "html.parser").find("a") is None


def test_results_are_cached_and_repeatable() -> None:
    render = InlineMarkdown(SITE_EXTENSIONS)
    first = [render(text) for text in ("*a*", "[^1] b", "*a*", "c")]
    again = InlineMarkdown(SITE_EXTENSIONS)
    assert first == [again(text) for text in ("*a*", "[^1] b", "*a*", "c")]
    assert render("*a*") is render("*a*")


@pytest.mark.parametrize(("url", "safe"), [
    ("https://x.org", True), ("mailto:a@b.c", True), ("../a.md", True), ("#x", True), ("a/b:c", True),
    ("javascript:x", False), (" JAVASCRIPT:x", False), ("java\tscript:x", False), ("data:x", False),
    ("vbscript:x", False), ("&#x6A;avascript:x", False),
    ("//evil.example/x", False), ("\\\\evil.example", False), ("/\\evil.example", False), ("\\/evil.example", False),
    (" //evil.example", False), ("/\t/evil.example", False), ("&#47;/evil.example", False), ("/ok", True),
    ("\\ok", True),
])
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


SITE = "https://docs.example.org/journeys/booking/"
OFF_SITE = [
    "[x](//evil.example/x)", "[x](\\\\evil.example\\x)", "[x](/\\evil.example)", "[x](\\/evil.example)",
    "[x]( //evil.example)", "[x](<//evil.example>)", "[x](/\t/evil.example)", "[x](&#47;/evil.example)",
    "![x](//evil.example/pixel.png)", "[x][r]\n\n[r]: //evil.example", "<//evil.example>",
]


def host_a_browser_opens(url: str) -> str:
    """The host a browser on ``SITE`` goes to for ``url`` (it drops spaces and tabs, reads ``\\`` as ``/``)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00 ").replace("\\", "/")
    return urlsplit(urljoin(SITE, cleaned)).netloc


@pytest.mark.parametrize("extensions", [[], SITE_EXTENSIONS], ids=["plain", "material-site"])
@pytest.mark.parametrize("text", OFF_SITE)
def test_a_link_without_a_scheme_stays_on_the_site(text: str, extensions: list[str]) -> None:
    # Free text may link to any site with `https://`; a link that looks relative may
    # not lead elsewhere (`//host` and its backslash spellings are another host).
    soup = BeautifulSoup(InlineMarkdown(extensions)(text), "html.parser")
    urls = [str(tag[name]) for tag in soup.find_all(True) for name in ("href", "src") if tag.has_attr(name)]
    assert [url for url in urls if host_a_browser_opens(url) != "docs.example.org"] == []
    assert "x" in soup.get_text() or text.startswith("<"), "the words stay"


def test_an_explicit_link_to_another_site_is_kept() -> None:
    soup = BeautifulSoup(InlineMarkdown()("[x](https://evil.example/x) [y](../a.md)"), "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["https://evil.example/x", "../a.md"]


# -- The fast path: plain words skip Markdown, with the output Markdown would give ----------------

FAST_PATH_EDGES = [
    "Zoekt een rondreis", "3.2%", "Prijs pas laat zichtbaar", "Hallo, wereld!", "e.g. dit", "Oriëntatie",
    "Top! Zes reizen.", "(kaart 3)", "tot € 3.000 per persoon", "a - b", "1. stap", "- item", "# kop",
    "*nadruk*", "_nadruk_", "**vet**", "`code`", "<b>x</b>", "a < b", "a & b", "&amp;", "&copy;", "[link](x.md)",
    "[x]", "https://example.org", "www.example.org", "mail@example.org", "@team", "#12", ":smile:", "a--b",
    "a---b", "wacht...", "foto's", '"citaat"', "(c) 2026", "(tm)", "1/2", "c/o", "+/-", "-->", "a  b", " a",
    "a ", "a\nb", "a\tb", "^hoog^", "~~weg~~", "==mark==", "++ctrl+c++", "$x$", "{#id}", "a\\b", "1st", "x_y_z",
    "snake_case", "A.B.C.", "100%!", "Stap 3: bekijken", "ok?!", "Vraag (nu)?", "\u00a0a", "a\u00a0b",
    # Apostrophes: plain words without smarty, which makes them typographic.
    "don't", "'quoted'", "a' b", "'", "''", "rock 'n' roll", "l'été", "it's *x*", "'*x*'", "it's  two", "a'--b",
    "x'[y](z.md)", "'&amp;'", "'<b>'", "customers' needs", "'www.example.org'", "o'clock.",
]
EXTENSION_SETS = {
    "none": [],
    "example site": ["admonition", "attr_list", "md_in_html", "toc", "pymdownx.details", "pymdownx.superfences",
                     "tables"],
    "material": SITE_EXTENSIONS,
    "smarty and extras": ["smarty", "extra", "nl2br", "sane_lists", "wikilinks", "pymdownx.critic",
                          "pymdownx.arithmatex", "pymdownx.escapeall", "pymdownx.progressbar",
                          "pymdownx.striphtml", "pymdownx.tabbed"],
}


def _texts_of(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts_of(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts_of(v)]
    return []


def _corpus() -> list[str]:
    import yaml
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = list(FAST_PATH_EDGES)
    for path in sorted((root / "example-site" / "docs").rglob("*.yml")):
        texts += _texts_of(yaml.safe_load(path.read_text("utf-8")))
    return sorted(set(texts))


@pytest.mark.parametrize("name", list(EXTENSION_SETS))
def test_the_fast_path_gives_what_markdown_gives(name: str) -> None:
    extensions = EXTENSION_SETS[name]
    fast, slow = InlineMarkdown(extensions), InlineMarkdown(extensions, fast_path=False)
    assert fast._fast  # every extension of these sets is known to leave plain words alone
    texts = _corpus()
    assert len(texts) > 200
    differ = [(t, fast(t), slow(t)) for t in texts if fast(t) != slow(t)]
    assert differ == []


def test_the_fast_path_is_taken_for_plain_words_only() -> None:
    fast = InlineMarkdown(EXTENSION_SETS["material"])
    slow_calls = []
    original = fast._md.convert  # type: ignore[union-attr]

    def counting(text: str) -> str:
        slow_calls.append(text)
        return original(text)

    fast._md.convert = counting  # type: ignore[union-attr,method-assign]
    for text in ("Prijs pas laat zichtbaar", "Hallo, wereld!", "3.2%", "*nadruk*", "foto's", "www.example.org"):
        fast(text)
    assert slow_calls == ["*nadruk*", "www.example.org"]


@pytest.mark.parametrize("smarty", ["smarty", "markdown.extensions.smarty"])
def test_apostrophes_go_through_markdown_when_smarty_curls_them(smarty: str) -> None:
    assert InlineMarkdown([smarty])("foto's") == "foto&rsquo;s"
    assert InlineMarkdown(["attr_list"])("foto's") == "foto's"


@pytest.mark.parametrize("extensions", [["pymdownx.smartsymbols"], ["abbr"], ["my_company.extension"]])
def test_an_extension_that_may_change_words_turns_the_fast_path_off(extensions: list[str]) -> None:
    configs = {"abbr": {"glossary": {"HTML": "Hyper Text Markup Language"}}} if extensions == ["abbr"] else {}
    try:
        renderer = InlineMarkdown(extensions, configs)
    except Exception:  # noqa: BLE001 - an extension that is not installed falls back inside
        pytest.fail("InlineMarkdown must not raise for an unknown extension")
    assert not renderer._fast
