"""End-to-end journeys: the release build, served on loopback, driven in real headless Chromium
through chromedriver, as a person would use it. Each journey runs as a WeChat phone (360 x 640),
on a desktop, in English and in large-text mode, and asserts what the person sees: the path's
status in words and the clause cited. axe-core audits every screen shown (start, each question,
results with every citation opened) for WCAG 2.1 A/AA: zero violations. Screenshots go to
target/e2e/.

    python3 tests/e2e/journeys.py [DIST_DIR]
"""

import functools
import http.server
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import ELEMENT, Driver, run_all  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = os.path.join(ROOT, "target", "e2e")
WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 10; V2001A Build/QP1A.190711.020; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5061 "
    "MMWEBSDK/20230303 MicroMessenger/8.0.34.2340(0x28002237) WeChat/arm64 Weixin NetType/WIFI "
    "Language/zh_CN ABI/arm64"
)
PROFILES = {
    "wechat-360": dict(width=360, height=640, ua=WECHAT_UA, lang="zh", elderly=False),
    "desktop": dict(width=1280, height=900, ua=None, lang="zh", elderly=False),
    "english": dict(width=360, height=640, ua=WECHAT_UA, lang="en", elderly=False),
    "elderly": dict(width=360, height=640, ua=WECHAT_UA, lang="zh", elderly=True),
}
NUMERALS = "〇一二三四五六七八九十"
AXE = os.path.join(ROOT, "tools", "node_modules", "axe-core", "axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def load_texts(lang):
    # A language's table: its file and the parts under it (`zh/later.rs`, `zh/later/questions.rs`).
    folder = os.path.join(ROOT, "src", "i18n", lang)
    parts = sorted(os.path.join(d, f) for d, _, files in os.walk(folder) for f in files if f.endswith(".rs"))
    source = "".join(open(f, encoding="utf-8").read() for f in [folder + ".rs", *parts])
    pairs = re.findall(r'\("([^"]+)", "((?:[^"\\]|\\.)*)"\)', source)
    return {k: v.replace('\\"', '"').replace("\\\\", "\\") for k, v in pairs}


def clause_label(lang, clause):
    section, _, item = clause.partition(".")
    if lang == "zh":
        return f"{NUMERALS[int(section)]}（{NUMERALS[int(item)]}）" if item else NUMERALS[int(section)]
    return f"§{section}({item})" if item else f"§{section}"


# Finds the inputs of the date question on screen. A date input gets the date at once (its value,
# then input and change events, as a picker would); otherwise each select or input of the question
# is a year, month or day, by its data-part, name, id, autocomplete or aria-label, else by its
# place (year, month, day), and is returned with what to choose or type in it.
DATE_FIELDS_JS = """
const iso = arguments[0];
const question = document.querySelector("section.question");
const date = question.querySelector("input[type=date]");
if (date) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(date, iso);
  date.dispatchEvent(new Event("input", {bubbles: true}));
  date.dispatchEvent(new Event("change", {bubbles: true}));
  return [["date", date, date.value]];
}
const [y, m, d] = iso.split("-");
const want = {year: y, month: String(Number(m)), day: String(Number(d))};
const names = [["year", ["year", "年"]], ["month", ["month", "月"]], ["day", ["day", "日"]]];
const fields = [...question.querySelectorAll("select, input")]
  .filter(e => !["hidden", "submit", "button", "checkbox", "radio"].includes(e.type));
return fields.map((e, i) => {
  const said = [e.dataset.part, e.name, e.id, e.getAttribute("autocomplete"), e.getAttribute("aria-label")]
    .join(" ").toLowerCase();
  const named = names.find(([, words]) => words.some(w => said.includes(w)));
  const value = want[named ? named[0] : ["year", "month", "day"][i]];
  if (e.tagName === "SELECT") {
    return ["option", [...e.options].find(o => o.value !== "" && Number(o.value) === Number(value)) || null, value];
  }
  return ["input", e, value];
});
"""



class Person:
    """One person in one browser profile, with the texts of their language."""

    def __init__(self, driver, base_url, profile_name, journey):
        self.profile = PROFILES[profile_name]
        self.name = f"{profile_name}-{journey}"
        self.base_url = base_url
        self.driver = driver
        self.session = driver.session(self.profile["width"], self.profile["height"], self.profile["ua"])
        self.texts = load_texts(self.profile["lang"])
        self.shots = 0
        self.audits = 0
        self.asked = []
        # What the progress line said at each question asked.
        self.progress = []

    def t(self, key):
        return self.texts[key]

    def open(self, fragment=""):
        self.session.get(self.base_url + fragment)
        self.session.wait_for("main#main h1")

    def set_up(self):
        self.open()
        if self.profile["lang"] == "en":
            self.session.click("[data-action=lang]")
            self.session.wait_for("html[lang=en]")
        if self.profile["elderly"]:
            self.session.click("[data-action=elderly]")
            self.session.wait_for(".app.elderly")
        assert self.t("app.title") in self.session.text("main#main h1")
        self.audit("start")

    def shot(self, step, full_page=False):
        self.shots += 1
        path = os.path.join(SHOTS, f"{self.name}-{self.shots:02d}-{step}.png")
        if not full_page:
            self.session.screenshot(path)
            return
        # The whole page, for review: grow the window to the page's height, then restore it.
        height = min(self.session.run("return document.documentElement.scrollHeight;"), 8000)
        self.session.call("POST", "/window/rect", {"width": self.profile["width"], "height": height})
        self.session.screenshot(path)
        self.session.call("POST", "/window/rect", {"width": self.profile["width"], "height": self.profile["height"]})

    def audit(self, screen):
        """axe-core on the screen as shown: zero violations of WCAG 2.1 A/AA."""
        if not self.session.run("return typeof axe === 'object';"):
            self.session.run(open(AXE, encoding="utf-8").read() + "; return true;")
        result = self.session.call("POST", "/execute/async", {
            "script": "const done = arguments[arguments.length - 1];"
                      " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                      ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ '"
                      " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))"
                      ".catch(e => done(['axe failed: ' + e]));",
            "args": [WCAG_TAGS],
        })
        self.audits += 1
        assert not result, f"{self.name}, {screen}: accessibility violations:\n  " + "\n  ".join(result)

    def field(self):
        """The field of the question on screen, or None on another screen (after the texts of
        the questions have come, which the page fetches once it has started)."""
        deadline = time.time() + 10
        while self.session.find("section.loading") is not None and time.time() < deadline:
            time.sleep(0.05)
        return self.session.run(
            "const q = document.querySelector('section.question'); return q ? q.dataset.field : null;"
        )

    def on_results(self):
        return self.session.find("section.results") is not None

    def act(self, action):
        s = self.session
        kind = action[0]
        if kind == "choice":
            s.click(f"section.question button.choice[data-value='\"{action[1]}\"']")
        elif kind in ("yes", "no"):
            s.click(f"section.question button.choice[data-value='{'true' if kind == 'yes' else 'false'}']")
        elif kind == "date":
            self.enter_date(action[1])
        elif kind == "type":
            s.type("#answer-input", action[1])
            s.click("[data-action=ok]")
        elif kind == "family":
            for relation in action[1]:
                s.click(f"[data-add={relation}]")
            for index, relation in action[2] if len(action) > 2 else []:
                s.click(f"select[data-member='{index}'] option[value={relation}]")
                selected = s.run(f"return document.querySelector(\"select[data-member='{index}']\").value;")
                assert selected == relation, f"relative {index} is {selected}, not {relation}"
            for index in action[3] if len(action) > 3 else []:
                s.click(f"[data-remove='{index}']")
            s.click("[data-action=family-done]")
        elif kind == "place":
            s.click("[data-action=find-place]")
            s.click(f"[data-county='{action[1]}']")
            s.click(f"[data-place='{action[2]}']")
        elif kind == "none_of":
            s.click("section.question button.choice[data-value='[]']")
        elif kind == "skip":
            s.click("[data-action=skip]")
        else:
            raise ValueError(action)

    def enter_date(self, iso):
        """Enters a date whatever the date question's inputs are (a date input, or year, month
        and day parts), as a person would, and confirms it."""
        s = self.session
        # Visibly a field on every engine: each part wide and tall enough to see and tap, and
        # labelled in words on screen (not a blank square).
        parts = s.run(
            "return [...document.querySelectorAll('section.question select, section.question input')]"
            ".filter(e => e.type !== 'submit').map(e => { const r = e.getBoundingClientRect();"
            " const label = e.closest('label'); return [r.width, r.height, label ? label.innerText.trim() : ''];});"
        )
        for width, height, label in parts:
            assert width >= 60 and height >= 40, f"{self.name}: a date field of {width:.0f} x {height:.0f} px"
            assert label, f"{self.name}: a date field without a visible label"
        for kind, element, value in s.run(DATE_FIELDS_JS, iso):
            assert element, f"{self.name}: no option {value} for the date {iso}"
            handle = element[ELEMENT]
            if kind == "date":
                assert value == iso, f"{self.name}: the date input took {iso!r} as {value!r}"
            elif kind == "option":
                s.run("arguments[0].parentNode.scrollIntoView({block: 'center'});", element)
                s.call("POST", f"/element/{handle}/click", {})
            else:
                s.call("POST", f"/element/{handle}/clear", {})
                s.call("POST", f"/element/{handle}/value", {"text": value})
        s.click("section.question [data-action=ok]")

    def answer(self, script, stop_at=None, limit=40):
        """Answers whatever the calculator asks, from `script`; unscripted questions get "not sure"
        (or, for the family, nobody). Stops on the results or before asking `stop_at`."""
        for _ in range(limit):
            field = self.field()
            if field is None or field == stop_at:
                return field
            self.audit(f"question {field}")
            self.asked.append(field)
            self.progress.append((field, self.session.text("section.question .progress")))
            action = script.get(field)
            if action is None:
                action = ("family", []) if field == "family" else ("skip",)
            self.act(action)
            self.wait_for_change(field)
            if self.field() is not None:
                self.expect_heading_focused()
        raise AssertionError(f"{self.name}: more than {limit} questions")

    def expect_heading_focused(self, timeout=5):
        """After an answer, the next question's heading has the focus: screen readers read it."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.session.run("return document.activeElement === document.querySelector('main#main h1');"):
                return
            time.sleep(0.05)
        raise AssertionError(f"{self.name}: the heading of {self.field()} did not take the focus")

    def wait_for_change(self, field, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.field() != field:
                return
            error = self.session.find(".error")
            if error is not None:
                raise AssertionError(f"{self.name}: answer to {field} refused: {self.session.text('.error')}")
            time.sleep(0.05)
        raise AssertionError(f"{self.name}: still asking {field}")

    def answer_through(self, script, purpose=None):
        """From a fresh start: set up the profile, begin (with what the person came for, if
        given), answer everything, show the results."""
        self.set_up()
        self.session.click(f"[data-purpose={purpose}]" if purpose else "[data-action=begin]")
        self.answer(script)
        self.show_results()

    def change_answer(self, field, action):
        """From the results: open "change my answers", change one, and come back to the results."""
        self.session.click("details.change > summary")
        self.session.click(f"[data-change='{field}']")
        self.act(action)
        self.wait_for_change(field)
        self.show_results()

    def show_results(self):
        if not self.on_results():
            self.session.click("[data-action=results]")
        self.session.wait_for("section.results")
        # Audit with every citation and list opened, then leave them as they were.
        self.session.run(
            "window.__wasOpen = [...document.querySelectorAll('details')].map(d => [d, d.open]);"
            " document.querySelectorAll('details').forEach(d => d.open = true);"
        )
        self.audit("results")
        self.session.run("window.__wasOpen.forEach(([d, open]) => d.open = open);")

    def unfold(self, css):
        """Opens, with a tap on its summary as a person would, the folded part of the results
        that holds `css` (services, notices, the paths that do not concern the person);
        nothing if it is not folded or open already."""
        summary = self.session.run(
            "const e = document.querySelector(arguments[0]); const d = e && e.closest('details.fold');"
            " return d && !d.open ? d.querySelector('summary') : null;",
            css,
        )
        if summary:
            self.session.run("arguments[0].scrollIntoView({block: 'center'});", summary)
            self.session.call("POST", f"/element/{summary[ELEMENT]}/click", {})

    def expect_path(self, path_id, status, clause):
        article = f"#path-{path_id}"
        self.unfold(article)
        shown = self.session.text(f"{article} .status")
        assert self.t(f"status.{status}") in shown, f"{self.name}: {path_id} shows {shown!r}, expected {status}"
        cited = self.session.text(f"{article} > details.clause > summary")
        assert clause_label(self.profile["lang"], clause) in cited, f"{self.name}: {path_id} cites {cited!r}"

    def expect_first_screen(self, verdict, texts):
        """The first screen of the results (scrolled to the top, at the profile's window size)
        gives the person's bottom line: this verdict, and each of these texts, in view."""
        s = self.session
        s.run("window.scrollTo(0, 0);")
        s.wait_for(f".bottom-line[data-verdict={verdict}]")
        seen = s.run(
            "const b = document.querySelector('.bottom-line .headline').getBoundingClientRect();"
            " return b.top >= 0 && b.bottom <= window.innerHeight;"
        )
        assert seen, f"{self.name}: the bottom line is not on the first screen"
        line = s.text(".bottom-line")
        for text in texts:
            # Case aside: English lowers a place's first letter mid-sentence.
            assert text.lower() in line.lower(), f"{self.name}: the bottom line {line!r} does not say {text!r}"
        # The way on: the next step, or for a path still closed what it lacks.
        visible_next = s.run(
            "const n = document.querySelector('.bottom-line .next-step, .bottom-line .fix, .bottom-line .judged');"
            " return n.getBoundingClientRect().top < window.innerHeight;"
        )
        assert visible_next, f"{self.name}: the next step is below the first screen"

    def expect_text(self, text):
        body = self.session.text("main")
        # Case aside: English lowers a sentence's first letter after a colon.
        assert text.lower() in body.lower(), f"{self.name}: the page does not show {text!r}"

    def relatives(self):
        return self.session.run(
            "return [...document.querySelectorAll('.members li.member > .status')].map(e => e.textContent);"
        )


BASE_SCRIPT = {
    "rural_collective_member": ("no",),
    "newborn_unregistered": ("no",),
    "priority_groups": ("none_of",),
}


def journey_central_urban_worker(p):
    """A worker with a job, a rented flat and urban insurance may settle in the central urban area;
    Back and a reload lose nothing, and a bad share link leaves the answers alone."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "central_urban"),
        "residence": ("choice", "rented"),
        "employment": ("choice", "employed"),
        "urban_social_insurance": ("yes",),
        "months_resident": ("type", "14"),
        "family": ("family", []),
    })
    p.set_up()
    p.session.click("[data-action=begin]")
    p.shot("first-question")
    assert p.answer(script, stop_at="urban_social_insurance") == "urban_social_insurance"
    # Reload: the same question comes back, with the answers kept.
    p.session.refresh()
    p.session.wait_for("section.question")
    assert p.field() == "urban_social_insurance", f"after reload: {p.field()}"
    p.act(script["urban_social_insurance"])
    p.wait_for_change("urban_social_insurance")
    # Back shows the answered question with its answer still chosen.
    p.session.click("[data-action=back]")
    p.session.wait_for("section.question[data-field=urban_social_insurance] button[aria-pressed=true][data-value=true]")
    p.answer(script)
    p.show_results()
    p.expect_path("central_urban_settlement", "eligible", "3.1")
    p.expect_path("town_settlement", "not_applicable", "3.2")
    p.expect_first_screen("settle", [p.t("area.central_urban"), p.t("checklist.central_urban_settlement.where")])
    p.shot("results", full_page=True)
    # "See what to bring" moves down to the checklist, on the results: the app does not take
    # the link for the phone's Back.
    # (Focus is read as the active element: a window without focus, as under Xvfb, matches no
    # `:focus`.)
    p.session.click("[data-action=to-checklist]")
    deadline = time.time() + 10
    while p.session.run("return document.activeElement && document.activeElement.id;") != "checklist":
        assert time.time() < deadline, f"{p.name}: the checklist link did not move to the checklist"
        time.sleep(0.05)
    time.sleep(0.3)
    assert p.on_results(), f"{p.name}: the checklist link left the results"
    # The list for the answer (the central city) is open; the permit's, another open path, is
    # folded under its title.
    opened = p.session.run("return [...document.querySelectorAll('details.checklist')].map(d => d.open);")
    assert opened == [True, False], f"{p.name}: the checklists open: {opened}"
    # A malformed share link is refused with a message; the person's own answers stay.
    p.session.get(p.base_url + "#a=%7Bbroken")
    p.session.wait_for("[data-notice='notice.bad_fragment']")
    notice = p.session.text("[data-notice='notice.bad_fragment']")
    assert p.t("notice.bad_fragment") in notice, notice
    p.show_results()
    p.expect_path("central_urban_settlement", "eligible", "3.1")
    p.shot("bad-link-kept-answers")


def journey_months_typed_wrong(p):
    """Months typed wrong (below zero, too many, not a whole number, nothing at all) are refused
    by the page in the person's language, saying what to type, and the question stays; a right
    number then moves on."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "not_a_town"),
        "residence": ("choice", "rented"),
        "employment": ("choice", "employed"),
    })
    p.set_up()
    p.session.click("[data-action=begin]")
    assert p.answer(script, stop_at="months_resident") == "months_resident", f"{p.name}: months never asked"
    for wrong in ("-5", "9999", "1.5", ""):
        p.session.type("#answer-input", wrong)
        p.session.click("[data-action=ok]")
        p.session.wait_for("section.question .error[role=alert]")
        said = p.session.text("section.question .error")
        assert said == p.t("error.months"), f"{p.name}: {wrong!r} was answered with {said!r}"
        assert p.field() == "months_resident", f"{p.name}: {wrong!r} left the question"
    p.shot("months-refused")
    p.act(("type", "8"))
    p.wait_for_change("months_resident")


