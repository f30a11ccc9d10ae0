"""Finishes a built page (see scripts/post-build): static summary, smaller glue, CSP, service
worker."""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

import integrity

staging = sys.argv[1]
index_path = os.path.join(staging, "index.html")
html = open(index_path, encoding="utf-8").read()
tools = os.path.join(os.path.dirname(__file__), "..", "tools", "node_modules")

# 0. wasm-bindgen's glue, minified (terser, pinned in tools/): a fifth of its gzipped size. The
#    wasm imports the glue's functions by property names, which terser leaves alone; the
#    preload's integrity is then made to match. Its functions that use neither `this` nor
#    `arguments` become arrows (the glue is ES2015 already, the WebAssembly-1.0 build's too).
for name in os.listdir(staging):
    if re.fullmatch(r"app-[0-9a-f]+\.js", name):
        path = os.path.join(staging, name)
        subprocess.run(
            ["node", os.path.join(tools, "terser", "bin", "terser"), path, "--module", "--ecma", "2015",
             "--compress", "ecma=2015,unsafe_arrows=true", "--mangle", "--output", path],
            check=True,
        )
        html = integrity.refresh(html, path)

compat = os.environ.get("HUKOU_COMPAT_PAGE") == "1"
release = os.environ.get("TRUNK_PROFILE") == "release"

# 0a. The share link's QR code, drawn only on wide screens: qr.js (qrcode-generator from tools/
#     and its wrapper, minified), which the page loads when first wanted, not on a first visit.
qr_path = os.path.join(staging, "qr.js")
with open(qr_path, "w", encoding="utf-8") as qr:
    for part in (os.path.join(tools, "qrcode-generator", "dist", "qrcode.js"),
                 os.path.join(os.path.dirname(__file__), "..", "static", "qr.wrapper.js")):
        qr.write(open(part, encoding="utf-8").read() + "\n")
subprocess.run(
    ["node", os.path.join(tools, "terser", "bin", "terser"), qr_path, "--compress", "--mangle",
     "--output", qr_path],
    check=True,
)


def named_after_bytes(html, stem, suffixes):
    """Renames the files `stem + suffix` after their final bytes (`app-` and 16 hex digits of
    their SHA-256), so that a browser that cached other bytes under the old name never checks
    them against this page's integrity; the page links the new names, with new integrity."""
    digest = hashlib.sha256()
    for suffix in suffixes:
        digest.update(open(os.path.join(staging, stem + suffix), "rb").read())
    renamed = "app-" + digest.hexdigest()[:16]
    for suffix in suffixes:
        assert "./" + stem + suffix in html, f"the page does not link {stem + suffix}"
        os.rename(os.path.join(staging, stem + suffix), os.path.join(staging, renamed + suffix))
        html = html.replace("./" + stem + suffix, "./" + renamed + suffix)
        html = integrity.refresh(html, os.path.join(staging, renamed + suffix))
    return html


# 0b. The page's wasm, after Trunk's `wasm-opt -Oz`, through binaryen again with what it cannot
#     assume by itself (docs/size-and-speed.md has the figures): the memory starts
#     zeroed (the module defines its own), nothing lives below address 1024 (Rust puts its stack
#     first, from 1 MiB down, and its data above), control flow rebuilt (flatten, rereloop) and
#     shrunk twice more, then functions that differ only by constants merged (Yew's code for
#     each component is much alike) and control flow rebuilt and shrunk again, and no producers
#     section. The names the wasm and its glue call each
#     other by (wasm-bindgen's, up to 200 characters each, written in both files) are made one
#     or two letters long, and the glue is rewritten to match. Then the glue and the wasm are
#     named after their final bytes, so a browser that cached the files of a build with the
#     same Rust code but other settings never checks them against this page's integrity. (The
#     MVP build, scripts/build-mvp, runs its own wasm-opt afterwards.)
if not compat and release:
    [stem] = {m.group(1) for m in map(re.compile(r"(app-[0-9a-f]+)_bg\.wasm").fullmatch,
                                      os.listdir(staging)) if m}
    wasm, glue = (os.path.join(staging, stem + suffix) for suffix in ("_bg.wasm", ".js"))
    printed = subprocess.run(
        [os.path.join(tools, ".bin", "wasm-opt"), wasm, "--low-memory-unused",
         "--zero-filled-memory", "--strip-producers", "-Oz", "--flatten", "--rereloop", "-Oz",
         "-Oz", "--merge-similar-functions", "--flatten", "--rereloop", "-Oz", "-Oz",
         "--minify-imports-and-exports-and-modules", "-o", wasm],
        check=True, capture_output=True, text=True,
    ).stdout
    names = json.loads(printed[printed.index("{"):])
    # -Oz once more on the file just written, read back: 139 bytes fewer gzipped, which the same
    # pass added to the run above does not find (40), nor with the memory assumptions (-14).
    subprocess.run(
        [os.path.join(tools, ".bin", "wasm-opt"), wasm, "-Oz", "-o", wasm],
        check=True,
    )
    js = open(glue, encoding="utf-8").read()
    # Every import is one key of the glue's imports object, and every module is renamed "a".
    for module, old, new in names["imports"]:
        js, count = re.subn(r"(?<![\w$])" + re.escape(old) + r"(?![\w$])", new, js)
        assert count == 1, f"the glue should name the import {old} once, not {count} times"
    for module in {module for module, _, _ in names["imports"]}:
        js, count = re.subn(re.escape(json.dumps(module)) + ":", '"a":', js)
        assert count == 1, f"the glue should name the module {module} once, not {count} times"
    # Exports are read as properties of the instance's exports (some, like `main`, never are).
    for old, new in names["exports"]:
        js = re.sub(r"\." + re.escape(old) + r"(?![\w$])", "." + new, js)
    assert "__wbindgen_malloc" not in js and "__wbg_" not in js, "a long name is left in the glue"
    open(glue, "w", encoding="utf-8").write(js)
    html = named_after_bytes(html, stem, ("_bg.wasm", ".js"))

