"""A small WebDriver client (W3C protocol over HTTP, standard library only) for chromedriver, and
for geckodriver (Firefox) and WebKitWebDriver (WebKitGTK's MiniBrowser, under Xvfb):
`Driver(engine="firefox")`, `Driver(engine="webkit")`."""

import base64
import io
import json
import traceback
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
# Headless Chromium for tests: no background traffic, no first-run screens.
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
]
# The three engines a citizen's phone may have: Blink (Android, WeChat's XWEB), Gecko, WebKit (iOS).
ENGINES = ("chromium", "firefox", "webkit")
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
# Each engine's WebDriver server; geckodriver is built by scripts/setup into ~/.cargo/bin.
SERVERS = {
    "chromium": os.environ.get("CHROMEDRIVER", "chromedriver"),
    "firefox": os.environ.get("GECKODRIVER", "geckodriver"),
    "webkit": os.environ.get("WEBKITWEBDRIVER", "WebKitWebDriver"),
}
# Firefox's own toolbars keep its window at least 500 px wide: a profile that hides them lets the
# page have the whole window, 360 px like a phone's.
FIREFOX_CHROME_CSS = """
#navigator-toolbox { visibility: collapse !important; }
:root, #browser, toolbar, toolbarbutton, #urlbar-container, #urlbar, #tabbrowser-tabs { min-width: 0 !important; }
"""


def firefox_profile():
    """A new Firefox profile, zipped and base64-encoded as geckodriver takes it."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("user.js", 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n')
        z.writestr("chrome/userChrome.css", FIREFOX_CHROME_CSS)
    return base64.b64encode(data.getvalue()).decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriverError(Exception):
    pass


class Driver:
    """One WebDriver server (chromedriver by default; geckodriver for engine="firefox",
    WebKitWebDriver under xvfb-run for engine="webkit"); sessions are opened from it. geckodriver
    and WebKitWebDriver hold one session at a time (a share link is opened on "another device"
    while the first is alive), and WebKitWebDriver at times hangs opening a session after one
    has ended: there each session gets a server of its own, stopped with it, and a server that
    does not open its session within a minute is replaced once."""

    def __init__(self, chromedriver=None, engine="chromium"):
        assert engine in ENGINES, engine
        self.engine = engine
        self.server = chromedriver or SERVERS[engine]
        self.port = free_port()
        command = [self.server, f"--port={self.port}"]
        if engine == "firefox":
            command.append(f"--websocket-port={free_port()}")  # not 9222 for every server
        if engine == "webkit":
            command = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", *command]
        # A process group of its own: quit() stops the server and whatever it started (Xvfb, browsers).
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                self.call("GET", "/status")
                return
            except (OSError, WebDriverError):
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.quit()
        raise WebDriverError(f"{os.path.basename(self.server)} did not start")

    def call(self, method, path, body=None, timeout=120):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            detail = json.loads(error.read() or b"{}").get("value", {})
            raise WebDriverError(f"{method} {path}: {detail.get('error')}: {detail.get('message', '')[:300]}")

    def capabilities(self, width, height, user_agent=None, extra_args=(), profile=None):
        """The new session's capabilities for this engine; `extra_args` go to the browser."""
        if self.engine == "firefox":
            prefs = {"general.useragent.override": user_agent} if user_agent else {}
            return {"browserName": "firefox", "moz:firefoxOptions": {
                "binary": FIREFOX, "args": ["-headless", *extra_args], "prefs": prefs,
                "profile": firefox_profile(),
            }}
        if self.engine == "webkit":
            # Full screen: MiniBrowser's toolbar, which keeps the window 447 px wide, goes away.
            args = ["--automation", "--full-screen", *extra_args]
            if user_agent:
                args.append(f"--user-agent={user_agent}")
            return {"browserName": "MiniBrowser", "webkitgtk:browserOptions": {"binary": MINIBROWSER, "args": args}}
        args = [
            *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--force-device-scale-factor=1", *extra_args,
        ]
        if user_agent:
            args.append(f"--user-agent={user_agent}")
        return {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"), "args": args},
        }

    def session(self, width, height, user_agent=None, extra_args=(), profile=None, own_server=True):
        if self.engine != "chromium" and own_server:
            for attempt in (1, 2):
                helper = Driver(engine=self.engine)
                try:
                    session = helper.session(width, height, user_agent, extra_args, profile, own_server=False)
                    session.own_driver = helper
                    return session
                except OSError:  # timed out
                    helper.quit()
                    if attempt == 2:
                        raise
                    print(f"      ({self.engine}: no session within a minute; another server)")
                except Exception:
                    helper.quit()
                    raise
        # A profile made here is the session's own, removed when it quits: each journey opens
        # new sessions, and a profile left behind is a few megabytes of disk a run.
        own_profile = None
        if self.engine == "chromium" and profile is None:
            profile = own_profile = tempfile.mkdtemp(prefix="hukou-e2e-")
        capabilities = self.capabilities(width, height, user_agent, extra_args, profile)
        try:
            value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}},
                              timeout=120 if self.engine == "chromium" else 60)
        except BaseException:
            if own_profile:
                shutil.rmtree(own_profile, ignore_errors=True)
            raise
        session = Session(self, value["sessionId"], width, height)
        session.own_profile = own_profile
        session.capabilities = value.get("capabilities", {})
        return session

    def browser_version(self):
        """The engine's name and version as its WebDriver server reports them (opens a session)."""
        session = self.session(360, 640)
        try:
            value = session.capabilities
            return f"{value.get('browserName')} {value.get('browserVersion')}"
        finally:
            session.quit()

    def quit(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)


