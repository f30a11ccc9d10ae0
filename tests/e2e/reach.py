"""Reach and privacy of the built page, in real headless Chromium through chromedriver:

- window.hukou.evaluate gives exactly what the command line gives, on every scenario of the suite;
- without WebAssembly (--js-flags=--jitless) the static summary of the paths is shown;
- embedded by embed.js in a page of another origin, the frame's height follows its content, and
  the frame addresses its messages to the host page's origin only (embed.js's &host=): a frame
  told another origin, a wildcard or nothing reaches no one;
- during a whole journey no request leaves the page's origin and none carries a query string;
- after one visit the calculator works with the server gone, and the cached app is shown when the
  server answers 500 for the page, even after share.png, embed.js and sw.js were opened directly,
  after a 200 maintenance page, after an update that half arrived (a newer page whose files and
  worker are missing) and after a visit to the WebAssembly-1.0 build (service worker);
- the layout has no sideways scrolling at 320 px;
- the WebAssembly-1.0 build (dist/mvp) uses no later feature and runs.

    python3 tests/e2e/reach.py DIST_DIR HUKOU_BINARY
"""

import json
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import Driver, run_all  # noqa: E402
from journeys import (  # noqa: E402
    BASE_SCRIPT, ROOT, Person, QuietHandler, WECHAT_UA, journey_renter_with_family, serve,
)


class FailingHandler(QuietHandler):
    """Serves files; answers 500 for the calculator's page while `failing` is set, and a 200
    maintenance page of another kind while `maintenance` is."""

    failing = False
    maintenance = False
    half_update = False
    failures = 0

    def do_GET(self):
        page = self.path.split("?")[0] in ("/", "/index.html")
        if FailingHandler.half_update and (page or self.path.startswith("/sw.js")):
            # A newer build half arrived: its page names files this server does not have, and its
            # worker fails to load.
            if not page:
                self.send_error(404, "Not Found (on purpose)")
                return
            html = open(os.path.join(self.directory, "index.html"), encoding="utf-8").read()
            return self.send_page(re.sub(r"app-[0-9a-f]{1,16}", "app-0123456789abcdef", html))
        if FailingHandler.failing and page:
            FailingHandler.failures += 1
            self.send_error(500, "Internal Server Error (on purpose)")
            return
        if FailingHandler.maintenance and page:
            return self.send_page("<!doctype html><html><body><h1>系统维护中</h1></body></html>")
        super().do_GET()

    def send_page(self, html):
        """Answers 200 with `html`, a page of the server's own rather than the build's."""
        body = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class RecordingHandler(QuietHandler):
    """Serves files and remembers every request path (with any query string)."""

    requests = []

    def do_GET(self):
        RecordingHandler.requests.append(self.path)
        super().do_GET()


def scenario_inputs():
    """Every scenario whose input is an answers object, as (name, JSON text), like tests/support."""
    directory = os.path.join(ROOT, "tests", "scenarios")
    for file in sorted(os.listdir(directory)):
        doc = json.load(open(os.path.join(directory, file), encoding="utf-8"))
        for s in doc["scenarios"]:
            if "answers" in s:
                answers = dict(s["answers"])
                answers.setdefault("today", doc["today"])
                yield f"{file}: {s['name']}", json.dumps(answers, ensure_ascii=False)
            else:
                # Text a JavaScript object cannot hold (a key twice, a number beyond a double) is
                # the command line's and the decoders' to refuse; the API's own cases are below.
                try:
                    value = json.loads(s["raw"], object_pairs_hook=refuse_repeated_keys,
                                       parse_constant=refuse_constant, parse_float=refuse_infinite)
                except (ValueError, RecursionError):
                    continue
                if isinstance(value, dict) and s["raw"].count("[") < 100:
                    yield f"{file}: {s['name']}", s["raw"]


def refuse_repeated_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a key twice")
    return dict(pairs)


def refuse_constant(name):
    raise ValueError(name)