def journey_renter_with_family(p):
    """A renter moving to a county seat with her spouse, two unmarried adult children and a married
    daughter: all may come but the married daughter; relatives added, changed and removed; change
    an answer; share and resume."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
        # Added as spouse, child, sibling, child, other; the sibling changed to a child, and the
        # fifth relative removed again: spouse, child, child.
        "family": ("family", ["spouse", "child", "sibling", "child", "other"], [(2, "child")], [4]),
        "family[0].lives_with_applicant": ("yes",),
        "family[1].lives_with_applicant": ("yes",),
        "family[1].married": ("no",),
        "family[1].birth_date": ("date", "2002-05-01"),
        "family[2].lives_with_applicant": ("yes",),
        "family[2].married": ("no",),
        "family[2].birth_date": ("date", "2004-07-15"),
        "family[3].lives_with_applicant": ("yes",),
        "family[3].married": ("yes",),
        "family[3].birth_date": ("date", "1995-03-01"),
    })
    p.answer_through(script)
    # At the relatives' questions, the progress line counts theirs down within the family's step.
    words = p.t("progress.relatives").split("{left}")[1].split("{relatives}")[0]
    counts = [int(re.search(r"(\d+)\D*$", said).group(1)) for field, said in p.progress
              if field.startswith("family[") and words in said]
    assert len(counts) == len([f for f in p.asked if f.startswith("family[")]), f"{p.name}: {p.progress}"
    assert all(b < a for a, b in zip(counts, counts[1:])), f"{p.name}: the family's count {counts}"
    p.expect_path("town_settlement", "eligible", "3.2")
    p.expect_path("central_urban_settlement", "not_applicable", "3.1")
    p.expect_first_screen("settle", [p.t("area.county_seat_town")])
    shown = p.relatives()
    expected = [p.t("join.yes"), p.t("join.yes"), p.t("join.yes"), p.t("join.no")]
    assert len(shown) == 4 and all(e in s for e, s in zip(expected, shown)), f"{p.name}: relatives {shown}"
    # Those who come along are new settlers too: 4.1's promise, under the relatives.
    rights = p.session.text(".members ~ .rights")
    words = {"zh": "新落户人员", "en": "newly settled people"}[p.profile["lang"]]
    assert words in rights and clause_label(p.profile["lang"], "4.1") in rights, f"{p.name}: under the relatives: {rights!r}"
    p.shot("results", full_page=True)
    # Change an answer from the results: without a home, the town path closes.
    p.change_answer("residence", ("choice", "none"))
    p.expect_path("town_settlement", "not_eligible", "3.2")
    p.change_answer("residence", ("choice", "rented"))
    p.expect_path("town_settlement", "eligible", "3.2")
    # Share: the link opens the same result on another device.
    link = p.session.attribute("[data-share=link]", "href")
    assert "#a=" in link and "?" not in link, f"{p.name}: share link {link}"
    other = Person(p.driver, p.base_url, "wechat-360", p.name + "-shared")
    try:
        other.session.get(link)
        other.session.wait_for("[data-notice='notice.loaded_fragment']")
        other.expect_path("town_settlement", "eligible", "3.2")
        other.shot("opened-share-link")
    finally:
        other.session.quit()


def journey_renter_with_a_young_son(p):
    """A renter moving to a county seat with her eight-year-old son is asked his birth date, not
    whether he is married (民法典 第一千零四十七条), and he may come along. (Born in September: the
    day's options found before his month was chosen, a shorter one, are still the ones tapped.)"""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
        "family": ("family", ["child"]),
        "family[0].lives_with_applicant": ("yes",),
        "family[0].birth_date": ("date", "2018-09-01"),
    })
    p.answer_through(script)
    assert "family[0].birth_date" in p.asked, f"{p.name}: his age was never asked: {p.asked}"
    assert "family[0].married" not in p.asked, f"{p.name}: an eight-year-old was asked whether married"
    p.expect_path("town_settlement", "eligible", "3.2")
    shown = p.relatives()
    assert len(shown) == 1 and p.t("join.yes") in shown[0], f"{p.name}: relatives {shown}"


