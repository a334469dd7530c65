import Foundation
import Testing
@testable import BriefingKit

/// `ZipStream` writes the zip container itself, so two readers that share none of its code check
/// what it writes: Python's `zipfile` and Info-ZIP's `unzip -t` (each entry's CRC-32 and sizes).
@Suite struct ZipStreamTests {
    /// 40,000 lines of text, about 1.1 MB: many chunks of the streamed entry, deflated.
    static let large = Data((0..<40_000).map { "row \($0), count \($0 * 7 % 1_000)\n" }.joined().utf8)

    /// An archive of a stored, a deflated and a streamed entry, with its pieces as they were handed on.
    static func archive(date: Date = Date(timeIntervalSince1970: 1_772_600_768)) throws -> (bytes: Data, pieces: [Int]) {
        var zip = ZipStream(date: date)
        var bytes = Data(), pieces: [Int] = []
        let emit = { (piece: Data) in bytes.append(piece); pieces.append(piece.count) }
        try zip.add("mimetype", Data("text/plain".utf8), compressed: false, to: emit)
        try zip.add("small.txt", Data("small\n".utf8), compressed: true, to: emit)
        var offset = 0
        try zip.add("dir/large.txt", size: large.count, reading: { count in
            defer { offset += count }
            return large.subdata(in: offset..<min(large.count, offset + count))
        }, to: emit)
        try zip.finish(to: emit)
        return (bytes, pieces)
    }

    static func scratch(_ bytes: Data) throws -> (folder: String, path: String) {
        let folder = try Repository.temporaryFolder("zip")
        let path = folder + "/test.zip"
        try bytes.write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    static let pythonReader = """
    import json, sys, zipfile
    with zipfile.ZipFile(sys.argv[1]) as z:
        assert z.testzip() is None
        print(json.dumps([{"name": i.filename, "method": i.compress_type, "flags": i.flag_bits,
                           "date": list(i.date_time), "text": z.read(i).decode()} for i in z.infolist()]))
    """

    struct Entry: Decodable, Equatable {
        let name: String
        let method: Int
        let flags: Int
        let date: [Int]
        let text: String
    }

    @Test func pythonsZipfileReadsEveryEntryBack() throws {
        let (folder, path) = try Self.scratch(try Self.archive().bytes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try ProcessRunner.run("/usr/bin/python3", ["-c", Self.pythonReader, path])
        try #require(run.status == 0, "zipfile could not read the archive: \(run.stderr)")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(run.stdout.utf8))
        // 1772600768 is 2026-03-04 05:06:08 UTC: the date is the UTC one, whatever the machine's zone.
        let date = [2026, 3, 4, 5, 6, 8]
        #expect(entries == [
            Entry(name: "mimetype", method: 0, flags: 0, date: date, text: "text/plain"),
            Entry(name: "small.txt", method: 8, flags: 0, date: date, text: "small\n"),
            Entry(name: "dir/large.txt", method: 8, flags: 8, date: date, text: String(decoding: Self.large, as: UTF8.self)),
        ])
    }

