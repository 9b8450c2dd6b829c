/// A program or option that no solver should be given. Each case names the offending
/// variable or constraint so that the message leads to the row of the model that built it.
public enum LinearProgramError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A bound, coefficient or right-hand side is NaN, or infinite where that has no meaning.
    case notFinite(item: String, field: String, value: Double)
    /// The lower bound exceeds the upper bound.
    case inconsistentBounds(item: String, lower: Double, upper: Double)
    /// An integer or binary variable has a fractional bound, or a binary one lies outside [0, 1].
    case invalidIntegerBounds(variable: String, lower: Double, upper: Double)
    /// A constraint refers to a variable the program does not have.
    case unknownVariable(constraint: String, index: Int, variableCount: Int)
    /// A constraint names the same variable twice.
    case duplicateCoefficient(constraint: String, variable: String)
    /// A name longer than a solver or file format accepts.
    case nameTooLong(item: String, length: Int, limit: Int)
    /// A name a file format cannot carry (empty, blanks, a reserved first character, a clash).
    case invalidName(item: String, reason: String)
    /// A solver option out of range.
    case invalidOption(name: String, value: String, expected: String)
    /// The program is larger than the solver can address.
    case tooLarge(what: String, count: Int, limit: Int)
    /// A handle passed to an incremental change is out of range.
    case unknownHandle(what: String, index: Int, count: Int)
    /// A finite value too large or too small for the simplex to scale (see
    /// ``LinearProgram/Magnitudes``).
    case outOfRange(item: String, field: String, value: Double, expected: String)
    /// The matrix's non-zero coefficients span more orders of magnitude than the simplex
    /// can work with: the smallest and the largest, each with its row and column.
    case badlyScaled(smallest: Double, smallestAt: String, largest: Double, largestAt: String, limit: Double)

    public var description: String {
        switch self {
        case let .notFinite(item, field, value):
            "\(item): \(field) is \(value); expected a finite number"
        case let .inconsistentBounds(item, lower, upper):
            "\(item): lower bound \(lower) is above upper bound \(upper)"
        case let .invalidIntegerBounds(variable, lower, upper):
            "variable '\(variable)': bounds [\(lower), \(upper)] must be whole numbers (within [0, 1] for a binary variable)"
        case let .unknownVariable(constraint, index, count):
            "constraint '\(constraint)': variable index \(index) is out of range; the program has \(count) variables"
        case let .duplicateCoefficient(constraint, variable):
            "constraint '\(constraint)': variable '\(variable)' appears more than once; add the coefficients together"
        case let .nameTooLong(item, length, limit):
            "\(item): name is \(length) bytes long; at most \(limit) are allowed"
        case let .invalidName(item, reason):
            "\(item): \(reason)"
        case let .invalidOption(name, value, expected):
            "solver option \(name) = \(value); expected \(expected)"
        case let .tooLarge(what, count, limit):
            "the program has \(count) \(what); at most \(limit) are supported"
        case let .unknownHandle(what, index, count):
            "\(what) index \(index) is out of range; the program has \(count)"
        case let .outOfRange(item, field, value, expected):
            "\(item): \(field) is \(value); expected \(expected)"
        case let .badlyScaled(smallest, smallestAt, largest, largestAt, limit):
            "the coefficients range from \(smallest) (\(smallestAt)) to \(largest) (\(largestAt)), a ratio above \(limit) that the simplex cannot scale"
        }
    }
}
