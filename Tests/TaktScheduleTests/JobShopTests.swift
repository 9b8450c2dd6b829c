import Foundation
import Testing
import TaktGLPK
import TaktLP
import TaktSchedule

/// The job-shop benchmarks (Fisher and Thompson, Lawrence, Brandimarte) with their optima or
/// bounds, from `datasets/jobshop`.
enum Benchmarks {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/jobshop")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("optima.csv").path) }

    static func optimum(_ name: String) throws -> Int {
        let text = try String(contentsOf: folder.appendingPathComponent("optima.csv"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(name + ",") })
        return Int(line.split(separator: ",")[3])!
    }

    static func problem(_ name: String) throws -> ShopProblem { try JobShopFile.read(folder.appendingPathComponent(name).path) }
}

@Suite struct JobShopTests {
    /// A 3 × 3 shop small enough to check by hand: the optimum is 11.
    static let tiny = ShopProblem(
        jobShop: [[(0, 3), (1, 2), (2, 2)], [(0, 2), (2, 1), (1, 4)], [(1, 4), (2, 3)]], machineCount: 3)

    @Test(arguments: DispatchRule.allCases)
    func everyRuleGivesAFeasibleActiveSchedule(rule: DispatchRule) throws {
        let schedule = try GifflerThompson(rule: rule).schedule(Self.tiny)
        #expect(schedule.violations(of: Self.tiny).isEmpty, "\(schedule.violations(of: Self.tiny))")
        #expect(schedule.makespan >= 11)
    }

    @Test func tabuSearchFindsTheHandComputedOptimum() throws {
        let schedule = try TabuSearch().schedule(Self.tiny)
        #expect(schedule.violations(of: Self.tiny).isEmpty)
        #expect(schedule.makespan == 11)
    }

    @Test func theCheckerFindsOverlapsAndBrokenPrecedence() throws {
        var schedule = try GifflerThompson().schedule(Self.tiny)
        schedule.assignments[1].start -= 1  // job 0's second operation before its first ends
        schedule.assignments[1].end -= 1
        #expect(!schedule.violations(of: Self.tiny).isEmpty)
        var overlap = try GifflerThompson().schedule(Self.tiny)
        let zero = overlap.assignments.indices.filter { overlap.assignments[$0].machine == 0 }
        overlap.assignments[zero[1]].start = overlap.assignments[zero[0]].start
        overlap.assignments[zero[1]].end = overlap.assignments[zero[1]].start + 2
        #expect(overlap.violations(of: Self.tiny).contains { $0.contains("overlap") })
    }

    @Test func aBadFileSaysWhere() {
        #expect(throws: ShopProblemError.unreadable(file: "x", line: 2, column: 3, message: "'a': expected a whole number 0...\(ShopProblem.maximumTime)")) {
            try JobShopFile.parse("1 2\n0 a 1 2\n", file: "x")
        }
        #expect(throws: ShopProblemError.self) { try JobShopFile.parse("2 2\n0 1 1 2\n", file: "x") }
        #expect(throws: ShopProblemError.self) { try JobShopFile.parse("1 2\n0 1 5 2\n", file: "x") }
    }

    /// Published optima reached (ft06, la01, la05) or nearly (ft10 within 5%, la16 within 5%)
    /// by the tabu search in 8,000 steps, every schedule checked. (In 10 s of a release build,
    /// `takt schedule --threads 2`: ft10 930 and la16 945, both at the optimum.)
    @Test(.enabled(if: Benchmarks.available), arguments: [("ft06", 0.0), ("la01", 0.0), ("la05", 0.0), ("ft10", 0.05), ("la16", 0.05)])
    func benchmarksWithinTheirGap(name: String, gap: Double) throws {
        let problem = try Benchmarks.problem(name)
        let optimum = try Benchmarks.optimum(name)
        let start = try GifflerThompson(rule: .mostWorkRemaining).schedule(problem)
        let found = try TabuSearch(iterations: 8_000, stall: 1_500).schedule(problem)
        #expect(found.violations(of: problem).isEmpty)
        #expect(found.makespan >= optimum)
        #expect(found.makespan <= start.makespan)
        #expect(Double(found.makespan) <= Double(optimum) * (1 + gap), "\(name): \(found.makespan) against the optimum \(optimum)")
    }

    @Test func theSameRunGivesTheSameSchedule() throws {
        guard Benchmarks.available else { return }
        let problem = try Benchmarks.problem("la02")
        #expect(try TabuSearch(iterations: 3_000).schedule(problem) == TabuSearch(iterations: 3_000).schedule(problem))
    }
}

