/// The warm-start chains of a sweep: which point each is planned from. Fixed by the sweep
/// alone — never by the cores or the shards — so that every way of computing a sweep plans
/// each point from the same start and gets the same plan.
///
/// As ``WarmChains`` orders what-ifs, points are sorted by total demand, those at or above
/// the base's going up from it, those below going down (ties by index: points of one demand,
/// differing only in hours or costs, follow each other and re-solve in the same problem).
/// Each side is cut into runs of ``length`` points; each run starts from the base plan.
enum SweepChains {
    /// Points per chain: long enough that most points start one step from the plan before
    /// them, short enough that 1,000 points give 125 or more chains to share among cores and shards.
    static let length = 8

    static func chains(_ sweep: Sweep) -> [[Int]] {
        let base = WarmChains.totalDemand(sweep.base)
        let demand = sweep.points.map { WarmChains.totalDemand($0.overlay.applied(to: sweep.base)) }
        let up = sweep.points.indices.filter { demand[$0] >= base }.sorted { (demand[$0], $0) < (demand[$1], $1) }
        let down = sweep.points.indices.filter { demand[$0] < base }.sorted { (-demand[$0], $0) < (-demand[$1], $1) }
        return [up, down].flatMap { side in stride(from: 0, to: side.count, by: length).map { Array(side[$0..<min(side.count, $0 + length)]) } }
    }
}
