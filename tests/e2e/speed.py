"""Speed of use of the release build, in headless Chromium through chromedriver, served from
loopback as deploy/nginx.conf serves it (the build's gzip files), at a phone's width:

- navigation -> first question interactive: a first visit (fresh profile), the start screen's
  button tapped as soon as the app has drawn it, until the first question's answer buttons are in
  the page, and until that frame is painted;
- tap an answer -> the next question: from the tap's own timestamp until the next question is in
  the page (split into the wait for the page's thread to take the tap up, and the handling), and
  until it is painted (the next frame; at 60 frames a second that wait alone can be
  up to 16.7 ms);
- one evaluation in wasm: window.hukou.evaluate, JSON in and out, timed in batches of 50, for a
  full answer set and for none at all (the most `missing` to work out);

each without and with a 4x slower CPU (DevTools' Emulation.setCPUThrottlingRate). Figures are
printed with the targets beside them; nothing is asserted (speed is measured, not tested).

    python3 tests/e2e/speed.py DIST_DIR [RUNS] [PAUSE_SECONDS] [SLOWDOWNS, e.g. 1,4]
"""

import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import ELEMENT, Driver  # noqa: E402
from journeys import ROOT, serve  # noqa: E402

# Runs in the page before its own scripts (through DevTools, so the page's CSP does not apply).
PROBE = r"""
window.__speed = {marks: {}, taps: []};
(function () {
  const S = window.__speed;
  // After the next paint: the frame's callbacks run, the frame is drawn, then the task runs.
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(null);
  });
  // Which screen is showing: a question's field, or the screen's class.
  const field = () => {
    const screen = document.querySelector("main > section");
    return screen ? screen.dataset.field || screen.className : null;
  };
  let pending = null;
  addEventListener("click", (e) => {
    if (e.isTrusted && e.target.closest && e.target.closest("section.question button")) {
      pending = {start: e.timeStamp, handler: performance.now(), from: field()};
    }
  }, true);
  new MutationObserver(() => {
    if (!S.marks.begin) {
      const begin = document.querySelector("#app [data-action=begin]");
      if (begin) {
        S.marks.begin = performance.now();
        begin.click();
      }
    } else if (!S.marks.question && document.querySelector("section.question button")) {
      S.marks.question = performance.now();
      afterPaint(() => { S.marks.painted = performance.now(); });
    }
    if (pending && field() && field() !== pending.from) {
      const tap = pending;
      pending = null;
      tap.dom = performance.now();
      afterPaint(() => { tap.painted = performance.now(); S.taps.push(tap); });
    }
  }).observe(document, {childList: true, subtree: true, attributes: true});
})();
"""

FULL = json.load(open(os.path.join(ROOT, "crates", "engine", "benches", "full_answers.json"), encoding="utf-8"))
EVALUATE = """
const answers = arguments[0], n = arguments[1];
for (let i = 0; i < 20; i++) window.hukou.evaluate(answers);  // warm up
// Batches of 50: the page's clock is coarsened to 0.1 ms, longer than one evaluation.
const times = [];
for (let b = 0; b < n; b++) {
  const t = performance.now();
  for (let i = 0; i < 50; i++) window.hukou.evaluate(answers);
  times.push((performance.now() - t) / 50);
}
return times;
"""


def cdp(session, cmd, params):
    return session.call("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params})


def wait(session, script, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = session.run(script)
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for: {script}")


def one_visit(driver, url, throttle, taps, pause):
    """A first visit: figures for reaching the first question, then `taps` answers, each
    `pause` seconds after the question was painted (the time a person takes to read it)."""
    session = driver.session(360, 740)
    try:
        cdp(session, "Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
        cdp(session, "Emulation.setCPUThrottlingRate", {"rate": throttle})
        session.get(url)
        marks = wait(session, "return window.__speed && window.__speed.marks.painted && window.__speed.marks;")
        for i in range(taps):
            # A question answered by a tap on one button (a number, a date, a place, the family
            # or several choices need more than a tap): ends the walk.
            if session.find("section.question :is(input, select, [data-add], [data-action=ok])"):
                break
            buttons = session.call("POST", "/elements", {
                "using": "css selector", "value": "section.question button.choice:not([aria-pressed=true])",
            })
            if not buttons:
                break
            done = len(session.run("return window.__speed.taps;"))
            time.sleep(pause)
            session.call("POST", f"/element/{buttons[i % len(buttons)][ELEMENT]}/click", {})
            wait(session, f"return window.__speed.taps.length > {done};")
            if session.find("section.results"):
                break
        tap_list = session.run("return window.__speed.taps;")
        evaluate = {
            "full": session.run(EVALUATE, FULL, 20),
            "empty": session.run(EVALUATE, {"today": FULL["today"]}, 20),
        }
        return marks, tap_list, evaluate
    finally:
        session.quit()


def p75(values):
    """The 75th percentile, as Core Web Vitals judge interactions."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, (3 * len(ordered)) // 4)]


def ms(values):
    return f"median {statistics.median(values):6.1f} ms, p75 {p75(values):6.1f} ms, worst {max(values):6.1f} ms"


def us(values):
    return f"median {1000 * statistics.median(values):6.1f} µs, worst batch {1000 * max(values):6.1f} µs"


def main():
    dist = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    # A person reads before tapping; and a tap within 400 ms of a new screen is taken for the
    # second half of a double tap and ignored (src/web/tap.rs), so no quicker than that.
    pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    throttles = [int(t) for t in sys.argv[4].split(",")] if len(sys.argv) > 4 else [1, 4]
    server = serve(dist)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = Driver(os.environ.get("CHROMEDRIVER", "chromedriver"))
    try:
        for throttle in throttles:
            first, first_painted, dom, painted, full, empty = [], [], [], [], [], []
            first_taps, later_taps, waits, handling = [], [], [], []
            for _ in range(runs):
                marks, taps, evaluate = one_visit(driver, url, throttle, 8, pause)
                first.append(marks["question"])
                first_painted.append(marks["painted"])
                dom += [t["dom"] - t["start"] for t in taps]
                painted += [t["painted"] - t["start"] for t in taps]
                first_taps += [t["dom"] - t["start"] for t in taps[:1]]
                later_taps += [t["dom"] - t["start"] for t in taps[1:]]
                waits += [t["handler"] - t["start"] for t in taps]
                handling += [t["dom"] - t["handler"] for t in taps]
                full += evaluate["full"]
                empty += evaluate["empty"]
            label = "no slowdown" if throttle == 1 else f"{throttle}x CPU slowdown"
            print(f"== {label}: {runs} first visits, {len(dom)} taps {pause:g} s after each question"
                  f" was painted, {50 * len(full)} evaluations of each kind")
            print(f"navigation -> first question in the page   {ms(first)}")
            print(f"navigation -> first question painted       {ms(first_painted)}"
                  + ("   (target < 1500 ms at 4x)" if throttle == 4 else ""))
            print(f"tap -> next question in the page           {ms(dom)}"
                  + ("   (target < 16 ms at 4x)" if throttle == 4 else ""))
            print(f"  the first tap of a visit                 {ms(first_taps)}")
            print(f"  later taps                               {ms(later_taps)}")
            print(f"  tap -> the page's thread takes it up     {ms(waits)}")
            print(f"  then -> next question in the page        {ms(handling)}")
            print(f"tap -> next question painted               {ms(painted)}")
            print(f"hukou.evaluate, full answers (JSON in/out) {us(full)}")
            print(f"hukou.evaluate, no answers (JSON in/out)   {us(empty)}")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
