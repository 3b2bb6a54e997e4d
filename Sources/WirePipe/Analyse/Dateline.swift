/// A wire dateline found at the very start of an article's first paragraph,
/// e.g. `WASHINGTON, May 26 (Reuters) – `.
///
/// All strings are kept as written in the source; nothing is case-folded or expanded.
public struct Dateline: Codable, Sendable, Equatable {
    /// The place, with any qualifiers as written: "WASHINGTON", "KYIV, Ukraine", "ST. LOUIS, Mo.".
    /// Empty when the paragraph opens with the agency or the date alone, as in `(Reuters) - ` or
    /// `Nov 19 (Reuters) - `.
    public var location: String
    /// The date as written ("May 26", "Jan. 5", "March 3, 2023", "12. Mai", "Tuesday"), if any.
    public var date: String?
    /// The agency as written between the parentheses or slashes ("Reuters", "AP", "PRNewswire"), if any.
    public var agency: String?
    /// Number of Unicode scalars of the paragraph prefix the dateline occupies, including any leading
    /// whitespace, the separating dash and the whitespace after it. Dropping this many scalars from the
    /// paragraph leaves the story text.
    public var length: Int

    public init(location: String, date: String? = nil, agency: String? = nil, length: Int) {
        self.location = location
        self.date = date
        self.agency = agency
        self.length = length
    }
}
