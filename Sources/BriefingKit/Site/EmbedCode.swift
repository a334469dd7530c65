import Foundation

/// The code a newsroom pastes into its page to show an embed: a responsive iframe and the few
/// lines of script that give the frame the height the embed reports, and the same as an oEmbed
/// document. Pure text, so it is tested without a browser.
///
/// The listener takes Datawrapper's message (`{"datawrapper-height": {"<id>": <px>}}`), the form
/// most newsrooms' pages already handle, and sizes only the frame whose window sent it; when the
/// site's address is known it also accepts the message only from that origin. A page that already
/// runs Datawrapper's or pym.js's own parent script needs only the iframe (for pym.js, its
/// `pym.Parent` creates the frame from the embed's address).
public struct EmbedCode: Sendable, Equatable {
    /// The embed's address: absolute when the site's address is known, else its path from the site's root.
    public let src: String
    /// The frame's accessible name: the embed's title.
    public let title: String
    /// The frame's height until the embed reports its own, in CSS pixels.
    public let height: Int
    /// `scheme://host[:port]` of the site, when its address is known.
    public let origin: String?

    /// The width an oEmbed consumer is told: a common article column, in CSS pixels. The frame
    /// itself takes the full width of the column it is put in.
    public static let oEmbedWidth = 640

    /// - Parameters:
    ///   - path: the embed page's path from the site's root (`embed/wales/key-figures.html`).
    ///   - baseURL: the site's address, ending in `/`, or nil when it is not known.
    public init(path: String, title: String, height: Int, baseURL: String?) {
        self.src = (baseURL ?? "") + path
        self.title = title
        self.height = height
        self.origin = baseURL.flatMap(Self.origin(of:))
    }

    /// `<iframe …></iframe>`: full width, no border, loaded when the reader nears it.
    public var iframe: String {
        "<iframe src=\"\(FigureMarkup.attribute(src))\" title=\"\(FigureMarkup.attribute(title))\" height=\"\(height)\" "
            + "style=\"width: 100%; border: 0;\" loading=\"lazy\"></iframe>"
    }

    /// The parent's listener, as a `<script>` element.
    public var listener: String {
        let check = origin.map { "  if (event.origin !== \"\(Self.javaScriptString($0))\") return;\n" } ?? ""
        return """
            <script>
            window.addEventListener("message", function (event) {
            \(check)  var sizes = event.data && event.data["datawrapper-height"];
              if (!sizes) return;
              document.querySelectorAll("iframe").forEach(function (frame) {
                if (frame.contentWindow !== event.source) return;
                for (var id in sizes) frame.style.height = sizes[id] + "px";
              });
            });
            </script>
            """
    }

    /// The listener and the iframe, as the oEmbed file gives them. The listener comes first, so
    /// that it is listening before the frame can load and send its first height.
    public var html: String { listener + "\n" + iframe }

    /// The oEmbed document (oEmbed 1.0, type `rich`), as the embed's static `.json` file holds it.
    public func oEmbed(provider: String, providerURL: String?) throws -> String {
        let document = OEmbedDocument(version: "1.0", type: "rich", title: title, provider_name: provider,
                                      provider_url: providerURL, html: html, width: Self.oEmbedWidth, height: height)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private struct OEmbedDocument: Encodable {
        let version: String
        let type: String
        let title: String
        let provider_name: String
        let provider_url: String?
        let html: String
        let width: Int
        let height: Int
    }

    /// `scheme://host[:port]` of an absolute http(s) address; nil for anything else.
    static func origin(of address: String) -> String? {
        guard let parts = URLComponents(string: address), let scheme = parts.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = parts.host, !host.isEmpty else { return nil }
        // A browser leaves the scheme's own port out of an origin.
        let port = parts.port.flatMap { $0 == (scheme == "https" ? 443 : 80) ? nil : $0 }
        return "\(scheme)://\(host.lowercased())" + (port.map { ":\($0)" } ?? "")
    }

    /// Text for a double-quoted JavaScript string inside a `<script>` element.
    static func javaScriptString(_ text: String) -> String {
        ByteEscaper.escape(text) { byte in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "<"): "\\u003C"
            case UInt8(ascii: "\n"): "\\n"
            case UInt8(ascii: "\r"): "\\r"
            default: nil
            }
        }
    }
}