# 0c. The stylesheet without its comments and the spaces nothing reads (around braces,
#     semicolons and commas, after a colon; runs of blanks as one), named after its new bytes as
#     the wasm is.
#     app.css has no strings holding those characters, which this would change. (A colon
#     written after a space, as in `.a :hover`, keeps that space.)
if release:
    [css_name] = [name for name in os.listdir(staging) if re.fullmatch(r"app-[0-9a-f]+\.css", name)]
    css_path = os.path.join(staging, css_name)
    css = open(css_path, encoding="utf-8").read()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r" ?([{};,]) ?", r"\1", css).replace(";}", "}").replace(": ", ":").strip()
    open(css_path, "w", encoding="utf-8").write(css)
    assert html.count(f'href="./{css_name}"') == 1, "the page should link its stylesheet once"
    html = named_after_bytes(html, css_name[: -len(".css")], (".css",))

# 1. The start screen and the static summary replace their placeholders. (Large text for the
#    start screen is marked on <html> by index.html's first script, in the head: a script after
#    the start screen was measured running after its first paint, and moved everything.)
placeholder = '<div id="static-summary"></div>'
assert placeholder in html, "index.html needs the static-summary placeholder"
html = html.replace(placeholder, os.environ["SUMMARY"])
placeholder = '<div id="first-screen"></div>'
assert placeholder in html, "index.html needs the first-screen placeholder"
html = html.replace(placeholder, os.environ["FIRST_SCREEN"])

# 1b. Trunk's loader awaits at the top level of a module (Chrome 89+); the same steps as a
#     promise let older engines run the page too. A changed loader fails the build, to be looked at.
loader = re.compile(
    r"const wasm = await init\((\{[^}]*\})\);\s*window\.wasmBindings = bindings;\s*"
    r'dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);',
    re.S,
)
#     The WebAssembly is fetched once the page's own start screen has been drawn (its largest
#     part painted, where the engine says so; else the next frame; at most 500 ms on, as a hidden
#     frame draws nothing), not preloaded with the page: that screen is already usable, and the
#     first paint is not made to wait on the largest file.
#     Trunk's `window.wasmBindings` and its start event are left out: nothing reads them (a page
#     that scripts the calculator waits for `hukou:ready`, src/api.rs).
html, count = loader.subn(
    lambda m: "var started = false, start = function () { if (started) return; started = true;\n"
    + "init(" + m.group(1) + "); };\n"
    + 'var P = window.PerformanceObserver;\n'
    + 'if (P && (P.supportedEntryTypes || []).indexOf("largest-contentful-paint") >= 0)'
    + ' new P(function () { setTimeout(start); }).observe({type: "largest-contentful-paint", buffered: true});\n'
    + "else requestAnimationFrame(function () { setTimeout(start); });\nsetTimeout(start, 500);",
    html,
)
html, imports = re.subn(r"import init, \* as bindings from", "import init from", html)
assert imports == 1, "Trunk's loader imports differently: update scripts/finish_page.py"
assert count == 1, "Trunk's loader script has changed: update scripts/finish_page.py"
html, count = re.subn(r'<link rel="preload" href="\./[\w-]+_bg\.wasm"[^>]*>', "", html)
assert count == 1, "Trunk no longer preloads the wasm: update scripts/finish_page.py"

