import Foundation
import Testing
@testable import BriefingKit

/// In a real browser (headless Chromium), at 320 px (WCAG's reflow width), 390 px and 1280 px, no
/// two pieces of text in a chart overlap, no text runs over a bar or a dot, and no text is cut off
/// at the chart's edge.
///
/// As in `BrowserLayoutTests`, the pages allow no script, so a harness page of our own loads each
/// page with charts in an iframe and writes what it measured into its own DOM for `--dump-dom`.
struct ChartLayoutTests {
    static let widths = [320, 390, 1280]

    private struct Measurement {
        var page: String
        var width: Int
        var charts: Int
        var texts: Int
        var problems: String
    }

    @Test func chartTextNeverCollides() throws {
        let site = try BuiltSite.load()
        let chromium = try #require(BuiltSite.executable(named: "chromium"), "Chromium is not installed; run `make test-deps`")
        let pages = try site.pages.filter { try site.html(of: $0).contains("<div class=\"chart\">") }
        try #require(pages.count >= 10, "expected charts on at least ten pages: \(pages)")
        // A chart whose labels do collide, measured in the same run: proves the harness sees it.
        let canary = try site.writeScratch("canary.html", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head><body>
            <svg class="chart-svg" width="100%" height="60" font-size="14"><text x="0" y="20">Facebook and Messenger</text>
            <text x="40" y="24">Instagram</text><rect x="0" y="30" width="50%" height="16"/><text x="10" y="44">1,191</text></svg>
            </body></html>
            """)
        let targets = pages.map { ($0, site.url(of: $0)) } + [("canary", canary)]
        let harness = try site.writeScratch("charts.html", Self.harness(for: targets))
        let profile = harness.deletingLastPathComponent().appendingPathComponent("profile").path
        let result = try BuiltSite.run(chromium, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
            "--hide-scrollbars", "--allow-file-access-from-files", "--virtual-time-budget=5000",
            "--window-size=1400,900", "--dump-dom", harness.absoluteString,
        ])
        let measurements = Self.measurements(in: result.stdout)
        try #require(measurements.count == targets.count * Self.widths.count, """
            the harness measured \(measurements.count) of \(targets.count * Self.widths.count) page views. \
            Chromium exited \(result.status); DOM: \(result.stdout.suffix(1500)) stderr: \(result.stderr.suffix(1000))
            """)
        var texts = 0
        for measurement in measurements {
            if measurement.page == "canary" {
                #expect(measurement.problems.contains("overlaps"), "the harness did not see the canary's collisions at \(measurement.width) px")
                continue
            }
            #expect(measurement.charts > 0, "\(measurement.page) at \(measurement.width) px: no chart measured")
            texts += measurement.texts
            #expect(measurement.problems.isEmpty, "\(measurement.page) at \(measurement.width) px: \(measurement.problems)")
        }
        #expect(texts > 200)
    }

    private static func harness(for targets: [(name: String, url: URL)]) -> String {
        let frames = widths.flatMap { width in
            targets.map { "<iframe width=\"\(width)\" height=\"900\" data-page=\"\($0.name)\" src=\"\($0.url.absoluteString)\"></iframe>" }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>chart harness</title></head>
            <body>
            \(frames.joined(separator: "\n"))
            <pre id="out">pending</pre>
            <script>
            function overlap(a, b) {
              return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
            }
            function describe(el) { return '“' + (el.textContent || el.tagName).trim().slice(0, 30) + '”'; }
            function measure(doc) {
              var problems = [], count = 0, svgs = doc.querySelectorAll('svg.chart-svg');
              svgs.forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                var texts = Array.prototype.slice.call(svg.querySelectorAll('text')).filter(function (t) { return t.textContent.trim() !== ''; });
                var marks = Array.prototype.slice.call(svg.querySelectorAll('rect, circle'));
                count += texts.length;
                texts.forEach(function (t, i) {
                  var r = t.getBoundingClientRect();
                  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                    problems.push(describe(t) + ' is cut off at the edge of ' + (svg.id || 'the chart'));
                  }
                  texts.slice(i + 1).forEach(function (u) {
                    if (overlap(r, u.getBoundingClientRect())) problems.push(describe(t) + ' overlaps ' + describe(u));
                  });
                  marks.forEach(function (m) {
                    if (overlap(r, m.getBoundingClientRect())) problems.push(describe(t) + ' overlaps a ' + m.tagName);
                  });
                });
              });
              return [svgs.length, count, problems.slice(0, 6).join('; ')];
            }
            window.addEventListener('load', function () {
              var lines = [];
              document.querySelectorAll('iframe').forEach(function (frame) {
                var doc = frame.contentDocument;
                if (!doc || !doc.body) { lines.push(['CHARTS', frame.dataset.page, frame.width, 0, 0, 'not loaded'].join('\\t')); return; }
                lines.push(['CHARTS', frame.dataset.page, frame.width].concat(measure(doc)).join('\\t'));
              });
              document.getElementById('out').textContent = lines.join('\\n');
            });
            </script>
            </body></html>
            """
    }

    private static func measurements(in dom: String) -> [Measurement] {
        dom.components(separatedBy: "\n").compactMap { line in
            let fields = line.components(separatedBy: "\t")
            guard let start = fields.first?.range(of: "CHARTS"), fields.count >= 6, fields[0][start.upperBound...].isEmpty,
                  let width = Int(fields[2]), let charts = Int(fields[3]), let texts = Int(fields[4]) else { return nil }
            let problems = fields[5...].joined(separator: " ").replacingOccurrences(of: "</pre>", with: "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            return Measurement(page: fields[1], width: width, charts: charts, texts: texts, problems: problems.trimmingCharacters(in: .whitespaces))
        }
    }
}
