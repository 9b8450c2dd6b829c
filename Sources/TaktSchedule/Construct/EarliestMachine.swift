/// Which machine's earliest-ending ready operation ends first (ties to the lower machine,
/// then operation), as a tournament tree over the machines: a change on one machine costs
/// O(log machines), the winner is read at once. Scanning every machine each step made
/// Giffler–Thompson grow with machines × operations.
struct EarliestMachine: Sendable {
    private typealias Entry = (end: Int, machine: Int, operation: Int)
    private static let none: Entry = (Int.max, Int.max, Int.max)
    private let leaves: Int
    private var tree: [Entry]

    init(machines: Int) {
        var leaves = 1
        while leaves < machines { leaves *= 2 }
        self.leaves = leaves
        tree = [Entry](repeating: Self.none, count: 2 * leaves)
    }

    /// The earliest end on `machine` and its operation, or none ready there.
    mutating func set(_ machine: Int, _ earliest: (end: Int, operation: Int)?) {
        var k = leaves + machine
        tree[k] = earliest.map { ($0.end, machine, $0.operation) } ?? Self.none
        while k > 1 {
            k /= 2
            let a = tree[2 * k], b = tree[2 * k + 1]
            tree[k] = (a.end, a.machine, a.operation) <= (b.end, b.machine, b.operation) ? a : b
        }
    }

    /// The operation that could end first, its machine and end; nil when nothing is ready.
    var first: (operation: Int, machine: Int, end: Int)? {
        let top = tree[1]
        return top.machine == Int.max ? nil : (top.operation, top.machine, top.end)
    }
}
