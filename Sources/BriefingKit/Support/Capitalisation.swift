extension String {
    /// The text with its first letter a capital, to start a sentence or a label: "more than double" → "More than double".
    var withCapitalFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