def journey_unsure_place_picker(p):
    """Someone unsure of the area finds 玉溪镇 in 宜章县 with the place picker (the towns open at
    their heading, the county seat marked as one): a county seat, where a home owner may settle; going
    back, the question still says in words what kind of place it counts as."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("place", "431022", "玉溪镇"),
        "residence": ("choice", "owned"),
        "family": ("family", []),
    })
    p.set_up()
    p.session.click("[data-action=begin]")
    p.answer(script, stop_at="target_area")
    p.session.click("[data-action=find-place]")
    p.session.click("[data-county='431022']")
    # The towns open at their own heading.
    p.session.wait_for("[data-place='玉溪镇']")
    time.sleep(0.3)
    # (Within a pixel: scrolled to the top, an engine may leave its top a fraction above.)
    top, bottom, height = p.session.run(
        "const r = document.querySelector('#picker-title').getBoundingClientRect();"
        " return [r.top, r.bottom, window.innerHeight];")
    assert top >= -1 and bottom <= height, f"{p.name}: the towns' heading is out of view ({top}, {bottom})"
    heading = p.session.text("#picker-title")
    assert "宜章县" in heading, f"{p.name}: the towns' heading does not name the county: {heading!r}"
    # The county seat is marked as such, and no other town of the county.
    marked = p.session.run(
        "return [...document.querySelectorAll('[data-place][data-mark]')].map(b => b.dataset.place)")
    assert marked == ["玉溪镇"], f"{p.name}: the places marked are {marked}, not the county seat alone"
    mark = p.session.attribute("[data-place='玉溪镇']", "data-mark")
    assert mark == p.t("area.county_seat_town"), f"{p.name}: the county seat's mark says {mark!r}"
    # The style sheet draws it (Firefox reports the rule, `attr(data-mark)`, the others its text).
    drawn = p.session.run(
        "return getComputedStyle(document.querySelector(\"[data-place='玉溪镇']\"), '::after').content")
    assert drawn not in ("none", "normal", ""), f"{p.name}: the mark is not drawn: {drawn!r}"
    p.shot("place-picker")
    p.session.click("[data-place='玉溪镇']")
    p.wait_for_change("target_area")
    # Back to the question: it still says what the picker decided, and the picker opens again
    # in the same county with the same place chosen.
    p.session.click("[data-action=back]")
    p.session.wait_for("section.question[data-field=target_area] .place-counted[data-place-counted='玉溪镇']")
    counted = p.session.text(".place-counted")
    # Read inside the sentence: in English its first letter is small ("counts as a county seat").
    kind = p.t("choice.target_area.county_seat_town")
    assert kind[:1].lower() + kind[1:] in counted, f"{p.name}: the place's kind is not said: {counted!r}"
    if p.session.find("[data-action=find-place]") is not None:
        p.session.click("[data-action=find-place]")
    p.session.wait_for("[data-place='玉溪镇'][aria-pressed=true]")
    p.session.click("[data-place='玉溪镇']")
    p.wait_for_change("target_area")
    p.answer(script)
    p.show_results()
    p.expect_path("town_settlement", "eligible", "3.2")
    p.shot("results", full_page=True)


def journey_unregistered_newborn(p):
    """A family with an unregistered newborn, who lists the baby among the family: once a young
    child is listed the baby's registration is asked about, and it needs no conditions."""
    script = dict(BASE_SCRIPT, **{"newborn_unregistered": ("yes",), "family": ("family", ["child"])})
    p.answer_through(script)
    assert "newborn_unregistered" in p.asked, f"{p.name}: the baby was never asked about: {p.asked}"
    # What is not the baby's answer is folded under its heading, out of sight until tapped: the
    # settling paths still undecided, and whether relatives may come along (they follow someone
    # who settles).
    hidden = p.session.run(
        "return ['#path-town_settlement', '.members'].map(css => { const e = document.querySelector(css);"
        " const fold = e && e.closest('details.fold');"
        " return !!fold && !fold.open && !(e.checkVisibility ? e.checkVisibility() : e.offsetHeight); });"
    )
    assert hidden == [True, True], f"{p.name}: the town path and the relatives folded: {hidden}"
    p.expect_path("town_settlement", "undetermined", "3.2")  # opens the fold, as a tap does
    p.expect_path("newborn_registration", "eligible", "4.1")
    p.expect_text(p.t("checklist.newborn_registration.where"))
    p.shot("results", full_page=True)


