"""The widget in a real browser on both demo pages, against the real API + Rasa + actions.

One stack and one browser for the whole module (tests/widget/conftest.py); every test has its own
browser profile, so sessionStorage starts empty. axe-core (vendored in axe-playwright-python) checks
each state the person sees: no serious or critical violation.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from retrieval.settings import ROOT
from tests.widget.conftest import RETENTION_DAYS

pytestmark = pytest.mark.e2e

PORTALS = ["canada", "ontario"]
DOCS = ROOT / "docs"
REPLY_SECONDS = 60_000
AXE = Axe()


# ---- helpers


def open_demo(page: Page, stack, portal: str, lang: str = "en") -> None:
    page.goto(f"{stack.api}/widget/demo/{portal}?lang={lang}")
    expect(page.locator(".launcher")).to_be_visible()


def open_widget(page: Page) -> None:
    page.locator(".launcher").click()
    expect(page.locator("#nwd-panel")).to_be_visible()


def ask(page: Page, text: str) -> None:
    """Type a message, send it with Enter, wait for the reply; a shown error fails the test."""
    before = page.locator(".msg.bot").count()
    box = page.locator("textarea")
    box.fill(text)
    box.press("Enter")
    wait_for_reply(page, before)


def wait_for_reply(page: Page, before: int) -> None:
    # The reply (or an error) must appear: the typing indicator alone may not be on yet when this starts.
    errors = page.locator(".msg.error")
    deadline = time.monotonic() + REPLY_SECONDS / 1000
    while page.locator(".msg.bot").count() <= before and errors.count() == 0 and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    expect(page.locator(".typing.on")).to_have_count(0, timeout=REPLY_SECONDS)
    assert errors.count() == 0, errors.first.inner_text()
    assert page.locator(".msg.bot").count() > before


def last_bot(page: Page):
    return page.locator(".msg.bot").last


def assert_accessible(page: Page, state: str) -> None:
    results = AXE.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {v['help']}; e.g. {v['nodes'][0]['target']}" for v in bad]
    assert not bad, f"{state}: " + " | ".join(summary)


def session_id(page: Page, portal: str) -> str | None:
    saved = page.evaluate(f"sessionStorage.getItem('nwd:{portal}')")
    return json.loads(saved)["sessionId"] if saved else None


def widget_texts(page: Page) -> list[str]:
    """Every string the widget shows or announces (text, labels, placeholders), except words marked in
    another language (the EN/FR switch, whose label is in the language it switches to)."""
    return page.evaluate(
        """() => {
        const root = document.getElementById('nwd-widget').shadowRoot;
        const out = [];
        const foreign = (el) => el.closest('[lang]') && el.closest('[lang]').getAttribute('lang') !== 'fr';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || foreign(el) || el.closest('style')) continue;
          if (n.textContent.trim()) out.push(n.textContent.trim());
        }
        for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
          if (foreign(el)) continue;
          for (const a of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
        }
        return out;
    }"""
    )


def english_catalogue(page: Page) -> list[str]:
    """The widget's English strings that differ from their French (Sources is Sources in both); a template
    ("{n} of {max} characters") counts by its longest fixed part."""
    strings = page.evaluate("window.NoWrongDoor.strings")
    out = []
    for key, value in strings["en"].items():
        if value == strings["fr"][key] or key in ("switchLang", "switchLangLabel"):
            continue
        out.append(max(re.split(r"\{\w+\}", value), key=len).strip())
    return out


def screenshot(page: Page, name: str) -> None:
    page.screenshot(path=str(DOCS / f"widget-{name}.png"))


# ---- tests


def test_catalogue_has_every_string_in_both_languages(page, stack):
    open_demo(page, stack, "canada")
    strings = page.evaluate("window.NoWrongDoor.strings")
    assert set(strings["en"]) == set(strings["fr"]) and len(strings["en"]) > 40
    assert all(strings["fr"][k].strip() for k in strings["en"])
    # French typography: a space before the colon.
    assert all(re.search(r"\S:(\s|$)", v) is None for v in strings["fr"].values()), "French needs ' :'"


@pytest.mark.parametrize("portal", PORTALS)
def test_english_conversation_on_the_demo_page(page, stack, portal):
    open_demo(page, stack, portal)
    assert_accessible(page, f"{portal}: page with the launcher")
    launcher = page.locator(".launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#nwd-panel")).to_have_count(0)  # the launcher first; the dialog is built on open
    open_widget(page)
    expect(launcher).to_be_hidden()
    panel = page.locator("#nwd-panel")
    expect(panel).to_have_attribute("role", "dialog")
    expect(page.locator(".header")).to_contain_text("Automated assistant")
    # The notice before the first message: what is kept, for how long (the server's setting), how to delete.
    notice = page.locator(".privacy")
    expect(notice).to_contain_text("Your messages are kept with the conversation")
    expect(notice.locator(".retention")).to_have_text(
        f"A conversation is deleted {RETENTION_DAYS} days after its last message."
    )
    expect(notice).to_contain_text("UCI")
    expect(notice).to_contain_text("“End and delete this conversation”")
    expect(page.locator("button.end")).to_have_text("End and delete this conversation")
    expect(notice.locator("a")).to_have_attribute("href", re.compile(r"/widget/privacy\?lang=en$"))
    expect(page.locator("[role=log]")).to_have_attribute("aria-live", "polite")
    assert page.evaluate("document.getElementById('nwd-widget').shadowRoot.activeElement.tagName") == "TEXTAREA"
    assert_accessible(page, f"{portal}: open, before the first message")
    screenshot(page, f"{portal}-notice")

    # A question: an answer with its source as a link and the level of government as a label.
    ask(page, "what is a social insurance number and how do I get one?")
    answer = page.locator(".msg.type-answer").last
    source = answer.locator(".sources a").first
    expect(source).to_have_attribute("href", re.compile(r"^https://"))
    expect(answer.locator(".sources .level").first).to_have_text("Federal")
    assert answer.locator(".sources .owner").first.inner_text().strip(), "a source without its owner"
    first_session = session_id(page, portal)
    assert first_session and re.fullmatch(r"[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}", first_session)
    assert_accessible(page, f"{portal}: an answer with sources and feedback buttons")

    # Feedback: the payload goes to the assistant, which thanks the person; the buttons go away.
    answer.locator(".feedback-button[data-helpful=yes]").click()
    expect(page.locator(".msg.me").last).to_contain_text(re.compile("helpful", re.I))
    expect(page.locator(".typing.on")).to_have_count(0, timeout=REPLY_SECONDS)
    expect(last_bot(page)).to_contain_text("feedback")
    expect(answer.locator(".feedback-button")).to_have_count(0)
    expect(answer.locator(".feedback")).to_contain_text("Thank you for your feedback")

    # A comparison: a real table with a caption, column and row headers, figures with their sources.
    ask(page, "compare Ottawa and Toronto")
    table = last_bot(page).locator("table.compare")
    expect(table.locator("caption")).to_contain_text("Ottawa")
    expect(table.locator("thead th")).to_have_text(["Criterion", "Ottawa", "Toronto"])
    assert table.locator("tbody th[scope=row]").count() >= 5
    expect(table.locator("td a").first).to_have_attribute("href", re.compile(r"^https://"))
    assert_accessible(page, f"{portal}: a comparison table")
    screenshot(page, f"{portal}-desktop")

    # A service, once the assistant knows where the person lives: cards with the organization and the level.
    ask(page, "I live in Kingston")
    ask(page, "where do I apply for a health card?")
    services = page.locator(".msg.type-services").last
    card = services.locator(".card").first
    expect(card.locator(".card-name")).to_contain_text("health card")
    expect(card.locator(".level")).to_have_text("Provincial")
    expect(card.locator(".card-contact a").first).to_have_attribute("href", re.compile(r"^(https://|tel:)"))
    assert_accessible(page, f"{portal}: service cards")

    # Phone width: the dialog takes the whole screen, nothing scrolls sideways but the table.
    page.set_viewport_size({"width": 360, "height": 740})
    box = panel.bounding_box()
    assert box and box["width"] <= 360 and box["x"] >= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, f"{portal}-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    # Reload: the same conversation goes on (same signed id, the transcript is back, the place is known).
    shown = page.locator(".msg").count()
    page.reload()
    expect(page.locator("#nwd-panel")).to_be_visible()
    assert page.locator(".msg").count() == shown
    ask(page, "where do I get a library card?")  # Kingston is remembered only by the same conversation
    assert session_id(page, portal) == first_session
    expect(last_bot(page)).to_contain_text("Kingston")


@pytest.mark.parametrize("portal", PORTALS)
def test_french_conversation_has_no_english_left(page, stack, portal):
    open_demo(page, stack, portal, "fr")
    open_widget(page)
    expect(page.locator(".header")).to_contain_text("Assistant automatisé")
    expect(page.locator(".privacy")).to_contain_text("IUC")
    expect(page.locator(".privacy .retention")).to_have_text(
        f"Une conversation est supprimée {RETENTION_DAYS} jours après son dernier message."
    )
    expect(page.locator(".privacy")).to_contain_text("« Terminer et supprimer cette conversation »")
    ask(page, "c'est quoi le numéro d'assurance sociale et comment on l'obtient?")
    answer = page.locator(".msg.type-answer").last
    expect(answer.locator(".sources a").first).to_have_attribute("href", re.compile(r"^https://"))
    expect(answer.locator(".sources .level").first).to_have_text("Fédéral")
    expect(answer.locator(".feedback .label")).to_have_text("Cette réponse vous a-t-elle aidé?")
    ask(page, "compare Ottawa et Sudbury")
    expect(last_bot(page).locator("table.compare thead th").first).to_have_text("Critère")
    assert_accessible(page, f"{portal} (fr): an answer and a comparison")
    english = english_catalogue(page)
    shown = widget_texts(page)
    leaks = sorted({s for s in shown for e in english if s == e or (len(e.split()) >= 3 and e in s)})
    assert not leaks, f"English strings in the French widget: {leaks}"
    # The switch itself says "English", marked lang="en", and turns the widget to English.
    switch = page.locator("button.lang")
    expect(switch).to_have_attribute("lang", "en")
    switch.click()
    expect(page.locator(".header")).to_contain_text("Automated assistant")
    expect(switch).to_be_focused()


def test_one_whole_conversation_by_keyboard_alone(page, stack):
    open_demo(page, stack, "ontario")
    root = "document.getElementById('nwd-widget').shadowRoot"
    focused = f"(() => {{ const a = {root}.activeElement; return a ? a.className || a.tagName : null; }})()"
    for _ in range(10):  # the launcher is the last control of the page
        page.keyboard.press("Tab")
        if page.evaluate(focused) and "launcher" in page.evaluate(focused):
            break
    assert "launcher" in page.evaluate(focused)
    outline = f"getComputedStyle({root}.activeElement).outlineStyle"
    assert page.evaluate(outline) == "solid", "the launcher's focus is not visible"
    page.keyboard.press("Enter")
    expect(page.locator("#nwd-panel")).to_be_visible()
    assert page.evaluate(f"{root}.activeElement.tagName") == "TEXTAREA"
    before = page.locator(".msg.bot").count()
    page.keyboard.type("what is a social insurance number and how do I get one?")
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    # Back from the text box to the feedback buttons, with Shift+Tab only.
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        if "feedback-button" in (page.evaluate(focused) or ""):
            break
    assert "feedback-button" in page.evaluate(focused)
    assert page.evaluate(outline) == "solid", "a button's focus is not visible"
    before = page.locator(".msg.bot").count()
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    assert page.evaluate(f"{root}.activeElement.tagName") == "TEXTAREA", "focus was lost after feedback"
    before = page.locator(".msg.bot").count()
    page.keyboard.type("compare Ottawa and Kingston")
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    expect(last_bot(page).locator("table.compare")).to_be_visible()
    # Escape closes and gives focus back to the launcher; Enter opens again, in the text box.
    page.keyboard.press("Escape")
    expect(page.locator("#nwd-panel")).to_be_hidden()
    assert "launcher" in page.evaluate(focused)
    page.keyboard.press("Enter")
    assert page.evaluate(f"{root}.activeElement.tagName") == "TEXTAREA"
    assert_accessible(page, "ontario: after a keyboard-only conversation")


def test_html_typed_by_a_person_is_shown_as_text(page, stack):
    open_demo(page, stack, "canada")
    open_widget(page)
    ask(page, "<img src=x onerror=alert(1)>")
    expect(page.locator(".msg.me").last).to_contain_text("<img src=x onerror=alert(1)>")
    assert page.evaluate("document.getElementById('nwd-widget').shadowRoot.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # The page fixture fails the test if alert() opened a dialog.


def test_api_down_or_503_keeps_what_was_typed_and_retries(page, stack):
    open_demo(page, stack, "canada", "fr")
    open_widget(page)
    page.route(
        "**/api/chat",
        lambda route: route.fulfill(
            status=503,
            content_type="application/json",
            body='{"detail": "The assistant is unavailable right now (the dialogue engine is unreachable)."}',
        ),
    )
    box = page.locator("textarea")
    box.fill("comment obtenir ma carte Santé?")
    box.press("Enter")
    error = page.locator(".msg.error")
    expect(error).to_contain_text("L'assistant ne peut pas répondre pour le moment")
    expect(error).not_to_contain_text("unavailable")
    expect(box).to_have_value("comment obtenir ma carte Santé?")
    assert_accessible(page, "canada (fr): the API answered 503")
    page.unroute("**/api/chat")
    page.route("**/api/chat", lambda route: route.abort("connectionrefused"))
    error.locator("button.retry").click()
    expect(page.locator(".msg.error")).to_contain_text("Impossible de joindre l'assistant")
    expect(box).to_have_value("comment obtenir ma carte Santé?")
    page.unroute("**/api/chat")
    before = page.locator(".msg.bot").count()
    page.locator(".msg.error button.retry").click()
    wait_for_reply(page, before)
    expect(box).to_have_value("")
    expect(page.locator(".msg.me")).to_have_count(1)


def test_a_20000_character_paste_is_refused_with_a_counter(page, stack):
    open_demo(page, stack, "ontario")
    open_widget(page)
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/api/chat" in request.url else None)
    refused = page.evaluate(
        """() => {
        const box = document.getElementById('nwd-widget').shadowRoot.querySelector('textarea');
        const data = new DataTransfer();
        data.setData('text/plain', 'x'.repeat(20000));
        const event = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
        box.focus();
        return !box.dispatchEvent(event);
    }"""
    )
    assert refused
    expect(page.locator("textarea")).to_have_value("")
    expect(page.locator(".input-error")).to_contain_text("20,000 characters long and the limit is 2,000")
    page.locator("textarea").fill("y" * 2001)
    expect(page.locator(".counter")).to_have_text("2,001 of 2,000 characters")
    expect(page.locator(".counter")).to_have_class(re.compile("over"))
    page.locator("button.send").click()
    expect(page.locator(".input-error")).to_contain_text("2,001 characters long; the limit is 2,000")
    assert sent == []


def test_end_and_delete_clears_the_conversation(page, stack):
    open_demo(page, stack, "canada")
    open_widget(page)
    ask(page, "hello")
    assert session_id(page, "canada")
    page.route("**/api/chat/*", lambda route: route.fulfill(status=500, body="{}"))
    page.locator("button.end").click()
    page.locator(".confirm button.danger").click()
    expect(page.locator(".msg.error")).to_contain_text("could not be deleted")
    assert session_id(page, "canada")
    page.unroute("**/api/chat/*")
    deletes: list[str] = []
    page.on("request", lambda request: deletes.append(request.method) if request.method == "DELETE" else None)
    page.locator("button.end").click()
    expect(page.locator(".confirm")).to_contain_text("Delete this conversation?")
    page.locator(".confirm button.danger").click()
    expect(page.locator(".msg.notice")).to_have_text("The conversation was deleted. You can start a new one.")
    assert deletes == ["DELETE"]
    assert session_id(page, "canada") is None
    expect(page.locator(".msg.me")).to_have_count(0)


def test_an_unknown_portal_logs_a_clear_error_and_renders_nothing(page, stack):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.route(
        "**/bad-portal",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="en"><title>x</title><body><p>Host page</p>'
            '<script src="/widget/nwd.js" data-portal="quebec"></script></body></html>',
        ),
    )
    page.goto(f"{stack.api}/bad-portal")
    page.wait_for_load_state("load")
    assert any(m.startswith("error:") and 'data-portal="quebec"' in m and "canada, ontario" in m for m in messages)
    assert page.locator("#nwd-widget").count() == 0
    assert page.evaluate("typeof window.NoWrongDoor") == "undefined"


def test_js_api_open_on_load_position_and_zoom(page, stack):
    page.route(
        "**/host-page",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="fr"><title>Hôte</title><body><main><h1>Hôte</h1></main>'
            '<script src="/widget/nwd.js" data-portal="ontario" data-open="true" data-position="bottom-left">'
            "</script></body></html>",
        ),
    )
    page.goto(f"{stack.api}/host-page")
    expect(page.locator("#nwd-panel")).to_be_visible()  # open on load
    expect(page.locator(".header")).to_contain_text("Assistant automatisé")  # the page's lang
    assert page.locator("#nwd-panel").bounding_box()["x"] < 100  # bottom-left
    page.evaluate("NoWrongDoor.close()")
    expect(page.locator(".launcher")).to_be_visible()
    page.evaluate("NoWrongDoor.setLanguage('en')")
    expect(page.locator(".launcher")).to_contain_text("Ask the settlement assistant")
    page.evaluate("NoWrongDoor.open()")
    expect(page.locator("#nwd-panel")).to_be_visible()
    # 200% zoom of a 1280 x 800 screen, and a 320 px phone: every control stays on the screen.
    for width, height, scale in ((640, 400, 2), (320, 640, 1)):
        page.set_viewport_size({"width": width, "height": height})
        for control in ("textarea", "button.send", "button.close", "button.lang"):
            box = page.locator(control).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (width, control, box)
            assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (width, control, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, scale)


def test_data_lang_wins_over_the_pages_lang(page, stack):
    page.route(
        "**/lang-host",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="en"><title>Host</title><body><main><h1>Host</h1></main>'
            '<script src="/widget/nwd.js" data-portal="canada" data-lang="fr"></script></body></html>',
        ),
    )
    page.goto(f"{stack.api}/lang-host")
    expect(page.locator(".launcher")).to_have_text(re.compile("Poser une question"))
    assert page.evaluate("NoWrongDoor.language") == "fr"


def test_reduced_motion_stops_the_typing_animation(browser, stack):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_demo(page, stack, "canada")
    open_widget(page)
    name = """() => {
        const t = document.getElementById('nwd-widget').shadowRoot.querySelector('.typing');
        t.classList.add('on');
        return getComputedStyle(t, '::after').animationName;
    }"""
    assert page.evaluate(name) == "none"
    context.close()
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    open_demo(page, stack, "canada")
    open_widget(page)
    assert page.evaluate(name) == "nwd-dots"
    context.close()


CANNED = {
    "session_id": "A" * 24 + "." + "B" * 22,
    "language": "en",
    "messages": [
        {
            "type": "services",
            "text": "Taxes are federal.\n- Free tax clinics (CRA): 1-800-959-8281",
            "services": [
                {
                    "name": "Free tax clinics",
                    "organization": "Canada Revenue Agency",
                    "jurisdiction": "federal",
                    "url": "https://www.canada.ca/en/revenue-agency.html",
                    "phone": "1-800-959-8281",
                    "description": "Volunteers do simple returns for free.",
                }
            ],
        },
        {
            "type": "handoff",
            "text": "To talk to a person:\n- 211: https://211ontario.ca/",
            "sources": [
                {
                    "title": "<img src=x onerror=alert(1)>",
                    "url": "javascript:alert(1)",
                    "jurisdiction": "community",
                    "owner": "211 Ontario",
                    "language": "en",
                }
            ],
        },
        {
            "type": "choices",
            "text": "Which place did you mean?",
            "buttons": [{"title": "London", "payload": "London"}, {"title": "Londonderry", "payload": "Londonderry"}],
        },
        {
            "type": "comparison",
            "text": "Four places compared",
            "comparison": {
                "places": [{"id": f"p{i}", "name": f"Greater Sudbury {i}"} for i in range(4)],
                "criteria": [
                    {
                        "criterion": "rent",
                        "label": "Average rent of a two-bedroom apartment",
                        "values": [
                            {
                                "place": f"p{i}",
                                "display": "$1,234",
                                "year": 2023,
                                "source": {"title": "CMHC", "url": "https://www.cmhc-schl.gc.ca/"},
                            }
                            for i in range(4)
                        ],
                    }
                ],
            },
        },
    ],
}


def test_every_message_type_is_drawn_as_text_with_safe_links(page, stack):
    """Service cards with a tel: link, a handoff card, choices as buttons; served content cannot inject."""
    requests: list[dict] = []

    def reply(route):
        requests.append(json.loads(route.request.post_data or "{}"))
        route.fulfill(status=200, content_type="application/json", body=json.dumps(CANNED))

    page.route("**/api/chat", reply)
    open_demo(page, stack, "canada")
    open_widget(page)
    ask(page, "free tax help")
    assert requests[0] == {"message": "free tax help", "portal": "canada", "lang": "en"}
    card = page.locator(".card").first
    expect(card.locator("a[href='tel:18009598281']")).to_have_text("1-800-959-8281")
    expect(card.locator(".level")).to_have_text("Federal")
    expect(card.locator("a[href^='https://www.canada.ca']")).to_contain_text("Website")
    handoff = page.locator(".msg.type-handoff")
    expect(handoff.locator(".handoff-label")).to_have_text("Talk to a person")
    expect(handoff.locator("a[href='https://211ontario.ca/']")).to_be_visible()
    expect(handoff.locator(".sources li")).to_contain_text("<img src=x onerror=alert(1)>")
    assert handoff.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("document.getElementById('nwd-widget').shadowRoot.querySelectorAll('img').length") == 0
    expect(handoff.locator(".level")).to_have_text("Community")
    assert_accessible(page, "canada: service card, handoff and choices")
    # A wide table scrolls sideways inside its own box on a 320 px phone; the page itself does not.
    page.set_viewport_size({"width": 320, "height": 640})
    scroller = page.locator(".msg.type-comparison .table-scroll")
    expect(scroller.locator("caption")).to_have_text("Four places compared")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("button.choice", has_text="Londonderry").click()
    expect(page.locator(".msg.me").last).to_contain_text("Londonderry")
    assert requests[-1]["message"] == "Londonderry" and requests[-1]["session_id"] == CANNED["session_id"]


def test_home_page_is_the_same_widget_in_full_page_mode(page, stack):
    page.goto(f"{stack.api}/?lang=fr")
    expect(page.locator("#nwd-panel")).to_be_visible()
    expect(page.locator("#nwd-panel")).to_have_attribute("role", "region")
    assert page.locator(".launcher").count() == 0 and page.locator("button.close").count() == 0
    expect(page.locator("h1")).to_have_text("Assistant à l'établissement")
    ask(page, "c'est quoi le numéro d'assurance sociale et comment on l'obtient?")
    expect(page.locator(".msg.type-answer .sources a").first).to_have_attribute("href", re.compile(r"^https://"))
    page.keyboard.press("Escape")  # nothing to close in full-page mode
    expect(page.locator("#nwd-panel")).to_be_visible()
    assert_accessible(page, "/ (fr): full-page mode with an answer")


def serve_plain_copy(page: Page) -> None:
    """/plain-host: a page that embeds nwd.js as a plain file (no API inlining), its styles beside it."""
    widget = ROOT / "widget"

    def plain(route):
        name = route.request.url.split("/plain/", 1)[1]
        # As a portal's server must send it: the file holds the French strings, in UTF-8.
        kind = "text/javascript; charset=utf-8" if name.endswith(".js") else "text/css; charset=utf-8"
        route.fulfill(status=200, content_type=kind, body=(widget / name).read_bytes())

    page.route("**/plain/**", plain)
    page.route(
        "**/plain-host",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="en"><title>Host</title><body><main><h1>Host</h1></main>'
            '<script src="/plain/nwd.js" data-portal="canada"></script></body></html>',
        ),
    )


def test_the_plain_file_links_its_styles(page, stack):
    """nwd.js copied as a plain file fetches its theme and layout beside it, and its settings from the API."""
    serve_plain_copy(page)
    page.goto(f"{stack.api}/plain-host")
    launcher = page.locator(".launcher")
    expect(launcher).to_be_visible()
    # The Canada theme's primary colour (#26374a) reached the launcher: the linked styles applied.
    expect(launcher).to_have_css("background-color", "rgb(38, 55, 74)")
    assert page.evaluate("document.getElementById('nwd-widget').shadowRoot.querySelectorAll('link').length") == 2
    # Without the API's inlined settings, it asks the API for them on open: the notice has the server's period.
    open_widget(page)
    expect(page.locator(".privacy .retention")).to_have_text(
        f"A conversation is deleted {RETENTION_DAYS} days after its last message."
    )


def test_a_one_day_period_is_written_in_the_singular(page, stack):
    serve_plain_copy(page)
    page.route(
        "**/api/widget-config",
        lambda route: route.fulfill(
            content_type="application/json", body='{"retention_days": 1, "max_message_chars": 2000}'
        ),
    )
    page.goto(f"{stack.api}/plain-host")
    open_widget(page)
    retention = page.locator(".privacy .retention")
    expect(retention).to_have_text("A conversation is deleted 1 day after its last message.")
    page.locator("button.lang").click()
    expect(retention).to_have_text("Une conversation est supprimée 1 jour après son dernier message.")


def canned(language: str, text: str, buttons: list[dict] | None = None) -> str:
    message = {"type": "choices" if buttons else "text", "text": text, "buttons": buttons or []}
    return json.dumps({"session_id": CANNED["session_id"], "language": language, "messages": [message]})


def test_the_language_is_sent_only_when_the_person_chose_it(page, stack):
    """lang goes with the first message (the page's language), the first one after the EN/FR switch and a
    button pressed; with any other message the server reads the language it is written in."""
    sent: list[dict] = []
    # The language each reply is in: the fifth is in English although the widget is in French (the server
    # read the message as English), and the widget follows it.
    languages = ["en", "en", "en", "fr", "en", "en"]

    def reply(route):
        sent.append(json.loads(route.request.post_data or "{}"))
        language = languages[len(sent) - 1]
        text = "Réponse." if language == "fr" else "An answer."
        buttons = [{"title": "Thunder Bay", "payload": "Thunder Bay"}] if len(sent) == 2 else None
        route.fulfill(status=200, content_type="application/json", body=canned(language, text, buttons))

    page.route("**/api/chat", reply)
    open_demo(page, stack, "ontario")
    open_widget(page)
    ask(page, "hello")
    ask(page, "where do I get a health card?")
    page.locator("button.choice", has_text="Thunder Bay").click()
    expect(page.locator(".msg.bot")).to_have_count(3)
    page.locator("button.lang").click()
    expect(page.locator(".header")).to_contain_text("Assistant automatisé")
    ask(page, "bonjour")
    ask(page, "and what about taxes?")
    expect(page.locator(".header")).to_contain_text("Automated assistant")  # the reply's language
    ask(page, "thanks")
    assert [body.get("lang") for body in sent] == ["en", None, "en", "fr", None, None]
    assert [body["message"] for body in sent][2] == "Thunder Bay"
    assert all(body["portal"] == "ontario" for body in sent)


def test_a_question_written_in_the_other_language_is_answered_in_it(page, stack):
    """On an English page, a question typed in French (no switch) gets a French answer, and the widget
    turns French: the server's reading of the message is not overridden by the page's language."""
    bodies: list[dict] = []
    page.on(
        "request",
        lambda request: (
            bodies.append(json.loads(request.post_data or "{}"))
            if request.method == "POST" and request.url.endswith("/api/chat")
            else None
        ),
    )
    open_demo(page, stack, "canada")
    open_widget(page)
    ask(page, "what is a social insurance number and how do I get one?")
    ask(page, "c'est quoi le numéro d'assurance sociale et comment on l'obtient?")
    assert [body.get("lang") for body in bodies] == ["en", None]
    answer = page.locator(".msg.type-answer").last
    expect(answer.locator(".sources .level").first).to_have_text("Fédéral")
    expect(page.locator(".header")).to_contain_text("Assistant automatisé")
    expect(page.locator("textarea")).to_have_attribute("placeholder", "Écrivez votre question…")


def test_the_host_pages_css_does_not_reach_the_widget(page, stack):
    """A page with heavy-handed CSS (and a 10 px root font, as Bootstrap 3 themes set): the widget keeps its
    theme, its size and its 44 px touch target; its own CSS does not reach the page's elements."""
    page.route(
        "**/styled-host",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="en"><head><title>Host</title><style>html { font-size: 10px }'
            " * { color: rgb(0, 255, 0) !important; font-family: serif !important }"
            " button { background: rgb(255, 0, 0) !important; padding: 0 !important }"
            " .launcher, .panel { display: none !important }</style></head>"
            '<body><main><h1>Host</h1><button type="button" class="send">Host button</button></main>'
            '<script src="/widget/nwd.js" data-portal="canada"></script></body></html>',
        ),
    )
    page.goto(f"{stack.api}/styled-host")
    widget = page.locator("#nwd-widget")
    launcher = widget.locator(".launcher")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_css("background-color", "rgb(38, 55, 74)")
    expect(launcher).to_have_css("color", "rgb(255, 255, 255)")
    expect(launcher).to_have_css("font-size", "16px")
    assert launcher.bounding_box()["height"] >= 44
    host_button = page.locator("main button.send")
    expect(host_button).to_have_css("background-color", "rgb(255, 0, 0)")
    expect(host_button).to_have_css("font-weight", "400")  # the widget's .send is bold: not here
    launcher.click()
    expect(widget.locator("#nwd-panel")).to_be_visible()
    expect(widget.locator("textarea")).to_have_css("font-size", "16px")
    expect(widget.locator(".privacy p").first).not_to_have_css("color", "rgb(0, 255, 0)")


def test_typing_indicator_while_waiting_and_an_error_body_in_the_conversations_language(page, stack):
    held = []
    page.route("**/api/chat", lambda route: held.append(route))
    open_demo(page, stack, "canada", "fr")
    open_widget(page)
    box = page.locator("textarea")
    box.fill("comment obtenir ma carte Santé?")
    box.press("Enter")
    typing = page.locator(".typing.on")
    expect(typing).to_have_text("L'assistant écrit…")
    expect(typing).to_have_attribute("role", "status")
    assert_accessible(page, "canada (fr): waiting for a reply")
    page.wait_for_function("true")  # let the held request reach the handler
    assert held, "the request never left"
    held[0].fulfill(
        status=422,
        content_type="application/json",
        body='{"detail": "message: contains control or binary characters; send plain text"}',
    )
    error = page.locator(".msg.error")
    expect(error).to_have_text("Ce message n'a pas pu être envoyé. Écrivez du texte simple d'au plus 2 000 caractères.")
    expect(page.locator(".typing.on")).to_have_count(0)
    expect(box).to_have_value("comment obtenir ma carte Santé?")
