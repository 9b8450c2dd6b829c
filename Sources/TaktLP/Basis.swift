/// Where a simplex solve ended: which columns and rows are basic, and at which bound the
/// others sit. Handed back to a solver through ``SolveOptions/startingBasis``, it lets a
/// program much like the one solved start from that optimum instead of from scratch: after
/// a change of right-hand sides (demand, hours) the old basis stays dual feasible and the
/// dual simplex needs a few pivots where a cold solve needs hundreds.
public struct Basis: Hashable, Sendable, Codable {
    public enum Status: UInt8, Hashable, Sendable, Codable {
        case basic
        case atLower
        case atUpper
        /// Non-basic and free (at zero).
        case free
        /// Non-basic with equal bounds.
        case fixed
    }

    /// One status per column, in the program's order.
    public var variables: [Status]
    /// One status per row (its slack), in the program's order.
    public var constraints: [Status]

    public init(variables: [Status], constraints: [Status]) {
        self.variables = variables
        self.constraints = constraints
    }

    /// Whether a simplex can start from it: one basic column or row per row.
    public var isSquare: Bool {
        variables.count(where: { $0 == .basic }) + constraints.count(where: { $0 == .basic }) == constraints.count
    }

    /// This basis of `solved` carried over to `target` by name: a column or row of `target`
    /// named as one of `solved` takes its status; a new column starts non-basic at its lower
    /// bound and a new row basic (its slack takes up whatever the new row needs). Where
    /// columns or rows were removed, basic ones too, the result has too few basics; the
    /// solver then starts from a basis of its own (see ``isSquare``).
    public func carried(from solved: LinearProgram, to target: LinearProgram) -> Basis {
        precondition(solved.variables.count == variables.count && solved.constraints.count == constraints.count, "a basis of another program")
        func statuses(_ old: [String], _ oldStatus: [Status], _ new: [String], missing: Status) -> [Status] {
            // Names that agree at the start and at the end keep their statuses by position
            // (all of them when nothing was added or removed); only the middle is looked up.
            var head = 0
            while head < old.count, head < new.count, old[head] == new[head], !old[head].isEmpty { head += 1 }
            var tail = 0
            while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail],
                !old[old.count - 1 - tail].isEmpty
            { tail += 1 }
            var byName: [String: Status] = [:]
            for index in head..<(old.count - tail) where !old[index].isEmpty && byName[old[index]] == nil { byName[old[index]] = oldStatus[index] }
            let middle = new[head..<(new.count - tail)].map { $0.isEmpty ? missing : byName[$0] ?? missing }
            return Array(oldStatus[..<head]) + middle + Array(oldStatus[(old.count - tail)...])
        }
        return Basis(
            variables: statuses(solved.variables.map(\.name), variables, target.variables.map(\.name), missing: .atLower),
            constraints: statuses(solved.constraints.map(\.name), constraints, target.constraints.map(\.name), missing: .basic))
    }
}
