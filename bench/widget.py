"""The chat widget: its weight on the wire and how fast it shows up, in headless Chromium.

Run with `make bench` (or `python -m bench.widget`). Numbers go to stdout and to docs/bench.md.
A small loopback HTTP server serves the host page, the widget's files from disk (never cached)
and a fixed, realistic chat reply: this measures the widget alone, not the API or the dialogue engine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import version

from playwright.sync_api import sync_playwright

from api.routes.widget import widget_config, widget_script
from bench import percentile
from nwd.settings import get_settings
from retrieval.report import write_block
from retrieval.settings import ROOT

WIDGET = ROOT / "widget"
FILES = ("nwd.js", "nwd.css", "themes/canada.css", "themes/ontario.css")
BUDGET_KB = 60
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HOST_PAGE = (
    '<!doctype html><html lang="en"><head><title>Host</title></head><body><main><h1>Host page</h1></main>'
    '<script src="/widget/nwd.js" data-portal="{portal}" defer></script></body></html>'
)


def served_script() -> bytes:
    """/widget/nwd.js as the API serves it: styles and settings inlined."""
    settings = get_settings()
    return widget_script(widget_config(settings.api, settings.privacy))[0]


def gzipped_kb(*names: str) -> tuple[float, float]:
    raw = b"".join((WIDGET / n).read_bytes() for n in names)
    return len(raw) / 1024, sum(len(gzip.compress((WIDGET / n).read_bytes(), 9)) for n in names) / 1024


def reply_body() -> str:
    """An answer with sources and feedback, a 4-place comparison of 15 criteria and 3 service cards."""
    source = {"title": "A page", "url": "https://www.canada.ca/en.html", "jurisdiction": "federal", "owner": "IRCC"}
    places = [{"id": f"p{i}", "name": f"Place {i}", "province": "ON"} for i in range(4)]
    criteria = [
        {
            "criterion": f"c{j}",
            "label": f"Criterion {j}",
            "values": [
                {
                    "place": p["id"],
                    "display": "1,234",
                    "year": 2021,
                    "source": {"title": "Census", "url": source["url"]},
                }
                for p in places
            ],
        }
        for j in range(15)
    ]
    card = {
        "name": "A service",
        "organization": "An organization",
        "jurisdiction": "provincial",
        "url": "https://www.ontario.ca/page/a",
        "phone": "1-800-000-0000",
        "description": "What it does.",
    }
    messages = [
        {
            "type": "answer",
            "text": "An answer.\n\nSource: A page https://www.canada.ca/en.html",
            "sources": [{**source, "language": "en"}] * 2,
            "buttons": [{"title": "Helpful", "payload": '/feedback{"helpful": "yes"}'}],
        },
        {"type": "comparison", "text": "Place 0 / Place 1", "comparison": {"places": places, "criteria": criteria}},
        {"type": "services", "text": "Services near you", "services": [card] * 3},
    ]
    return json.dumps({"session_id": "A" * 24 + "." + "B" * 22, "language": "en", "messages": messages})


class Server(ThreadingHTTPServer):
    """The host page, the widget's files from disk and a fixed chat reply, on a loopback port."""

    daemon_threads = True
    body = b""


class Handler(BaseHTTPRequestHandler):
    server: Server
    # As the API (uvicorn) and the portals' servers answer: connections kept alive, so the script does not wait
    # for a new connection, and headers and body sent at once (asyncio sets TCP_NODELAY; with Nagle's algorithm
    # the body's last segment waits for the browser's delayed ACK). Neither delay is the widget's.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, kind: str, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/widget/nwd.js":  # as the API serves it: the styles inlined
            self.send("text/javascript", served_script())
        elif path.startswith("/widget/") and path.removeprefix("/widget/") in FILES:
            name = path.removeprefix("/widget/")
            self.send("text/javascript" if name.endswith(".js") else "text/css", (WIDGET / name).read_bytes())
        elif path in ("/canada", "/ontario"):
            self.send("text/html", HOST_PAGE.format(portal=path[1:]).encode())
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send("application/json", self.server.body)


