import Foundation

/// Plan results written from several threads, counted as they come in.
final class Slots: @unchecked Sendable {
    private let shelf: Shelf<Result<ProductionPlanResult, PlanningError>>
    private let lock = NSLock()
    private var finished = 0

    init(count: Int) { shelf = Shelf(count: count) }

    /// Stores a result; returns how many are in.
    func set(_ index: Int, _ result: Result<ProductionPlanResult, PlanningError>) -> Int {
        shelf.put(index, result)
        return lock.withLock {
            finished += 1
            return finished
        }
    }

    /// The plans, in order, once every slot is set; the first error otherwise.
    func plans() throws(PlanningError) -> [ProductionPlanResult] {
        var plans: [ProductionPlanResult] = []
        for index in 0..<shelf.count {
            switch shelf[index]! {
            case .success(let plan): plans.append(plan)
            case .failure(let error): throw error
            }
        }
        return plans
    }
}