# 1c. WebAssembly under the CSP. The policy allows it by 'wasm-unsafe-eval', which engines before
#     Safari 16 and Chrome 97 do not know: under a policy without 'unsafe-eval' they refuse
#     WebAssembly (Chrome refuses to compile; WebKit compiles, then refuses to instantiate).
#     index.html's check, which sends engines without reference types to the WebAssembly-1.0
#     build's page (mvp/), also instantiates the smallest module there is (the first 8 bytes of
#     its test module), which throws only where that is refused, and sends those engines there
#     too. That page's policy adds 'unsafe-eval' (HUKOU_COMPAT_PAGE, set by scripts/build-mvp),
#     and the check does not run there, so nobody is sent on. Where WebAssembly is missing,
#     nothing happens and the static summary stays.
check = "if (!WebAssembly.validate(refTypes)) location.replace("
assert html.count(check) == 1, "index.html's engine check has changed: update scripts/finish_page.py"
html = html.replace(check, (
    "if (!WebAssembly.validate(refTypes)"
    " || !function (m) { try { return new WebAssembly.Instance(new WebAssembly.Module(m)); } catch (e) {} }(refTypes.subarray(0, 8)))"
    " location.replace("
))

# 1e. Inline scripts minified like the glue (terser; index.html keeps them readable), and the
#     indentation between tags dropped: every first visit downloads the page.
def terse(match):
    module = ["--module"] if 'type="module"' in match.group(1) else []
    body = subprocess.run(
        ["node", os.path.join(tools, "terser", "bin", "terser"), "--compress", "--mangle", *module],
        input=match.group(2), capture_output=True, text=True, check=True,
    ).stdout.strip()
    return match.group(1) + body + match.group(3)


html = re.sub(r"(<script(?![^>]*\bsrc=)[^>]*>)(.*?)(</script>)", terse, html, flags=re.S)
html = re.sub(r"\n\s+", "\n", html)

# 2. The CSP: only this origin, and each inline script by its hash.
hashes = [
    "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
    for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
]
policy = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' " + ("'unsafe-eval' " if compat else "") + " ".join(hashes),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])
csp = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
# Before every script, so index.html's check runs under the policy.
html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + csp, 1)
open(index_path, "w", encoding="utf-8").write(html)
# The same policy for a server to send as a header (deploy/nginx.conf includes this file; the
# WebAssembly-1.0 build's in its location mvp/).
with open(os.path.join(staging, "csp.nginx.conf"), "w", encoding="utf-8") as f:
    f.write(f'# Generated with this build: the page\'s Content-Security-Policy, for deploy/nginx.conf.\nset $hukou_csp "{policy}";\n')

# 3. The service worker precaches the files the calculator itself loads (not embed.js, which host
#    pages load, nor share.png, which only link previews fetch: a first visit should not download
#    them); its name changes with them.
files = sorted(
    f for f in os.listdir(staging)
    if f not in ("sw.js", "csp.nginx.conf", "embed.js", "share.png") and os.path.isfile(os.path.join(staging, f))
)
# Named by what it holds: a file whose name carries no hash of its own (en.json) changes it too.
digest = hashlib.sha256("\n".join(files).encode() + html.encode())
for f in files:
    digest.update(open(os.path.join(staging, f), "rb").read())
version = digest.hexdigest()[:16]
template = open(os.path.join(os.path.dirname(__file__), "..", "static", "sw.template.js"), encoding="utf-8").read()
[wasm_name] = [f for f in files if f.endswith("_bg.wasm")]
sw = template.replace("%VERSION%", version).replace("%BUILD%", "mvp" if compat else "main").replace(
    "%WASM%", wasm_name).replace(
    "%FILES%", json.dumps(["./"] + ["./" + f for f in files if f != "index.html"])
)
sw_path = os.path.join(staging, "sw.js")
open(sw_path, "w", encoding="utf-8").write(sw)
# Minified like the glue (terser): every first visit downloads it.
subprocess.run(
    ["node", os.path.join(tools, "terser", "bin", "terser"), sw_path, "--compress", "--mangle", "--toplevel",
     "--output", sw_path],
    check=True,
)
