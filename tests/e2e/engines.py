"""The calculator in every engine a citizen's phone may have: Chromium (Blink: Android, WeChat's
XWEB), Firefox (Gecko) and WebKit (iOS' engine; WebKitGTK's MiniBrowser under Xvfb), each driven
through its own WebDriver server (chromedriver, geckodriver, WebKitWebDriver) at 360 x 640.

In each engine, a faithful subset of tests/e2e/journeys.py, the same journey functions, with
axe-core auditing every screen: every kind of screen (start; a choice, yes/no, number, date and
several-choice question; the family editor; the place picker; the results with their citations;
a share link opened in a fresh session), in Chinese, in English and in large-text mode; then
`hukou.evaluate` against the command line on every scenario; then the page under a policy
without 'wasm-unsafe-eval', as an engine that predates that keyword reads it (Safari before 16,
Chrome before 97): a copy of the build served by deploy/nginx.conf in a real nginx, with the
keyword taken out of every page's <meta> policy and of the headers. Such an engine refuses to
compile WebAssembly on the main page; it must move to the WebAssembly-1.0 build's page, whose
policy adds 'unsafe-eval', and the calculator must start there, answer and evaluate.

Dates are entered whatever the question's inputs are: a date input gets its value and input /
change events (typing into one depends on the engine and the locale), year / month / day fields
are filled one by one. Screenshots go to target/e2e/ENGINE/.

    python3 tests/e2e/engines.py DIST_DIR HUKOU_BINARY [ENGINE ...]   (default: chromium firefox webkit)
"""

import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import journeys  # noqa: E402
from journeys import (  # noqa: E402
    BASE_SCRIPT, ROOT, Person, journey_already_registered, journey_central_urban_worker,
    journey_renter_with_family, journey_unregistered_newborn, journey_unsure_place_picker, serve,
)
import nginx  # noqa: E402
from reach import check_api_matches_cli  # noqa: E402
from webdriver import ENGINES, Driver, run_all  # noqa: E402

RULES_DIR = os.path.join(ROOT, "crates", "engine", "src")
# The policy's rules: its file and the files of its parts (paths, notices).
RULES = "".join(
    open(os.path.join(RULES_DIR, name), encoding="utf-8").read()
    for name in ("chenzhou_2016.rs", "chenzhou_2016/paths.rs", "chenzhou_2016/notices.rs")
)
ENGLISH = open(os.path.join(RULES_DIR, "chenzhou_2016", "english.rs"), encoding="utf-8").read()


def rule_text(kind, rule_id, field):
    """A field of a clause or notice in the rules (crates/engine/src/chenzhou_2016*), its own
    words (a title is written `own!("key", "words")`)."""
    match = re.search(kind + r' \{ id: "' + re.escape(rule_id) + r'",[^\n]*?\b' + field
                      + r': (?:words!\(|own!\("[^"]*", )?"([^"]*)"', RULES)
    assert match, f"no {kind} {rule_id} with a {field} in the rules"
    return match.group(1)


def rule_title(kind, rule_id, lang):
    """A rule's title as the page shows it in `lang`: the rules' own (Chinese), or the policy's
    translation keyed by it (crates/engine/src/chenzhou_2016/english.rs)."""
    own = rule_text(kind, rule_id, "title")
    if lang == "zh":
        return own
    match = re.search(r'\(' + re.escape(json.dumps(own, ensure_ascii=False)) + r', ("(?:[^"\\]|\\.)*")\)', ENGLISH)
    assert match, f"no English for {own!r}"
    return json.loads(match.group(1))


class EnginePerson(Person):
    """A person of journeys.py, in any engine, who can choose several groups on a several-choice
    question."""

    def act(self, action):
        kind = action[0]
        if kind == "several":
            for word in action[1]:
                self.session.click(f"section.question button.choice[data-value='{word}']")
                self.session.wait_for(f"section.question button.choice[data-value='{word}'][aria-pressed=true]")
            return self.session.click("section.question [data-action=ok]")
        return super().act(action)


