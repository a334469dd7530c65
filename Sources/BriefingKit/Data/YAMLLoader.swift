import Foundation
import Yams

/// Loads `release.yaml`, `quotes.yaml` and `context.yaml`, keeping each field's line and column.
struct YAMLLoader {
    let directory: String
    let fileSystem: FileSystem
    /// The ids in sources.csv; nil when it could not be read, so that references to it are not checked.
    let sourceIDs: [String]?
    /// The names in areas.csv; nil when it could not be read.
    var areaNames: [String]? = nil

    func path(_ name: String) -> String { directory + "/" + name }

    /// The fields each YAML file accepts, by where they sit. Any other key is an error. The data
    /// contract (`docs/data-contract.md`) describes every one, and a test checks that it does.
    enum Fields {
        /// The top level of `release.yaml`.
        static let release = ["title", "organisation", "period", "previous_period", "embargo", "status", "coverage",
                              "measure", "contacts", "notes_to_editors", "boilerplate", "disclosure_threshold", "focus_owner",
                              "subject", "breakdown", "focus", "dateline", "published", "headline", "standfirst"]
        /// Each item of `coverage:`.
        static let coverage = ["period", "area", "forces_answered", "description", "note", "source"]
        /// Each item of `contacts:`.
        static let contact = ["name", "role", "email", "phone"]
        /// A note to editors given as a mapping rather than as text.
        static let note = ["text", "areas"]
        static let subject = ["singular", "plural"]
        static let breakdown = ["singular", "plural", "known", "owner_group"]
        /// Each quote of `quotes.yaml`.
        static let quote = ["id", "speaker", "role", "organisation", "source", "paragraphs", "areas"]
        /// Each figure of `context.yaml`.
        static let context = ["id", "statement", "value", "phrase", "source", "verified", "note"]
        /// Each item of `findings.yaml`: the release's own figures, so no `verified:`, and what a share is `of:`.
        static let finding = ["id", "statement", "value", "phrase", "source", "of", "note", "areas"]
    }

    /// An error at a top-level field of a file that parsed before (at line 1 if the field is gone).
    func error(_ message: String, atField key: String, of name: String) -> Diagnostic {
        var ignored = DiagnosticLog()
        guard let doc = document(name, required: false, log: &ignored) else {
            return .error(message, at: SourceLocation(path: path(name), line: 1, column: 1))
        }
        return doc.error(message, at: doc.root[key] ?? doc.root)
    }

    /// A parsed YAML file and helpers that report problems at a node's position.
    struct Document {
        let source: SourceText
        let root: Node

