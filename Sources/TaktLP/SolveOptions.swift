/// Limits and switches for one solve. The defaults solve to optimality silently.
public struct SolveOptions: Hashable, Sendable, Codable {
    /// Wall-clock limit in seconds; `nil` for none.
    public var timeLimit: Double?
    /// Simplex iteration limit; `nil` for none.
    public var iterationLimit: Int?
    /// Relative MIP gap `|best − bound| / |best|` at which branch-and-cut may stop.
    public var relativeGap: Double
    /// Whether the solver may print its log (to standard output). Off by default.
    public var log: Bool
    /// Whether to run the solver's presolver before the simplex.
    public var presolve: Bool

    public init(
        timeLimit: Double? = nil,
        iterationLimit: Int? = nil,
        relativeGap: Double = 1e-9,
        log: Bool = false,
        presolve: Bool = true
    ) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.relativeGap = relativeGap
        self.log = log
        self.presolve = presolve
    }

    /// Checks that every option is a value a solver can take.
    public func validate() throws(LinearProgramError) {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw .invalidOption(name: "timeLimit", value: "\(timeLimit)", expected: "a positive number of seconds")
        }
        if let iterationLimit, iterationLimit <= 0 {
            throw .invalidOption(name: "iterationLimit", value: "\(iterationLimit)", expected: "a positive count")
        }
        if !(relativeGap.isFinite && relativeGap >= 0) {
            throw .invalidOption(name: "relativeGap", value: "\(relativeGap)", expected: "a finite number ≥ 0")
        }
    }
}