def journey_priority_groups(p):
    """A renter moving to a county seat who is a graduate and a skilled worker: not asked about the
    groups on the way, the results offer the question; two groups chosen on one screen; the
    results name the group the city wants to help settle, and opening its citation shows the
    words of clause 4.1."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
        "priority_groups": ("several", ["graduate", "skilled_worker"]),
        "family": ("family", []),
    })
    p.answer_through(script)
    assert "priority_groups" not in p.asked, f"{p.name}: asked about the groups on the way"
    p.session.click("[data-action=now-and-then]")
    p.answer(script)
    assert "priority_groups" in p.asked, f"{p.name}: the offer did not ask about the groups"
    p.show_results()
    p.expect_path("town_settlement", "eligible", "3.2")
    title = rule_title("NoticeRule", "priority_group", p.profile["lang"])
    notice = p.session.run(
        "return [...document.querySelectorAll('ul.notices > li')].findIndex(li => li.textContent.includes(arguments[0]));",
        title,
    )
    assert notice >= 0, f"{p.name}: no notice {title!r}"
    citation = f"ul.notices > li:nth-child({notice + 1}) details.clause"
    words = rule_text("Clause", "4.1", "text")
    quote = f"{citation} blockquote"
    # The words are shown only once the citation is tapped. (innerText is the text as rendered;
    # WebKitWebDriver's element text also gives a closed <details>' content.)
    shown = f"return document.querySelector('{quote}').innerText;"
    assert words not in p.session.run(shown), f"{p.name}: clause 4.1's words show before the citation is opened"
    p.unfold("ul.notices")
    p.session.click(f"{citation} > summary")
    assert p.session.run(f"return document.querySelector('{citation}').open;"), f"{p.name}: the citation did not open"
    assert words in p.session.run(shown), f"{p.name}: the citation does not show clause 4.1's words"
    p.shot("citation-opened")


# (journey, profile): each kind of screen at least once, in Chinese, English and large text.
SUBSET = [
    (journey_central_urban_worker, "wechat-360"),  # choice, yes/no, number; reload, Back; a bad link
    (journey_renter_with_family, "english"),  # family editor, change an answer, share link
    (journey_already_registered, "elderly"),  # a date question (year, month, day), large text
    (journey_unsure_place_picker, "elderly"),  # place picker, large text
    (journey_priority_groups, "wechat-360"),  # several-choice; a citation opened
    (journey_unregistered_newborn, "wechat-360"),  # folded parts of the results, opened by a tap
]


def start_nginx(dist):
    """deploy/nginx.conf in a real nginx on loopback over `dist`, as tests/e2e/nginx.py runs it;
    returns (base URL, stop)."""
    base, _conf, stop, _plain = nginx.start(dist)
    return base + "/", stop


def without_wasm_unsafe_eval(dist):
    """A copy of `dist` whose policies, in every page's <meta> and in the files nginx sends as
    headers, lack 'wasm-unsafe-eval': what an engine that does not know the keyword reads."""
    copy = os.path.join(tempfile.mkdtemp(prefix="hukou-old-csp-"), "dist")
    shutil.copytree(dist, copy)
    changed = 0
    for directory in (copy, os.path.join(copy, "mvp")):
        for name in ("index.html", "csp.nginx.conf"):
            path = os.path.join(directory, name)
            text = open(path, encoding="utf-8").read()
            assert "'wasm-unsafe-eval' " in text, f"{path}: no 'wasm-unsafe-eval'"
            open(path, "w", encoding="utf-8").write(text.replace("'wasm-unsafe-eval' ", ""))
            changed += 1
            for compressed in (path + ".gz", path + ".br"):
                if os.path.exists(compressed):
                    os.remove(compressed)  # nginx compresses the changed page itself
    assert changed == 4
    return copy


def check_policy_fallback(driver, dist):
    copy = without_wasm_unsafe_eval(dist)
    base, stop = start_nginx(copy)
    session = driver.session(360, 640)

    def moves_to_mvp():
        deadline = time.time() + 20
        while session.run("return location.pathname;") != "/mvp/":
            assert time.time() < deadline, "the page did not move to the one that allows 'unsafe-eval'"
            time.sleep(0.1)

    try:
        headers = urllib.request.urlopen(base + "mvp/", timeout=10).headers
        assert "'unsafe-eval'" in headers["Content-Security-Policy"], "nginx sends mvp/ without 'unsafe-eval'"
        assert "'unsafe-eval'" not in urllib.request.urlopen(base, timeout=10).headers["Content-Security-Policy"]
        # The calculator starts there and takes an answer.
        session.get(base)
        moves_to_mvp()
        session.click("[data-action=begin]")
        session.wait_for("section.question")
        field = session.run("return document.querySelector('section.question').dataset.field;")
        session.click("section.question button.choice")
        deadline = time.time() + 10
        while session.run("const q = document.querySelector('section.question'); return q && q.dataset.field;") == field:
            assert time.time() < deadline, f"the answer to {field} was not taken"
            time.sleep(0.05)
        policy = session.run("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content;")
        assert "'unsafe-eval'" in policy and "'wasm-unsafe-eval'" not in policy, policy
        # A share link, opened where no answers are saved, keeps its answers on the way.
        session.run("localStorage.clear();")
        answers = {"current_hukou": "elsewhere_in_chenzhou", "target_area": "county_seat_town", "residence": "rented"}
        session.get(base + "#a=" + urllib.parse.quote(json.dumps(answers), safe=""))
        moves_to_mvp()
        session.wait_for("[data-notice='notice.loaded_fragment']")
        session.wait_for("#path-town_settlement.eligible")
        outcome = session.run("return hukou.evaluate(Object.assign({today: '2026-11-28'}, arguments[0]));", answers)
        status = next(p["status"] for p in outcome["paths"] if p["id"] == "town_settlement")
        assert status == "eligible", f"hukou.evaluate on the fallback page: town_settlement {status}"
        session.screenshot(os.path.join(journeys.SHOTS, "policy-fallback.png"))
    finally:
        session.quit()
        stop()
        shutil.rmtree(os.path.dirname(copy), ignore_errors=True)


def check_api(driver, base_url, hukou):
    """hukou.evaluate as the command line, on the main page (no engine here is sent elsewhere)."""
    session = driver.session(360, 640)
    try:
        session.get(base_url)
        session.wait_for("main#main h1")
        assert session.run("return location.pathname;") == "/", "a current engine left the main page"
    finally:
        session.quit()
    check_api_matches_cli(driver, base_url, hukou)


def main():
    dist = os.path.abspath(sys.argv[1])
    hukou = os.path.abspath(sys.argv[2])
    engines = sys.argv[3:] or list(ENGINES)
    server = serve(dist)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    shots = journeys.SHOTS
    drivers = {}

    def in_engine(engine, name, check):
        """A check in `engine`, whose WebDriver server starts with its first check."""
        def run():
            if engine not in drivers:
                drivers[engine] = Driver(engine=engine)
                print(f"      {engine}: {drivers[engine].browser_version()}")
            journeys.SHOTS = os.path.join(shots, engine)
            check(drivers[engine])

        return (f"{engine}: {name}", run)

    def journey_check(journey, profile):
        def check(driver):
            person = EnginePerson(driver, base_url, profile, journey.__name__.removeprefix("journey_"))
            try:
                journey(person)
            except Exception:
                person.shot("failure")
                raise
            finally:
                person.session.quit()

        return f"{profile}-{journey.__name__.removeprefix('journey_')}", check

    checks = []
    for engine in engines:
        checks += [in_engine(engine, *journey_check(j, profile)) for j, profile in SUBSET]
        checks.append(in_engine(engine, "hukou.evaluate matches the command line",
                                lambda driver: check_api(driver, base_url, hukou)))
        checks.append(in_engine(engine, "without 'wasm-unsafe-eval' the page moves to one that allows 'unsafe-eval'",
                                lambda driver: check_policy_fallback(driver, dist)))
    try:
        return run_all(checks)
    finally:
        for driver in drivers.values():
            driver.quit()
        server.shutdown()
        print(f"screenshots in {shots}/ENGINE")


if __name__ == "__main__":
    sys.exit(main())