def refuse_infinite(text):
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def check_api_refuses_what_json_cannot_say(driver, base_url):
    """Infinity and NaN are refused under the field's name (JSON.stringify would make them null,
    "not answered"); an input over the limit is refused before the engine copies it."""
    session = driver.session(1024, 768)
    try:
        session.get(base_url)
        session.wait_for("main#main h1")
        call = ("try { window.hukou.evaluate(arguments[0]); return 'accepted'; }"
                " catch (e) { return String(e.message); }")
        # Built in the page: WebDriver itself would send a non-finite number as null.
        for answers, field in [
            ("{months_resident: Infinity}", "months_resident"),
            ("{months_resident: NaN}", "months_resident"),
            ("{family: [{relation: 'child', birth_date: -Infinity}]}", "family[0].birth_date"),
        ]:
            message = session.run(
                f"try {{ window.hukou.evaluate({answers}); return 'accepted'; }}"
                " catch (e) { return String(e.message); }"
            )
            assert message.startswith(field + ":"), f"{answers}: {message!r} does not name {field}"
        big = session.run(call, {"family": [{"relation": "x" * 200_000}]})
        assert big.startswith("input:") and "larger than" in big, f"an oversized input gave {big!r}"
        print("      Infinity and NaN are refused by name; an oversized input before it is copied")
    finally:
        session.quit()


def check_api_matches_cli(driver, base_url, hukou):
    session = driver.session(1024, 768)
    try:
        session.get(base_url)
        # The app's own screen (`main#main`), not the page's start screen drawn before it.
        session.wait_for("main#main h1", timeout=20)
        ready = session.run("return typeof window.hukou === 'object' && typeof window.hukou.evaluate === 'function';")
        assert ready, "window.hukou.evaluate is missing"
        compared = 0
        for name, text in scenario_inputs():
            cli = subprocess.run([hukou, "eval"], input=text.encode(), capture_output=True)
            api = session.run(
                "try { return {ok: window.hukou.evaluate(JSON.parse(arguments[0]))}; }"
                " catch (e) { return {error: String(e.message)}; }",
                text,
            )
            if cli.returncode == 0:
                assert "ok" in api, f"{name}: the API threw {api.get('error')!r}, the command line answered"
                assert api["ok"] == json.loads(cli.stdout), f"{name}: API and command line differ"
            else:
                line = cli.stderr.decode().strip()
                assert api.get("error") == line, f"{name}: API error {api.get('error')!r}, command line {line!r}"
            compared += 1
        assert compared >= 140, f"only {compared} scenarios compared"
        print(f"      the API matched the command line on {compared} scenarios")
    finally:
        session.quit()


def check_ready_event(driver, base_url):
    session = driver.session(1024, 768)
    try:
        # A listener that exists before any of the page's scripts run (Chrome DevTools Protocol).
        session.call("POST", "/goog/cdp/execute", {
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": {"source": "window.__hukouReady = false;"
                                 " addEventListener('hukou:ready', () => { window.__hukouReady = true; });"},
        })
        session.get(base_url)
        session.wait_for("main#main h1")
        deadline = time.time() + 10
        while not session.run("return window.__hukouReady === true;"):
            assert time.time() < deadline, "hukou:ready did not fire"
            time.sleep(0.1)
        assert session.run("return typeof window.hukou.evaluate === 'function';")
    finally:
        session.quit()


def check_without_webassembly(driver, base_url):
    session = driver.session(360, 640, WECHAT_UA, extra_args=["--js-flags=--jitless"])
    try:
        session.get(base_url)
        time.sleep(1.5)
        has_wasm = session.run("return typeof WebAssembly !== 'undefined';")
        assert not has_wasm, "this Chromium still has WebAssembly with --jitless"
        summary = session.text("#static-summary")
        for text in ["合法稳定就业", "合法稳定住所（含租赁）", "城镇社会保险", "新生儿", "无户口", "居住证", "派出所", "三（一）"]:
            assert text in summary, f"the static summary lacks {text!r}"
        # Each purpose on the page's own start screen leads to its part of the summary, in view.
        for purpose in ("settle", "join", "newborn", "no_hukou", "permit", "registered"):
            session.run("window.scrollTo(0, 0);")
            session.click(f"#first-screen a[href='#start-{purpose}']")
            time.sleep(0.3)
            top = session.run(f"return document.getElementById('start-{purpose}').getBoundingClientRect().top;")
            assert -2 < top < 640, f"the link for {purpose} left its part of the summary at {top} px"
        session.screenshot(os.path.join(ROOT, "target", "e2e", "reach-no-webassembly.png"))
    finally:
        session.quit()


