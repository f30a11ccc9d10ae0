"""A small WebDriver client (W3C protocol over HTTP, standard library only) for chromedriver."""

import base64
import json
import traceback
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
# Headless Chromium for tests: no background traffic, no first-run screens.
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriverError(Exception):
    pass


class Driver:
    """One chromedriver process; sessions are opened from it."""

    def __init__(self, chromedriver="chromedriver"):
        self.port = free_port()
        self.process = subprocess.Popen(
            [chromedriver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                self.call("GET", "/status")
                return
            except (OSError, WebDriverError):
                time.sleep(0.1)
        raise WebDriverError("chromedriver did not start")

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            detail = json.loads(error.read() or b"{}").get("value", {})
            raise WebDriverError(f"{method} {path}: {detail.get('error')}: {detail.get('message', '')[:300]}")

    def session(self, width, height, user_agent=None, extra_args=(), profile=None):
        profile = profile or tempfile.mkdtemp(prefix="hukou-e2e-")
        args = [
            *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--force-device-scale-factor=1", *extra_args,
        ]
        if user_agent:
            args.append(f"--user-agent={user_agent}")
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"), "args": args},
        }}}
        value = self.call("POST", "/session", capabilities)
        return Session(self, value["sessionId"], width, height)

    def quit(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Session:
    def __init__(self, driver, session_id, width, height):
        self.driver, self.id = driver, session_id
        self.call("POST", "/window/rect", {"width": width, "height": height})

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

    def quit(self):
        try:
            self.call("DELETE", "")
        except WebDriverError:
            pass


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