    @Test func infoZipsUnzipFindsEveryCRCAndSizeRight() throws {
        let (folder, path) = try Self.scratch(try Self.archive().bytes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try ProcessRunner.run("/usr/bin/unzip", ["-t", path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("No errors detected"), "\(run.stdout)")
        #expect(run.stdout.contains("testing: dir/large.txt") && run.stdout.contains("testing: mimetype"), "\(run.stdout)")
    }

    /// The reader fails on a damaged archive, so its passing means something: one byte of the
    /// streamed entry's data changed breaks its CRC.
    @Test func theReadersRefuseADamagedArchive() throws {
        var bytes = try Self.archive().bytes
        let at = try #require(bytes.range(of: Data("dir/large.txt".utf8))).upperBound + 100
        bytes[at] ^= 0xff
        let (folder, path) = try Self.scratch(bytes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ProcessRunner.run("/usr/bin/unzip", ["-t", path]).status != 0)
        #expect(try ProcessRunner.run("/usr/bin/python3", ["-c", Self.pythonReader, path]).status != 0)
    }

    /// The large entry is handed on as it is deflated, never gathered: no piece is larger than a
    /// chunk of deflated data, and there are many.
    @Test func aStreamedEntryIsHandedOnInChunks() throws {
        let (bytes, pieces) = try Self.archive()
        #expect(pieces.max()! <= ZipStream.chunk)
        #expect(pieces.count > 5)
        #expect(pieces.reduce(0, +) == bytes.count)
    }

    @Test func theSameEntriesAndDateGiveTheSameBytes() throws {
        #expect(try Self.archive().bytes == Self.archive().bytes)
        #expect(try Self.archive().bytes != Self.archive(date: Date(timeIntervalSince1970: 315_532_800)).bytes)
    }

    @Test func aReaderThatGivesTooFewBytesIsAFault() throws {
        var zip = ZipStream(date: Date(timeIntervalSince1970: 315_532_800))
        #expect(throws: ZipStream.Failure.self) {
            try zip.add("short.txt", size: 100, reading: { _ in Data("only this".utf8) }, to: { _ in })
        }
    }

    /// Names LibreOffice would refuse, or that are not plain relative paths, are refused before
    /// anything is written; so is a second entry of one name, whatever its case.
    @Test func aNameThatIsNotAPlainRelativePathOfPrintableASCIIIsRefused() throws {
        var zip = ZipStream(date: Date(timeIntervalSince1970: 315_532_800))
        for name in ["", "café.xml", "a\nb", "a\u{7F}", "/abs.xml", "../up.xml", "a/./b", "a//b", "a\\b", "a:b", "a|b", "a?b"] {
            var written = 0
            #expect(throws: ZipStream.Failure.self, "\(name.debugDescription)") {
                try zip.add(name, Data("x".utf8), compressed: false, to: { written += $0.count })
            }
            #expect(written == 0, "\(name.debugDescription)")
        }
        try zip.add("META-INF/manifest.xml", Data("x".utf8), compressed: true, to: { _ in })
        #expect(throws: ZipStream.Failure.self) { try zip.add("meta-inf/Manifest.xml", Data("y".utf8), compressed: true, to: { _ in }) }
    }

    /// A file of no bytes has no data in a zip: stored, with no descriptor, however it was asked for.
    @Test func anEmptyEntryIsStoredWithNoData() throws {
        var zip = ZipStream(date: Date(timeIntervalSince1970: 315_532_800))
        var bytes = Data()
        try zip.add("empty.txt", Data(), compressed: true, to: { bytes.append($0) })
        try zip.add("streamed.txt", size: 0, reading: { _ in Data() }, to: { bytes.append($0) })
        try zip.finish(to: { bytes.append($0) })
        let (folder, path) = try Self.scratch(bytes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try ProcessRunner.run("/usr/bin/python3", ["-c", Self.pythonReader, path])
        try #require(run.status == 0, "\(run.stderr)")
        let entries = try JSONDecoder().decode([Entry].self, from: Data(run.stdout.utf8))
        #expect(entries.map(\.method) == [0, 0] && entries.map(\.flags) == [0, 0] && entries.map(\.text) == ["", ""])
        // Two local headers of 30 bytes and their names, nothing between them.
        #expect(bytes.range(of: Data([0x50, 0x4B, 0x03, 0x04]), in: 1..<bytes.count)?.lowerBound == 30 + "empty.txt".utf8.count)
    }

    /// An MS-DOS date holds 1980 to 2107: a date before is taken as 1 January 1980, 00:00.
    @Test func aDateBefore1980IsTheFirstAZipCanHold() throws {
        #expect(try Self.archive(date: Date(timeIntervalSince1970: 0)).bytes == Self.archive(date: Date(timeIntervalSince1970: 315_532_800)).bytes)
        #expect(try Self.archive(date: Date(timeIntervalSince1970: 315_532_799)).bytes == Self.archive(date: Date(timeIntervalSince1970: 315_532_800)).bytes)
    }
}
