import Foundation

/// One file of the built site: its path under `Output/` and its bytes.
public struct SiteFile: Sendable, Hashable {
    public let path: String
    public let contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
