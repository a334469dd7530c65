import Foundation
import ZIPFoundation

/// Writes a zip archive front to back, handing its bytes on as they are made, so that a large
/// entry is never held whole.
///
/// ZIPFoundation's `Archive` goes back to rewrite each entry's header once its data are written,
/// so it needs the whole archive in memory or a file it can seek in; the site's files go to a
/// sink that takes bytes in order. This writes the zip container itself (PKWARE's APPNOTE: local
/// headers, a data descriptor after a streamed entry, the central directory) and leaves the
/// deflating and the CRC-32 to ZIPFoundation (`Data.compress`, `Data.crc32`).
///
/// The bytes depend on the entries and the date alone: the date is taken in UTC, the entries are
/// written in the order given and no field carries the machine's user, permissions or time zone.
struct ZipStream {
    /// A fault in what was asked for: the archive's bytes so far are not a zip.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private struct Written {
        let name: [UInt8]
        let flags: UInt16
        let method: UInt16
        let crc: UInt32
        let compressed: UInt32
        let size: UInt32
        let offset: UInt32
    }

    static let deflate: UInt16 = 8
    static let stored: UInt16 = 0
    /// General-purpose bit 3: the CRC and sizes follow the data, in a data descriptor.
    static let hasDescriptor: UInt16 = 1 << 3
    /// Version 2.0 of the format, the first with deflate: what every entry needs.
    static let version: UInt16 = 20
    /// How much is read and deflated at a time, as ZIPFoundation's own archives do.
    static let chunk = 16 * 1024

    private let time: UInt16
    private let date: UInt16
    private var written: [Written] = []
    /// The names so far, in lower case: LibreOffice refuses a package with two entries of one name,
    /// or of names that differ only in case.
    private var names: Set<String> = []
    /// Bytes handed on so far: where the next entry starts.
    private var offset = 0
    private var finished = false

    /// `date`: every entry's modification time, in MS-DOS form (two-second steps, 1980 to 2107:
    /// a date outside those years is taken as the nearest it can hold).
    init(date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let seconds = min(max(date.timeIntervalSince1970, 315_532_800), 4_354_819_198)  // 1980-01-01 00:00:00 to 2107-12-31 23:59:58
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        self.date = UInt16((parts.year ?? 1980) - 1980) << 9 | UInt16(parts.month ?? 1) << 5 | UInt16(parts.day ?? 1)
        self.time = UInt16(parts.hour ?? 0) << 11 | UInt16(parts.minute ?? 0) << 5 | UInt16((parts.second ?? 0) / 2)
    }

    /// An entry whose bytes are at hand: stored as they are, or deflated; its sizes in its header.
    /// An empty entry is stored, deflated or not: the format says a file of no bytes has no data.
    mutating func add(_ path: String, _ data: Data, compressed: Bool, to emit: (Data) throws -> Void) throws {
        try check(path, size: data.count)
        let compressed = compressed && !data.isEmpty
        let crc = data.crc32(checksum: 0)
        var body = data
        if compressed {
            body = Data()
            _ = try Data.compress(size: Int64(data.count), bufferSize: Self.chunk, provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }, consumer: { body.append($0) })
        }
        let entry = try header(path, flags: 0, method: compressed ? Self.deflate : Self.stored, crc: crc,
                               compressed: body.count, size: data.count)
        try hand(localHeader(entry), to: emit)
        try hand(body, to: emit)
        written.append(entry)
    }

    /// A deflated entry of `size` bytes read from `read` (asked for at most `chunk` at a time), written
    /// as it is deflated: its CRC and compressed size follow it in a data descriptor. Only a deflated
    /// entry is ever streamed: LibreOffice (since 24.8) refuses a package with a stored entry that has
    /// a data descriptor, and takes deflated ones, which it writes itself.
    mutating func add(_ path: String, size: Int, reading read: (_ count: Int) throws -> Data, to emit: (Data) throws -> Void) throws {
        guard size > 0 else { return try add(path, Data(), compressed: false, to: emit) }
        try check(path, size: size)
        let start = offset
        let pending = try header(path, flags: Self.hasDescriptor, method: Self.deflate, crc: 0, compressed: 0, size: size)
        try hand(localHeader(pending), to: emit)
        let dataStart = offset
        var given = 0
        let crc = try Data.compress(size: Int64(size), bufferSize: Self.chunk, provider: { _, count in
            let piece = try read(count)
            given += piece.count
            return piece
        }, consumer: { try hand($0, to: emit) })
        // The header's size was given before the data: a reader that gave more or fewer would break the entry.
        guard given == size else { throw Failure(description: "'\(path)' gave \(given) bytes where its size is \(size)") }
        let entry = try header(path, flags: Self.hasDescriptor, method: Self.deflate, crc: crc, compressed: offset - dataStart, size: size,
                               at: start)
        var descriptor = Bytes()
        descriptor.add(UInt32(0x0807_4b50))
        descriptor.add(entry.crc)
        descriptor.add(entry.compressed)
        descriptor.add(entry.size)
        try hand(descriptor.data, to: emit)
        // Recorded for the central directory only now, with its CRC and compressed size.
        written.append(entry)
    }

    /// The central directory and its end record: the archive is complete.
    mutating func finish(to emit: (Data) throws -> Void) throws {
        guard !finished else { return }
        finished = true
        let start = offset
        var directory = Bytes()
        for entry in written {
            directory.add(UInt32(0x0201_4b50))
            directory.add(Self.version)  // made by: MS-DOS attributes (none), version 2.0
            add(entry, to: &directory, deferred: false)
            directory.add(UInt16(0))  // comment
            directory.add(UInt16(0))  // disk number
            directory.add(UInt16(0))  // internal attributes
            directory.add(UInt32(0))  // external attributes
            directory.add(entry.offset)
            directory.bytes += entry.name
        }
        // LibreOffice reads where the central directory lies and how long it is as signed 32-bit numbers.
        guard start + directory.bytes.count <= Int(Int32.max) else {
            throw Failure(description: "a zip larger than 2 GiB cannot be opened by LibreOffice")
        }
        try hand(directory.data, to: emit)
        var end = Bytes()
        end.add(UInt32(0x0605_4b50))
        end.add(UInt16(0))  // this disk
        end.add(UInt16(0))  // the disk the directory starts on
        end.add(UInt16(written.count))
        end.add(UInt16(written.count))
        end.add(UInt32(directory.bytes.count))
        end.add(UInt32(start))
        end.add(UInt16(0))  // comment
        try hand(end.data, to: emit)
    }

    // MARK: - Parts

    private mutating func hand(_ data: Data, to emit: (Data) throws -> Void) throws {
        try emit(data)
        offset += data.count
    }

    /// Checks a new entry before any of it is written: its name (printable ASCII, a relative path
    /// of plain segments, none of the characters LibreOffice refuses in a name, and not the name of
    /// another entry, whatever its case), how many entries there are (LibreOffice takes at most
    /// 65,534) and its size (no ZIP64: under 4 GiB).
    private mutating func check(_ path: String, size: Int) throws {
        guard !finished else { throw Failure(description: "an entry was added to a finished zip") }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, path.utf8.count <= Int(UInt16.max),
              path.unicodeScalars.allSatisfy({ (0x20..<0x7f).contains($0.value) && !"\\:*?\"<>|".unicodeScalars.contains($0) }),
              segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Failure(description: "a zip entry's name must be a relative path of printable ASCII: '\(path)'")
        }
        guard names.insert(path.lowercased()).inserted else { throw Failure(description: "two zip entries are named '\(path)'") }
        guard written.count < 65_534 else { throw Failure(description: "a zip of more than 65,534 entries cannot be opened by LibreOffice") }
        _ = try Self.fits(size, "'\(path)'")
    }

    /// The entry's fields, each checked to fit its 32 bits.
    private mutating func header(_ path: String, flags: UInt16, method: UInt16, crc: UInt32, compressed: Int, size: Int,
                                 at start: Int? = nil) throws -> Written {
        let entry = Written(name: Array(path.utf8), flags: flags, method: method, crc: crc,
                            compressed: try Self.fits(compressed, "'\(path)' compressed"), size: try Self.fits(size, "'\(path)'"),
                            offset: try Self.fits(start ?? offset, "the offset of '\(path)'"))
        return entry
    }

    /// 0xFFFFFFFF itself means "see the ZIP64 record", so it is refused too.
    private static func fits(_ value: Int, _ what: String) throws -> UInt32 {
        guard value < 0xFFFF_FFFF, let fitted = UInt32(exactly: value) else { throw Failure(description: "\(what) is larger than a zip without ZIP64 can hold (4 GiB)") }
        return fitted
    }

    /// A local file header; with a data descriptor to follow, its CRC and sizes are zero.
    private func localHeader(_ entry: Written) -> Data {
        var header = Bytes()
        header.add(UInt32(0x0403_4b50))
        add(entry, to: &header, deferred: entry.flags & Self.hasDescriptor != 0)
        header.bytes += entry.name
        return header.data
    }

    /// The fields a local header and the central directory both give, in the same order (readers
    /// such as LibreOffice compare them): from the version needed to the extra field's length.
    /// `deferred`: the CRC and sizes are zero, a data descriptor giving them after the data.
    private func add(_ entry: Written, to bytes: inout Bytes, deferred: Bool) {
        bytes.add(Self.version)
        bytes.add(entry.flags)
        bytes.add(entry.method)
        bytes.add(time)
        bytes.add(date)
        bytes.add(deferred ? 0 : entry.crc)
        bytes.add(deferred ? 0 : entry.compressed)
        bytes.add(deferred ? 0 : entry.size)
        bytes.add(UInt16(entry.name.count))
        bytes.add(UInt16(0))  // extra field: none, so that ODF's mimetype can be read at byte 38
    }

    /// Little-endian fields, as every number in a zip is.
    private struct Bytes {
        var bytes: [UInt8] = []

        mutating func add(_ value: UInt16) {
            bytes += [UInt8(value & 0xff), UInt8(value >> 8)]
        }

        mutating func add(_ value: UInt32) {
            bytes += (0..<4).map { UInt8((value >> ($0 * 8)) & 0xff) }
        }

        var data: Data { Data(bytes) }
    }
}