def journey_newborn_link_shows_the_family_the_same_screen(p):
    """A grandmother registering a newborn is told under the next step that no birth permit or
    fee receipt is asked (4.1); she copies the share link and is told it was copied (or
    how to copy it by hand); the family who open it see her first screen, not the questions
    about every other path."""
    p.answer_through(dict(BASE_SCRIPT, **{"newborn_unregistered": ("yes",)}), purpose="newborn")
    # What the text says to the fine the family fears (4.1) begins on the first screen; in large
    # text and in English (longer lines), right under the next step, on the second.
    p.expect_first_screen("newborn", [p.t("caveat.newborn")])
    screens = 2 if p.name.startswith(("elderly", "english")) else 1
    seen = p.session.run(
        "const c = document.querySelector(\".bottom-line [data-caveat='caveat.newborn']\").getBoundingClientRect();"
        f" return c.top < {screens} * window.innerHeight;")
    assert seen, f"{p.name}: what the policy says of the fine is not in the first {screens} screen(s)"
    p.session.run("document.querySelector('details.share').open = true;")
    p.session.click("[data-action=copy-link]")
    told = p.session.wait_for(".share .copied[role=status]")
    assert p.session.text(".share .copied") in (p.t("share.copied"), p.t("share.not_copied")), told
    link = p.session.attribute("[data-share=link]", "href")
    assert "&p=newborn" in link, f"{p.name}: the link does not say what she came for: {link}"
    other = Person(p.driver, p.base_url, "wechat-360", p.name + "-shared")
    try:
        other.session.get(link)
        other.session.wait_for("[data-notice='notice.loaded_fragment']")
        other.expect_first_screen("newborn", [])
        assert other.session.find(".results .more") is None, f"{p.name}: the family is asked for more"
        other.shot("opened-share-link")
    finally:
        other.session.quit()


