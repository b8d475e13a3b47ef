"""What importing the plugin costs on top of what a plain ``mkdocs build`` imports anyway.

    python benchmarks/imports.py            # best of 5 fresh processes
    python benchmarks/imports.py --tree     # also the slowest modules (python -X importtime)

A plain Material site imports MkDocs, Markdown, Jinja and the search plugin itself;
the plugin's own cost is what its import adds after those. Measured in fresh
processes (imports are cached within one), so the figures include what users pay.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

BASELINE = (
    "import mkdocs.commands.build, mkdocs.config.config_options, mkdocs.plugins, markdown, jinja2, "
    "mkdocs.contrib.search, material.plugins.search.plugin"
)
"""What a plain Material site with search has imported before any plugin of ours loads."""

PROBE = f"""
import resource, sys, time
{BASELINE}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started, cpu = time.perf_counter(), time.process_time()
import {{module}}
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(elapsed, cpu, after - before)
"""


def measure(module: str, repeats: int) -> tuple[float, float, float]:
    """Best time and CPU time (s), and the smallest growth of peak memory (KB), of importing ``module``.

    CPU time is the steadier figure on a machine shared with other work.
    """
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", PROBE.format(module=module)], check=True,
                             capture_output=True, text=True).stdout.split()
        runs.append((float(out[0]), float(out[1]), float(out[2])))
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)


def _importtime(code: str) -> list[tuple[int, int, str]]:
    """(cumulative µs, own µs, module) for every module ``code`` imports, from ``-X importtime``."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], check=True,
                            capture_output=True, text=True)
    rows = []
    for line in result.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
    return rows


def tree(module: str, top: int) -> str:
    """The modules importing ``module`` adds after the baseline, largest cumulative time first."""
    baseline = {name.strip() for _, _, name in _importtime(BASELINE)}
    rows = [row for row in _importtime(f"{BASELINE}\nimport {module}") if row[2].strip() not in baseline]
    rows.sort(reverse=True)
    own = sum(row[1] for row in rows)
    lines = [f"{cumulative / 1000:8.1f} ms {mine / 1000:8.1f} ms  {name}" for cumulative, mine, name in rows[:top]]
    return "\n".join([*lines, f"{'':8}    {own / 1000:8.1f} ms  in all ({len(rows)} modules)"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tree", action="store_true", help="list the slowest imports (cumulative, own)")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    for module in ("mkdocs_journey.plugin.plugin", "mkdocs_journey.cli"):
        seconds, cpu, kilobytes = measure(module, args.repeats)
        print(f"import {module:<32} {seconds * 1000:5.0f} ms ({cpu * 1000:3.0f} ms CPU)  +{kilobytes / 1024:5.1f} MB peak  "
              f"(after what a plain Material build imports; best of {args.repeats})")
    if args.tree:
        print()
        print("cumulative      own  module (the plugin's import after the baseline)")
        print(tree("mkdocs_journey.plugin.plugin", args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
