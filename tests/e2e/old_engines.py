"""The calculator in real old Chromium: 64, 65, 66, 72, 88 and 92, the engines of Android phones
whose system WebView was never updated, installed by scripts/old-engines from npm's
chrome-aws-lambda packages. The build is served by deploy/nginx.conf in a real nginx (the page's
policy as a citizen's phone receives it), and each engine takes the journey of
tests/e2e/old_engines.cjs at 360 x 640: it moves to the WebAssembly-1.0 build, starts, takes a
choice, a date and the family, shows the results with a citation, opens a share link in a fresh
tab, and its `hukou.evaluate` answers every scenario as the command line does. Screenshots go to
target/e2e/old/.

    python3 tests/e2e/old_engines.py DIST_DIR HUKOU_BINARY [MAJOR ...]   (default: all six)
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from journeys import ROOT, clause_label, load_texts  # noqa: E402
import nginx  # noqa: E402
from reach import scenario_inputs  # noqa: E402

OLD = os.path.join(ROOT, "tools", "old-chromium")
# Each engine with the puppeteer of its time (its DevTools protocol).
ENGINES = {64: "puppeteer", 65: "puppeteer", 66: "puppeteer", 72: "puppeteer-core", 88: "puppeteer-core",
           92: "puppeteer-core"}
SHOTS = os.path.join(ROOT, "target", "e2e", "old")

# A renter moving to a county seat with her husband and their unmarried son: a choice, a date,
# the family; the town path open under 三（二）, the central urban area's not hers.
SCRIPT = {
    "current_hukou": ["choice", "elsewhere_in_chenzhou"],
    "target_area": ["choice", "county_seat_town"],
    "residence": ["choice", "rented"],
    "rural_collective_member": ["no"],
    "newborn_unregistered": ["no"],
    "priority_groups": ["none_of"],
    "family": ["family", ["spouse", "child"]],
    "family[0].lives_with_applicant": ["yes"],
    "family[1].lives_with_applicant": ["yes"],
    "family[1].birth_date": ["date", "2004-07-15"],
    "family[1].married": ["no"],
}
PATHS = [("town_settlement", "eligible", "3.2"), ("central_urban_settlement", "not_applicable", "3.1")]


def cases(hukou):
    """Every scenario with the command line's answer: its outcome, or the line it refuses with."""
    out = []
    for name, text in scenario_inputs():
        cli = subprocess.run([hukou, "eval"], input=text.encode(), capture_output=True)
        case = {"name": name, "input": text}
        if cli.returncode == 0:
            case["ok"] = json.loads(cli.stdout)
        else:
            case["error"] = cli.stderr.decode().strip()
        out.append(case)
    assert len(out) >= 140, f"only {len(out)} scenarios"
    return out


def main():
    dist, hukou = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    majors = [int(m) for m in sys.argv[3:]] or sorted(ENGINES)
    os.makedirs(SHOTS, exist_ok=True)
    texts = load_texts("zh")
    base, _, stop, _ = nginx.start(dist)
    failed = []
    try:
        shared = {
            "base": base,
            "shots": SHOTS,
            "texts": {"title": texts["app.title"]},
            "script": SCRIPT,
            "paths": [(i, texts[f"status.{s}"], clause_label("zh", c)) for i, s, c in PATHS],
            "cases": cases(hukou),
        }
        for major in majors:
            chromium = os.path.join(OLD, str(major), "chromium")
            assert os.access(chromium, os.X_OK), f"{chromium} is missing: run scripts/old-engines"
            config = dict(shared, major=major, chromium=chromium,
                          driver=os.path.join(OLD, "node_modules", ENGINES[major]))
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(config, f, ensure_ascii=False)
            print(f"  Chromium {major}", flush=True)
            try:
                run = subprocess.run(["node", os.path.join(ROOT, "tests", "e2e", "old_engines.cjs"), f.name],
                                     timeout=600, capture_output=True, text=True)
            except subprocess.TimeoutExpired:
                failed.append(f"Chromium {major}: no answer in 600 s")
                continue
            finally:
                os.unlink(f.name)
            print(run.stdout, end="", flush=True)
            if run.returncode != 0:
                failed.append(f"Chromium {major}: {run.stderr.strip()[-1500:]}")
    finally:
        stop()
    assert not failed, "\n".join(failed)
    print(f"old engines: {len(majors)} real old Chromium builds took the journey")


if __name__ == "__main__":
    main()
