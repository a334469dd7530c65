#!/usr/bin/env python3
"""Embeds in a real browser: do their frames end at their content's height, and do they pass axe?

Run by EmbedBrowserTests (Swift), which builds the fixture sites with a base URL on the port it
gives here and reads the JSON this script prints. On its own:

    python3 Tests/Browser/embeds.py --site DIR --port PORT [--axe] > result.json

DIR holds built sites (DIR/2021/, DIR/2023/ ...) whose base URL is http://127.0.0.1:PORT/<name>/.
This script serves DIR on that port (the embeds' origin), and serves host pages from another
loopback port (another origin), as a newsroom's page would be:

- the Datawrapper host page holds each embed's oEmbed `html` exactly as shipped (the copy-paste
  code: the iframe and its listener for Datawrapper's message), plus one canary frame whose page
  has no height script (it must be caught keeping its first height);
- the pym.js host page frames each embed as pym.js's Parent does (`?initialWidth=…&childId=…` in
  the address, `height` set from the `pymxPYMx<id>xPYMxheightxPYMx<px>` message, matched by the
  same regular expression pym.js builds), and nothing else listens, so the pym message alone
  must size each frame; these addresses also carry an `id`, which the Datawrapper message must
  then use instead of the embed's path.

Each host page is loaded at 1280 px wide, every frame is checked, then the viewport is narrowed to
320 px without reloading (the embeds must notice and report their new height) and every frame is
checked again. A frame is checked once it has had a height message (the canary: after a short
wait) and its height has held still: its height in the host page, and, inside the frame, the
`<html>` element's height and its scroll and client heights. Every message each frame sent is
recorded, for the Swift test to check its form.

With --axe, axe-core (axe.min.js from PyPI's axe-core-python) runs on every embed page on its own, and on
a canary page with known faults.

Only loopback addresses are used. Chromium and chromedriver are Debian's; selenium is told where
they are, so it never looks for a driver of its own (SE_OFFLINE).
"""

import argparse
import functools
import html
import http.server
import json
import os
import re
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

WIDTHS = (1280, 320)
HEIGHT = 900


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        # Chromium asks for /favicon.ico unbidden; the sites have none. A 404 would be a console
        # error on every page that is no fault of the page.
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


def serve(port, directory=None, pages=None):
    """A threaded loopback server of a folder, or of in-memory pages by path."""
    if pages is None:
        handler = functools.partial(QuietHandler, directory=directory)
    else:
        class PageHandler(QuietHandler):
            def do_GET(self):
                body = pages.get(self.path.split("?")[0])
                if body is None:
                    self.send_error(404)
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
        handler = PageHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


RECORDER = """
<script>
// Every message a frame sends, in order, by frame: strings as they are, objects as JSON.
window.addEventListener("message", function (event) {
  document.querySelectorAll("iframe").forEach(function (frame) {
    if (frame.contentWindow !== event.source) return;
    (frame.__messages = frame.__messages || []).push(
      typeof event.data === "string" ? event.data : JSON.stringify(event.data));
  });
});
</script>
"""

PYM_PARENT = """
<script>
// What pym.js's Parent does with a child's message: the same regular expression, the same attribute.
// Listening before any frame exists, as pym.js does (it creates the frame after it listens).
window.addEventListener("message", function (event) {
  if (typeof event.data !== "string") return;
  document.querySelectorAll("[data-pym-id]").forEach(function (slot) {
    var id = slot.getAttribute("data-pym-id");
    var pattern = new RegExp("^" + ["pym", id, "(\\\\S+)", "(.*)"].join("xPYMx") + "$");
    var match = event.data.match(pattern);
    if (!match || match.length !== 3 || match[1] !== "height") return;
    slot.querySelector("iframe").setAttribute("height", parseInt(match[2], 10) + "px");
  });
});
</script>
"""


def host_page(title, slots, scripts):
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title>{RECORDER}{scripts}</head><body>\n"
            + "\n".join(slots) + "\n</body></html>")


def embeds_under(site):
    """Every embed's oEmbed file, as (path from DIR, parsed document)."""
    found = []
    for path in sorted(Path(site).glob("*/embed/*/*.json")):
        found.append((str(path.relative_to(site)), json.loads(path.read_text(encoding="utf-8"))))
    return found


def iframe_src(html):
    match = re.search(r'<iframe src="([^"]+)"', html)
    if not match:
        raise SystemExit(f"no iframe src in oEmbed html: {html[:200]}")
    return match.group(1).replace("&amp;", "&")


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--hide-scrollbars", f"--window-size={WIDTHS[0]},{HEIGHT}"):
        options.add_argument(argument)
    # The console, for the pages check: every message, CSP violations included.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(60)
    browser.set_script_timeout(60)
    return browser


