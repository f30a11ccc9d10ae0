"""hukou.evaluate against Publicodes, side by side in one Chromium: serves the release build and
the peer's built page (../shared/bench/publicodes, after its `npm ci && npm run build`) on
loopback, runs its side_by_side.mjs (the same five path rules, the same random situations, full
and partial, at 1x and 4x CPU, interleaved, three rounds) and prints the medians as a table with
the ratio; then hukou.evaluate once the page is warm (tests/e2e/warm_evaluate.mjs). Nothing is asserted: speed is measured, not tested.

    python3 tests/e2e/side_by_side.py DIST_DIR [PUBLICODES_DIR]
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from journeys import ROOT, serve  # noqa: E402


def node(command, cwd=None):
    """A measuring script's output. A browser that fails to start or a page that times out now
    and then on a busy machine is tried again, twice at most; its complaint is shown."""
    for attempt in range(3):
        run = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
        if run.returncode == 0:
            return run.stdout
        print(f"{os.path.basename(command[1])} failed (attempt {attempt + 1}):"
              f" {run.stderr.strip()[-600:]}", file=sys.stderr)
    sys.exit(1)


def main():
    dist = os.path.abspath(sys.argv[1])
    peer = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "bench", "publicodes"))
    app = serve(dist)
    anchor = serve(os.path.join(peer, "dist"))
    try:
        out = node(["node", os.path.join(peer, "side_by_side.mjs"),
                    f"http://127.0.0.1:{app.server_address[1]}/",
                    f"http://127.0.0.1:{anchor.server_address[1]}/index.html"], cwd=peer)
        # And once the page is warm: the fastest of seven loops (tests/e2e/warm_evaluate.mjs).
        warm = json.loads(node(["node", os.path.join(ROOT, "tests", "e2e", "warm_evaluate.mjs"),
                                f"http://127.0.0.1:{app.server_address[1]}/", peer]).strip().splitlines()[-1])
    finally:
        app.shutdown()
        anchor.shutdown()
    medians = json.loads(out.strip().splitlines()[-1])
    print("| situation | CPU | hukou.evaluate | Publicodes | Publicodes / ours |")
    print("|---|---|---|---|---|")
    for kind in ("full", "partial"):
        for rate in (1, 4):
            ours, theirs = medians[f"ours_{kind}_{rate}x"], medians[f"pc_{kind}_{rate}x"]
            print(f"| {kind} | {rate}x | {ours:.0f} µs | {theirs:.0f} µs | {theirs / ours:.1f}x |")
    for kind in ("full", "partial"):
        theirs = medians[f"pc_{kind}_1x"]
        print(f"warm, {kind}, 1x: hukou.evaluate {warm[kind]} µs (fastest of seven loops of 2,000),"
              f" {theirs / warm[kind]:.1f}x Publicodes' median")


if __name__ == "__main__":
    main()
