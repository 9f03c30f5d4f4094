#!/usr/bin/env python3
"""Footprint and launch benchmark of the release app, side by side with a bare Tauri window.

Prints two tables:
- footprint: stripped binary size, and memory (PSS from /proc/PID/smaps_rollup, split into the
  app process, the WebKit web process and the other WebKit helpers) for the bare window, the app
  on its first screen, and the app with the demo plan open; medians over --runs launches, taken
  in turns (bare, app, app, bare, ...) so that whatever else the machine runs weighs on each case
  alike; and each total's ratio to the bare window;
- launch: time from starting the process to the first screen listing the plans.

Default WebKit settings unless --dmabuf-off. Runs under its own Xvfb (1280x800); each launch gets
a scratch XDG folder and database. The bare window is built from benches/bare-tauri with the
app's own [profile.release] (read from Cargo.toml and passed on the command line) into
target/bare-tauri; build the app itself first (scripts/release.sh or
`cargo build --release -p stepwise-app`).

Usage: scripts/bench-app.py [--runs 5] [--app target/release/stepwise-app] [--dmabuf-off]
"""
import argparse
import ctypes
import datetime as dt
import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BARE = REPO / "benches" / "bare-tauri"
READY = "first screen ready"
OPENED = "plan opened"
DISPLAY = ":97"
SCREEN = (1280, 800)


# --- processes and memory -------------------------------------------------------------------

def descendants(pid):
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


def rollup(pid):
    """(PSS, private) of one process in kB; private = pages no other process maps (USS)."""
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                fields[key] = int(rest.split()[0])
    except OSError:
        pass
    return fields.get("Pss", 0), fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)


def comm(pid):
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def memory(pid):
    """PSS in MB of the app process, the web process and the other helpers (network process,
    sandbox), plus the private total, for the tree under pid."""
    out = {"app": 0.0, "web": 0.0, "other": 0.0, "private": 0.0}
    for p in [pid] + descendants(pid):
        pss, private = rollup(p)
        kind = "app" if p == pid else "web" if comm(p).startswith("WebKitWebProces") else "other"
        out[kind] += pss / 1024
        out["private"] += private / 1024
    out["total"] = out["app"] + out["web"] + out["other"]
    return out


# --- input: the demo plan is opened with the keyboard, as a person would ------------------------

class Keyboard:
    """Key presses through the XTEST extension of the bench's own X server."""

    def __init__(self, display):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_ulong]
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.dpy = self.x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open display {display}")

    def click(self, x, y):
        self.xtst.XTestFakeMotionEvent(self.dpy, -1, x, y, 0)
        self.xtst.XTestFakeButtonEvent(self.dpy, 1, 1, 0)
        self.xtst.XTestFakeButtonEvent(self.dpy, 1, 0, 0)
        self.x11.XFlush(self.dpy)

    def press(self, key, times=1):
        code = self.x11.XKeysymToKeycode(self.dpy, self.x11.XStringToKeysym(key.encode()))
        for _ in range(times):
            self.xtst.XTestFakeKeyEvent(self.dpy, code, 1, 0)
            self.xtst.XTestFakeKeyEvent(self.dpy, code, 0, 0)
            self.x11.XFlush(self.dpy)
            time.sleep(0.15)

    def close(self):
        self.x11.XCloseDisplay(self.dpy)