class HeldHandler(QuietHandler):
    """Serves files, but holds the WebAssembly back until `released` is set: a slow network."""

    released = threading.Event()

    def do_GET(self):
        if self.path.split("?")[0].endswith("_bg.wasm"):
            HeldHandler.released.wait(30)
        super().do_GET()


# The start screen's parts a person sees first: the heading, the lead, each purpose.
FIRST_SCREEN_RECTS_JS = """
const root = document.querySelector(arguments[0]);
return [root.querySelector('h1'), root.querySelector('.lead'), ...root.querySelectorAll('.purposes > *')]
  .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), Math.round(r.left), Math.round(r.top),
    Math.round(r.width), Math.round(r.height)]; });
"""


def app_takes_its_place(session, url, mode):
    """Loads the page with the WebAssembly held back, then lets it come: the app's start screen
    takes the place of the page's with each part where it was. Returns the page's parts."""
    HeldHandler.released.clear()
    session.get(url)
    session.wait_for("#first-screen a[href='#start-permit']")
    before = session.run(FIRST_SCREEN_RECTS_JS, "#first-screen")
    font = session.run("return getComputedStyle(document.querySelector('#first-screen .lead')).fontSize;")
    HeldHandler.released.set()
    session.wait_for("section.start [data-purpose=permit]")
    after = session.run(FIRST_SCREEN_RECTS_JS, "section.start")
    assert before == after, f"{mode}: the start screen moved when the app took over:\n  {before}\n  {after}"
    assert session.find("#first-screen") is None and session.find("#static-summary") is None
    return font