class Session:
    def __init__(self, driver, session_id, width, height):
        self.driver, self.id = driver, session_id
        self.own_driver = None
        self.own_profile = None  # a profile directory this session made, removed when it quits
        self.capabilities = {}  # what the server said it opened
        self.set_viewport(width, height)

    def set_viewport(self, width, height):
        """The window sized so the page gets `width` x `height` CSS pixels: Chromium's headless
        window is all page; elsewhere the window's own parts are measured and added."""
        self.call("POST", "/window/rect", {"width": width, "height": height})
        if self.driver.engine == "chromium":
            return
        inner = self.run("return [window.innerWidth, window.innerHeight];")
        if inner != [width, height]:
            self.call("POST", "/window/rect", {"width": 2 * width - inner[0], "height": 2 * height - inner[1]})

    def call(self, method, path, body=None):
        return self.driver.call(method, f"/session/{self.id}{path}", body)

    def get(self, url):
        self.call("POST", "/url", {"url": url})

    def refresh(self):
        self.call("POST", "/refresh", {})

    def run(self, script, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        try:
            found = self.call("POST", "/element", {"using": "css selector", "value": css})
        except WebDriverError:
            return None
        return found[ELEMENT]

    def wait_for(self, css, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            element = self.find(css)
            if element is not None:
                return element
            time.sleep(0.05)
        raise AssertionError(f"nothing matches {css!r} within {timeout}s; the page shows:\n{self.text('body')[:600]}")

    def click(self, css, timeout=10):
        # A screen that replaced another takes taps once it has been there a moment (the app's
        # guard against double taps): its `main` says `data-ready` then, empty or not (the
        # question of whose answers to keep leaves it empty). Pages without the app (the static
        # summary) have no such screen.
        deadline = time.time() + timeout
        while time.time() < deadline and not self.run(
            "const m = document.querySelector('main#main');"
            " return !m || m.hasAttribute('data-ready');"
        ):
            time.sleep(0.05)
        element = self.wait_for(css, timeout)
        if self.driver.engine != "chromium":
            # Firefox and WebKit work out where to click from the layout at once: let the page
            # first do what it does at its next frame (the app moves the focus and scrolls to the
            # top after each answer), else the click can land where the element was.
            self.call("POST", "/execute/async", {"script": (
                "const done = arguments[0]; setTimeout(done, 200);"
                " requestAnimationFrame(() => requestAnimationFrame(() => done()));"
            ), "args": []})
            element = self.wait_for(css, timeout)
        self.run("arguments[0].scrollIntoView({block: 'center'});", {ELEMENT: element})
        self.call("POST", f"/element/{element}/click", {})

    def type(self, css, text):
        element = self.wait_for(css)
        self.call("POST", f"/element/{element}/clear", {})
        self.call("POST", f"/element/{element}/value", {"text": text})

    def text(self, css):
        element = self.wait_for(css)
        return self.call("GET", f"/element/{element}/text")

    def attribute(self, css, name):
        element = self.wait_for(css)
        return self.call("GET", f"/element/{element}/attribute/{name}")

    def screenshot(self, path):
        png = base64.b64decode(self.call("GET", "/screenshot"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)

    def forget_offline_copies(self):
        """Forgets what a visit left for offline use (the service worker, its caches, the HTTP
        cache), keeping storage: the next load is a first visit for someone who came before."""
        self.call("POST", "/execute/async", {"script": """
            const done = arguments[arguments.length - 1];
            Promise.all([
              navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))),
              caches.keys().then((ks) => Promise.all(ks.map((k) => caches.delete(k)))),
            ]).then(() => done(true), (e) => done(String(e)));
        """, "args": []})
        self.call("POST", "/goog/cdp/execute", {"cmd": "Network.clearBrowserCache", "params": {}})

    def quit(self):
        try:
            self.call("DELETE", "")
        except (OSError, WebDriverError):
            pass
        if self.own_driver is not None:
            self.own_driver.quit()
        if self.own_profile:
            shutil.rmtree(self.own_profile, ignore_errors=True)


def run_all(checks):
    """Runs (name, check) pairs, reporting each; returns the exit code.
    Ends with the plain 'N passed, M failed' line test runners are read by."""
    passed, failed = 0, []
    for name, check in checks:
        started = time.time()
        try:
            check()
            passed += 1
            print(f"ok    {name} ({time.time() - started:.1f} s)")
        except Exception:
            failed.append(name)
            print(f"FAIL  {name}\n{traceback.format_exc()}")
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0
