// One real old Chromium, driven through the DevTools protocol by the puppeteer of its time
// (tests/e2e/old_engines.py starts it, serves the build through deploy/nginx.conf and says what to
// expect). A subset of the journeys, as a person on an old phone takes it: the page moves to the
// WebAssembly-1.0 build, the start screen, a choice, a date, the family, the results with a
// citation, a share link in a fresh tab; then `hukou.evaluate` against the command line.
// Every screen is read for characters that are not text (NUL, replacement characters).
//
//     node tests/e2e/old_engines.cjs CONFIG.json

"use strict";
const fs = require("fs");
const path = require("path");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const puppeteer = require(config.driver);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function check(ok, what) {
  if (!ok) throw new Error(`Chromium ${config.major}: ${what}`);
}

async function waitFor(page, test, what, ms = 20000, ...args) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await page.evaluate(test, ...args).catch(() => null);
    if (value) return value;
    check(Date.now() < deadline, `waited in vain for ${what}`);
    await sleep(50);
  }
}

// Objects compared whatever the order of their keys.
const canon = (v) => Array.isArray(v) ? v.map(canon)
  : v && typeof v === "object" ? Object.keys(v).sort().reduce((o, k) => { o[k] = canon(v[k]); return o; }, {}) : v;

// The text on screen holds only text: no NUL or other control characters, no U+FFFD.
async function readable(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  const bad = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/);
  check(!bad, `${where}: the screen shows ${JSON.stringify(bad && bad[0])} in ${JSON.stringify(text.slice(0, 200))}`);
  return text;
}

const field = (page) =>
  page.evaluate(() => {
    const q = document.querySelector("section.question");
    return q ? q.dataset.field : null;
  });

async function click(page, selector) {
  await waitFor(page, (s) => !!document.querySelector(s), selector, 10000, selector);
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: "center" }), selector);
  await page.click(selector);
}

// A date, whatever the question's inputs are: a date input takes it at once; year, month and
// day parts are set one by one, each with the events a person's choice sends.
async function enterDate(page, iso) {
  await page.evaluate((iso) => {
    const question = document.querySelector("section.question");
    const fire = (e) => ["input", "change"].forEach((t) => e.dispatchEvent(new Event(t, { bubbles: true })));
    const date = question.querySelector("input[type=date]");
    if (date) {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(date, iso);
      return fire(date);
    }
    const [y, m, d] = iso.split("-").map(Number);
    const fields = [...question.querySelectorAll("select, input")].filter(
      (e) => !["hidden", "submit", "button", "checkbox", "radio"].includes(e.type));
    fields.forEach((e, i) => {
      const want = String([y, m, d][i]);
      const proto = e.tagName === "SELECT" ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      const option = e.tagName === "SELECT" && [...e.options].find((o) => o.value !== "" && Number(o.value) === Number(want));
      Object.getOwnPropertyDescriptor(proto, "value").set.call(e, option ? option.value : want);
      fire(e);
    });
  }, iso);
  await click(page, "section.question [data-action=ok]");
}

async function act(page, action) {
  const [kind, value] = action;
  if (kind === "choice") await click(page, `section.question button.choice[data-value='"${value}"']`);
  else if (kind === "yes" || kind === "no") await click(page, `section.question button.choice[data-value='${kind === "yes"}']`);
  else if (kind === "none_of") await click(page, "section.question button.choice[data-value='[]']");
  else if (kind === "date") await enterDate(page, value);
  else if (kind === "type") {
    await page.evaluate(() => { document.querySelector("#answer-input").value = ""; });
    await page.type("#answer-input", value);
    await click(page, "[data-action=ok]");
  } else if (kind === "family") {
    for (const relation of value) {
      const before = await page.evaluate(() => document.querySelectorAll("ul.members > li").length);
      await click(page, `[data-add=${relation}]`);
      await waitFor(page, (n) => document.querySelectorAll("ul.members > li").length > n, `relative ${relation}`, 10000, before);
    }
    await readable(page, "the family editor");
    await shot(page, "family");
    await click(page, "[data-action=family-done]");
  } else if (kind === "skip") await click(page, "[data-action=skip]");
  else throw new Error(`unknown action ${kind}`);
}