def set_width(browser, width):
    # Headless windows have a minimum width above 320 px: the viewport is set directly instead.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})


FRAME_STATE = """
var frame = arguments[0];
return [frame.getBoundingClientRect().height, (frame.__messages || []).length];
"""

INSIDE = """
var root = document.documentElement;
return {content: root.getBoundingClientRect().height, scroll: root.scrollHeight,
        client: root.clientHeight, width: window.innerWidth,
        overflowing_tables: Array.prototype.filter.call(document.querySelectorAll(".table-wrap"),
            function (box) { return box.scrollWidth > box.clientWidth + 1; }).length};
"""


def settle(browser, frame, expect_message, timeout):
    """Waits until the frame has a message (when one is expected) and its height holds for 0.6 s."""
    deadline = time.time() + timeout
    last, steady = None, 0
    while time.time() < deadline:
        height, count = browser.execute_script(FRAME_STATE, frame)
        state = (height, count)
        steady = steady + 1 if state == last else 0
        last = state
        if steady >= 6 and (count > 0 or not expect_message):
            return True
        time.sleep(0.1)
    return False


def check_frames(browser, phase, kind):
    results = []
    for frame in browser.find_elements("css selector", "iframe"):
        slot = browser.execute_script("return arguments[0].closest('[data-embed]').dataset;", frame)
        canary = slot.get("canary") == "yes"
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", frame)
        settled = settle(browser, frame, expect_message=not canary, timeout=4 if canary else 15)
        height, _ = browser.execute_script(FRAME_STATE, frame)
        messages = browser.execute_script("return arguments[0].__messages || [];", frame)
        browser.switch_to.frame(frame)
        try:
            inside = browser.execute_script(INSIDE)
        finally:
            browser.switch_to.default_content()
        results.append({
            "embed": slot["embed"], "protocol": kind, "phase": phase, "canary": canary,
            "pym_id": slot.get("pymId"), "chart_id": slot.get("chartId"), "settled": settled, "frame_height": height,
            "content_height": inside["content"], "scroll_height": inside["scroll"],
            "client_height": inside["client"], "inner_width": inside["width"], "messages": messages,
            "overflowing_tables": inside["overflowing_tables"],
        })
    return results


def run_axe(browser, urls, axe_script):
    reports = []
    for url in urls:
        browser.get(url)
        browser.execute_script(axe_script)
        result = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            "  done({version: axe.version, violations: r.violations.map(function (v) {"
            "    return {id: v.id, impact: v.impact, help: v.help,"
            "            nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })}); },"
            "  function (e) { done({error: String(e)}); });")
        reports.append({"url": url, **result})
    return reports


PAGE_WIDTH = """
var root = document.documentElement;
return {scroll: root.scrollWidth, client: root.clientWidth};
"""

# Screenshots at a desktop's and a phone's size; the sideways check at WCAG's reflow width too.
SHOTS = ((1280, 900), (390, 844))
NARROWEST = 320


def pages_under(site):
    """Every HTML page of every site under DIR (briefing pages and embeds), as paths from DIR."""
    return sorted(str(path.relative_to(site)) for path in Path(site).glob("*/**/*.html"))


def check_pages(browser, origin, pages, axe_script, shots):
    """Each page over HTTP: its console (errors, CSP violations), axe, its width at 320 px, screenshots."""
    reports = []
    for page in pages:
        url = f"{origin}/{page}"
        browser.get_log("browser")  # what an earlier page left
        set_size(browser, *SHOTS[0])
        browser.get(url)
        time.sleep(0.3)
        entry = {"page": page, "console": [], "widths": {}}
        browser.execute_script(axe_script)
        axe = browser.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            "  done({violations: r.violations.map(function (v) {"
            "    return {id: v.id, impact: v.impact, help: v.help,"
            "            nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })}); },"
            "  function (e) { done({error: String(e)}); });")
        entry["axe"] = {"url": url, **axe}
        name = page[:-len(".html")].replace("/", "_")
        for width, height in SHOTS:
            set_size(browser, width, height)
            time.sleep(0.2)
            if shots:
                browser.save_screenshot(os.path.join(shots, f"{name}@{width}x{height}.png"))
        for width in (390, NARROWEST):
            set_size(browser, width, SHOTS[1][1])
            time.sleep(0.2)
            entry["widths"][str(width)] = browser.execute_script(PAGE_WIDTH)
        entry["console"] = [{"level": m["level"], "message": m["message"]}
                            for m in browser.get_log("browser") if m["level"] in ("SEVERE", "WARNING")]
        reports.append(entry)
    return reports


