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
        return Basis(
            variables: Self.statuses(
                variables, old: solved.variables.count, { solved.variables[$0].name },
                new: target.variables.count, { target.variables[$0].name }, missing: .atLower),
            constraints: Self.statuses(
                constraints, old: solved.constraints.count, { solved.constraints[$0].name },
                new: target.constraints.count, { target.constraints[$0].name }, missing: .basic))
    }

    /// Statuses of the `new` names, taken from the same names among the `old`. Names are read
    /// in place by index: copying them out into arrays first was most of the cost.
    private static func statuses(
        _ oldStatus: [Status], old: Int, _ oldName: (Int) -> String, new: Int, _ newName: (Int) -> String, missing: Status
    ) -> [Status] {
        // Names that agree at the start and at the end keep their statuses by position
        // (all of them when nothing was added or removed); only the middle is looked up.
        var head = 0
        while head < old, head < new, case let name = oldName(head), !name.isEmpty, name == newName(head) { head += 1 }
        var tail = 0
        while tail < old - head, tail < new - head, case let name = oldName(old - 1 - tail), !name.isEmpty, name == newName(new - 1 - tail) {
            tail += 1
        }
        var result = Array(oldStatus[..<head])
        result.reserveCapacity(new)
        if head + tail < new {
            var byName: [String: Status] = [:]
            for index in head..<(old - tail) {
                let name = oldName(index)
                if !name.isEmpty && byName[name] == nil { byName[name] = oldStatus[index] }
            }
            for index in head..<(new - tail) {
                let name = newName(index)
                result.append(name.isEmpty ? missing : byName[name] ?? missing)
            }
        }
        result.append(contentsOf: oldStatus[(old - tail)...])
        return result
    }
}