        func error(_ message: String, at node: Node?) -> Diagnostic {
            let mark = node?.mark
            return source.error(message, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        /// A required text field of a mapping.
        func text(_ key: String, in mapping: Node, log: inout DiagnosticLog, required: Bool = true) -> String? {
            guard let node = mapping[key] else {
                if required { log.append(error("missing field '\(key)'", at: mapping)) }
                return nil
            }
            guard let text = node.scalar?.string, !text.trimmingHorizontalSpace().isEmpty else {
                if node.scalar == nil || required { log.append(error("'\(key)' must be text", at: node)) }
                return nil
            }
            return text.trimmingSpaceAndNewlines()
        }

        /// Unknown keys are errors, with a suggestion: a misspelt optional field would otherwise vanish silently.
        func checkKeys(of mapping: Node, allowed: [String], log: inout DiagnosticLog) {
            for (key, _) in mapping.mapping ?? [:] {
                guard let name = key.string, !allowed.contains(name) else { continue }
                // A close match is the fix; the full list is only worth reading when there is none.
                let hint = Suggestion.hint(for: name, in: allowed)
                log.append(error("unknown field '\(name)'\(hint.isEmpty ? "; expected one of \(TableReader.list(allowed))" : hint)", at: key))
            }
        }

        func period(_ key: String, in mapping: Node, log: inout DiagnosticLog, required: Bool = true) -> Period? {
            guard let text = text(key, in: mapping, log: &log, required: required) else { return nil }
            guard let period = Period(text), !period.isReversed else {
                log.append(error("'\(text)' is not a period; write the first and last month as YYYY-MM/YYYY-MM", at: mapping[key]))
                return nil
            }
            return period
        }

        /// An optional list of area names (`areas: [Wales, North West]`), each checked against areas.csv.
        func areas(_ key: String, in mapping: Node, names: [String]?, log: inout DiagnosticLog) -> [String] {
            guard let node = mapping[key] else { return [] }
            let items = node.sequence.map(Array.init) ?? (node.scalar != nil ? [node] : [])
            if items.isEmpty { log.append(error("'\(key)' must be a list of area names from areas.csv, like [Wales]", at: node)) }
            return items.compactMap { item in
                guard let name = item.string?.trimmingHorizontalSpace(), !name.isEmpty else {
                    log.append(error("each item of '\(key)' must be an area name", at: item))
                    return nil
                }
                if let names, !names.contains(name) {
                    log.append(error("'\(name)' is not an area in areas.csv\(Suggestion.hint(for: name, in: names))", at: item))
                    return nil
                }
                return name
            }
        }

        func source(_ key: String, in mapping: Node, ids: [String]?, log: inout DiagnosticLog) -> String? {
            guard let id = text(key, in: mapping, log: &log) else { return nil }
            if let ids, !ids.contains(id) {
                log.append(error("'\(id)' is not a source id in sources.csv\(Suggestion.hint(for: id, in: ids))", at: mapping[key]))
                return nil
            }
            return id
        }
    }

    /// Reads and parses a file; nil (with a diagnostic when `required`) when missing or broken.
    func document(_ name: String, required: Bool, log: inout DiagnosticLog) -> Document? {
        let path = path(name)
        do {
            guard let data = try InputFolder(path: directory, fileSystem: fileSystem).contents(of: name) else {
                if required { log.error("missing file \(name); \(DataLoader.requiredFiles)", at: SourceLocation(path: path, line: 1, column: 1)) }
                return nil
            }
            let source = try SourceText(path: path, data: data)
            log.merge(source.unsafeCharacters)
            // libyaml stops at a control character: parse without them so that every other problem is found too.
            guard let root = try Yams.compose(yaml: source.textWithUnsafeCharactersReplaced) else {
                log.error("the file is empty", at: source.location(line: 1, column: 1))
                return nil
            }
            log.merge(YAMLEscapeScanner(source: source).diagnostics(in: root))
            return Document(source: source, root: root)
        } catch let error as BriefingError {
            log.merge(error.diagnostics)
        } catch let error as YamlError {
            log.append(Self.diagnostic(for: error, path: path, fileSystem: fileSystem))
        } catch {
            log.error("cannot read \(name): \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, fileSystem: FileSystem) -> Diagnostic {
        let text = (try? fileSystem.contents(of: path)).flatMap { $0 }.flatMap { String(data: $0, encoding: .utf8) } ?? ""
        let source = SourceText(path: path, text: text)
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The commonest cause by far: text with a colon in it ("title: Facebook: more than half").
            if problem.contains("mapping values are not allowed") {
                return source.error("a second ':' on this line makes YAML read the text as a new field; put the whole text in double quotes (title: \"…: …\")",
                                    line: mark.line, column: mark.column)
            }
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return source.error("YAML syntax error: \(detail); check the indentation and that text with a ':' is in quotes",
                                line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return source.error("a field is given twice: \(duplicates.joined(separator: ", "))", line: context.mark.line, column: context.mark.column)
        default:
            return source.error("YAML error: \(error)", line: 1, column: 1)
        }
    }

    func release(log: inout DiagnosticLog) -> Release? {
        guard let doc = document("release.yaml", required: true, log: &log) else { return nil }
        let root = doc.root
        guard root.mapping != nil else { log.append(doc.error("release.yaml must be a set of fields (title:, period:, …)", at: root)); return nil }
        doc.checkKeys(of: root, allowed: Fields.release, log: &log)
        let title = doc.text("title", in: root, log: &log)
        let organisation = doc.text("organisation", in: root, log: &log)
        let period = doc.period("period", in: root, log: &log)
        let previous = doc.period("previous_period", in: root, log: &log, required: false)
        var embargo: Date?
        if let text = doc.text("embargo", in: root, log: &log, required: false) {
            embargo = Timestamp.parse(text)
            if embargo == nil {
                log.append(doc.error("embargo '\(text)' is not a real time in ISO 8601 with its offset, like 2021-03-26T00:01:00+00:00", at: root["embargo"]))
            }
        }
        var published: CalendarDate?
        if let text = doc.text("published", in: root, log: &log, required: false) {
            published = CalendarDate(text)
            if published == nil {
                log.append(doc.error("published '\(text)' is not a date; write the day the release is issued as YYYY-MM-DD, like 2021-03-26", at: root["published"]))
            }
        }
        let status = doc.text("status", in: root, log: &log)
        let measure = doc.text("measure", in: root, log: &log)
        let boilerplate = doc.text("boilerplate", in: root, log: &log)
        var threshold = DisclosureControl.defaultThreshold
        if let node = root["disclosure_threshold"] {
            if let value = node.int, value >= 0 { threshold = value } else {
                log.append(doc.error("disclosure_threshold must be a whole number, 0 or more", at: node))
            }
        }
        var coverage: [Release.Coverage] = []
        // A list written without its dashes would otherwise be dropped without a word.
        for key in ["coverage", "contacts", "notes_to_editors"] {
            if let node = root[key], node.sequence == nil {
                log.append(doc.error("'\(key)' must be a list, each item starting with '- '", at: node))
            }
        }
        var seenCoverage: [String: Int] = [:]
        for item in root["coverage"]?.sequence.map(Array.init) ?? [] {
            doc.checkKeys(of: item, allowed: Fields.coverage, log: &log)
            let forces = item["forces_answered"].flatMap { $0.int }
            if let node = item["forces_answered"], forces == nil, node.string != "unknown" {
                log.append(doc.error("forces_answered must be a whole number or 'unknown'", at: node))
            }
            // `period: every` says the same forces answered for every period of the series.
            let every = item["period"]?.string == "every"
            if let period = every ? period : doc.period("period", in: item, log: &log), let description = doc.text("description", in: item, log: &log) {
                let mark = item["forces_answered"]?.mark ?? item.mark
                let source = item["source"] == nil ? nil : doc.source("source", in: item, ids: sourceIDs, log: &log)
                let area = item["area"] == nil ? [] : doc.areas("area", in: item, names: areaNames, log: &log)
                if area.count > 1 { log.append(doc.error("a coverage item is of one area; give each area an item of its own", at: item["area"])) }
                let key = "\(every ? "every" : period.code) \(area.first ?? "")"
                if let line = seenCoverage[key] {
                    log.append(doc.error("coverage for \(every ? "every period" : period.code)\(area.first.map { " in \($0)" } ?? "") is already given on line \(line)", at: item))
                    continue
                }
                seenCoverage[key] = item.mark?.line ?? 1
                coverage.append(.init(period: period, area: area.first, everyPeriod: every, forcesAnswered: forces, description: description,
                                      note: doc.text("note", in: item, log: &log, required: false), source: source,
                                      location: doc.source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)))
            }
        }
        var contacts: [Release.Contact] = []
        for item in root["contacts"]?.sequence.map(Array.init) ?? [] {
            doc.checkKeys(of: item, allowed: Fields.contact, log: &log)
            if let name = doc.text("name", in: item, log: &log) {
                // A contact becomes a mailto: link and a number to ring: both must be usable as written.
                var email = doc.text("email", in: item, log: &log, required: false)
                if let address = email {
                    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
                    if parts.count != 2 || parts.contains(where: \.isEmpty) || !parts[1].contains(".")
                        || address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x21 || "<>()[]\\,;:\"".unicodeScalars.contains($0) }) {
                        log.append(doc.error("'\(address)' is not an email address like press-office@example.org (one @, no spaces)", at: item["email"]))
                        email = nil
                    }
                }
                var phone = doc.text("phone", in: item, log: &log, required: false)
                if let number = phone, !number.allSatisfy({ $0.isASCII && ($0.isNumber || " +()-.".contains($0)) }) || !(phone?.contains { $0.isNumber } ?? true) {
                    log.append(doc.error("'\(number)' is not a phone number; use digits, spaces and + ( ) - only, like +44 20 7825 2500", at: item["phone"]))
                    phone = nil
                }
                contacts.append(.init(name: name, role: doc.text("role", in: item, log: &log, required: false), email: email, phone: phone))
            }
        }
        let notes = (root["notes_to_editors"]?.sequence.map(Array.init) ?? []).compactMap { node -> Release.Note? in
            if let text = node.string { return Release.Note(text: text.trimmingSpaceAndNewlines()) }
            guard node.mapping != nil else {
                log.append(doc.error("each note to editors must be text, or a text: with the areas: it is for", at: node))
                return nil
            }
            doc.checkKeys(of: node, allowed: Fields.note, log: &log)
            guard let text = doc.text("text", in: node, log: &log) else { return nil }
            return Release.Note(text: text, areas: doc.areas("areas", in: node, names: areaNames, log: &log))
        }
        let subject = Self.subject(doc, root, log: &log)
        // The press release's frame: each optional, each text (published is read above).
        let dateline = doc.text("dateline", in: root, log: &log, required: false)
        let headline = doc.text("headline", in: root, log: &log, required: false)
        let standfirst = doc.text("standfirst", in: root, log: &log, required: false)
        guard let title, let organisation, let period, let status, let measure, let boilerplate else { return nil }
        var focus: [String] = []
        if let node = root["focus"] {
            let items = node.sequence.map(Array.init) ?? (node.scalar != nil ? [node] : [])
            focus = items.compactMap { $0.string?.trimmingHorizontalSpace() }.filter { !$0.isEmpty }
            if focus.isEmpty { log.append(doc.error("focus must list the platforms or owners the release is about, like [Snapchat, Meta]", at: node)) }
        }
        var release = Release(title: title, organisation: organisation, period: period, previousPeriod: previous, embargo: embargo,
                       status: status, coverage: coverage, measure: measure, contacts: contacts, notesToEditors: notes,
                       boilerplate: boilerplate, disclosureThreshold: threshold,
                       focusOwner: doc.text("focus_owner", in: root, log: &log, required: false), subject: subject)
        release.focus = focus
        (release.dateline, release.published, release.headline, release.standfirst) = (dateline, published, headline, standfirst)
        return release
    }