def journey_residence_permit_only(p):
    """A migrant who wants to live in a village qualifies only for a residence permit."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "not_a_town"),
        "months_resident": ("type", "8"),
        "employment": ("choice", "employed"),
        "residence": ("choice", "none"),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.expect_path("residence_permit", "eligible", "4.2")
    p.expect_path("town_settlement", "not_eligible", "3.2")
    p.expect_path("central_urban_settlement", "not_applicable", "3.1")
    p.expect_first_screen("permit", [p.t("checklist.residence_permit.where").split("；")[0].split(";")[0]])
    p.shot("results", full_page=True)


def journey_permit_route(p):
    """Someone who only wants a residence permit says so on the first screen, is asked only what
    decides the permit, and ends with its checklist; the other paths are offered, not failed."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "months_resident": ("type", "8"),
        "employment": ("choice", "employed_without_contract"),
        "residence": ("choice", "owned"),
        "studying": ("no",),
    })
    p.answer_through(script, purpose="permit")
    permit_fields = {"current_hukou", "months_resident", "employment", "residence", "studying"}
    assert set(p.asked) <= permit_fields, f"{p.name}: asked {p.asked} for a permit"
    p.expect_first_screen("permit", [p.t("checklist.residence_permit.where").split("；")[0].split(";")[0]])
    p.expect_path("residence_permit", "eligible", "4.2")
    assert p.session.find("article.path.undetermined") is None, f"{p.name}: an unasked path is shown as open"
    p.shot("results")
    p.session.click("[data-action=ask-everything]")
    p.session.wait_for("section.question")
    assert p.field() not in permit_fields, f"{p.name}: asked {p.field()} again"


def journey_permit_after_five_months(p):
    """Someone five months in the city who came for a residence permit is told, on the first
    screen, what the permit lacks, the months still to wait (one), the day they are up by, and
    what the permit will bring (4.2)."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "months_resident": ("type", "5"),
        "employment": ("choice", "employed"),
        "residence": ("choice", "rented"),
        "studying": ("no",),
    })
    p.answer_through(script, purpose="permit")
    p.expect_path("residence_permit", "not_eligible", "4.2")
    s = p.session
    s.run("window.scrollTo(0, 0);")
    s.wait_for(".bottom-line [data-fix=closed]")
    # It begins on the first screen; in the standard size it ends there too.
    edge = "top" if p.name.startswith(("elderly", "english")) else "bottom"
    seen = s.run(
        "const w = document.querySelector('.bottom-line [data-fix=closed]').getBoundingClientRect();"
        f" return w.{edge} <= window.innerHeight;")
    assert seen, f"{p.name}: what the permit lacks and the months to wait are below the first screen"
    said = s.text(".bottom-line [data-fix=closed]")
    # The words between what is missing and the number, then the number: one month.
    wait = p.t("bottom.closed_wait").split("{what}")[1].split("{n}")[0] + "1"
    assert wait in said, f"{p.name}: the wait ({wait!r}) is not said: {said!r}"
    by = p.t("bottom.closed_wait").split("{n}")[1].split("{date}")[0]
    assert by in said, f"{p.name}: the day the wait is up by is not said: {said!r}"
    # Under it, what the permit will bring (4.2: the same basic public education for the child
    # he came with), beginning on the first screen (in large text, on the second).
    screens = 2 if p.profile["elderly"] else 1
    brings = s.run(
        "const e = document.querySelector('.bottom-line [data-fix=closed] + .services');"
        f" return e && e.getBoundingClientRect().top < {screens} * window.innerHeight ? e.textContent : null;")
    lead = p.t("bottom.permit_services").split("{what}")[0]
    assert brings and brings.startswith(lead), f"{p.name}: what the permit brings is not under the wait: {brings!r}"
    p.shot("results")


def journey_job_without_contract(p):
    """A restaurant worker with no written contract, a rented flat and urban insurance may settle in
    the central urban area: work is work. The first screen says so, and that the policy asks for no
    contract and the police station judges how the work is proved."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "central_urban"),
        "residence": ("choice", "rented"),
        "employment": ("choice", "employed_without_contract"),
        "urban_social_insurance": ("yes",),
        "months_resident": ("type", "14"),
        "studying": ("no",),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.expect_first_screen("settle", [p.t("area.central_urban"), p.t("office.no_written_contract.short")])
    # In standard-size Chinese all of it; in English its first line; in large text it begins
    # right under the next step, at the foot of the first screen.
    reach = 0 if p.profile["elderly"] else 40
    whole = p.profile["lang"] == "zh" and not p.profile["elderly"]
    in_view = p.session.run(
        "const f = document.querySelector('.bottom-line .office').getBoundingClientRect();"
        " return (arguments[0] ? f.bottom : f.top + arguments[1]) < window.innerHeight;", whole, reach
    )
    assert in_view, f"{p.name}: what the police station judges is below the first screen"
    p.expect_path("central_urban_settlement", "eligible", "3.1")
    p.shot("results")


def journey_renter_without_registered_lease(p):
    """A renter whose lease was never registered, moving to a county seat, may settle there (含租赁
    asks nothing of the lease); the first screen says the police station judges the proof."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented_unregistered"),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.expect_first_screen("settle", [p.t("area.county_seat_town"), p.t("office.unregistered_lease.short")])
    p.expect_path("town_settlement", "eligible", "3.2")
    p.shot("results")


def journey_worker_housed_by_employer(p):
    """A factory worker housed by the employer in another town is not refused: the first screen
    says settling there depends on the police station accepting such a home, which the policy does
    not address."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "other_town"),
        "residence": ("choice", "employer_provided"),
        "family": ("family", []),
    })
    p.answer_through(script)
    headline = p.t("bottom.settle_if_office").split("{place}")[0]
    p.expect_first_screen("settle", [headline, p.t("office.employer_home.short")])
    p.expect_path("town_settlement", "eligible", "3.2")
    p.shot("results")


def join_who(p, relation):
    return p.t(f"join.who.{relation}")


def journey_grandmother_joins_her_son(p):
    """A 68-year-old with a rural hukou who lives in her son's flat in a county seat starts as a
    settler, says on the home question that she lives in her child's home, and is asked about her
    son in her own words: she may register there with him (3.2)."""
    script = dict(BASE_SCRIPT, **{
        "target_area": ("choice", "county_seat_town"),
        "current_hukou": ("choice", "outside_chenzhou"),
    })
    p.set_up()
    p.session.click("[data-action=begin]")
    assert p.answer(script, stop_at="residence") == "residence", f"{p.name}: the home question never came"
    p.session.click("[data-action=join]")
    p.session.wait_for("[data-notice='notice.join_set_aside']")
    joined = {
        "family[0].relation": ("choice", "parent"),
        "family[0].lives_with_applicant": ("yes",),
        "residence": ("choice", "owned"),
    }
    p.answer(joined)
    assert "current_hukou" not in p.asked[p.asked.index("residence"):], f"{p.name}: asked her son's hukou"
    p.show_results()
    who = join_who(p, "parent")
    p.expect_first_screen("join-yes", [who, p.t("area.county_seat_town")])
    cited = p.session.text(".bottom-line > details.clause > summary")
    assert clause_label(p.profile["lang"], "3.2") in cited, f"{p.name}: cites {cited!r}"
    p.shot("results", full_page=True)


