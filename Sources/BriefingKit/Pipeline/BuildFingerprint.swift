import Crypto
import Foundation

/// A digest of everything a site is built from: the tool itself, the bytes of every file in the
/// data and templates folders, and the options that change what is written (the printed build
/// time, the base URL, strictness, and whether the embargo holds at the build's clock).
///
/// A build records it in the site's manifest; the next build with the same digest, onto a site left
/// as that build wrote it, has nothing to do and renders nothing. The tool's identity comes from
/// the caller (the command line gives its executable's path, size and modification time), so a
/// rebuilt binary builds again; with none, no digest is made and every build renders.
struct BuildFingerprint {
    static let version = "briefing inputs 1"

    let tool: String
    let fileSystem: FileSystem

    /// The digest in hex; nil when a folder cannot be read (the build then renders, and reports).
    func digest(_ options: BuildOptions, embargo: EmbargoState) -> String? {
        var hash = SHA256()
        func add(_ text: String) {
            // Each part with its length, so that no two different inputs run together into one.
            hash.update(data: Data("\(text.utf8.count):".utf8))
            hash.update(data: Data(text.utf8))
        }
        add(Self.version)
        add(tool)
        add(options.now.map { String($0.timeIntervalSince1970) } ?? "-")
        add(options.baseURL?.text ?? "-")
        add(options.strict ? "strict" : "lenient")
        add(embargo.isEmbargoed ? "embargoed" : "open")
        for folder in [options.data, options.templates] {
            add("folder")
            guard let files = try? files(in: folder, at: "", depth: 0) else { return nil }
            for file in files {
                guard let bytes = try? fileSystem.contents(of: folder + "/" + file) else { return nil }
                add(file)
                add(String(bytes.count))
                hash.update(data: bytes)
            }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Every file under `root` (from `relative` down), relative to it, in a fixed order; links are
    /// followed as the loaders follow them, to a depth that a link loop cannot pass.
    private func files(in root: String, at relative: String, depth: Int) throws -> [String] {
        guard depth < 32 else { throw CocoaError(.fileReadUnknown) }
        var found: [String] = []
        for entry in try fileSystem.entries(of: relative.isEmpty ? root : root + "/" + relative).sorted() {
            let path = relative.isEmpty ? entry : relative + "/" + entry
            if fileSystem.isDirectory(root + "/" + path) {
                found += try files(in: root, at: path, depth: depth + 1)
            } else {
                found.append(path)
            }
        }
        return found
    }
}