    /// `subject:` and `breakdown:`, each optional, with plain defaults for what is left out.
    private static func subject(_ doc: Document, _ root: Node, log: inout DiagnosticLog) -> Subject {
        var subject = Subject()
        if let node = root["subject"] {
            if node.mapping == nil {
                log.append(doc.error("subject must give what is counted, as singular: and plural: (offence, offences)", at: node))
            } else {
                doc.checkKeys(of: node, allowed: Fields.subject, log: &log)
                if let text = doc.text("singular", in: node, log: &log) { subject.singular = text }
                if let text = doc.text("plural", in: node, log: &log) { subject.plural = text }
            }
        }
        if let node = root["breakdown"] {
            if node.mapping == nil {
                log.append(doc.error("breakdown must be a set of fields (singular:, plural:, known:, owner_group:)", at: node))
            } else {
                doc.checkKeys(of: node, allowed: Fields.breakdown, log: &log)
                if let text = doc.text("singular", in: node, log: &log, required: false) { subject.breakdownSingular = text }
                if let text = doc.text("plural", in: node, log: &log, required: false) { subject.breakdownPlural = text }
                if let text = doc.text("known", in: node, log: &log, required: false) { subject.known = text }
                if let text = doc.text("owner_group", in: node, log: &log, required: false) {
                    if text.contains("{owner}") { subject.ownerGroup = text } else {
                        log.append(doc.error("owner_group must say where the owner's name goes, as {owner}: \"{owner}-owned apps\"", at: node["owner_group"]))
                    }
                }
            }
        }
        return subject
    }