def check_first_screen_before_webassembly(driver, dist):
    """On a slow network the page's own start screen is there before the WebAssembly: a purpose
    tapped then is not lost (the app starts on its first question), and the app's start screen
    takes the place of the page's with every part where it was."""
    HeldHandler.released.clear()
    server = serve(dist, HeldHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        # Where the page's start screen puts things, and where the app's does.
        session = driver.session(360, 640, WECHAT_UA)
        try:
            app_takes_its_place(session, url, "standard size")
            session.click("[data-purpose=permit]")
            session.wait_for("section.question")
            wanted = session.run("return document.querySelector('section.question').dataset.field;")
        finally:
            session.quit()
        # A purpose tapped while the WebAssembly is still on its way.
        HeldHandler.released.clear()
        session = driver.session(360, 640, WECHAT_UA)
        try:
            session.get(url)
            session.wait_for("#first-screen a[href='#start-permit']")
            assert session.find("section.start [data-purpose]") is None, "the app started with the WebAssembly held back"
            session.click("#first-screen a[href='#start-permit']")
            time.sleep(0.5)
            HeldHandler.released.set()
            session.wait_for("section.question")
            field = session.run("return document.querySelector('section.question').dataset.field;")
            assert field == wanted, f"a purpose tapped before the app started led to {field}, not {wanted}"
            assert session.run("return location.hash;") == "", "the tapped purpose stayed in the address"
            session.screenshot(os.path.join(ROOT, "target", "e2e", "reach-tapped-before-webassembly.png"))
        finally:
            session.quit()
        # Someone who chose large text sees the page's start screen in large text from the first
        # paint, and the app's takes its place without moving it.
        HeldHandler.released.set()
        session = driver.session(360, 640, WECHAT_UA)
        try:
            session.get(url)
            session.click("[data-action=elderly]")
            session.wait_for(".app.elderly")
            session.forget_offline_copies()
            large = app_takes_its_place(session, url, "large text")
            assert large == "24px", f"the page's start screen is drawn at {large}, not in large text"
            assert session.run("return document.documentElement.className;") == "", "the page's mark stayed"
        finally:
            session.quit()
    finally:
        HeldHandler.released.set()
        server.shutdown()


def check_embed(driver, dist, app_url):
    host_dir = os.path.join(ROOT, "target", "e2e-host")
    os.makedirs(host_dir, exist_ok=True)
    with open(os.path.join(host_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城市网站</title></head>'
            '<body style="margin:0"><h1>郴州市人民政府</h1><div id="hukou-calculator"></div>'
            f'<script src="{app_url}embed.js" data-target="#hukou-calculator" async></script>'
            "<p id=after>页脚</p></body></html>"
        )
    # A calculator that cannot load (here: embed.js from an origin with no calculator behind it)
    # leaves the host page as it was: the frame takes no room and cannot be seen.
    import shutil
    shutil.copy(os.path.join(dist, "embed.js"), os.path.join(host_dir, "embed.js"))
    with open(os.path.join(host_dir, "no-calculator.html"), "w", encoding="utf-8") as f:
        f.write(
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城市网站</title></head>'
            '<body style="margin:0"><h1>郴州市人民政府</h1><div id="hukou-calculator"></div>'
            '<script src="embed.js" data-target="#hukou-calculator" async></script>'
            "<p id=after>页脚</p></body></html>"
        )
    # Frames written by hand that name no origin of this page as their host: another origin, a
    # wildcard, nothing. The page counts the height messages each of them gets through.
    frames = {"elsewhere": "&host=http://elsewhere.example", "wildcard": "&host=*", "none": ""}
    with open(os.path.join(host_dir, "by-hand.html"), "w", encoding="utf-8") as f:
        f.write(
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城市网站</title></head><body>'
            + "".join(f'<iframe id="{k}" src="{app_url}?embed=1{v}" title="{k}"></iframe>' for k, v in frames.items())
            + "<script>window.heard = {}; addEventListener('message', function (e) {"
            " var f = [].filter.call(document.querySelectorAll('iframe'), function (f) { return f.contentWindow === e.source; })[0];"
            " if (f && e.data && e.data.type === 'hukou:height') window.heard[f.id] = (window.heard[f.id] || 0) + 1; });"
            "</script></body></html>"
        )
    # "localhost" and "127.0.0.1" on different ports: two origins.
    host = serve(host_dir, host="127.0.0.1")
    host_origin = f"http://localhost:{host.server_address[1]}"
    host_url = host_origin + "/"
    session = driver.session(360, 640, WECHAT_UA)
    try:
        session.get(host_url + "by-hand.html")
        for name in frames:
            session.call("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": session.find("#" + name)}})
            session.wait_for("main#main h1")  # the app runs in it, and would report its height
            session.call("POST", "/frame/parent", {})
        time.sleep(1)
        heard = session.run("return window.heard;")
        assert not heard, f"frames not told this page's origin reached it: {heard}"

        session.get(host_url + "no-calculator.html")
        session.wait_for("#hukou-calculator iframe")
        time.sleep(2)
        left = session.run(
            "const f = document.querySelector('#hukou-calculator iframe').getBoundingClientRect();"
            " const p = document.getElementById('after').getBoundingClientRect();"
            " return [f.width * f.height, getComputedStyle(document.querySelector('#hukou-calculator iframe')).opacity,"
            " p.top - document.querySelector('h1').getBoundingClientRect().bottom];"
        )
        assert left[0] <= 1 and left[1] == "0", f"a calculator that did not load shows a frame: {left}"
        assert left[2] < 40, f"a calculator that did not load moved the page: {left}"

        session.get(host_url)
        frame = session.wait_for("#hukou-calculator iframe")
        sandbox = session.attribute("#hukou-calculator iframe", "sandbox")
        assert set(sandbox.split()) == {"allow-scripts", "allow-same-origin", "allow-modals"}, sandbox
        src = session.attribute("#hukou-calculator iframe", "src")
        expected = f"{app_url}?embed=1&host={host_origin}"
        assert src == expected, f"embed.js framed {src}, not {expected}"

        def frame_height():
            return session.run("return document.querySelector('#hukou-calculator iframe').getBoundingClientRect().height;")

        def settle(previous=None, timeout=10):
            deadline = time.time() + timeout
            height = frame_height()
            while time.time() < deadline:
                time.sleep(0.3)
                now = frame_height()
                if now == height and now != previous:
                    return now
                height = now
            return height

        start_height = settle(1)
        session.call("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": frame}})
        session.wait_for("main#main h1")
        content = session.run("return document.getElementById('app').getBoundingClientRect().height;")
        assert session.find(".bar .brand") is None, "the embedded app still shows its own title"
        session.click("[data-action=begin]")
        session.click("[data-action=results]")
        session.wait_for("section.results")
        # The frame follows the content: poll until they agree (messages arrive as layout settles).
        deadline = time.time() + 10
        while True:
            longer = session.run("return document.getElementById('app').getBoundingClientRect().height;")
            session.call("POST", "/frame/parent", {})
            results_height = frame_height()
            if abs(results_height - longer) <= 2 or time.time() > deadline:
                break
            time.sleep(0.3)
            session.call("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": frame}})
        assert abs(start_height - max(content, 320)) <= 2, f"frame {start_height}px for content {content}px"
        assert results_height > start_height + 200, f"frame did not grow: {start_height} -> {results_height}"
        assert abs(results_height - longer) <= 2, f"frame {results_height}px for content {longer}px"
        # Back to a short screen (the question the results were asked for from): the frame
        # shrinks with its content.
        session.call("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": frame}})
        session.click("[data-action=back]")
        session.wait_for("section.question")
        session.call("POST", "/frame/parent", {})
        shrunk = settle(results_height)
        assert shrunk < results_height - 200, f"frame did not shrink: {results_height} -> {shrunk}"
        grown, results_height = results_height, shrunk
        # A message from another origin is ignored.
        session.run("window.postMessage({type: 'hukou:height', height: 5}, '*');")
        time.sleep(0.5)
        assert abs(frame_height() - results_height) <= 2, "a message from the host's own origin moved the frame"
        print(f"      embedded frame: {start_height:.0f}px at the start, {grown:.0f}px on the results, {shrunk:.0f}px back")
    finally:
        session.quit()
        host.shutdown()


