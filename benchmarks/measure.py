"""Measuring helpers of the benchmark: a subprocess watched for memory and CPU, latency
percentiles, and facts about the machine."""

from __future__ import annotations

import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Watched:
    """What a watched command did: exit code, output, wall and CPU seconds, peak memory."""

    returncode: int
    stdout: str
    stderr: str
    wall_s: float
    cpu_s: float
    peak_tree_rss_mb: float
    peak_main_rss_mb: float
    max_processes: int
    peak_tree_private_mb: float = 0.0
    """The tree's resident memory less its file-backed pages: Whoosh maps index files
    into memory, and the pages it reads count in RSS though they are the page cache's."""

    @property
    def cpu_utilisation(self) -> float:
        """CPU seconds of the whole process tree per wall second (2.0 = two busy cores)."""
        return self.cpu_s / self.wall_s if self.wall_s else 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_watched(args: list[str], every_s: float = 0.2, timeout_s: float = 7200) -> Watched:
    """Run ``args`` from the repository, sampling the RSS of the process and all its
    children every ``every_s``. CPU time comes from the kernel's account of waited-for
    children, so it includes worker processes that ended before a sample saw them."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peaks = {"tree": 0, "main": 0, "procs": 1, "private": 0}
    done = threading.Event()

    def sample() -> None:
        try:
            main = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                info = main.memory_info()
                main_rss = info.rss
                tree, procs, private = main_rss, 1, _private(info)
                for child in main.children(recursive=True):
                    try:
                        info = child.memory_info()
                        tree += info.rss
                        private += _private(info)
                        procs += 1
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            peaks["tree"] = max(peaks["tree"], tree)
            peaks["private"] = max(peaks["private"], private)
            peaks["main"] = max(peaks["main"], main_rss)
            peaks["procs"] = max(peaks["procs"], procs)
            done.wait(every_s)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        stderr += f"\n(killed after {timeout_s:.0f} s)"
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return Watched(
        returncode=proc.returncode,
        stdout=stdout,
        stderr=stderr,
        wall_s=wall,
        cpu_s=_children_cpu() - cpu_before,
        peak_tree_rss_mb=peaks["tree"] / 2**20,
        peak_main_rss_mb=peaks["main"] / 2**20,
        max_processes=peaks["procs"],
        peak_tree_private_mb=peaks["private"] / 2**20,
    )


def _private(info: object) -> int:
    """Resident bytes not backed by a file (Linux reports file-backed ones as shared)."""
    return int(getattr(info, "rss", 0)) - int(getattr(info, "shared", 0))


def percentiles(ms: list[float]) -> dict[str, float]:
    """p50, p95 and max of latencies in milliseconds."""
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(ordered[-1], 2),
        "n": len(ordered),
    }


def folder_mb(path: Path) -> float:
    if path.is_file():
        return round(path.stat().st_size / 2**20, 1)
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def git_commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+uncommitted changes" if dirty else "")


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "system": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "memory_mb": round(psutil.virtual_memory().total / 2**20),
        "sqlite": sqlite3.sqlite_version,
    }
