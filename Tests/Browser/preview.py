#!/usr/bin/env python3
"""`briefing serve` in a real browser: does an open page reload by itself when the data change?

Run by ServeBrowserTests (Swift), which starts `briefing serve` on a copy of the fixture data and
gives this script the page's address and the file to edit. On its own:

    python3 Tests/Browser/preview.py --url http://127.0.0.1:PORT/regions/x/ --file Data/figures.csv \
        --old '...,1532' --new '...,1533' --shown '>1,533<' --break-old 'West Midlands,All' \
        --break-new 'West Midlandz,All' > result.json

The page is opened once and never reloaded by this script. A mark is set on its `window`, which a
reload clears. Then, in turn: the figure is changed in the file (the page must reload by itself and
show the new value), the file is broken (the page must reload and show the failure notice over the
last good site), and mended (the notice must go). What the page showed at each step, whether it had
reloaded and every console message (a blocked socket or script is a CSP error there) are printed
as JSON for the Swift test to judge; this script judges nothing but its own time limit.
"""

import argparse
import json
import time

from embeds import driver

MARK = "window.__briefingPreviewTestMark = true;"
READ = """
return {
  marked: window.__briefingPreviewTestMark === true,
  text: document.body ? document.body.innerText : "",
  html: document.documentElement.outerHTML,
  overlay: document.querySelector(".briefing-preview-overlay") !== null
};
"""


def edit(path, old, new):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if old not in text:
        raise SystemExit(f"{path} does not hold {old!r}")
    # Written in place, as most editors save.
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))


def wait(browser, accept, timeout):
    """Reads the page until `accept` holds or the time is up; the last reading, and the seconds taken."""
    began = time.monotonic()
    state = None
    while time.monotonic() - began < timeout:
        try:
            state = browser.execute_script(READ)
        except Exception:  # the page is between documents
            state = None
        if state is not None and accept(state):
            break
        time.sleep(0.1)
    return state, round(time.monotonic() - began, 2)


def step(browser, name, accept, timeout):
    state, seconds = wait(browser, accept, timeout)
    result = {"step": name, "seconds": seconds, "reloaded": bool(state) and not state["marked"],
              "overlay": bool(state) and state["overlay"], "html": state["html"] if state else ""}
    # Marked again, so that the next step sees its own reload.
    browser.execute_script(MARK)
    return result


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "file", "old", "new", "shown", "break-old", "break-new"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()

    browser = driver()
    try:
        browser.get(args.url)
        steps = []
        first, _ = wait(browser, lambda s: s["text"] != "", args.timeout)
        # The socket has told the page its build; a reload from here on is the server's doing.
        time.sleep(1)
        browser.execute_script(MARK)
        steps.append({"step": "opened", "seconds": 0, "reloaded": False, "overlay": first["overlay"], "html": first["html"]})

        edit(args.file, args.old, args.new)
        steps.append(step(browser, "changed", lambda s: not s["marked"] and args.shown in s["html"], args.timeout))
        edit(args.file, args.break_old, args.break_new)
        steps.append(step(browser, "broken", lambda s: not s["marked"] and s["overlay"], args.timeout))
        edit(args.file, args.break_new, args.break_old)
        steps.append(step(browser, "mended", lambda s: not s["marked"] and not s["overlay"], args.timeout))

        console = [{"level": entry.get("level"), "message": entry.get("message")} for entry in browser.get_log("browser")]
        print(json.dumps({"steps": steps, "console": console}))
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
