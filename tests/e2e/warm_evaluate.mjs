// hukou.evaluate once the page is warm: the side-by-side's situations (../shared/bench/publicodes,
// its side_by_side.mjs, whose pools() this reads), seven loops of 2,000 calls at 1x CPU, the
// fastest loop's time per call. Nothing is asserted: speed is measured, not tested.
//     node tests/e2e/warm_evaluate.mjs APP_URL [PUBLICODES_DIR]   -> one JSON line (µs)
import fs from 'fs';
import path from 'path';
const [appUrl, peerArg] = process.argv.slice(2);
const peer = path.resolve(peerArg || '../shared/bench/publicodes');
const { chromium } = await import(path.join(peer, 'node_modules/playwright-core/index.mjs'));
const src = fs.readFileSync(path.join(peer, 'side_by_side.mjs'), 'utf8');
const pools = src.slice(src.indexOf('function pools()'), src.indexOf('async function ours'))
  .replace(/^function pools\(\)/, 'function ()');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext()).newPage();
await page.goto(appUrl, { waitUntil: 'load' });
// Polled by evaluate, not waitForFunction, whose repeated checks a page's CSP can refuse as eval.
for (let tries = 0; !(await page.evaluate(() => typeof window.hukou?.evaluate === 'function')); tries++) {
  if (tries > 300) throw new Error('hukou.evaluate never appeared');
  await page.waitForTimeout(100);
}
const best = await page.evaluate(([n, src]) => {
  const { full, partial } = (0, eval)('(' + src + ')')();
  const loop = (pool) => {
    let sink = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += hukou.evaluate(pool[i % 64]).paths.length;
    return ((performance.now() - t0) * 1000) / n;
  };
  const fastest = (pool) => Math.min(...Array.from({ length: 7 }, () => loop(pool)));
  return { full: +fastest(full).toFixed(1), partial: +fastest(partial).toFixed(1) };
}, [2000, pools]);
await browser.close();
console.log(JSON.stringify(best));
