/// The credit line of a wire story ("Reporting by …; Editing by …") parsed into roles.
public struct Credits: Codable, Sendable, Equatable {
    /// Person names by role, in the order written. Keys are drawn from
    /// `reporting`, `additional_reporting`, `writing`, `editing`, `compiling`, `graphics`,
    /// `photography`, `production` and `contributing`; a role absent from the line has no key.
    public var roles: [String: [String]]
    /// The credit line as found: the whole (trimmed) paragraph when the credit line is the paragraph,
    /// or the text inside the parentheses when it is a parenthesised part of a longer paragraph.
    public var line: String
    /// Index of the paragraph holding the credit line in the array passed to the parser.
    public var paragraphIndex: Int

    public init(roles: [String: [String]], line: String, paragraphIndex: Int) {
        self.roles = roles
        self.line = line
        self.paragraphIndex = paragraphIndex
    }
}