def measure(runs: int) -> dict[str, list[float]]:
    server = Server(("127.0.0.1", 0), Handler)
    server.body = reply_body().encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    samples: dict[str, list[float]] = {"launcher": [], "launcher_eval": [], "reply": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for n in range(runs):
            portal = ("canada", "ontario")[n % 2]
            context = browser.new_context()
            page = context.new_page()
            # The first frame after the widget shows itself, marked in the page (no test-driver delay in it).
            page.add_init_script(
                """addEventListener('nwd:ready', () => requestAnimationFrame(() => performance.mark('bench:painted')));
                new PerformanceObserver(list => {
                    if (list.getEntriesByName('nwd:rendered').length)
                        requestAnimationFrame(() => performance.mark('bench:reply-painted'));
                }).observe({type: 'mark'});"""
            )
            page.goto(f"{origin}/{portal}")
            page.wait_for_function("performance.getEntriesByName('bench:painted').length > 0")
            page.locator(".launcher").wait_for(state="visible")
            timing = page.evaluate(
                """() => {
                    const painted = performance.getEntriesByName('bench:painted')[0].startTime;
                    const script = performance.getEntriesByType('resource').find(e => e.name.endsWith('/nwd.js'));
                    const start = performance.getEntriesByName('nwd:start')[0].startTime;
                    return {fromFetch: painted - script.startTime, fromEval: painted - start};
                }"""
            )
            samples["launcher"].append(timing["fromFetch"])
            samples["launcher_eval"].append(timing["fromEval"])
            page.locator(".launcher").click()
            page.locator("textarea").fill("compare")
            page.locator("textarea").press("Enter")
            page.wait_for_function("performance.getEntriesByName('bench:reply-painted').length > 0")
            reply = page.evaluate(
                """() => performance.getEntriesByName('bench:reply-painted')[0].startTime
                    - performance.getEntriesByName('nwd:response')[0].startTime"""
            )
            samples["reply"].append(reply)
            context.close()
        browser.close()
    server.shutdown()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.widget")
    parser.add_argument("--runs", type=int, default=20, help="page loads (alternating the two portals)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/bench.md alone")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        raise SystemExit("chromium is not installed: `make browser` installs Debian's chromium")

    lines = [
        f"Machine: {platform.machine()}, Python {platform.python_version()}, playwright {version('playwright')}, "
        f"headless Debian chromium; {args.runs} page loads, each in a fresh browser profile",
        "",
        "| widget script and styles | bytes | gzipped KB | budget KB |",
        "| --- | ---: | ---: | ---: |",
    ]
    served = served_script()
    lines.append(
        f"| /widget/nwd.js as served (both portals' styles inlined) | {len(served)} | "
        f"{len(gzip.compress(served, 9)) / 1024:.1f} | {BUDGET_KB} |"
    )
    for portal in ("canada", "ontario"):
        raw, packed = gzipped_kb("nwd.js", "nwd.css", f"themes/{portal}.css")
        lines.append(
            f"| files: nwd.js + nwd.css + themes/{portal}.css | {raw * 1024:.0f} | {packed:.1f} | {BUDGET_KB} |"
        )
    load_before = os.getloadavg()[0]
    samples = measure(args.runs)
    # The machine is shared: the load says how much the other work weighed on these numbers.
    lines += [
        "",
        f"{os.cpu_count()} cores; load average (1 min) {load_before:.1f} before the page loads, "
        f"{os.getloadavg()[0]:.1f} after.",
        "",
        "| measure | n | p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key, name in (
        ("launcher", "script requested → launcher painted"),
        ("launcher_eval", "script running → launcher painted"),
        ("reply", "API reply received → 3 messages (table, cards) painted"),
    ):
        values = samples[key]
        lines.append(
            f"| {name} | {len(values)} | {statistics.median(values):.1f} | {percentile(values, 95):.1f} | "
            f"{max(values):.1f} |"
        )
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_block(ROOT / "docs" / "bench.md", "widget", text, heading="## Chat widget")


if __name__ == "__main__":
    main()
