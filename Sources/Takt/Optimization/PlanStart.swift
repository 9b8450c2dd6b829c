import TaktLP

/// A plan's model and the optimal basis the solver ended at: where the plan of a similar
/// scenario (a what-if of it) can start, so that its solve takes a few pivots instead of a
/// full solve. Made by ``AggregatePlanner/plan(_:from:)``.
public struct PlanStart: Sendable {
    let program: LinearProgram
    let basis: Basis
}
