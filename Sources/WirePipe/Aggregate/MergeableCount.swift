/// What the nested count maps of the statistics hold (plain integers or `DocumentCount` pairs): values that
/// add up, so one in-place merge serves every nested map.
protocol MergeableCount {
    func adding(_ other: Self) -> Self
}

extension Int: MergeableCount {
    func adding(_ other: Int) -> Int { self + other }
}

extension DocumentCount: MergeableCount {
    func adding(_ other: DocumentCount) -> DocumentCount { self + other }
}