def open_first_plan(keys, logged):
    """Home lists the plans after two buttons (Import, New plan); the first plan's name is the
    third stop in the tab order, and Enter opens it. A click on the empty top bar first gives
    the page the keyboard (there is no window manager to do it) and moves focus back to the
    page's start. Keys pressed before Home has painted are lost, so it tries again until the
    app logs that the plan opened."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        keys.click(SCREEN[0] // 2, 20)
        time.sleep(0.3)
        keys.press("Tab", 3)
        keys.press("Return")
        wait = time.monotonic() + 3
        while time.monotonic() < wait:
            if logged(OPENED):
                return
            time.sleep(0.05)
    raise RuntimeError("the demo plan did not open")


# --- one launch -------------------------------------------------------------------------------

def launch(cmd, log, env_extra, settle, after_ready=None):
    """Starts cmd, waits for its "first screen ready" line (in log, or on stdout when log is
    None), runs after_ready(logged), waits settle seconds and measures. logged(text) says
    whether the output holds text so far. Returns (ready_s, memory)."""
    scratch = Path(tempfile.mkdtemp(prefix="stepwise-bench-"))
    env = dict(os.environ, DISPLAY=DISPLAY, XDG_DATA_HOME=str(scratch / "data"),
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_CACHE_HOME=str(scratch / "cache"),
               STEPWISE_LOG="info", **env_extra)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    out = scratch / log if log else scratch / "stdout"

    def lines():
        return out.read_text(errors="replace").splitlines() if out.exists() else []

    def logged(text):
        return any(text in line for line in lines())

    start = dt.datetime.now(dt.timezone.utc)
    t0 = time.monotonic()
    with open(scratch / "stdout", "wb") as stdout:
        proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
    ready_s = None
    try:
        while time.monotonic() - t0 < 60 and ready_s is None:
            for line in lines():
                if READY in line:
                    if log is None:
                        ready_s = time.monotonic() - t0
                    else:
                        stamp = dt.datetime.fromisoformat(line.split()[0].replace("Z", "+00:00"))
                        ready_s = (stamp - start).total_seconds()
                    break
            if ready_s is None and proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited with code {proc.returncode} before its first screen")
            time.sleep(0.02)
        if ready_s is None:
            raise RuntimeError(f"{cmd[0]} never said its first screen was ready")
        if after_ready:
            after_ready(logged)
        time.sleep(settle)
        return ready_s, memory(proc.pid)
    finally:
        kids = descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        for p in kids:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        shutil.rmtree(scratch, ignore_errors=True)


# --- binaries ---------------------------------------------------------------------------------

def release_profile_args():
    """The app's [profile.release] as --config arguments, so the bare window is built alike."""
    profile = tomllib.loads((REPO / "Cargo.toml").read_text()).get("profile", {}).get("release", {})
    args = []

    def flatten(prefix, table):
        for key, value in table.items():
            if isinstance(value, dict):
                flatten(f"{prefix}.{json.dumps(key)}", value)
            else:
                args.extend(["--config", f"{prefix}.{key}={json.dumps(value)}"])

    # Package overrides name crates of the app; the bare window has none of them but tauri's.
    flatten("profile.release", {k: v for k, v in profile.items() if k != "package"})
    return args


def build_bare():
    target = REPO / "target" / "bare-tauri"
    cmd = ["cargo", "build", "--release", "--locked", "--manifest-path", str(BARE / "Cargo.toml"),
           *release_profile_args()]
    print("building the bare window:", " ".join(cmd[1:3]), "...", flush=True)
    subprocess.run(cmd, check=True, env=dict(os.environ, CARGO_TARGET_DIR=str(target)))
    return target / "release" / "bare-tauri"


def stripped_mb(binary):
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / "bin"
        shutil.copy(binary, copy)
        subprocess.run(["strip", "--strip-all", str(copy)], check=True)
        return copy.stat().st_size / 1e6


# --- main -------------------------------------------------------------------------------------