    func quotes(log: inout DiagnosticLog) -> [Quote] {
        guard let doc = document("quotes.yaml", required: false, log: &log) else { return [] }
        guard let items = doc.root.sequence else {
            log.append(doc.error("quotes.yaml must be a list of quotes, each starting with '- id:'", at: doc.root))
            return []
        }
        var quotes: [Quote] = []
        for item in items {
            guard item.mapping != nil else { log.append(doc.error("each quote must be a set of fields (id:, speaker:, …)", at: item)); continue }
            doc.checkKeys(of: item, allowed: Fields.quote, log: &log)
            let id = doc.text("id", in: item, log: &log)
            // Quotes are always attributed: say so, rather than only naming the missing field.
            if item["speaker"] == nil { log.append(doc.error("this quote has no 'speaker:'; every quote must say who said it", at: item)) }
            let speaker = item["speaker"] == nil ? nil : doc.text("speaker", in: item, log: &log)
            let organisation = doc.text("organisation", in: item, log: &log)
            let source = doc.source("source", in: item, ids: sourceIDs, log: &log)
            let role = doc.text("role", in: item, log: &log, required: false)
            var paragraphs: [String] = []
            if let list = item["paragraphs"]?.sequence, !list.isEmpty {
                for node in list {
                    if let text = node.string, !text.isEmpty { paragraphs.append(text) } else {
                        log.append(doc.error("each paragraph of a quote must be text", at: node))
                    }
                }
            } else {
                log.append(doc.error("a quote needs 'paragraphs:', a list with one item a paragraph", at: item["paragraphs"] ?? item))
            }
            if let id, quotes.contains(where: { $0.id == id }) {
                log.append(doc.error("quote id '\(id)' is used twice", at: item["id"]))
            } else if let id, let speaker, let organisation, let source, !paragraphs.isEmpty {
                quotes.append(Quote(id: id, speaker: speaker, role: role, organisation: organisation, source: source, paragraphs: paragraphs,
                                    areas: doc.areas("areas", in: item, names: areaNames, log: &log)))
            }
        }
        return quotes
    }

