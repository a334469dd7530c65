import Foundation

/// The absolute address the site is published at (`--base-url`), always ending in `/`.
///
/// Only with one can the site name its pages absolutely: canonical links, Open Graph URLs, the
/// Atom feed and the sitemap. Without one every link stays relative and the site works from a
/// folder or a `file://` URL.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// The address as written into pages: `https://example.org/briefings/2021/`.
    public let text: String
    /// The path part, from the host's root: `/briefings/2021/` (just `/` at the host's root).
    public let path: String

    /// Why a text is not a base URL, in words a user can act on.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Checks and normalises `text`: an absolute http or https URL with a host and no user name,
    /// query or fragment. The scheme and host are written in lower case, and a `/` is added to the
    /// end of the path when it is missing.
    public init(_ text: String) throws(Problem) {
        func problem(_ reason: String) -> Problem {
            Problem(description: "--base-url '\(UnsafeCharacter.escaped(text))' \(reason)")
        }
        guard !text.isEmpty else { throw problem("is empty; give the address the site is published at, such as https://example.org/briefing/") }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }) else {
            throw problem("has a space, a control or a non-ASCII character; write them percent-encoded (%20) and the host in its ASCII (punycode) form")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw problem("is not an absolute URL; write it in full, such as https://example.org/briefing/")
        }
        guard scheme == "https" || scheme == "http" else {
            throw problem("must start with https:// (or http://)")
        }
        guard let host = components.percentEncodedHost, !host.isEmpty else {
            throw problem("has no host name; write it in full, such as https://example.org/briefing/")
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw problem("must not hold a user name or password")
        }
        guard components.percentEncodedQuery == nil, components.percentEncodedFragment == nil else {
            throw problem("must not have a query (?…) or a fragment (#…): the pages' paths are added to its end")
        }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        guard !last.lowercased().hasSuffix(".html"), !last.lowercased().hasSuffix(".htm") else {
            throw problem("names a page; give the folder the site is published at, such as https://example.org/briefing/")
        }
        if !path.hasSuffix("/") { path += "/" }
        let hostText = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        self.path = path
        self.text = scheme + "://" + hostText.lowercased() + (components.port.map { ":\($0)" } ?? "") + path
    }

    /// The absolute address of a path in the site (`regions/east/` → `https://example.org/regions/east/`).
    public func url(of sitePath: String) -> String {
        text + sitePath
    }

    public var description: String { text }
}
