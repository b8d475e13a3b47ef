"""How fast the semantic diff is: two versions of 100 maps of 30 touchpoints each.

    python benchmarks/diff.py                 # 100 maps of 6 stages x 5 touchpoints, best of 5
    python benchmarks/diff.py --maps 20       # fewer maps

Both versions are written to a temporary docs folder and collected as a build
collects them (loaded, analysed once); the second version changes what a pull
request changes: emotions, a renamed and a moved touchpoint, pains, a stage goal,
an improvement's status and effort. The timed part is ``diff`` over every pair,
the step ``mkdocs-journey diff`` adds to the collecting ``check`` already does;
collecting is printed beside it. The target is under 2 s for the diffs. No test
asserts on these numbers: machines differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.diff import diff
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.settings import BuildSettings

TARGET_SECONDS = 2.0
STAGES, PER_STAGE = 6, 5


def journey_text(number: int, changed: bool) -> str:
    """One map; ``changed`` gives the version a pull request would make of it."""
    lines = [f"title: Map {number}", "owner: Team Online", "status: validated", "reviewed: 2026-10-14",
             "goal: Sell more trips", "tags: [travel, online]", "stages:"]
    for s in range(STAGES):
        lines += [f"  - name: Stage {s}", f"    id: stage-{s}",
                  f"    goal: {'New goal' if changed and s == 1 else 'Goal'} {s}", "    touchpoints:"]
        for t in range(PER_STAGE):
            moved = changed and s == 0 and t == 0  # the first touchpoint moves to the last stage
            if moved:
                continue
            lines += _touchpoint(s, t, changed)
        if changed and s == STAGES - 1:
            lines += _touchpoint(0, 0, changed)
    lines.append("improvements:")
    for s in range(STAGES):
        status = "done" if changed and s == 0 else "planned"
        lines += [f"  - id: improvement-{s}", f"    title: Improvement {s}", f"    addresses: [tp-{s}-1]",
                  "    owner: Web team", "    impact: 4", f"    effort: {1 if changed and s == 2 else 3}",
                  f"    status: {status}", "    due: 2027-Q1"]
    return "\n".join(lines) + "\n"


def _touchpoint(s: int, t: int, changed: bool) -> list[str]:
    emotion = 1 + (s + t + (1 if changed and t % 3 == 0 else 0)) % 5
    name = f"Touchpoint {s}.{t}" + (" renamed" if changed and t == 2 else "")
    pains = "[Slow, Unclear]" if changed and t == 1 else "[Slow]"
    return [f"      - name: {name}", f"        id: tp-{s}-{t}", "        channel: Website",
            f"        emotion: {emotion}", "        feeling: curious", "        needs: [Clear prices]",
            f"        pains: {pains}", "        gains: [Nice photos]",
            "        kpis:", "          - {name: Click rate, target: 5%, actual: 3.2%}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        for version in ("old", "new"):
            (docs / version).mkdir(parents=True)
            for number in range(args.maps):
                (docs / version / f"map-{number}.journey.yml").write_text(
                    journey_text(number, version == "new"), encoding="utf-8")
        started = time.perf_counter()
        collection = Collection(DocsTree.scan(docs), BuildSettings(today=date(2026, 11, 1)))
        pairs = [(collection.journey(docs / "old" / f"map-{n}.journey.yml"),
                  collection.journey(docs / "new" / f"map-{n}.journey.yml")) for n in range(args.maps)]
        collected = time.perf_counter() - started
        assert all(old.ok and new.ok for old, new in pairs), "a generated map did not load"
        best = float("inf")
        changes = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            results = [diff(old, new) for old, new in pairs]
            best = min(best, time.perf_counter() - started)
            changes = sum(len(list(r.all_changes())) for r in results)
        command, check = _whole_command(Path(tmp) / "repo", args.maps)
    touchpoints = STAGES * PER_STAGE
    print(f"{args.maps} maps of {touchpoints} touchpoints, two versions")
    print(f"collect both versions: {collected:.2f} s")
    print(f"diff every pair:       {best:.3f} s (best of {args.repeat}; {changes} changes; target < {TARGET_SECONDS:.0f} s)")
    print(f"the whole command, `mkdocs-journey diff --base HEAD --format markdown`: {command:.2f} s "
          f"(median of 3; target < {TARGET_SECONDS:.0f} s), {command / check:.2f}x `mkdocs-journey check` "
          f"of the same maps ({check:.2f} s)")
    return 0 if best < TARGET_SECONDS and command < TARGET_SECONDS else 1


def _whole_command(repo: Path, maps: int) -> tuple[float, float]:
    """Seconds for the command as a reviewer runs it (a process: start-up, git, loading, report),
    and for ``check`` of the new versions as the baseline in the same run."""
    docs = repo / "docs"
    docs.mkdir(parents=True)
    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="b",
               GIT_COMMITTER_EMAIL="b@example.org")
    for number in range(maps):
        (docs / f"map-{number}.journey.yml").write_text(journey_text(number, False), encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "old"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    for number in range(maps):
        (docs / f"map-{number}.journey.yml").write_text(journey_text(number, True), encoding="utf-8")
    tool = str(Path(sys.executable).parent / "mkdocs-journey")

    def timed(*args: str) -> float:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([tool, *args], cwd=repo, check=False, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs)

    return timed("diff", "--base", "HEAD", "--format", "markdown"), timed("check", "docs")


if __name__ == "__main__":
    sys.exit(main())