    /// `context.yaml` (other bodies' figures) or, with `findings`, `findings.yaml` (the release's own).
    func context(findings: Bool = false, log: inout DiagnosticLog) -> [ContextFigure] {
        let name = findings ? "findings.yaml" : "context.yaml"
        guard let doc = document(name, required: false, log: &log) else { return [] }
        guard let items = doc.root.sequence else {
            log.append(doc.error("\(name) must be a list, each item starting with '- id:'", at: doc.root))
            return []
        }
        var figures: [ContextFigure] = []
        // A context figure's id is its figure id's last part, as a slug: one slug, one figure.
        var slugs: [String: (id: String, line: Int)] = [:]
        for item in items {
            guard item.mapping != nil else { log.append(doc.error("each item must be a set of fields (id:, statement:, …)", at: item)); continue }
            doc.checkKeys(of: item, allowed: findings ? Fields.finding : Fields.context, log: &log)
            var id = doc.text("id", in: item, log: &log)
            if let given = id {
                let slug = Area.slug(given), line = item["id"]?.mark?.line ?? 1
                if slug.isEmpty {
                    log.append(doc.error("context id '\(given)' needs a letter or digit (A–Z, 0–9); use a short name such as 'ons-2021'", at: item["id"]))
                    id = nil
                } else if let other = slugs[slug] {
                    log.append(doc.error(other.id == given ? "context id '\(given)' is used twice (first on line \(other.line)); give each context figure its own id"
                                         : "context id '\(given)' is too like '\(other.id)' on line \(other.line) (they differ only in case or punctuation); give each context figure its own id",
                                         at: item["id"]))
                    id = nil
                } else {
                    slugs[slug] = (given, line)
                }
            }
            let statement = doc.text("statement", in: item, log: &log)
            let source = doc.source("source", in: item, ids: sourceIDs, log: &log)
            let value = doc.text("value", in: item, log: &log, required: false)
            let phrase = doc.text("phrase", in: item, log: &log, required: false)
            // The value is shown as a figure where it stands in the statement, so it must stand there, whole.
            if let value, let statement, ContextFigure.range(of: value, in: statement) == nil {
                log.append(doc.error("the value '\(value)' does not appear in the statement as a number of its own; write it in the statement exactly as in value: (or give phrase: instead)", at: item["value"]))
            }
            if value == nil, phrase == nil { log.append(doc.error("\(findings ? "a finding" : "a context figure") needs 'value:' or 'phrase:'", at: item)) }
            // The release's own figures need no check against another body's publication.
            let verified = findings ? true : item["verified"]?.bool
            if verified == nil { log.append(doc.error("'verified' must be true or false", at: item["verified"] ?? item)) }
            if let id, let statement, let source, let verified, value != nil || phrase != nil {
                var figure = ContextFigure(id: id, statement: statement, value: value, phrase: phrase, source: source,
                                           verified: verified, note: doc.text("note", in: item, log: &log, required: false),
                                           location: doc.source.location(line: item.mark?.line ?? 1, column: item.mark?.column ?? 1))
                if findings {
                    figure.isFinding = true
                    figure.of = doc.text("of", in: item, log: &log, required: false)
                    figure.areas = doc.areas("areas", in: item, names: areaNames, log: &log)
                }
                figures.append(figure)
            }
        }
        return figures
    }
}
