/// Sequence-dependent setup times: the time a machine needs to change over from an operation
/// of one setup family to the next of another. `matrix[from][to]` where both families are in
/// it, otherwise `changeover` between different families and nothing between the same. An
/// operation without a family needs no setup, and a machine's first operation none either (it
/// is taken to be set up for it).
///
/// A setup takes the machine's working time between the two operations and may be done
/// before the next operation's job arrives (an anticipatory setup).
public struct SetupTimes: Hashable, Sendable {
    public var matrix: [[Int]]
    public var changeover: Int

    public init(matrix: [[Int]] = [], changeover: Int = 0) {
        self.matrix = matrix
        self.changeover = changeover
    }

    public static let none = SetupTimes()

    public func time(from: Int?, to: Int?) -> Int {
        guard let from, let to else { return 0 }
        if from < matrix.count, to < matrix[from].count { return matrix[from][to] }
        return from == to ? 0 : changeover
    }

    public var isNone: Bool { changeover == 0 && matrix.allSatisfy { $0.allSatisfy { $0 == 0 } } }
}
