import Foundation

/// What a run would do, without doing it: `wirepipe run --dry-run`.
public struct DryRun: Sendable {
    public struct StagePlan: Sendable {
        public var stage: StageName
        /// Pages this stage would process.
        public var processed: Int
        /// Pages whose stored output of this stage would be kept.
        public var reused: Int
        /// Why the processed pages would be processed.
        public var reasons: [PagePlan.Reason: Int]
    }

    public var pages: RunReport.Pages
    public var deletedPages: [String]
    public var stages: [StagePlan]

    init(plans: [PagePlan], deleted: [String]) {
        pages = RunReport.Pages()
        pages.seen = plans.count
        pages.new = plans.count { $0.change == .new }
        pages.changed = plans.count { $0.change == .changed }
        pages.unchanged = plans.count { $0.change == .unchanged }
        pages.deleted = deleted.count
        pages.processed = plans.count { $0.start != nil }
        deletedPages = deleted
        stages = StageName.allCases.map { stage in
            var reasons: [PagePlan.Reason: Int] = [:]
            for plan in plans where plan.runs(stage) {
                reasons[plan.reason ?? .unrecorded, default: 0] += 1
            }
            return StagePlan(stage: stage, processed: reasons.values.reduce(0, +), reused: plans.count { $0.reuses(stage) }, reasons: reasons)
        }
    }
}