def check_requests_stay_home(driver, base_url):
    RecordingHandler.requests.clear()
    person = Person(driver, base_url, "wechat-360", "requests")
    try:
        person.session.run("1")
        journey_renter_with_family(person)
        urls = person.session.run(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat(performance.getEntriesByType('navigation').map(e => e.name));"
        )
    finally:
        person.session.quit()
    origin = base_url.rstrip("/")
    foreign = [u for u in urls if not u.startswith(origin + "/")]
    assert not foreign, f"requests to another origin: {foreign}"
    with_query = [p for p in RecordingHandler.requests if "?" in p and p != "/?embed=1"]
    assert not with_query, f"requests carrying a query string: {with_query}"
    assert RecordingHandler.requests, "the recording server saw nothing"
    print(f"      {len(RecordingHandler.requests)} requests, all to {origin}, none with a query string")


def check_offline_after_one_visit(driver, dist):
    FailingHandler.failing, FailingHandler.failures = False, 0
    server = serve(dist, FailingHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    session = driver.session(360, 640, WECHAT_UA)

    def app_runs(where):
        session.wait_for("main#main h1")
        session.click("[data-action=begin]")
        session.wait_for("section.question")
        assert session.find("#static-summary") is None, f"{where}, the app did not start"

    try:
        session.get(url)
        session.wait_for("main#main h1")
        ready = session.run(
            "return navigator.serviceWorker.ready.then(() => new Promise(r => setTimeout(() => r(true), 500)));"
        )
        assert ready
        session.refresh()  # now controlled by the service worker
        session.wait_for("main#main h1")
        # Other files opened directly are not the page: none of them may become the offline app.
        for name in ("share.png", "embed.js", "sw.js"):
            session.get(url + name)
            time.sleep(0.3)
        # The server fails on the page: the app this device has is shown instead of the error.
        FailingHandler.failing = True
        session.get(url)
        app_runs("with the server answering 500")
        assert FailingHandler.failures >= 1, "the server was never asked for the page"
        session.get(url + "index.html?embed=1")
        session.wait_for("main#main h1")
        FailingHandler.failing = False
        # A maintenance page served once with 200 is shown, but never kept as the offline page.
        FailingHandler.maintenance = True
        session.get(url)
        session.wait_for("h1")
        assert "系统维护中" in session.text("h1"), "the maintenance page was not served"
        time.sleep(0.5)
        FailingHandler.maintenance = False
        # An update that half arrived (a newer page, its files and its worker missing): the worker
        # this device has keeps its own page, not the newer one it cannot run.
        FailingHandler.half_update = True
        session.get(url)
        time.sleep(0.5)
        FailingHandler.half_update = False
        # A visit to the WebAssembly-1.0 build (a share link made on an old phone keeps its
        # path): its worker leaves the main build's cache alone.
        session.get(url + "mvp/")
        session.wait_for("main#main h1")
        time.sleep(1)
        server.shutdown()
        server.server_close()
        session.get(url)
        app_runs("offline")
        # English, fetched only when first wanted, is there offline too (the worker precached it).
        session.click("[data-action=lang]")
        session.wait_for("html[lang=en]")
        assert "Chenzhou" in session.text("header"), "offline, English did not load"
        # And the clauses' words, fetched when the results are first shown.
        session.click("[data-action=results]")
        session.wait_for("section.results details.clause blockquote p:not(.clause-title)")
        session.screenshot(os.path.join(ROOT, "target", "e2e", "reach-offline.png"))
    finally:
        session.quit()


def check_320_px(driver, base_url):
    person = Person(driver, base_url, "wechat-360", "320px")
    person.session.call("POST", "/window/rect", {"width": 320, "height": 640})
    try:
        person.open()
        for step in ("start", "question", "results"):
            if step == "question":
                person.session.click("[data-action=begin]")
                person.session.wait_for("section.question")
            if step == "results":
                person.session.click("[data-action=results]")
                person.session.wait_for("section.results")
            width = person.session.run("return document.documentElement.scrollWidth;")
            inner = person.session.run("return window.innerWidth;")
            assert width <= inner, f"sideways scrolling at 320 px on the {step} screen: {width} > {inner}"
        person.session.screenshot(os.path.join(ROOT, "target", "e2e", "reach-320px.png"))
    finally:
        person.session.quit()


def check_mvp_build(driver, base_url, dist):
    # The build validates with WebAssembly 1.0 features only (mutable globals came with 1.0's
    # engines); the main build needs reference types, so old engines are sent to mvp/.
    wasm = next(os.path.join(dist, "mvp", f) for f in os.listdir(os.path.join(dist, "mvp")) if f.endswith(".wasm"))
    stripped = os.path.join(ROOT, "target", "mvp-check.wasm")
    subprocess.run(["wasm-opt", wasm, "--strip-target-features", "-o", stripped], check=True)
    check = subprocess.run(
        ["wasm-opt", stripped, "--mvp-features", "--enable-mutable-globals", "--print"],
        capture_output=True,
    )
    assert check.returncode == 0, f"the MVP build uses newer features: {check.stderr[:300]}"
    session = driver.session(360, 640, WECHAT_UA)
    try:
        session.get(base_url)
        session.wait_for("main#main h1")
        assert session.run("return location.pathname;") == "/", "a current engine was sent to the MVP build"
        session.get(base_url + "mvp/")
        session.wait_for("main#main h1")
        session.click("[data-action=begin]")
        session.wait_for("section.question")
        session.click("[data-action=results]")
        session.wait_for("#path-town_settlement .status")
    finally:
        session.quit()


def main():
    dist = os.path.abspath(sys.argv[1])
    hukou = os.path.abspath(sys.argv[2])
    server = serve(dist, RecordingHandler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = Driver(os.environ.get("CHROMEDRIVER", "chromedriver"))
    checks = [
        ("the JavaScript API matches the command line", lambda: check_api_matches_cli(driver, base_url, hukou)),
        ("the JavaScript API refuses Infinity, NaN and oversized input", lambda: check_api_refuses_what_json_cannot_say(driver, base_url)),
        ("hukou:ready fires", lambda: check_ready_event(driver, base_url)),
        ("without WebAssembly the static summary shows", lambda: check_without_webassembly(driver, base_url)),
        ("the page's own start screen takes a tap before the WebAssembly", lambda: check_first_screen_before_webassembly(driver, dist)),
        ("the embedded frame follows its content", lambda: check_embed(driver, dist, base_url)),
        ("no request leaves the origin or carries answers", lambda: check_requests_stay_home(driver, base_url)),
        ("offline after one visit", lambda: check_offline_after_one_visit(driver, dist)),
        ("no sideways scrolling at 320 px", lambda: check_320_px(driver, base_url)),
        ("the WebAssembly-1.0 build is MVP-only and runs", lambda: check_mvp_build(driver, base_url, dist)),
    ]
    try:
        return run_all(checks)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
