"""Refresh the screenshots of the pull-request comment in docs/recipes/pull-requests.md.

    .venv-test/bin/python scripts/pr-comment-screenshot.py   # after `bash scripts/test` made the venv

Plays a real pull request on a copy of the example site: commits the site to a new
git repository, then edits the round-trip map as a team would after shipping the
search filters (the website touchpoint gets better, its pain point goes, the
improvement is done, a KPI moves, another improvement gets an owner and becomes a
quick win). Runs the real command, ``mkdocs-journey diff --base HEAD --format
markdown``, renders its output as GitHub does (CommonMark with raw HTML and GFM
tables, markdown-it-py) in a page styled like a GitHub comment, opens the first
map's block, and saves light and dark screenshots as
``docs/assets/screenshots/pr-comment{,-dark}.png``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "docs" / "assets" / "screenshots"
MAP = "docs/journeys/rondreis-vs.journey.yml"
EDITS = [
    # The filters shipped: searching the website is a pleasure now.
    ("        emotion: 2\n        feeling: gefrustreerd", "        emotion: 4\n        feeling: tevreden"),
    ("          - Geen filters op land, prijs of aantal dagen\n", ""),
    ("    impact: 5\n    effort: 3\n    status: planned", "    impact: 5\n    effort: 3\n    status: done"),
    ("actual: 1.4%", "actual: 2.6%"),
    # The call-back request got an owner and turned out to be cheaper than thought.
    ("    impact: 3\n    effort: 3\n    status: idea", "    impact: 3\n    effort: 1\n    status: planned\n    due: 2027-Q2"),
]
CSS = """
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff;
        --row: #f6f8fa; --link: #0969da; --code: #eff1f3; }
@media (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --fg: #f0f6fc; --muted: #9198a1; --border: #3d444d; --bg: #0d1117;
          --row: #151b23; --link: #4493f8; --code: #262c36; }
}
body { margin: 0; background: var(--bg); color: var(--fg);
       font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.comment { max-width: 880px; margin: 24px auto; border: 1px solid var(--border); border-radius: 6px; }
.comment > header { padding: 8px 16px; border-bottom: 1px solid var(--border); background: var(--row);
                    color: var(--muted); border-radius: 6px 6px 0 0; }
.comment > header strong { color: var(--fg); }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
h3 { font-size: 1.25em; margin: 24px 0 16px; } h4 { font-size: 1em; margin: 24px 0 16px; }
a { color: var(--link); text-decoration: none; }
p, table, ol, details { margin: 0 0 16px; }
table { border-collapse: collapse; display: block; overflow: auto; width: max-content; max-width: 100%; }
th, td { border: 1px solid var(--border); padding: 6px 13px; } th { font-weight: 600; }
tr:nth-child(2n) { background: var(--row); }
code { background: var(--code); border-radius: 6px; padding: .2em .4em; font-size: 85%;
       font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
summary { cursor: pointer; } sub { color: var(--muted); }
"""


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Tess", "-c", "user.email=tess@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


def comment_markdown(work: Path) -> str:
    shutil.copytree(REPO / "example-site", work, ignore=shutil.ignore_patterns("site"))
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "The maps as they are")
    path = work / MAP
    text = path.read_text("utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs-journey"), "diff", "--base", "HEAD", "--format", "markdown",
         "--language", "en", "--site-url", "https://mkdocs-journey.github.io/mkdocs-journey/example/"],
        cwd=work, check=True, capture_output=True, text=True)
    return result.stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        markdown = comment_markdown(Path(temp) / "site")
    body = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    body = body.replace("<details>", "<details open>", 1)
    html = (f"<!doctype html><html lang='en'><meta charset='utf-8'><style>{CSS}</style>"
            "<div class='comment'><header><strong>github-actions</strong> bot commented</header>"
            f"<div class='markdown-body'>{body}</div></div></html>")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for scheme, name in (("light", "pr-comment.png"), ("dark", "pr-comment-dark.png")):
            page = browser.new_page(viewport={"width": 960, "height": 600}, color_scheme=scheme,
                                    device_scale_factor=1)
            page.set_content(html)
            page.locator(".comment").screenshot(path=str(OUTPUT / name))
            page.close()
        browser.close()
    print(f"wrote {OUTPUT / 'pr-comment.png'} and {OUTPUT / 'pr-comment-dark.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