let shots = 0;
async function shot(page, name) {
  shots += 1;
  const file = path.join(config.shots, `chromium-${config.major}-${String(shots).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
}

// Answers whatever is asked from the script (unscripted: "not sure"; the family: nobody), each
// answer taken: the next question, or the results.
async function answer(page, script) {
  for (let i = 0; i < 40; i += 1) {
    await sleep(450); // a screen ignores taps for its first 400 ms (one tap, one answer)
    const now = await field(page);
    if (now === null) return;
    await readable(page, `the question ${now}`);
    const action = script[now] || (now === "family" ? ["family", []] : ["skip"]);
    await act(page, action);
    await waitFor(page, (f) => {
      const q = document.querySelector("section.question");
      const error = document.querySelector("section.question .error");
      if (error) return `refused: ${error.textContent}`;
      return !q || q.dataset.field !== f;
    }, `an answer to ${now}`, 10000, now).then((r) => check(r === true, `${now} ${r}`));
  }
  throw new Error("more than 40 questions");
}

async function expectPath(page, id, status, clause) {
  const shown = await page.evaluate((id) => {
    const card = document.querySelector(`#path-${id}`);
    const cited = card && card.querySelector("details.clause > summary");
    return card && [card.querySelector(".status").textContent, cited ? cited.textContent : ""];
  }, id);
  check(shown, `no card for ${id}`);
  check(shown[0].includes(status), `${id} shows ${shown[0]}, not ${status}`);
  check(shown[1].includes(clause), `${id} cites ${shown[1]}, not ${clause}`);
}

async function fresh(browser) {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 640 });
  page.on("pageerror", (e) => { throw new Error(`Chromium ${config.major}: the page threw ${e.message}`); });
  return page;
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: config.chromium,
    args: ["--no-sandbox", "--single-process", "--no-zygote", "--headless", "--disable-gpu", "--lang=zh-CN"],
    env: Object.assign({}, process.env, config.env || {}),
  });
  try {
    const page = await fresh(browser);
    await page.goto(config.base + "/", { waitUntil: "load", timeout: 60000 });
    // Engines without what the main build needs move to the WebAssembly-1.0 build.
    await waitFor(page, () => location.pathname.endsWith("/mvp/") && !!document.querySelector("[data-action=begin]"),
      "the WebAssembly-1.0 build's start screen");
    const start = await readable(page, "the start screen");
    check(start.includes(config.texts.title), "the start screen has no title");
    await shot(page, "start");

    await sleep(450);
    await click(page, "[data-action=begin]");
    await waitFor(page, () => !!document.querySelector("section.question"), "the first question");
    await shot(page, "first-question");
    await answer(page, config.script);
    if (!(await page.evaluate(() => !!document.querySelector("section.results")))) {
      await click(page, "[data-action=results]");
    }
    await waitFor(page, () => !!document.querySelector("section.results"), "the results");
    await readable(page, "the results");
    for (const [id, status, clause] of config.paths) await expectPath(page, id, status, clause);
    // A citation opened: the clause's own words, fetched with the texts.
    await page.evaluate((id) => { document.querySelector(`#path-${id} details.clause`).open = true; }, config.paths[0][0]);
    await waitFor(page, (id) => {
      const clause = document.querySelector(`#path-${id} details.clause`);
      return clause.innerText.length > clause.querySelector("summary").innerText.length + 40;
    }, "the clause's words", 10000, config.paths[0][0]);
    await shot(page, "results");

    // The share link, in a tab of its own with nothing saved: the same results.
    const link = await page.evaluate(() => document.querySelector("[data-share=link]").href);
    check(link.includes("#a="), `share link ${link}`);
    await page.evaluate(() => localStorage.clear());
    const other = await fresh(browser);
    await other.goto(link, { waitUntil: "load", timeout: 60000 });
    await waitFor(other, () => !!document.querySelector("section.results"), "the shared results");
    await readable(other, "the shared results");
    for (const [id, status, clause] of config.paths) await expectPath(other, id, status, clause);
    await shot(other, "shared");

    // The engine in the page answers as the command line does.
    let compared = 0;
    for (const c of config.cases) {
      const got = await other.evaluate((text) => {
        try { return { ok: window.hukou.evaluate(JSON.parse(text)) }; } catch (e) { return { error: String(e.message) }; }
      }, c.input);
      if ("ok" in c) check(JSON.stringify(canon(got.ok)) === JSON.stringify(canon(c.ok)), `${c.name}: API and command line differ (${got.error || ""})`);
      else check(got.error === c.error, `${c.name}: API error ${got.error}, command line ${c.error}`);
      compared += 1;
    }
    console.log(`      Chromium ${config.major}: ${await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)[0])}` +
      `, ${shots} screens, hukou.evaluate matched the command line on ${compared} scenarios`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(String(e.stack || e));
  process.exit(1);
});
