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
        if let port = components.port, !(1...65_535).contains(port) {
            throw problem("has the port \(port); a port is a number from 1 to 65535")
        }
        // A host of digits and dots is an IPv4 address, which browsers read in forms (0x7f.1, 127.1) that
        // the embed code's origin check would not match: only the usual four decimal parts are taken.
        if host.allSatisfy({ $0.isNumber || $0 == "." || $0 == "x" || $0 == "X" }) || host.lowercased().hasPrefix("0x") {
            let parts = host.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, parts.allSatisfy({ part in
                !part.isEmpty && part.allSatisfy(\.isNumber) && (part == "0" || !part.hasPrefix("0")) && Int(part).map { $0 <= 255 } == true
            }) else {
                throw problem("has a host that looks like an IP address but is not written as four numbers from 0 to 255, such as 192.0.2.1")
            }
        }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        // "." and ".." are resolved by browsers, so a canonical link written with them names another address.
        guard !path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." || $0.lowercased() == "%2e" || $0.lowercased() == "%2e%2e" || $0.lowercased() == ".%2e" || $0.lowercased() == "%2e." }) else {
            throw problem("has '.' or '..' in its path; write the folder's address as the browser shows it, such as https://example.org/briefing/")
        }
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
