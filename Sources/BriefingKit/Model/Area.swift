import Foundation

/// A country, nation, region or police force, from `areas.csv`.
public struct Area: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case country, nation, region, force
    }

    public let name: String
    public let kind: Kind
    public let parent: String?
    /// The name as it reads in running text ("the North West"), from areas.csv's optional `display` column.
    public let display: String?

    public init(name: String, kind: Kind, parent: String?, display: String? = nil) {
        self.name = name
        self.kind = kind
        self.parent = parent
        self.display = display
    }

    /// The name for running text: `display` when given, else the name.
    public var displayName: String { display ?? name }

    /// The URL slug: lower-cased, runs of non-alphanumerics turned into `-`.
    public var slug: String { Self.slug(name) }

    ///
    /// Accents are dropped first ("Ynys Môn" → `ynys-mon`), so that addresses stay plain ASCII.
    public static func slug(_ name: String) -> String {
        asciiSlug(name) ?? foldedSlug(name)
    }

    /// The slug of any name: accents dropped and letters lower-cased by Foundation, then one `-` per run of the rest.
    static func foldedSlug(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        for character in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// The slug of a plain-ASCII name straight from its bytes (nil for any other name): the same as
    /// folding and lower-casing it first, without Foundation, which was 6% of a large build's time.
    static func asciiSlug(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(byte | (byte <= UInt8(ascii: "Z") && byte >= UInt8(ascii: "A") ? 0x20 : 0))
            case 0x80...:
                return nil
            default:
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why a name with a letter the slug would drop is refused, for areas and platforms alike; nil when it has none.
    /// `holder` is what the slug goes into: "a web address here", "a figure's id".
    public static func lostLetterProblem(in name: String, holder: String) -> String? {
        // A zero-width or other format character (U+200B, U+00AD, U+FEFF, U+200E …) or a line separator makes two names that read the same.
        if let hidden = name.unicodeScalars.first(where: { $0.properties.generalCategory == .format || $0.value == 0x2028 || $0.value == 0x2029 }) {
            let code = String(hidden.value, radix: 16, uppercase: true)
            return "'\(UnsafeCharacter.escaped(name))' holds an invisible character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)), which makes it read like another name; delete it"
        }
        guard let lost = lostCharacter(in: name), !slug(name).isEmpty else { return nil }
        let code = String(lost.unicodeScalars.first!.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return "'\(name)' has a letter outside the Latin alphabet ('\(lost)', U+\(padded)), which \(holder) cannot hold and which can look like a Latin one; write the name in Latin letters"
    }

    /// The first letter or digit of `name` that has no plain-ASCII form (a Cyrillic "А" that looks
    /// like a Latin "A"), which the slug would silently drop; nil when every one has.
    public static func lostCharacter(in name: String) -> Character? {
        name.first { character in
            (character.isLetter || character.isNumber)
                && !String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).allSatisfy(\.isASCII)
        }
    }
}
