"""How fast the loader reads a large map, against plain PyYAML as the baseline.

    python benchmarks/loader.py           # 10 stages x 100 touchpoints, best of 7
    python benchmarks/loader.py --quick   # a smaller map, best of 3

The map has every field filled in, so every rule of the format runs. The baseline is
``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same text: what any YAML-reading
plugin pays at least. The loader adds exact text, duplicate keys, locations, the
pydantic model, ids, `addresses` and image checks on top; the target is to stay
within 3x of the baseline. No test asserts on these numbers: machines differ.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import timeit
from pathlib import Path

import yaml

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey
from mkdocs_journey.engine.yaml_source import read_yaml

TARGET_RATIO = 3.0


def touchpoint(stage: int, index: int) -> str:
    return f"""\
      - name: Touchpoint {stage}.{index}
        id: tp-{index}
        channel: Website
        senses: [see, hear]
        action: Zoekt op "rondreis VS {index} weken" en vergelijkt **drie** aanbieders
        thought: Welke route past bij ons, en wat kost het echt?
        emotion: {1 + (stage + index) % 5}
        feeling: nieuwsgierig
        needs: [Ideeën voor routes, Eerlijke prijzen]
        met: partly
        on_brand: yes
        moment_of_truth: {"true" if index % 10 == 0 else "false"}
        image: img/shot.png
        evidence: [Interviews 3, 5 en 8]
        pains: [Veel vergelijkbare aanbiedingen, Prijs pas laat zichtbaar]
        gains: [Mooie foto's van routes]
        opportunities: [Routes per thema tonen]
        backstage:
          team: Marketing
          systems: [Google Ads, CMS]
          process: SEO-content per bestemming
        kpis:
          - name: Klikratio
            target: 5%
            actual: 3.2%
            better: higher
"""


def journey_text(stages: int, touchpoints: int) -> str:
    parts = [
        "title: Rondreis door de VS boeken\n"
        "summary: Van inspiratie tot *thuiskomst*\n"
        "owner: Team Online\nstatus: validated\nstate: current\nreviewed: 2026-10-14\n"
        "goal: Meer rondreizen online verkopen\nbrand: Zorgeloos op reis\ntags: [reizen, online]\n"
        "research:\n  - Klantinterviews, oktober 2026 (n=12)\npersona: mark\nstages:\n"
    ]
    for s in range(stages):
        parts.append(f"  - name: Fase {s}\n    id: fase-{s}\n    goal: Doel van fase {s}\n    touchpoints:\n")
        parts.extend(touchpoint(s, t) for t in range(touchpoints))
    parts.append("improvements:\n")
    for s in range(stages):
        parts.append(
            f"  - id: verbetering-{s}\n    title: Filters op land en prijs ({s})\n"
            f"    addresses: [fase-{s}/tp-0, fase-{s}/tp-1]\n    owner: Webteam\n    teams: [HR, Marketing]\n"
            f"    impact: 5\n    effort: 3\n    status: planned\n    due: 2027-Q1\n    kpi: Conversie\n"
            f"    notes: Webmaster inhuren via HR\n    link: https://jira.example.com/browse/WEB-{s}\n"
        )
    return "".join(parts)


def best(function: object, repeats: int) -> float:
    """Best of ``repeats`` single runs, in seconds: the least disturbed measurement."""
    return min(timeit.Timer(function).repeat(repeat=repeats, number=1))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller map and fewer repeats")
    parser.add_argument("--stages", type=int, default=None)
    parser.add_argument("--touchpoints", type=int, default=None, help="per stage")
    parser.add_argument("--repeats", type=int, default=None)
    args = parser.parse_args(argv)
    stages = args.stages or (3 if args.quick else 10)
    per_stage = args.touchpoints or (30 if args.quick else 100)
    repeats = args.repeats or (3 if args.quick else 7)
    count = stages * per_stage

    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        (docs / "journeys" / "img").mkdir(parents=True)
        (docs / "journeys" / "img" / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        (docs / "mark.persona.yml").write_text("name: Mark\n", "utf-8")
        path = docs / "journeys" / "large.journey.yml"
        text = journey_text(stages, per_stage)
        path.write_text(text, "utf-8")
        size = len(text.encode("utf-8"))
        max_size = size + 1

        tree = DocsTree.scan(docs)
        loaded = load_journey(path, tree, max_size=max_size)
        if not loaded.ok:  # the benchmark must measure the full path, not an early exit
            for error in loaded.errors[:10]:
                print(error.format_text(), file=sys.stderr)
            return 1

        rows = [
            ("yaml.load, CSafeLoader (baseline)", best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeats)),
            ("read_yaml (exact text, locations)", best(lambda: read_yaml(text, max_size=max_size), repeats)),
            ("load_journey (all checks, from disk)", best(lambda: load_journey(path, tree, max_size=max_size),
                                                          repeats)),
        ]

    baseline = rows[0][1]
    print(f"map: {stages} stages x {per_stage} touchpoints = {count} touchpoints, {size / 1024:.0f} KiB; "
          f"best of {repeats}")
    print()
    print(f"{'what':<40} {'ms/file':>9} {'files/s':>9} {'µs/touchpoint':>14} {'x baseline':>11}")
    for name, seconds in rows:
        print(f"{name:<40} {seconds * 1000:>9.1f} {1 / seconds:>9.2f} {seconds / count * 1e6:>14.1f} "
              f"{seconds / baseline:>11.2f}")
    ratio = rows[-1][1] / baseline
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print()
    print(f"load_journey / baseline = {ratio:.2f} ({verdict} the {TARGET_RATIO:g}x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
