import Foundation

/// Priority rules for choosing among operations that compete for a machine.
public enum DispatchRule: String, CaseIterable, Hashable, Sendable {
    /// Shortest processing time first.
    case shortestProcessingTime = "spt"
    /// Most work remaining in the job first.
    case mostWorkRemaining = "mwkr"
    /// Earliest due date first (jobs without one last).
    case earliestDueDate = "edd"
    /// Earliest release, then the order of the jobs: first come, first served.
    case firstComeFirstServed = "fcfs"
    /// Vepsalainen and Morton's apparent tardiness cost (1987): the highest
    /// (w / p) · exp(−max(0, d − t − R) / (k · p̄)) first, with R the job's work remaining
    /// (this operation's included), p̄ the mean duration of the competitors, k = 2.
    case apparentTardinessCost = "atc"
    /// ATC with setups (Lee, Bhaskaran and Pinedo 1997): ATC's index times exp(−s / s̄), s the
    /// setup before the operation and s̄ the competitors' mean setup.
    case apparentTardinessCostWithSetups = "atcs"

    /// A key to sort competitors by, lowest first.
    func priority(_ c: Competitor, meanDuration: Double, meanSetup: Double) -> Double {
        switch self {
        case .shortestProcessingTime: return Double(c.duration)
        case .mostWorkRemaining: return -Double(c.workRemaining)
        case .earliestDueDate: return c.due.map(Double.init) ?? .infinity
        case .firstComeFirstServed: return Double(c.release)
        case .apparentTardinessCost, .apparentTardinessCostWithSetups:
            let slack = c.due.map { Double(max(0, $0 - c.start - c.workRemaining)) } ?? Double(ShopProblem.maximumTime)
            var index = Double(c.weight) / Double(max(1, c.duration)) * exp(-slack / (2 * max(1, meanDuration)))
            if self == .apparentTardinessCostWithSetups && meanSetup > 0 { index *= exp(-Double(c.setup) / meanSetup) }
            return -index
        }
    }

    /// What a rule sees of one operation competing for a machine.
    struct Competitor {
        var duration: Int
        var workRemaining: Int
        var due: Int?
        var release: Int
        var weight: Int
        var start: Int
        var setup: Int
    }
}
