#!/usr/bin/env python3
"""Launch benchmark of the desktop app (release build): time from starting the process to the
first screen listing its plans, and the memory of the app with its WebKit processes (PSS summed
from /proc/PID/smaps_rollup over the process tree), median of several runs.

Usage: scripts/bench-app.py [--runs 7] [--app target/release/stepwise-app]
Runs under its own Xvfb; each run gets a scratch XDG folder and database.
"""
import argparse
import datetime as dt
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

READY = "first screen ready"


def children(pid):
    """Every descendant of pid, from /proc."""
    parent_of = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
                parent_of[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent_of.items() if pp == p]
        out += kids
        frontier += kids
    return out


def pss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def name(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def one_run(app, display, db, settle, dmabuf_off):
    scratch = Path(tempfile.mkdtemp(prefix="stepwise-bench-"))
    env = dict(os.environ, DISPLAY=display, XDG_DATA_HOME=str(scratch / "data"),
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_CACHE_HOME=str(scratch / "cache"),
               STEPWISE_LOG="info")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    if dmabuf_off:
        env["WEBKIT_DISABLE_DMABUF_RENDERER"] = "1"
    log = scratch / "data" / "stepwise" / "stepwise-app.log"
    start = dt.datetime.now(dt.timezone.utc)
    t0 = time.monotonic()
    proc = subprocess.Popen([app, "--db", str(db)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    ready_s = None
    try:
        while time.monotonic() - t0 < 60:
            if log.exists():
                for line in log.read_text(errors="replace").splitlines():
                    if READY in line:
                        stamp = dt.datetime.fromisoformat(line.split()[0].replace("Z", "+00:00"))
                        ready_s = (stamp - start).total_seconds()
                        break
            if ready_s is not None:
                break
            time.sleep(0.02)
        if ready_s is None:
            raise RuntimeError("the app never logged that its first screen was ready")
        time.sleep(settle)
        pids = [proc.pid] + children(proc.pid)
        per = {}
        for p in pids:
            per[name(p)] = per.get(name(p), 0) + pss_kb(p)
        return ready_s, sum(per.values()) / 1024, per
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        for p in children(proc.pid):
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--app", default="target/release/stepwise-app")
    ap.add_argument("--settle", type=float, default=3.0, help="seconds after ready before measuring memory")
    args = ap.parse_args()
    app = str(Path(args.app).resolve())
    if not Path(app).exists():
        raise SystemExit(f"{app} is missing: build it with scripts/release.sh or cargo build --release -p stepwise-app")

    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    rows = []
    try:
        work = Path(tempfile.mkdtemp(prefix="stepwise-bench-db-"))
        seeded = work / "seeded.db"
        # One launch creates the demo plan; later "existing database" runs copy that file.
        one_run(app, display, seeded, 0.5, True)
        for label, fresh, dmabuf_off in [
            ("first launch (creates the demo plan)", True, True),
            ("later launch (demo plan in the database)", False, True),
            ("later launch, DMA-BUF renderer on", False, False),
        ]:
            times, mems, last = [], [], {}
            for i in range(args.runs):
                db = work / f"run-{i}.db"
                for f in work.glob(f"run-{i}.db*"):
                    f.unlink()
                if not fresh:
                    shutil.copy(seeded, db)
                t, m, last = one_run(app, display, db, args.settle, dmabuf_off)
                times.append(t)
                mems.append(m)
            rows.append((label, statistics.median(times), min(times), max(times), statistics.median(mems), last))
        shutil.rmtree(work, ignore_errors=True)
    finally:
        xvfb.terminate()

    print(f"\nStepwise launch benchmark: {args.runs} runs each, release build, Xvfb 1280x800\n")
    print(f"| {'case':<42} | {'ready (median)':>14} | {'min–max':>13} | {'PSS (median)':>12} |")
    print(f"|{'-'*44}|{'-'*15}:|{'-'*14}:|{'-'*13}:|")
    for label, med, lo, hi, mem, _ in rows:
        print(f"| {label:<42} | {med:>12.2f} s | {f'{lo:.2f}–{hi:.2f} s':>13} | {mem:>9.0f} MB |")
    print("\nPSS by process in the last run of each case:")
    for label, *_, per in rows:
        parts = ", ".join(f"{k} {v/1024:.0f} MB" for k, v in sorted(per.items(), key=lambda kv: -kv[1]))
        print(f"- {label}: {parts}")


if __name__ == "__main__":
    main()
