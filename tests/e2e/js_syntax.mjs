// Which engines can parse what the page ships: the main build's scripts as ES2020 modules, the
// WebAssembly-1.0 build's as ES2017 modules (plus import.meta, Chrome 64), the inline loaders
// without top-level await, and embed.js as ES5 (host pages may be old). Uses acorn (tools/).
//     node tests/e2e/js_syntax.mjs DIST_DIR
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const acorn = require("acorn");
const dist = process.argv[2];
let failed = 0;
let passed = 0;

function check(label, source, ecmaVersion, sourceType) {
  try {
    acorn.parse(source.replace(/\bimport\.meta\b/g, "__import_meta__"), { ecmaVersion, sourceType });
    passed++;
    console.log(`ok    ${label} parses as ES${ecmaVersion === 5 ? 5 : ecmaVersion}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${label} is not ES${ecmaVersion}: ${e.message}`);
  }
}

function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

for (const [dir, version] of [[dist, 2020], [path.join(dist, "mvp"), 2017]]) {
  if (!fs.existsSync(dir)) {
    failed++;
    console.log(`FAIL  ${dir} is missing`);
    continue;
  }
  for (const file of fs.readdirSync(dir).filter((f) => /^app-.*\.js$/.test(f))) {
    check(path.join(dir, file), fs.readFileSync(path.join(dir, file), "utf8"), version, "module");
  }
  inlineScripts(fs.readFileSync(path.join(dir, "index.html"), "utf8")).forEach((source, i) =>
    check(`${dir}/index.html inline script ${i + 1}`, source, 2017, i === 0 ? "script" : "module"),
  );
}
check(path.join(dist, "embed.js"), fs.readFileSync(path.join(dist, "embed.js"), "utf8"), 5, "script");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
