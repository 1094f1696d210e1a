"""Start times of the frozen program beside the virtual environment's (median of N runs).

    .venv/bin/python packaging/measure_startup.py [--runs 5] [--dist dist]

Times ``attache --version`` and ``attache --self-test`` as whole processes (wall clock),
run from an empty folder with a HOME of their own; prints a table and JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="attache-time-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
        env |= {"HOME": tmp, "QT_QPA_PLATFORM": "offscreen"}
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, timeout=600)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    programs = {
        "venv": str(Path(sys.executable).parent / "attache"),
        "frozen": str(args.dist / "attache" / "attache"),
    }
    results = {}
    for option in ("--version", "--self-test"):
        times: dict[str, list[float]] = {label: [] for label in programs}
        for _ in range(args.runs):  # alternating, so both see the same machine load
            for label, program in programs.items():
                times[label].append(timed([program, option]))
        for label, runs in times.items():
            median = statistics.median(runs)
            results[f"{label} {option}"] = {
                "median_s": round(median, 3),
                "runs_s": [round(t, 3) for t in runs],
            }
            print(
                f"{label:6} {option:12} median {median:.3f} s  "
                f"({', '.join(f'{t:.2f}' for t in runs)})",
                flush=True,
            )
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