def journey_wife_joins_her_husband(p):
    """A wife who comes to live with her husband in the central urban area is asked about his work,
    home and insurance: without his insurance she cannot yet register with him, and is told what
    he lacks; with it, she can (3.1)."""
    script = {
        "family[0].relation": ("choice", "spouse"),
        "target_area": ("choice", "central_urban"),
        "family[0].lives_with_applicant": ("yes",),
        "residence": ("choice", "rented"),
        "employment": ("choice", "employed"),
        "urban_social_insurance": ("no",),
    }
    p.answer_through(script, purpose="join")
    label = p.t("join.who.spouse")
    p.expect_first_screen("join-no", [label])
    assert p.session.find(".bottom-line [data-fix=relative]") is not None, f"{p.name}: what he lacks is not said"
    p.shot("closed")
    # Insured after all: now whether she lives with him decides, and is asked.
    p.session.click("details.change > summary")
    p.session.click("[data-change='urban_social_insurance']")
    p.act(("yes",))
    p.wait_for_change("urban_social_insurance")
    p.answer(script)
    p.show_results()
    p.expect_first_screen("join-yes", [label, p.t("area.central_urban")])
    p.shot("results")


def journey_unmarried_daughter_joins_her_parents(p):
    """A grown unmarried daughter who comes to live with her parents in another town is asked
    whether she is married (not her age) and may register with them under 3.2."""
    script = {
        "family[0].relation": ("choice", "child"),
        "target_area": ("choice", "other_town"),
        "family[0].lives_with_applicant": ("yes",),
        "family[0].married": ("no",),
        "residence": ("choice", "rented"),
    }
    p.answer_through(script, purpose="join")
    assert "family[0].married" in p.asked, f"{p.name}: never asked whether she is married"
    assert not any(f.endswith("birth_date") or f.endswith("school_age") for f in p.asked), f"{p.name}: asked {p.asked}"
    p.expect_first_screen("join-yes", [p.t("join.who.child"), p.t("area.other_town")])
    p.shot("results")


def journey_no_hukou(p):
    """A person with no hukou and no birth certificate is registered under 4.1 and shown the route;
    the residence permit is not theirs, for want of a hukou to have left."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "none"),
        "no_hukou_reason": ("choice", "no_birth_certificate"),
    })
    p.answer_through(script)
    # The next step on the first screen starts where their route starts: the hospital's birth
    # certificate, then the police station.
    route = {"zh": "助产机构", "en": "midwifery"}[p.profile["lang"]]
    p.expect_first_screen("no_hukou", [route, "96号"])
    p.expect_path("unregistered_person_registration", "eligible", "4.1")
    # Not "your hukou is somewhere else is missing": with no hukou, the permit is not the way.
    p.expect_path("residence_permit", "not_applicable", "4.2")
    reason = p.session.text("#path-residence_permit .status")
    assert p.t("not_applying.no_hukou_permit") in reason, f"{p.name}: the permit says {reason!r}"
    p.shot("results", full_page=True)


def journey_already_registered(p):
    """A 67-year-old whose hukou moved into a county seat on 2024-05-10 is told he is registered
    there already: no move checklist, and the services he has there on the first screen."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "target_area"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "owned"),
        "settled_on": ("date", "2024-05-10"),
        "family": ("family", []),
    })
    p.answer_through(script)
    # What he came for, the services he has there (6.3), begins on the first screen.
    said = p.t("bottom.registered_services").split("{what}")[0]
    p.expect_first_screen("registered", [p.t("bottom.registered"), said])
    seen = p.session.run(
        "const e = document.querySelector('.bottom-line .services');"
        " return e.textContent.length > 20 && e.getBoundingClientRect().top < window.innerHeight;")
    assert seen, f"{p.name}: the services he has are not on the first screen"
    assert p.session.find("#checklist") is None, f"{p.name}: a move checklist is shown"
    p.expect_path("town_settlement", "not_applicable", "3.2")
    p.shot("results")


def journey_registered_in_the_city_without_insurance(p):
    """A man whose hukou is already in the central urban area, and who has no urban social
    insurance, is told he is registered there: settling there is not his to fail."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "target_area"),
        "target_area": ("choice", "central_urban"),
        "residence": ("choice", "owned"),
        "employment": ("choice", "employed"),
        "urban_social_insurance": ("no",),
        "settled_on": ("date", "2010-03-01"),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.expect_first_screen("registered", [p.t("bottom.registered")])
    # Nothing is said to be missing for settling where he is registered already.
    fixes = p.session.run("return document.querySelectorAll('.bottom-line [data-fix]').length;")
    assert fixes == 0, f"{p.name}: a registered man is told what settling lacks"
    p.expect_path("central_urban_settlement", "not_applicable", "3.1")
    p.shot("results")


def journey_unsure_of_insurance(p):
    """A worker unsure of her urban social insurance is told what each answer would mean and how
    to find out, not sent round in a circle."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "central_urban"),
        "residence": ("choice", "rented"),
        "employment": ("choice", "employed"),
        "urban_social_insurance": ("skip",),
        "family": ("family", []),
    })
    p.answer_through(script)
    # The first screen names the open question and how to find out.
    p.expect_first_screen("permit" if p.session.find(".bottom-line[data-verdict=permit]") else "open", ["12333"])
    p.session.wait_for(".bottom-line .depends[data-depends=urban_social_insurance]")
    explained = p.session.text("#path-central_urban_settlement .if-unsure")
    assert p.t("status.eligible") in explained and p.t("status.not_eligible") in explained, explained
    assert "12333" in explained, f"{p.name}: no way to find out: {explained!r}"
    p.shot("unsure-explained")


def three_questions_answered(p):
    """From a fresh start, the first three questions answered one by one: their fields, in order."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
    })
    p.set_up()
    p.session.click("[data-action=begin]")
    asked = []
    for _ in range(3):
        field = p.field()
        asked.append(field)
        p.act(script.get(field, ("skip",)))
        p.wait_for_change(field)
    return asked


def expect_question(p, want, what, stay=0.0):
    """Within 5 s the question on screen is `want` (and still is `stay` seconds later)."""
    deadline = time.time() + 5
    while p.field() != want and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(stay)
    assert p.field() == want, f"{p.name}: {what} showed {p.field()}, expected {want}"


def journey_phone_back_button(p):
    """The phone's Back button moves one screen back inside the calculator, through several
    questions, and agrees with the app's own Back; after "continue" it returns to the start."""
    asked = three_questions_answered(p)
    for field in reversed(asked):
        p.session.call("POST", "/back", {})
        expect_question(p, field, "Back")
    # One more Back goes to the start screen, still inside the calculator.
    p.session.call("POST", "/back", {})
    p.session.wait_for("[data-action=begin]")
    assert p.base_url.rstrip("/") in p.session.run("return location.href;")
    # "Continue", then Back: the start screen the person continued from, not another question.
    p.session.click("[data-action=begin]")
    p.session.wait_for("section.question")
    p.session.call("POST", "/back", {})
    p.session.wait_for("section.start")
    assert p.base_url.rstrip("/") in p.session.run("return location.href;")


