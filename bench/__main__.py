"""python -m bench [--quick] [names...]: run the benchmarks, print and record them in bench/RESULTS.md."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

from bench.suite import ALL, run_all


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which benchmarks, of {', '.join(ALL)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    args = parser.parse_args()
    names = args.names or list(ALL)
    unknown = [n for n in names if n not in ALL]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(ALL)}")
    rows = run_all(names, args.quick)
    if not args.no_write:
        lines = [
            "# Benchmark results",
            "",
            f"`python -m bench{' --quick' if args.quick else ''}` on {datetime.now(timezone.utc):%Y-%m-%d}, "
            f"{machine()}. Each baseline is measured in the same run; shared machines are noisy, so read "
            "ratios, not absolute times.",
            "",
            "| benchmark | measure | ours | baseline | ratio | target | met |",
            "| --- | --- | ---: | ---: | ---: | --- | --- |",
        ]
        lines += [
            f"| {r.bench} | {r.measure} | {r.ours:.2f} {r.unit} | {r.baseline:.2f} {r.unit} | {r.ratio:.2f} | "
            f"{r.target} | {'yes' if r.ok else '**no**'} |"
            for r in rows
        ]
        Path(__file__).with_name("RESULTS.md").write_text("\n".join(lines) + "\n")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
