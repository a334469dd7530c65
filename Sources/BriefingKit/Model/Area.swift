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