def median_of(samples, key):
    return statistics.median(s[key] for s in samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--app", default="target/release/stepwise-app")
    ap.add_argument("--bare", help="a built bare window (default: build benches/bare-tauri)")
    ap.add_argument("--settle", type=float, default=3.0, help="seconds after the screen is ready before measuring")
    ap.add_argument("--dmabuf-off", action="store_true", help="set WEBKIT_DISABLE_DMABUF_RENDERER=1")
    args = ap.parse_args()
    app = Path(args.app).resolve()
    if not app.exists():
        raise SystemExit(f"{app} is missing: build it with scripts/release.sh or cargo build --release -p stepwise-app")
    bare = Path(args.bare).resolve() if args.bare else build_bare()
    webkit = {"WEBKIT_DISABLE_DMABUF_RENDERER": "1"} if args.dmabuf_off else {}

    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    work = Path(tempfile.mkdtemp(prefix="stepwise-bench-db-"))
    app_log = "data/stepwise/stepwise-app.log"
    try:
        keys = Keyboard(DISPLAY)
        seeded = work / "seeded.db"
        # One launch creates the demo plan; every later launch opens a copy of that database.
        launch([str(app), "--db", str(seeded)], app_log, webkit, 0.5)

        def app_run(i, seeded_db, after_ready=None):
            db = work / f"run-{i}.db"
            for f in work.glob(f"run-{i}.db*"):
                f.unlink()
            if seeded_db:
                shutil.copy(seeded, db)
            return launch([str(app), "--db", str(db)], app_log, webkit, args.settle, after_ready)

        cases = {
            "bare Tauri window": lambda i: launch([str(bare)], None, webkit, args.settle),
            "app, first screen": lambda i: app_run(i, True),
            "app, demo plan open": lambda i: app_run(i, True, lambda logged: open_first_plan(keys, logged)),
            "app, first launch (creates the demo plan)": lambda i: app_run(i, False),
        }
        samples = {name: [] for name in cases}
        for i in range(args.runs):
            order = list(cases) if i % 2 == 0 else list(reversed(cases))
            for name in order:
                ready_s, mem = cases[name](i)
                samples[name].append(dict(mem, ready=ready_s))
        keys.close()
    finally:
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)

    sizes = {"bare Tauri window": stripped_mb(bare), "app": stripped_mb(app)}
    bare_total = median_of(samples["bare Tauri window"], "total")
    mode = "WEBKIT_DISABLE_DMABUF_RENDERER=1" if args.dmabuf_off else "default WebKit settings"
    print(f"\nFootprint of {app.relative_to(REPO) if app.is_relative_to(REPO) else app} beside {bare.name}: "
          f"medians of {args.runs} launches, Xvfb {SCREEN[0]}x{SCREEN[1]}, {mode}\n")
    head = ["case", "binary (stripped)", "PSS app", "PSS web", "PSS other", "PSS total", "private", "ratio"]
    width = [24, 17, 9, 9, 9, 9, 9, 6]
    print("| " + " | ".join(h.ljust(w) if j == 0 else h.rjust(w) for j, (h, w) in enumerate(zip(head, width))) + " |")
    print("|" + "|".join("-" * (w + 2) if j == 0 else "-" * (w + 1) + ":" for j, w in enumerate(width)) + "|")
    for name in ["bare Tauri window", "app, first screen", "app, demo plan open"]:
        s = samples[name]
        size = sizes["bare Tauri window" if name.startswith("bare") else "app"]
        cells = [name, f"{size:.1f} MB"] + [f"{median_of(s, k):.0f} MB" for k in
                                            ["app", "web", "other", "total", "private"]]
        cells.append(f"{median_of(s, 'total') / bare_total:.2f}×")
        print("| " + " | ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(cells, width))) + " |")
    print(f"\nBinary ratio (stripped): {sizes['app'] / sizes['bare Tauri window']:.2f}×")

    print(f"\nLaunch to first screen: medians of {args.runs}\n")
    print(f"| {'case':<42} | {'ready (median)':>14} | {'min–max':>13} |")
    print(f"|{'-' * 44}|{'-' * 15}:|{'-' * 14}:|")
    for name in ["app, first launch (creates the demo plan)", "app, first screen", "bare Tauri window"]:
        times = [s["ready"] for s in samples[name]]
        print(f"| {name:<42} | {statistics.median(times):>12.2f} s | "
              f"{f'{min(times):.2f}–{max(times):.2f} s':>13} |")


if __name__ == "__main__":
    main()
