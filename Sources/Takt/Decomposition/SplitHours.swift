import Foundation

/// The regular hours one capacity split may use: what it was given, less what it has placed
/// itself and, when it is one family's products, what the families before it place.
///
/// A split asks for its hours window by window (``left(through:)``) and reports the load of
/// each window it commits (``place(_:settledBefore:)``). Alone, that is bookkeeping; in a
/// ``SplitLedger`` it is what lets families run on several threads at once.
final class SplitHours: @unchecked Sendable {
    /// The hours given, before anything the families before this one place: enough to size a
    /// split's model by, not to solve it.
    let base: ResourceGrid
    private let ledger: SplitLedger?
    private let family: Int
    private var own: ResourceGrid

    /// A split with `hours` to itself.
    convenience init(alone hours: ResourceGrid) {
        self.init(base: hours, ledger: nil, family: 0)
    }

    /// A split of `family` whose hours the ledger keeps (`SplitLedger`).
    init(base: ResourceGrid, ledger: SplitLedger?, family: Int) {
        self.base = base
        self.ledger = ledger
        self.family = family
        own = ResourceGrid.zero(like: base)
    }

    /// The hours left in every period, final in those up to `period`: in a ledger, this waits
    /// until no family before this one can still place load there.
    func left(through period: Int) throws(DecompositionError) -> ResourceGrid {
        var left = base
        if let ledger { try ledger.subtractEarlier(than: family, through: period, from: &left) }
        for r in left.indices { for t in left[r].indices { left[r][t] -= own[r][t] } }
        return left
    }

    /// The hours left in each month for a split's first plan, month by month (`perMonth` sums a
    /// row of periods into months): in a ledger, less the monthly plans of the families before
    /// this one (or what they placed, for those split as a whole).
    func monthly(_ perMonth: ([Double]) -> [Double]) throws(DecompositionError) -> ResourceGrid {
        var left = base.mapRows(perMonth)
        if let ledger { try ledger.subtractMonthlyPlans(before: family, perMonth, from: &left) }
        return left
    }

    /// Records the load of a split's monthly plan, by resource and month.
    func placeMonthly(_ load: ResourceGrid) {
        ledger?.publishMonthly(family, load)
    }

    /// Records the load of a committed window; no later window of this split places load in a
    /// period before `settledBefore`.
    func place(_ load: [CapacitySplitModel.Key: Double], settledBefore: Int) {
        for (key, hours) in load { own[key.resource][key.offset] += hours }
        ledger?.publish(family, own, settledBefore: settledBefore)
    }
}
