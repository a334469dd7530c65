import BriefingKit
import Foundation

/// How `briefing serve` changes an HTML page on its way to the browser (never on disk): the page's
/// own Content Security Policy gains the preview's script and socket, the reload script and the
/// overlay's stylesheet are linked in `<head>`, and, after a failed rebuild, the diagnostics sit over
/// the page as text.
struct PreviewPage {
    /// The reserved folder of the preview's own files; no site file is under it.
    static let reserved = "/_briefing/"
    static let script = reserved + "reload.js"
    static let stylesheet = reserved + "overlay.css"
    static let socket = reserved + "socket"

    let port: Int

    /// The page with the preview's additions; a page without `<head>` or `<body>` is left as it is.
    func decorate(_ html: String, generation: Int, failure: [String]?) -> String {
        var page = withPolicy(html)
        let head = "<link rel=\"stylesheet\" href=\"\(Self.stylesheet)\">"
            + "<script src=\"\(Self.script)?generation=\(generation)\" defer></script>"
        if let close = page.range(of: "</head>") {
            page.insert(contentsOf: head, at: close.lowerBound)
        }
        if let failure, let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: Self.overlay(failure), at: page.index(after: end))
        }
        return page
    }

    /// A page for when there is no site to show (the first build failed, or a path has no file).
    func standalone(title: String, message: String, generation: Int, failure: [String]?) -> String {
        let policy = ContentSecurityPolicy.pages
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <title>\(Self.escaped(title))</title>
            </head>
            <body>
            <main><h1>\(Self.escaped(title))</h1><p>\(Self.escaped(message))</p></main>
            </body>
            </html>

            """
        return decorate(page, generation: generation, failure: failure)
    }

    /// The page's `<meta>` policy with `script-src 'self'` and `connect-src` for the socket added.
    private func withPolicy(_ html: String) -> String {
        let start = "<meta http-equiv=\"Content-Security-Policy\" content=\""
        guard let meta = html.range(of: start), let end = html[meta.upperBound...].firstIndex(of: "\"") else { return html }
        let given = String(html[meta.upperBound..<end]).replacingOccurrences(of: "&#39;", with: "'")
        let directives = given.split(separator: ";").compactMap { part -> ContentSecurityPolicy.Directive? in
            let words = part.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let name = words.first else { return nil }
            return ContentSecurityPolicy.Directive(name, Array(words.dropFirst()))
        }
        let policy = ContentSecurityPolicy(directives)
            .adding("script-src", ["'self'"])
            .adding("connect-src", ["'self'", "ws://127.0.0.1:\(port)", "ws://localhost:\(port)"])
        var page = html
        page.replaceSubrange(meta.upperBound..<end, with: policy.description)
        return page
    }

    /// The diagnostics, escaped: nothing from the data is ever read as HTML.
    static func overlay(_ lines: [String]) -> String {
        """
        <div class="briefing-preview-overlay" role="alert" aria-labelledby="briefing-preview-overlay-title">\
        <h2 id="briefing-preview-overlay-title">The last rebuild failed</h2>\
        <p>This is the last good site. Fix the files below and save: this notice goes when a rebuild succeeds.</p>\
        <pre>\(escaped(lines.joined(separator: "\n")))</pre></div>
        """
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The reload script: a socket to the server; a build number other than the page's reloads it.
    /// When the server goes away, it tries again each second, and reloads once it is back.
    static let reloadScript = """
        (function () {
          "use strict";
          var generation = new URL(document.currentScript.src).searchParams.get("generation");
          var address = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socket)";
          function connect() {
            var socket = new WebSocket(address);
            socket.onmessage = function (event) {
              var match = /^generation (\\d+)$/.exec(String(event.data));
              if (match && match[1] !== generation) location.reload();
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();

        """

    static let overlayStyle = """
        .briefing-preview-overlay {
          position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 80vh; overflow: auto;
          margin: 0; padding: 1rem 1.25rem; box-sizing: border-box;
          background: #fff8f6; color: #1b1b1b; border-bottom: 0.25rem solid #b3261e;
          font: 1rem/1.4 system-ui, sans-serif; box-shadow: 0 0.25rem 1rem rgba(0, 0, 0, 0.25);
        }
        .briefing-preview-overlay h2 { margin: 0 0 0.5rem; font-size: 1.25rem; color: #8c1d18; }
        .briefing-preview-overlay p { margin: 0 0 0.75rem; }
        .briefing-preview-overlay pre {
          margin: 0; padding: 0.75rem; overflow-x: auto; white-space: pre; tab-size: 4;
          background: #1b1b1b; color: #f5f5f5; font: 0.875rem/1.4 ui-monospace, monospace;
        }

        """
}
