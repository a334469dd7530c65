import Foundation
import Testing
@testable import BriefingKit

/// In a real browser (headless Chromium from Debian), no page is wider than a phone: at 390 px
/// (a current phone) and 320 px (WCAG's reflow width) the document never scrolls sideways.
/// A wide table may scroll inside its own box; the page around it must not.
///
/// The pages allow no script (their CSP), so a harness page of our own, outside the site, loads
/// each page in an iframe of the phone's width and writes what it measured into its own DOM,
/// which `chromium --dump-dom` prints.
struct BrowserLayoutTests {
    static let widths = [390, 320]

    /// What the harness measured for one page at one width.
    private struct Measurement {
        var page: String
        var width: Int
        var scrollWidth: Int
        var clientWidth: Int
        /// The outermost elements that stick out of the viewport, outside any scrolling box.
        var culprits: String
    }

    @Test func noPageScrollsSideways() throws {
        let site = try BuiltSite.load()
        let chromium = try #require(BuiltSite.executable(named: "chromium"), """
            Chromium is not installed, so page layout cannot be checked in a browser. \
            Run `make test-deps` (Debian's chromium package).
            """)
        // A page that does overflow, measured in the same run: proves the harness can see it.
        let canary = try site.writeScratch("canary.html", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
            <body><p style="width: 2000px">too wide</p></body></html>
            """)
        let targets = site.pages.map { ($0, site.url(of: $0)) } + [("canary", canary)]
        let harness = try site.writeScratch("harness.html", Self.harness(for: targets))

        let profile = harness.deletingLastPathComponent().appendingPathComponent("profile").path
        let result = try BuiltSite.run(chromium, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
            // Overlay scrollbars, as on a phone: a classic one would take 15 px off the width.
            "--hide-scrollbars",
            "--allow-file-access-from-files", "--virtual-time-budget=5000",
            "--window-size=1280,900", "--dump-dom", harness.absoluteString,
        ])
        let measurements = Self.measurements(in: result.stdout)
        try #require(measurements.count == targets.count * Self.widths.count, """
            the harness measured \(measurements.count) of \(targets.count * Self.widths.count) page views \
            (did every page load?). Chromium exited \(result.status); DOM:
            \(result.stdout.suffix(2000))
            stderr: \(result.stderr.suffix(1500))
            """)

        for measurement in measurements {
            let overflows = measurement.scrollWidth > measurement.clientWidth
            if measurement.page == "canary" {
                #expect(overflows, "the harness did not see the 2000 px canary overflow at \(measurement.width) px: \(measurement)")
                continue
            }
            #expect(measurement.clientWidth == measurement.width, "\(measurement.page) was laid out \(measurement.clientWidth) px wide, not \(measurement.width)")
            if overflows {
                Issue.record("""
                    \(measurement.page) at \(measurement.width) px is \(measurement.scrollWidth) px wide and scrolls sideways; \
                    sticking out: \(measurement.culprits)
                    """)
            }
        }
    }

    /// The harness: one iframe per page and width; on load, each frame's widths go into #out.
    private static func harness(for targets: [(name: String, url: URL)]) -> String {
        let frames = widths.flatMap { width in
            targets.map { target in
                "<iframe width=\"\(width)\" height=\"844\" data-page=\"\(target.name)\" src=\"\(target.url.absoluteString)\"></iframe>"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>layout harness</title></head>
            <body>
            \(frames.joined(separator: "\n"))
            <pre id="out">pending</pre>
            <script>
            // Where the width comes from: the outermost elements whose box passes the right edge,
            // outside any box that scrolls or clips; failing that (a wide ::after, a long word),
            // the innermost elements whose content does.
            function culprits(doc, limit) {
              function clipped(el) {
                for (var up = el.parentElement; up && up !== doc.body; up = up.parentElement) {
                  if (doc.defaultView.getComputedStyle(up).overflowX !== 'visible') return true;
                }
                return false;
              }
              var all = Array.prototype.slice.call(doc.querySelectorAll('body *')).filter(function (el) { return !clipped(el); });
              var boxes = all.filter(function (el) { return el.getBoundingClientRect().right > limit + 0.5; });
              var found = boxes.filter(function (el) { return !boxes.some(function (other) { return other !== el && other.contains(el); }); });
              if (found.length === 0) {
                var contents = all.filter(function (el) {
                  return doc.defaultView.getComputedStyle(el).overflowX === 'visible' && el.getBoundingClientRect().left + el.scrollWidth > limit + 0.5;
                });
                found = contents.filter(function (el) { return !contents.some(function (other) { return other !== el && el.contains(other); }); });
              }
              return found.slice(0, 5).map(function (el) {
                var box = el.getBoundingClientRect();
                return el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') +
                  ' (' + Math.round(Math.max(box.width, el.scrollWidth)) + ' px wide)';
              }).join('; ') || 'nothing found';
            }
            window.addEventListener('load', function () {
              var lines = [];
              document.querySelectorAll('iframe').forEach(function (frame) {
                var doc = frame.contentDocument, root = doc && doc.documentElement;
                if (!root || !doc.body) { lines.push(['MEASURED', frame.dataset.page, frame.width, -1, -1, 'not loaded'].join('\\t')); return; }
                var overflow = root.scrollWidth > root.clientWidth;
                lines.push(['MEASURED', frame.dataset.page, frame.width, root.scrollWidth, root.clientWidth,
                            overflow ? culprits(doc, root.clientWidth) : ''].join('\\t'));
              });
              document.getElementById('out').textContent = lines.join('\\n');
            });
            </script>
            </body></html>
            """
    }

    /// Reads the harness's lines back out of the DOM Chromium printed.
    private static func measurements(in dom: String) -> [Measurement] {
        dom.components(separatedBy: "\n").compactMap { line in
            let fields = line.components(separatedBy: "\t")
            guard let start = fields.first?.range(of: "MEASURED"), fields.count >= 6,
                  fields[0][start.upperBound...].isEmpty,
                  let width = Int(fields[2]), let scroll = Int(fields[3]), let client = Int(fields[4]) else { return nil }
            let culprits = fields[5...].joined(separator: " ").replacingOccurrences(of: "</pre>", with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            return Measurement(page: fields[1], width: width, scrollWidth: scroll, clientWidth: client, culprits: culprits)
        }
    }
}
