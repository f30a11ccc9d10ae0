"""deploy/nginx.conf, run by a real nginx on loopback over a built dist/: the configuration is
valid; every response carries the security headers (HSTS for at least half a year included) and
the page's CSP (nginx drops a server's add_header lines in any location with one of its own); the
build's gzip files are sent as they are, and its brotli files to a browser that asks for brotli;
the page and the service worker are revalidated (304 when unchanged) and the hashed assets cached
for a year; /index.html redirects to /; the CSP file and the .gz and .br files are not served;
plain HTTP redirects to the same address over HTTPS, on the configured name only.

    python3 tests/e2e/nginx.py DIST_DIR
"""

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from journeys import ROOT  # noqa: E402
from webdriver import free_port, run_all  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SECURITY = ("Content-Security-Policy", "Strict-Transport-Security", "Referrer-Policy", "X-Content-Type-Options",
            "Permissions-Policy")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def configure(dist):
    """deploy/nginx.conf for loopback over `dist`, in a fresh work directory: (main config file,
    work directory, port, plain HTTP's port)."""
    work = tempfile.mkdtemp(prefix="hukou-nginx-")
    port, plain = free_port(), free_port()
    site = open(os.path.join(ROOT, "deploy", "nginx.conf"), encoding="utf-8").read()
    assert "listen 443 ssl http2;" in site and "listen 80;" in site, "deploy/nginx.conf: the listen lines moved"
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{plain};")
    site = site.replace("/srv/chenzhou-hukou/dist", dist)
    open(os.path.join(work, "site.conf"), "w", encoding="utf-8").write(site)
    temp_paths = " ".join(f"{kind}_temp_path {work};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = os.path.join(work, "nginx.conf")
    open(conf, "w", encoding="utf-8").write(
        # The brotli_static module, as Debian's package loads it (modules-enabled/).
        "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n"
        # Workers as this user: a checkout in a private directory (mktemp -d) is unreadable to
        # nginx's default worker user (ignored, with a notice, when not run as root).
        f"user {pwd.getpwuid(os.getuid()).pw_name};\n"
        f"worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; {temp_paths} include {work}/site.conf; }}\n"
    )
    return conf, work, port, plain


def start(dist):
    """deploy/nginx.conf in a real nginx on loopback over `dist`: (base URL, config file, stop,
    plain HTTP's base URL)."""
    conf, work, port, plain = configure(dist)
    server = subprocess.Popen([NGINX, "-c", conf, "-g", "daemon off;"], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(base + "/")
            break
        except OSError:
            if server.poll() is not None:
                raise AssertionError(f"nginx did not start: {server.stderr.read().decode()[-500:]}")
            time.sleep(0.05)

    def stop():
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    return base, conf, stop, f"http://127.0.0.1:{plain}"


def main():
    dist = os.path.abspath(sys.argv[1])
    base, conf, stop, plain = start(dist)
    wasm = next(f for f in os.listdir(dist) if re.fullmatch(r"app-[0-9a-f]{1,16}_bg\.wasm", f))
    gzip = {"Accept-Encoding": "gzip"}

    def valid():
        result = subprocess.run([NGINX, "-t", "-c", conf], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr

    def headers_everywhere():
        for path in ("/", "/?embed=1", f"/{wasm}", "/sw.js", "/embed.js", "/index.html", "/nothing-here"):
            status, headers, _ = fetch(base + path, gzip)
            for name in SECURITY:
                assert headers.get(name), f"{path} ({status}) lacks {name}"
            assert "frame-ancestors" in headers["Content-Security-Policy"], path
            hsts = headers["Strict-Transport-Security"]
            age = re.fullmatch(r"max-age=(\d+)(; includeSubDomains)?", hsts)
            assert age and int(age.group(1)) >= 180 * 86400, f"{path}: HSTS {hsts!r}, want at least half a year"

    def gzip_files_as_served():
        for path in ("index.html", wasm, "sw.js"):
            status, headers, body = fetch(f"{base}/{'' if path == 'index.html' else path}", gzip)
            assert status == 200 and headers.get("Content-Encoding") == "gzip", path
            assert body == open(os.path.join(dist, path + ".gz"), "rb").read(), f"{path}: not the build's .gz"
        _, headers, _ = fetch(f"{base}/{wasm}", gzip)
        assert headers["Content-Type"] == "application/wasm"

    def brotli_files_as_served():
        both = {"Accept-Encoding": "gzip, deflate, br"}
        for path in ("index.html", wasm, "sw.js", "en.json"):
            status, headers, body = fetch(f"{base}/{'' if path == 'index.html' else path}", both)
            assert status == 200 and headers.get("Content-Encoding") == "br", f"{path}: {headers.get('Content-Encoding')}"
            assert body == open(os.path.join(dist, path + ".br"), "rb").read(), f"{path}: not the build's .br"
            assert "Accept-Encoding" in headers.get("Vary", ""), f"{path}: no Vary: Accept-Encoding"

    def caching():
        status, headers, _ = fetch(base + "/", gzip)
        assert headers["Cache-Control"] == "no-cache"
        again, _, _ = fetch(base + "/", {**gzip, "If-None-Match": headers["ETag"]})
        assert again == 304, f"an unchanged page should cost a 304, got {again}"
        assert fetch(base + "/sw.js")[1]["Cache-Control"] == "no-cache"
        assert "immutable" in fetch(f"{base}/{wasm}")[1]["Cache-Control"]
        assert fetch(base + "/embed.js")[1]["Cache-Control"] == "public, max-age=300"

    def redirects_and_hidden_files():
        status, headers, _ = fetch(base + "/index.html")
        assert status == 301 and headers["Location"].endswith("/"), status
        assert fetch(base + "/csp.nginx.conf")[0] == 404
        assert fetch(f"{base}/{wasm}.gz")[0] == 404
        assert fetch(f"{base}/{wasm}.br")[0] == 404

    def plain_http_goes_to_https():
        for path in ("/", "/mvp/?x=1", "/embed.js"):
            status, headers, _ = fetch(plain + path, {"Host": "evil.example"})
            assert status == 301, f"{path} over HTTP: {status}"
            assert headers["Location"] == "https://hukou.example.gov.cn" + path, headers["Location"]

    try:
        code = run_all([
            ("the configuration is valid", valid),
            ("every response carries the CSP and the security headers", headers_everywhere),
            ("the build's gzip files are sent as they are", gzip_files_as_served),
            ("the build's brotli files go to browsers that ask for brotli", brotli_files_as_served),
            ("the page is revalidated (304), hashed assets kept a year", caching),
            ("/index.html redirects to /; the CSP and .gz files are not served", redirects_and_hidden_files),
            ("plain HTTP goes to the same address over HTTPS, on the site's own name", plain_http_goes_to_https),
        ])
    finally:
        stop()
    sys.exit(code)


if __name__ == "__main__":
    main()