/// The disjunctive MIP proves small optima with GLPK, and agrees with the search.
@Suite struct ExactJobShopTests {
    @Test func theTinyShopIsProvedAtItsHandComputedOptimum() throws {
        let result = try ExactJobShop(solver: GLPKSolver()).solve(JobShopTests.tiny)
        #expect(result.status == .optimal)
        #expect(result.schedule.makespan == 11 && result.lowerBound == 11)
        #expect(result.schedule.violations(of: JobShopTests.tiny).isEmpty)
    }

    /// Fisher and Thompson's 6 × 6: the search's 55 proved optimal (in about half a second).
    @Test(.enabled(if: Benchmarks.available)) func ft06IsProvedOptimal() throws {
        let problem = try Benchmarks.problem("ft06")
        let result = try ExactJobShop(solver: GLPKSolver(), options: SolveOptions(timeLimit: 60)).solve(problem)
        #expect(result.status == .optimal && result.schedule.makespan == 55 && result.lowerBound == 55)
        #expect(result.schedule.violations(of: problem).isEmpty)
    }

    /// Random 4 × 4 shops: the proved optimum is never above the tabu search's, and the
    /// search reaches it on these (seeded, so they are the same shops every run).
    @Test(arguments: 1...4)
    func randomSmallShops(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // Each job visits the four machines in a seeded order (Fisher–Yates).
        let routes = (0..<4).map { _ -> [(machine: Int, duration: Int)] in
            var machines = Array(0..<4)
            for i in stride(from: 3, to: 0, by: -1) { machines.swapAt(i, next(i + 1)) }
            return machines.map { (machine: $0, duration: 1 + next(9)) }
        }
        let problem = ShopProblem(jobShop: routes, machineCount: 4)
        let exact = try ExactJobShop(solver: GLPKSolver()).solve(problem)
        let searched = try TabuSearch(iterations: 3_000).schedule(problem)
        #expect(exact.status == .optimal)
        #expect(exact.schedule.violations(of: problem).isEmpty)
        #expect(exact.schedule.makespan <= searched.makespan)
        #expect(exact.schedule.makespan == searched.makespan, "seed \(seed): search \(searched.makespan), optimum \(exact.schedule.makespan)")
    }
}

/// Brandimarte's flexible job shops: read with their published sizes, scheduled feasibly.
@Suite struct FlexibleJobShopTests {
    @Test func theTenInstancesReadWithTheirOperationCounts() throws {
        let operations = [55, 58, 150, 90, 106, 150, 100, 225, 240, 240]
        for (k, count) in operations.enumerated() {
            let name = String(format: "mk%02d.txt", k + 1)
            let problem = try FlexibleJobShopFile.read(Benchmarks.folder.appendingPathComponent("brandimarte/\(name)").path)
            #expect(problem.operations.count == count, "\(name)")
            try problem.validate()
        }
    }

    /// mk01 (optimum 40): the search moves operations between machines to within 10% of it.
    @Test func mk01IsScheduledNearItsOptimum() throws {
        let problem = try FlexibleJobShopFile.read(Benchmarks.folder.appendingPathComponent("brandimarte/mk01.txt").path)
        let start = try GifflerThompson().schedule(problem)
        let best = try TabuSearch(iterations: 4_000, stall: 300).schedule(problem, from: start)
        #expect(best.violations(of: problem).isEmpty)
        #expect(best.makespan >= 40 && best.makespan <= 44, "\(best.makespan)")
        #expect(best.makespan <= start.makespan)
        #expect(Set(best.assignments.map(\.machine)) != Set(start.assignments.map(\.machine)) || best.makespan < start.makespan)
    }

    @Test func aBadFlexibleFileSaysWhere() {
        #expect(throws: ShopProblemError.unreadable(file: "x", line: 2, column: 5, message: "machine 7 out of range 0..<2")) {
            try FlexibleJobShopFile.parse("1 2\n1 1 7 3\n", file: "x")
        }
        #expect(throws: ShopProblemError.self) { try FlexibleJobShopFile.parse("1 2\n2 1 0 3\n", file: "x") }
        #expect(throws: ShopProblemError.self) { try FlexibleJobShopFile.parse("1 2\n1 1 0 3 9\n", file: "x") }
        #expect(throws: ShopProblemError.self) { try FlexibleJobShopFile.parse("1 2\n1 0\n", file: "x") }
    }
}