def set_size(browser, width, height):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--axe", action="store_true")
    parser.add_argument("--canary", default=None, help="a page of DIR with no height script, framed as a canary")
    parser.add_argument("--pages", action="store_true",
                        help="also check every page of DIR: console, axe, no sideways scroll at 390 and 320 px")
    parser.add_argument("--screenshots", default=None, help="with --pages: a folder for screenshots at 1280x900 and 390x844")
    args = parser.parse_args()

    site_server = serve(args.port, directory=args.site)
    origin = f"http://127.0.0.1:{args.port}"
    embeds = embeds_under(args.site)
    if not embeds:
        raise SystemExit(f"no embed/*/*.json under {args.site}/*/")

    datawrapper_slots, pym_slots = [], []
    for index, (path, document) in enumerate(embeds):
        src = iframe_src(document["html"])
        if not src.startswith(origin + "/"):
            raise SystemExit(f"{path}: the embed code's address {src} is not on {origin}; build with that base URL")
        datawrapper_slots.append(f'<div data-embed="{html.escape(path)}">{document["html"]}</div>')
        pym_id = f"pym-{index}"
        # Also an `id` parameter, which names the embed in its Datawrapper message instead of its path.
        pym_slots.append(f'<div data-embed="{html.escape(path)}" data-pym-id="{pym_id}" data-chart-id="chart-{index}" id="{pym_id}">'
                         f'<iframe src="{src}?initialWidth={WIDTHS[0]}&amp;childId={pym_id}&amp;id=chart-{index}" width="100%" '
                         f'title="{html.escape(document["title"])}" frameborder="0"></iframe></div>')
    if args.canary:
        first = embeds[0][1]["html"]
        canary_src = f"{origin}/{args.canary}"
        datawrapper_slots.append('<div data-embed="canary" data-canary="yes">'
                                 + re.sub(r'<iframe src="[^"]+"', f'<iframe src="{canary_src}"', first, count=1)
                                 + "</div>")

    pages = {
        "/datawrapper.html": host_page("Datawrapper host", datawrapper_slots, ""),
        "/pym.html": host_page("pym.js host", pym_slots, PYM_PARENT),
        # A script the policy blocks (a CSP violation in the console) and a page too wide for a phone.
        "/canary/console.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                                "<title>console canary</title></head><body><main><p>blocked</p>"
                                "<script>document.title = 'ran';</script></main></body></html>",
        "/canary/wide.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                             "<meta name=\"viewport\" content=\"width=device-width\"><title>wide canary</title></head>"
                             "<body><main><p style=\"width: 2000px\">too wide</p></main></body></html>",
        "/axe-canary.html": "<!DOCTYPE html><html><head><title></title></head><body>"
                            "<img src=\"missing.png\"><a href=\"#\"></a><p style=\"color:#ccc;background:#ddd\">faint</p>"
                            "</body></html>",
    }
    host_server = serve(0, pages=pages)
    host = f"http://127.0.0.1:{host_server.server_address[1]}"

    browser = driver()
    report = {"embeds": [path for path, _ in embeds], "frames": [], "axe": [], "axe_canary": []}
    try:
        for kind in ("datawrapper", "pym"):
            set_width(browser, WIDTHS[0])
            browser.get(f"{host}/{kind}.html")
            report["frames"] += check_frames(browser, str(WIDTHS[0]), kind)
            for width in WIDTHS[1:]:
                set_width(browser, width)
                time.sleep(0.5)
                report["frames"] += check_frames(browser, str(width), kind)
        if args.axe:
            import importlib.util
            # PyPI's axe-core-python ships axe-core's axe.min.js; only the script is used.
            axe_path = Path(importlib.util.find_spec("axe_core_python").submodule_search_locations[0]) / "axe.min.js"
            axe_script = axe_path.read_text(encoding="utf-8")
            set_width(browser, WIDTHS[0])
            urls = [f"{origin}/{path[:-len('.json')]}.html" for path, _ in embeds]
            report["axe"] = run_axe(browser, urls, axe_script)
            report["axe_canary"] = run_axe(browser, [f"{host}/axe-canary.html"], axe_script)
            if args.pages:
                if args.screenshots:
                    os.makedirs(args.screenshots, exist_ok=True)
                # A page that breaks each rule, checked the same way: the checks can fail.
                canaries = ["canary/console.html", "canary/wide.html"]
                report["pages"] = check_pages(browser, origin, pages_under(args.site), axe_script, args.screenshots)
                report["page_canaries"] = check_pages(browser, host, canaries, axe_script, None)
    finally:
        browser.quit()
        host_server.shutdown()
        site_server.shutdown()
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
