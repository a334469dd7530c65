import FlyingFox
import Foundation

/// Serves the built site from the output folder, with HTML pages decorated for the preview.
/// Each request reads the folder as it is then: a rebuild swaps the whole site at once.
struct PreviewHandler: HTTPHandler {
    let folder: String
    let page: PreviewPage
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let generation = await state.generation, failure = await state.failure
        switch request.path {
        case PreviewPage.script: return Self.response(Data(PreviewPage.reloadScript.utf8), type: "text/javascript; charset=utf-8")
        case PreviewPage.stylesheet: return Self.response(Data(PreviewPage.overlayStyle.utf8), type: "text/css; charset=utf-8")
        default: break
        }
        guard await state.hasSite else {
            let html = page.standalone(title: "No site yet", message: "The first build failed, so there is nothing to show yet.",
                                       generation: generation, failure: failure ?? ["The first build has not finished."])
            return Self.response(Data(html.utf8), type: "text/html; charset=utf-8", status: .serviceUnavailable)
        }
        // Only plain names: no `..`, no `.` folders, nothing outside the site.
        // The address as sent (FlyingFox's `path` drops a trailing slash, which matters here).
        let sent = request.target.path(percentEncoded: true)
        let decoded = sent.removingPercentEncoding ?? sent
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !decoded.contains("\0"), !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            return notFound(generation: generation, failure: failure)
        }
        var path = ([folder] + parts).joined(separator: "/")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            // Browsers ask for it unbidden; the site has none, and a 404 would be a console error on every page.
            if sent == "/favicon.ico" { return HTTPResponse(statusCode: .noContent) }
            return notFound(generation: generation, failure: failure)
        }
        if isFolder.boolValue {
            // Pages link to folders relatively: `regions/` must end in a slash for its links to work.
            guard sent.hasSuffix("/") else {
                var headers = HTTPHeaders()
                // An absolute address: some clients (Foundation's on Linux) follow no relative one.
                headers[.location] = "http://\(request.headers[.host] ?? "127.0.0.1:\(page.port)")\(sent)/"
                return HTTPResponse(statusCode: .movedPermanently, headers: headers)
            }
            path += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: path) else { return notFound(generation: generation, failure: failure) }
        let type = Self.contentType(of: path)
        guard path.hasSuffix(".html") else { return Self.response(data, type: type) }
        let html = page.decorate(String(decoding: data, as: UTF8.self), generation: generation, failure: failure)
        return Self.response(Data(html.utf8), type: type)
    }

    private func notFound(generation: Int, failure: [String]?) -> HTTPResponse {
        let html = page.standalone(title: "Not found", message: "The site has no page at this address.",
                                   generation: generation, failure: failure)
        return Self.response(Data(html.utf8), type: "text/html; charset=utf-8", status: .notFound)
    }

    static func response(_ data: Data, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        // Never cached: each reload must show the current build.
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: status, headers: headers, body: data)
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "xml": "application/xml"
        case "atom": "application/atom+xml"
        case "ods": "application/vnd.oasis.opendocument.spreadsheet"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}
