import Foundation
import Testing
@testable import BriefingKit

/// Templates saved on Windows (CRLF) or old Mac OS (lone CR) give the same site, byte for byte, as LF ones.
@Suite struct LineEndingTests {
    /// The example templates with every LF turned into `ending`.
    func templates(with ending: String) throws -> String {
        let folder = try Repository.temporaryFolder("endings") + "/Templates"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.templates) {
            let text = try String(contentsOfFile: Repository.templates + "/" + name, encoding: .utf8)
            #expect(!text.contains("\r"), "\(name) is not LF to start with")
            try text.replacingOccurrences(of: "\n", with: ending).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func site(_ templates: String) throws -> [String: Data] {
        let result = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.fixtures + "/small/Data", templates: templates))
        return Dictionary(uniqueKeysWithValues: result.site.files.map { ($0.path, $0.contents) })
    }

    @Test(arguments: ["\r\n", "\r"])
    func everyOutputFileIsByteIdentical(_ ending: String) throws {
        let lf = try site(Repository.templates)
        let other = try site(try templates(with: ending))
        #expect(lf.keys.sorted() == other.keys.sorted())
        #expect(lf.count > 5)
        for path in lf.keys.sorted() where lf[path] != other[path] {
            Issue.record("\(path) differs when the templates end lines with \(ending.debugDescription)")
        }
    }
}