def journey_back_after_reload_and_forward(p):
    """The phone's Forward button returns, screen by screen, to where the person went back from,
    and Back after it still agrees with the screen; after a reload Back still moves back through
    the questions instead of doing nothing; from results seen early, Back returns to the
    question the person left."""
    asked = three_questions_answered(p)
    fourth = p.field()

    def settled(want, what):
        expect_question(p, want, what, stay=0.3)  # and stays there

    p.session.call("POST", "/back", {})
    settled(asked[2], "Back")
    p.session.call("POST", "/back", {})
    settled(asked[1], "Back twice")
    p.session.call("POST", "/forward", {})
    settled(asked[2], "Forward after Back")
    p.session.call("POST", "/back", {})
    settled(asked[1], "Back after Forward")
    p.session.call("POST", "/forward", {})
    p.session.call("POST", "/forward", {})
    settled(fourth, "Forward twice")
    p.session.refresh()
    p.session.wait_for("section.question")
    # The reload shows the question to answer next (the one left, or the next open one).
    reloaded = p.field()
    before = asked[asked.index(reloaded) - 1] if reloaded in asked[1:] else asked[-1]
    p.session.call("POST", "/back", {})
    settled(before, "Back after a reload")
    # "See the results so far", then Back: the question left, not the one before it.
    left = p.field()
    p.session.click("[data-action=results]")
    p.session.wait_for("section.results")
    p.session.click("[data-action=back]")
    settled(left, "Back from the results so far")


def journey_clear_and_undo(p):
    """清除 at the end of the results can be undone: nothing is lost to one tap."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "elsewhere_in_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.session.click("[data-action=forget]")
    p.session.wait_for("[data-notice='forget.done']")
    assert p.session.find("section.start") is not None
    p.session.click("[data-action=undo]")
    p.session.wait_for("section.results")
    p.expect_first_screen("settle", [p.t("area.county_seat_town")])


def journey_share_link_over_saved_answers(p):
    """A share link opened on a phone with other answers saved (in the tab already showing the app,
    or afresh) asks which to keep; keeping one's own leaves them as they were, and the link can set
    no day of its own."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "not_a_town"),
        "months_resident": ("type", "8"),
        "employment": ("choice", "employed"),
        "residence": ("choice", "none"),
        "family": ("family", []),
    })
    p.answer_through(script)
    link = ('#a=' + '%7B%22today%22%3A%222017-01-01%22%2C%22target_area%22%3A%22county_seat_town%22%2C'
            '%22current_hukou%22%3A%22elsewhere_in_chenzhou%22%2C%22residence%22%3A%22rented%22%7D')
    # Followed in the tab that already shows the app (only the fragment changes).
    p.session.get(p.base_url + link)
    p.session.wait_for("[data-notice='notice.incoming']")
    p.shot("which-answers")
    assert p.session.run("return document.querySelector('main .bottom-line') === null;"), \
        f"{p.name}: a verdict shows before the person chose whose answers"
    p.session.click("[data-action=keep-own]")
    p.show_results()
    p.expect_first_screen("permit", [])
    # Opened afresh.
    p.session.get("about:blank")
    p.session.get(p.base_url + link)
    p.session.wait_for("[data-action=use-incoming]")
    p.session.click("[data-action=use-incoming]")
    p.show_results()
    p.expect_first_screen("settle", [p.t("area.county_seat_town")])
    judged = p.session.text(".bottom-line .judged")
    assert "2017" not in judged, f"{p.name}: the link's day was used: {judged!r}"


WRONG_CLOCK_JS = """
(() => {
  const Real = Date;
  const day = %s;
  class OnAWrongDay extends Real {
    constructor(...args) { if (args.length) super(...args); else super(day + (Real.now() %% 86400000)); }
  }
  OnAWrongDay.now = Real.now; OnAWrongDay.UTC = Real.UTC; OnAWrongDay.parse = Real.parse;
  window.Date = OnAWrongDay;
})();
"""


def journey_wrong_clock_keeps_the_answers(p):
    """A stored day of its own is dropped and named, every answer kept; a phone whose clock says
    1970, 2015 or 2101 keeps every saved answer, says the date looks wrong, and judges on the last
    day the phone gave that could be right."""
    script = dict(BASE_SCRIPT, **{
        "current_hukou": ("choice", "outside_chenzhou"),
        "target_area": ("choice", "county_seat_town"),
        "residence": ("choice", "rented"),
        "family": ("family", []),
    })
    p.answer_through(script)
    p.expect_first_screen("settle", [p.t("area.county_seat_town")])
    # A stored day of its own (9999-12-31) is dropped and named; every answer stays.
    p.session.run(
        "const s = JSON.parse(localStorage.getItem(arguments[0])); s.answers.today = '9999-12-31';"
        " localStorage.setItem(arguments[0], JSON.stringify(s));", STORAGE_KEY)
    p.session.refresh()
    p.session.wait_for("[data-notice='notice.stored_partly']")
    said = p.session.text("[data-notice='notice.stored_partly']")
    assert p.t("stored.today") in said, f"{p.name}: the stored day is not named: {said!r}"
    p.session.click("[data-action=dismiss]")
    p.show_results()
    p.expect_first_screen("settle", [p.t("area.county_seat_town")])
    for year in (1970, 2015, 2101):
        p.session.call("POST", "/goog/cdp/execute", {
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": {"source": WRONG_CLOCK_JS % f"Date.UTC({year}, 0, 1)"},
        })
        p.session.refresh()
        p.session.wait_for("[data-notice='clock.wrong']")
        notice = p.session.text("[data-notice='clock.wrong']")
        assert str(year) in notice, f"{p.name}: the notice does not name the phone's date: {notice!r}"
        assert p.session.find("[data-notice='notice.stored_reset']") is None, f"{p.name}: answers lost at {year}"
        p.show_results()
        p.expect_first_screen("settle", [p.t("area.county_seat_town")])
    p.shot("wrong-clock")
    judged = p.session.text(".bottom-line .judged")
    assert not any(str(y) in judged for y in (1970, 2015, 2101)), f"{p.name}: judged on a wrong day: {judged!r}"


STORAGE_KEY = "chenzhou-hukou"  # src/saved.rs

DOUBLE_TAP_JS = """
const el = document.querySelector(arguments[0]);
el.scrollIntoView({block: 'center'});
const r = el.getBoundingClientRect();
const x = r.left + r.width / 2, y = r.top + r.height / 2;
el.click();
setTimeout(() => { const under = document.elementFromPoint(x, y); if (under) under.click(); }, arguments[1]);
"""


