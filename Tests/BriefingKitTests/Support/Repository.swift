import Foundation
@testable import BriefingKit

/// Paths into the repository and the example release, for tests that use the real data.
enum Repository {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A copy of the example release, so that editing `Data/` never changes what the tests assert.
    static var data: String { fixtures + "/example-2021/Data" }
    static var templates: String { root + "/Templates" }
    static var fixtures: String { root + "/Tests/BriefingKitTests/Fixtures" }

    static let fileSystem = LocalFileSystem(manager: .default)

    /// The example dataset in `Data/`, loaded once.
    static func dataset() throws -> Dataset {
        var log = DiagnosticLog()
        return try DataLoader(fileSystem: fileSystem).load(from: data, log: &log)
    }

    static func statistics() throws -> Statistics {
        StatisticsEngine().run(try dataset())
    }

    /// One folder per test process that holds every test's scratch folders; it goes when the process does,
    /// so a test run leaves nothing behind in the system's temporary folder (runs had left thousands).
    private static let scratch: String = {
        let path = NSTemporaryDirectory() + "briefing-tests-\(UUID().uuidString)"
        atexit { try? FileManager.default.removeItem(atPath: Repository.scratch) }
        return path
    }()

    /// A fresh empty folder in this test process's scratch folder.
    static func temporaryFolder(_ name: String = "briefing") throws -> String {
        let path = scratch + "/\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
