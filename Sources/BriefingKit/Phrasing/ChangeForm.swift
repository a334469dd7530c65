/// The part a change wording plays in a sentence, so a template gets words that fit its grammar.
///
/// Every form words the same claims; only the grammar differs. A template picks the form
/// its sentence needs: "Instances were {{complement}} the 2017/18 figure" or "… were
/// {{complement}} on 2017/18", "Instances {{verb}} since 2017/18", "{{noun}} since
/// 2017/18", "There were {{comparative}} instances" (then "than" or "as", as the words need).
public enum ChangeForm: String, Sendable, CaseIterable {
    /// Stands alone (a headline, a table) or follows "was"/"were": "more than double", "up 141%", "down 27%", "unchanged", "half".
    case complement
    /// A past-tense verb phrase after its subject: "more than doubled", "rose by 141%", "fell by 27%", "halved", "did not change".
    case verb
    /// A noun phrase with its article: "a doubling", "a 141% rise", "a rise of more than 140%", "a fall of 27%", "no change".
    case noun
    /// Goes before a plural count noun: "more than twice as many", "141% more", "27% fewer", "half as many".
    case comparative
}
