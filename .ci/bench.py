#!/usr/bin/env python3
"""Performance table for `make bench`.

Runs `parallax compare --format json` as a whole process on the seed articles
and on sets written by ../shared/eval/gen-versions.py, in five rounds that
take every set in turn, and prints a Markdown table: median wall time, peak
resident memory, time per 1,000 words, and the growth ratio
time(50 x 10k) / time(50 x 5k).
"""
import os, platform, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
shared = os.path.join(os.path.dirname(root), "shared")
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "parallax-cli")
runs = int(os.environ.get("BENCH_RUNS", "5"))


def words(files):
    n = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            n += len(fh.read().split())
    return n


def run_once(files):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "compare", "--format", "json", *files],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: parallax compare exited {code}: {err.strip()[:300]}")
    return elapsed, usage.ru_maxrss / 1024  # KiB -> MiB


def measure_all(sets):
    """Runs every set once per round, `runs` rounds: a burst of other work
    on the machine then slows one run of each set rather than all runs of
    one set, which would skew the growth ratio."""
    times = {name: [] for name, _ in sets}
    peaks = {name: [] for name, _ in sets}
    for _ in range(runs):
        for name, files in sets:
            t, m = run_once(files)
            times[name].append(t)
            peaks[name].append(m)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name, _ in sets}


def main():
    seeds = os.path.join(shared, "seeds")
    if not os.path.isdir(seeds):
        print("bench: skipped, ../shared/seeds is absent")
        return
    sets = [("seeds (5 articles)", sorted(os.path.join(seeds, f) for f in os.listdir(seeds)))]
    tmp = tempfile.mkdtemp(prefix="parallax-bench-")
    for n, w in [(5, 2000), (20, 5000), (50, 5000), (50, 10000)]:
        d = os.path.join(tmp, f"{n}x{w}")
        subprocess.run([sys.executable, os.path.join(shared, "eval", "gen-versions.py"), seeds, d, str(n), str(w)],
                       check=True, stdout=subprocess.DEVNULL)
        sets.append((f"{n} x {w} words", sorted(os.path.join(d, f) for f in os.listdir(d))))
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.machine()}; "
          f"median of {runs} runs of `parallax compare --format json` (the sets taken in turn).\n")
    print("| set | sources | words | time (median) | ms per 1,000 words | peak memory |")
    print("|---|---:|---:|---:|---:|---:|")
    got = {}
    results = measure_all(sets)
    for name, files in sets:
        t, m = results[name]
        wc = words(files)
        got[name] = t
        print(f"| {name} | {len(files)} | {wc:,} | {t*1000:.0f} ms | {t*1e6/wc:.2f} | {m:.0f} MiB |")
    a, b = got.get("50 x 5000 words"), got.get("50 x 10000 words")
    if a and b:
        print(f"\nGrowth ratio time(50 x 10k) / time(50 x 5k): {b/a:.2f}")
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