def double_tap_through(p, start, taps):
    """From the start screen, begins with `start` and double-taps (two taps 150 or 300 ms apart)
    each question of `taps`: a choice's selector, or ("type", text) or ("date", iso) entered and
    then 确定 double-tapped. Others are skipped with one tap. Asserts the question that comes
    next is on screen unanswered; returns the kinds of question double-tapped."""
    p.session.click(start)
    seen = set()
    for gap in (150, 300) * 8:
        field = p.field()
        if field is None:
            break
        tap = taps.get(field)
        selector = tap if isinstance(tap, str) else "section.question [data-action=ok]"
        if tap is None or (isinstance(tap, str) and p.session.find(tap) is None):
            p.act(("family", []) if field == "family" else ("skip",))
            p.wait_for_change(field)
            continue
        p.session.wait_for("main#main[data-ready]")
        if isinstance(tap, tuple) and tap[0] == "type":
            p.session.type("#answer-input", tap[1])
        elif isinstance(tap, tuple):
            for kind, element, value in p.session.run(DATE_FIELDS_JS, tap[1]):
                if kind == "input":
                    handle = element[ELEMENT]
                    p.session.call("POST", f"/element/{handle}/clear", {})
                    p.session.call("POST", f"/element/{handle}/value", {"text": value})
                elif kind == "option":
                    p.session.run("arguments[0].selected = true;"
                                  " arguments[0].parentNode.dispatchEvent(new Event('change', {bubbles: true}));", element)
        p.session.run(DOUBLE_TAP_JS, selector, gap)
        p.wait_for_change(field)
        time.sleep(0.6)
        after = p.field()
        seen.add(tap[0] if isinstance(tap, tuple) else field)
        if after is not None:
            pressed = p.session.run("return document.querySelectorAll('section.question [aria-pressed=true]').length;")
            assert pressed == 0, f"{p.name}: a double tap on {field} also answered {after}"
            typed = p.session.run("const i = document.querySelector('#answer-input'); return i ? i.value : '';")
            assert typed == "", f"{p.name}: a double tap on {field} typed {typed!r} into {after}"
    return seen


def journey_double_taps_answer_once(p):
    """A double tap (two taps 150 or 300 ms apart) on a choice, a yes/no, a number, a date, the
    several-choice list, the family editor and 清除 answers or does one thing: the question that
    comes next is on screen, unanswered."""
    p.set_up()
    seen = double_tap_through(p, "[data-action=begin]", {
        "current_hukou": "section.question button.choice[data-value='\"outside_chenzhou\"']",
        "target_area": "section.question button.choice[data-value='\"county_seat_town\"']",
        "residence": "section.question button.choice[data-value='\"rented\"']",
        "rural_collective_member": "section.question button.choice[data-value='true']",
        "family": "[data-action=family-done]",
    })
    # The several-choice list is offered on the results (the groups the city puts first).
    p.show_results()
    seen |= double_tap_through(p, "[data-action=now-and-then]", {
        "priority_groups": "section.question button.choice[data-value='[]']",
    })
    assert {"residence", "rural_collective_member", "family", "priority_groups"} <= seen, \
        f"{p.name}: a kind of question was not double-tapped: {seen}"
    # 清除 and a second tap: the start screen, and nothing started.
    p.show_results()
    p.session.wait_for("main#main[data-ready]")
    p.session.run(DOUBLE_TAP_JS, "[data-action=forget]", 80)
    time.sleep(0.8)
    assert p.session.find("section.start") is not None and p.field() is None, \
        f"{p.name}: a second tap after 清除 started something"
    # A number typed and its 确定 double-tapped; then a date.
    seen = double_tap_through(p, "[data-purpose=permit]", {
        "current_hukou": "section.question button.choice[data-value='\"outside_chenzhou\"']",
        "residence": "section.question button.choice[data-value='\"rented\"']",
        "months_resident": ("type", "8"),
    })
    assert "type" in seen, f"{p.name}: no number double-tapped: {seen}"
    p.open()
    p.session.run("localStorage.clear();")
    p.set_up()
    seen = double_tap_through(p, "[data-action=begin]", {
        "current_hukou": "section.question button.choice[data-value='\"target_area\"']",
        "target_area": "section.question button.choice[data-value='\"county_seat_town\"']",
        "settled_on": ("date", "2024-05-10"),
    })
    assert "date" in seen, f"{p.name}: no date double-tapped: {seen}"


def journey_future_dated_link_has_a_way_on(p):
    """A share link dated in 2100, with a settlement in 2090, opens on results: the settlement is
    dropped and named, the other answers are judged on the phone's day, and there is a way on."""
    link = '{"today":"2100-12-31","settled_on":"2090-01-01","target_area":"other_town","current_hukou":"outside_chenzhou","residence":"rented"}'
    fragment = "#a=" + "".join(f"%{b:02X}" for b in link.encode())
    p.set_up()
    p.session.get(p.base_url + fragment)
    p.session.wait_for("[data-notice='notice.link_partly']")
    notice = p.session.text("[data-notice='notice.link_partly']")
    assert p.t("stored.today") in notice and p.t("q.settled_on") in notice, f"{p.name}: what was dropped: {notice!r}"
    # Read, then put away with 确定, as a person does.
    p.session.click("[data-action=dismiss]")
    p.show_results()
    p.expect_first_screen("settle", [p.t("area.other_town")])
    assert "2100" not in p.session.text(".bottom-line .judged"), f"{p.name}: judged on the link's day"
    assert p.session.find("[data-action=back]") is not None, f"{p.name}: no way on"
    p.shot("future-link")


JOURNEYS = [
    journey_central_urban_worker,
    journey_renter_with_family,
    journey_months_typed_wrong,
    journey_unsure_place_picker,
    journey_unregistered_newborn,
    journey_newborn_link_shows_the_family_the_same_screen,
    journey_residence_permit_only,
    journey_permit_route,
    journey_permit_after_five_months,
    journey_job_without_contract,
    journey_renter_without_registered_lease,
    journey_worker_housed_by_employer,
    journey_grandmother_joins_her_son,
    journey_wife_joins_her_husband,
    journey_unmarried_daughter_joins_her_parents,
    journey_renter_with_a_young_son,
    journey_no_hukou,
    journey_already_registered,
    journey_registered_in_the_city_without_insurance,
    journey_unsure_of_insurance,
    journey_phone_back_button,
    journey_back_after_reload_and_forward,
    journey_clear_and_undo,
    journey_share_link_over_saved_answers,
    journey_wrong_clock_keeps_the_answers,
    journey_double_taps_answer_once,
    journey_future_dated_link_has_a_way_on,
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a dist/ as deploy/nginx.conf does (gzip_static): FILE.gz, written by the build, to a
    browser that accepts gzip; so every test also proves those files."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path + ".gz"):
            body = open(path + ".gz", "rb")
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
            self.end_headers()
            return body
        return super().send_head()

    def log_message(self, *args):
        pass


def serve(directory, handler=QuietHandler, host="127.0.0.1"):
    """Serves `directory` on a free port of `host`, in a background thread."""
    server = http.server.ThreadingHTTPServer((host, 0), functools.partial(handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    dist = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
    server = serve(dist)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = Driver(os.environ.get("CHROMEDRIVER", "chromedriver"))

    def journey_check(journey, profile):
        short = journey.__name__.removeprefix("journey_")

        def check():
            person = Person(driver, base_url, profile, short)
            try:
                journey(person)
            except Exception:
                person.shot("failure")
                raise
            finally:
                person.session.quit()

        return (f"{profile}-{short}", check)

    try:
        # ONLY=name,name runs just those journeys (while working on them).
        only = [n for n in os.environ.get("ONLY", "").split(",") if n]
        chosen = [j for j in JOURNEYS if not only or j.__name__.removeprefix("journey_") in only]
        code = run_all([journey_check(j, profile) for j in chosen for profile in PROFILES])
    finally:
        driver.quit()
        server.shutdown()
    print(f"screenshots in {SHOTS}")
    return code


if __name__ == "__main__":
    sys.exit(main())
