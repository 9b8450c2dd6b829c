/// Sequence-dependent setup times: the time a machine needs to change over from an operation
/// of one setup family to the next of another. `matrix[from][to]` where both families are in
/// it; otherwise nothing between the same family, and between different ones `into[to]` where
/// `to` has an entry there (a family's own setup, whatever came before), else `changeover`. An
/// operation without a family needs no setup, and a machine's first operation none either (it
/// is taken to be set up for it).
///
/// A setup takes the machine's working time between the two operations and may be done
/// before the next operation's job arrives (an anticipatory setup).
public struct SetupTimes: Hashable, Sendable {
    public var matrix: [[Int]]
    public var changeover: Int
    /// Per family: the setup into it from any other family, where the matrix does not say.
    public var into: [Int]

    public init(matrix: [[Int]] = [], changeover: Int = 0, into: [Int] = []) {
        self.matrix = matrix
        self.changeover = changeover
        self.into = into
    }

    public static let none = SetupTimes()

    public func time(from: Int?, to: Int?) -> Int {
        guard let from, let to else { return 0 }
        if from < matrix.count, to < matrix[from].count { return matrix[from][to] }
        if from == to { return 0 }
        return to < into.count ? into[to] : changeover
    }

    public var isNone: Bool { changeover == 0 && into.allSatisfy { $0 == 0 } && matrix.allSatisfy { $0.allSatisfy { $0 == 0 } } }

    /// The longest setup there is.
    public var longest: Int { max(changeover, into.max() ?? 0, matrix.lazy.compactMap { $0.max() }.max() ?? 0) }
}
