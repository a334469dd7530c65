import Foundation

extension Data {
    /// The pieces a producer hands over, gathered into one: where a file made to be streamed is wanted
    /// whole (a check's site in memory, a file system with no streams, a page's own small download).
    static func gathering(_ produce: (_ emit: (Data) throws -> Void) throws -> Void) rethrows -> Data {
        var whole = Data()
        try produce { whole.append($0) }
        return whole
    }
}
