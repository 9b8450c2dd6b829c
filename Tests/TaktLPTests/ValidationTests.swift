import Testing
import TaktGLPK
import TaktLP

/// GLPK aborts on these; the LP layer must turn each into a typed error first.
@Suite struct ValidationTests {
    let solver = GLPKSolver()

    private func program(_ edit: (inout LinearProgram, VariableID, VariableID) -> Void) -> LinearProgram {
        var lp = LinearProgram()
        let x = lp.addVariable("x", upperBound: 10, objective: 1)
        let y = lp.addVariable("y", upperBound: 10, objective: 1)
        lp.addConstraint("row", [Term(x, 1), Term(y, 1)], .greaterOrEqual(1))
        edit(&lp, x, y)
        return lp
    }

    @Test(arguments: [
        ("nan objective", { @Sendable (lp: inout LinearProgram) in lp.variables[0].objective = .nan }, "variable 'x': objective coefficient"),
        ("infinite objective", { @Sendable (lp: inout LinearProgram) in lp.variables[1].objective = .infinity }, "variable 'y': objective coefficient"),
        ("nan bound", { @Sendable (lp: inout LinearProgram) in lp.variables[0].upperBound = .nan }, "variable 'x': upper bound"),
        ("lower +inf", { @Sendable (lp: inout LinearProgram) in lp.variables[0].lowerBound = .infinity }, "variable 'x': lower bound"),
        ("nan rhs", { @Sendable (lp: inout LinearProgram) in lp.constraints[0].bounds = .equal(.nan) }, "constraint 'row': lower bound"),
        ("nan coefficient", { @Sendable (lp: inout LinearProgram) in lp.constraints[0].terms[0].coefficient = .nan }, "constraint 'row': coefficient of column 0"),
        ("infinite coefficient", { @Sendable (lp: inout LinearProgram) in lp.constraints[0].terms[1].coefficient = -.infinity }, "constraint 'row': coefficient"),
        ("nan constant", { @Sendable (lp: inout LinearProgram) in lp.objectiveConstant = .nan }, "objective: constant"),
    ] as [(String, @Sendable (inout LinearProgram) -> Void, String)])
    func nonFiniteValuesAreNamed(_ label: String, _ edit: @Sendable (inout LinearProgram) -> Void, _ expected: String) {
        var lp = program { _, _, _ in }
        edit(&lp)
        let error = #expect(throws: LinearProgramError.self) { try solver.solve(lp) }
        #expect(error?.description.hasPrefix(expected) == true, "\(label): \(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test func lowerAboveUpper() {
        let lp = program { lp, x, _ in lp[x].lowerBound = 11 }
        #expect(throws: LinearProgramError.inconsistentBounds(item: "variable 'x'", lower: 11, upper: 10)) { try solver.solve(lp) }
        let row = program { lp, _, _ in lp.constraints[0].bounds = .range(5, 2) }
        #expect(throws: LinearProgramError.inconsistentBounds(item: "constraint 'row'", lower: 5, upper: 2)) { try solver.solve(row) }
    }

    @Test func fractionalBoundOnIntegerVariable() {
        let lp = program { lp, x, _ in
            lp[x].kind = .integer
            lp[x].upperBound = 2.5
        }
        #expect(throws: LinearProgramError.invalidIntegerBounds(variable: "x", lower: 0, upper: 2.5)) { try solver.solve(lp) }
        let binary = program { lp, _, y in
            lp[y].kind = .binary
            lp[y].upperBound = 2
        }
        #expect(throws: LinearProgramError.invalidIntegerBounds(variable: "y", lower: 0, upper: 2)) { try solver.solve(binary) }
    }

    @Test func variableIndexOutOfRange() {
        let lp = program { lp, _, _ in lp.constraints[0].terms.append(Term(VariableID(index: 7), 1)) }
        #expect(throws: LinearProgramError.unknownVariable(constraint: "row", index: 7, variableCount: 2)) { try solver.solve(lp) }
        let negative = program { lp, _, _ in lp.constraints[0].terms.append(Term(VariableID(index: -1), 1)) }
        #expect(throws: LinearProgramError.unknownVariable(constraint: "row", index: -1, variableCount: 2)) { try solver.solve(negative) }
    }

    @Test func duplicateCoefficient() {
        let lp = program { lp, x, _ in lp.constraints[0].terms.append(Term(x, 2)) }
        #expect(throws: LinearProgramError.duplicateCoefficient(constraint: "row", variable: "x")) { try solver.solve(lp) }
    }

    @Test func overLongAndControlCharacterNames() {
        let long = String(repeating: "工", count: 100)  // 300 bytes in UTF-8
        let lp = program { lp, x, _ in lp[x].name = long }
        #expect(throws: LinearProgramError.nameTooLong(item: "variable '\(long)'", length: 300, limit: 255)) { try solver.solve(lp) }
        let control = program { lp, _, _ in lp.constraints[0].name = "row\n1" }
        #expect(throws: LinearProgramError.self) { try solver.solve(control) }
    }

    @Test func invalidOptions() {
        let lp = program { _, _, _ in }
        #expect(throws: LinearProgramError.self) { try solver.solve(lp, options: SolveOptions(timeLimit: -1)) }
        #expect(throws: LinearProgramError.self) { try solver.solve(lp, options: SolveOptions(timeLimit: .nan)) }
        #expect(throws: LinearProgramError.self) { try solver.solve(lp, options: SolveOptions(iterationLimit: 0)) }
        #expect(throws: LinearProgramError.self) { try solver.solve(lp, options: SolveOptions(relativeGap: -0.1)) }
    }

    @Test func validNamesInChineseAreAccepted() throws {
        let lp = program { lp, x, _ in lp[x].name = "产量_一月" }
        #expect(try solver.solve(lp).status == .optimal)
    }
}

/// Finite values GLPK cannot scale (it aborts on a scale factor out of range, asserts on
/// bounds near 1e17): refused as ``LinearProgramError``s that name the row or column.
@Suite struct MagnitudeTests {
    let solver = GLPKSolver()

    private func program(coefficient: Double = 1, rhs: Double = 1, upper: Double = 10, objective: Double = 1) -> LinearProgram {
        var lp = LinearProgram()
        let x = lp.addVariable("x", upperBound: upper, objective: objective)
        let y = lp.addVariable("y", upperBound: 10, objective: 1)
        lp.addConstraint("row", [Term(x, coefficient), Term(y, 1)], .greaterOrEqual(rhs))
        return lp
    }

    @Test(arguments: [
        (1e-300, "constraint 'row': coefficient of column 0 is 1e-300"), (1e308, "constraint 'row': coefficient of column 0"),
        (-1e13, "constraint 'row': coefficient of column 0"),
    ])
    func coefficientsOutsideTheScalableRange(_ value: Double, _ expected: String) {
        let error = #expect(throws: LinearProgramError.self) { try solver.solve(program(coefficient: value)) }
        #expect(error?.description.hasPrefix(expected) == true, "\(error.map(String.init(describing:)) ?? "none")")
    }

    @Test func boundsAndCostsBeyondTheirLimits() {
        #expect(throws: LinearProgramError.self) { try solver.solve(program(rhs: 1e200)) }
        #expect(throws: LinearProgramError.self) { try solver.solve(program(upper: 1e17)) }
        #expect(throws: LinearProgramError.self) { try solver.solve(program(objective: 1e300)) }
        // At the limits they solve.
        #expect(throws: Never.self) { try solver.solve(program(coefficient: 1e-12, rhs: 1e-3, upper: 1e15, objective: 1e18)) }
    }

    @Test func aMatrixSpanningTooManyOrdersOfMagnitudeIsRefused() {
        var lp = program(coefficient: 1e-11)
        lp.addConstraint("wide", [Term(VariableID(index: 1), 1e11)], .lessOrEqual(5))
        let error = #expect(throws: LinearProgramError.self) { try solver.solve(lp) }
        guard case .badlyScaled(let smallest, _, let largest, let at, _) = error else {
            Issue.record("expected badlyScaled, got \(String(describing: error))")
            return
        }
        #expect(smallest == 1e-11 && largest == 1e11)
        #expect(at == "constraint 'wide', variable 'y'")
    }

    @Test func aWarmSessionRefusesAnOutOfRangeChange() throws {
        try solver.withWarmStart(program()) { session in
            _ = session.solve()
            #expect(throws: LinearProgramError.self) { try session.setBounds(of: VariableID(index: 0), lower: 0, upper: 1e16) }
        }
    }

    @Test func aPassedDeadlineStopsTheSolveAtOnce() throws {
        let solution = try solver.solve(program(), options: SolveOptions(deadline: Deadline(after: 0)))
        #expect(solution.status == .timeLimitNoSolution)
        let inTime = try solver.solve(program(), options: SolveOptions(deadline: Deadline(after: 60)))
        #expect(inTime.status == .optimal)
        #expect(Deadline(after: 1) < Deadline(after: 100))
        #expect(Deadline(after: 100).earlier(Deadline(after: 1)).secondsLeft <= 1)
    }
}

/// Found by the LP fuzz target: every value within its own limit, but a fixed column of
/// 1e12 times a coefficient of 1e12 in a row equal to 7 made GLPK's presolver assert
/// ("tse->func(npp, tse->info) == 0", npp1.c) and take the process down.
@Suite struct ActivityTests {
    @Test func aTermBeyondWhatARowCanHoldIsRefused() {
        var lp = LinearProgram(sense: .maximize)
        let x0 = lp.addVariable("x0", upperBound: 1000, objective: 0.5)
        let x1 = lp.addVariable("x1", upperBound: 1e15, objective: 1e12)
        let x2 = lp.addVariable("x2", lowerBound: 1e12, upperBound: 1e12, objective: 1e12)
        let x3 = lp.addVariable("x3", lowerBound: -.infinity, upperBound: 1e12, objective: 1e12)
        lp.objectiveConstant = 1e12
        lp.addConstraint("r0", [Term(x2, 0)], .range(-.infinity, 1e12))
        lp.addConstraint("r1", [Term(x0, 7), Term(x1, 1e12), Term(x2, 1e12), Term(x3, 7)], .range(7, 7))
        lp.addConstraint("r2", [Term(x0, 7), Term(x1, 7), Term(x2, 0.5)], .greaterOrEqual(7))
        let error = #expect(throws: LinearProgramError.self) { try GLPKSolver().solve(lp, options: SolveOptions(timeLimit: 1)) }
        #expect(error?.description.hasPrefix("constraint 'r1': term of variable 'x1'") == true, "\(String(describing: error))")
    }
}

/// Found by the LP fuzz target: a row equal to 1 holding a column fixed at 1e12 beside a
/// coefficient of 1e-12 on a column of at most 1000 made GLPK's presolver assert the same
/// way; each term is within every limit, but the row spans 1e21 in what its terms can reach.
@Suite struct RowSpanTests {
    private func program(tiny: Double) -> LinearProgram {
        var lp = LinearProgram(sense: .maximize)
        let x0 = lp.addVariable("x0", upperBound: 1000, objective: 1e12)
        let x1 = lp.addVariable("x1", lowerBound: 2, upperBound: 1e15, objective: 1e12)
        let x2 = lp.addVariable("x2", lowerBound: 1e12, upperBound: 1e12, objective: 1e18)
        let x3 = lp.addVariable("x3", lowerBound: -.infinity, upperBound: 7, objective: 2)
        lp.addConstraint("r0", [], .free)
        lp.addConstraint("r1", [Term(x0, tiny), Term(x1, 1), Term(x2, 1), Term(x3, 1)], .range(1, 1))
        return lp
    }

    @Test func aRowWhoseTermsReachTooFarApartIsRefused() throws {
        let error = #expect(throws: LinearProgramError.self) { try GLPKSolver().solve(program(tiny: 1e-12), options: SolveOptions(timeLimit: 1)) }
        #expect(error?.description.hasPrefix("constraint 'r1': term of variable 'x0'") == true, "\(String(describing: error))")
        #expect(error?.description.contains("variable 'x1'") == true)
        // The same row with a term of 0.1 × 1000 beside 1e15 (a span of 1e13) is solved.
        #expect(try GLPKSolver().solve(program(tiny: 0.1), options: SolveOptions(timeLimit: 1)).status == .optimal)
    }
}

/// Found by the LP fuzz target: min 0.5·x0 + 1e12·x1 with 1e12 ≤ 1e-12·x0 + 4.5·x1 ≤ 1e12,
/// x0 ≤ 1000, x1 free above 0: every value and every term's reach within its limits, but the
/// right-hand side 1e21 times the smallest reach made GLPK's presolver assert (npp1.c:694).
/// Such a program is solved without the presolver.
@Suite struct PresolveSafetyTests {
    private func program(rhs: Double) -> LinearProgram {
        var lp = LinearProgram()
        let x0 = lp.addVariable("x0", upperBound: 1000, objective: 0.5)
        let x1 = lp.addVariable("x1", objective: 1e12)
        lp.addConstraint("r0", [], .lessOrEqual(1e12))
        lp.addConstraint("r1", [Term(x0, 1e-12), Term(x1, 4.5)], .range(rhs, rhs))
        lp.addConstraint("r2", [], .lessOrEqual(2))
        return lp
    }

    @Test func aRightHandSideFarBeyondItsTermsIsSolvedWithoutThePresolver() throws {
        #expect(!program(rhs: 1e12).presolveIsSafe)
        #expect(program(rhs: 1e-3).presolveIsSafe)
        let solution = try GLPKSolver().solve(program(rhs: 1e12), options: SolveOptions(timeLimit: 1))
        #expect(solution.status == .optimal)
        // x1 makes the right-hand side, x0 at most 1e-9 of it: about 1e12 × 1e12 / 4.5.
        #expect(abs(solution.objective - 1e24 / 4.5) <= 1e-6 * 1e24 / 4.5, "\(solution.objective)")
    }

    /// The fuzzer's second such row: 1e-6 on x0 in [-0.25, 1000], so a reach of 1e-3 against
    /// 1e12 (a ratio of 1e15), with 2·x0 ranged in [-3, 0] beside it.
    @Test func aTermBelowTheRightHandSidesRoundingIsSolvedWithoutThePresolver() throws {
        var lp = LinearProgram()
        let x0 = lp.addVariable("x0", lowerBound: -0.25, upperBound: 1000, objective: 0.5)
        let x1 = lp.addVariable("x1", objective: 1e12)
        lp.addConstraint("r0", [], .lessOrEqual(1e12))
        lp.addConstraint("r1", [Term(x0, 1e-6), Term(x1, 4.5)], .range(1e12, 1e12))
        lp.addConstraint("r2", [Term(x0, 2)], .range(-3, 0))
        lp.objectiveConstant = 1e12
        #expect(!lp.presolveIsSafe)
        let solution = try GLPKSolver().solve(lp, options: SolveOptions(timeLimit: 1))
        #expect(solution.status == .optimal)
        // x0's own cost is below the objective's rounding: anywhere the rows allow it.
        #expect(solution[x0] >= -0.25 - 1e-9 && solution[x0] <= 1e-9)
        #expect(abs(solution.objective - (1e24 / 4.5 + 1e12)) <= 1e-6 * 1e24 / 4.5, "\(solution.objective)")
    }

    /// The fuzzer's fourth: the second's row with x0 in [-0.25, 1e13], which 2·x0 ≤ 0 holds
    /// to [-0.25, 0] — its reach at the largest bound looks harmless, at the smallest it is not.
    @Test func aColumnAnotherRowTightensIsJudgedAtItsSmallestBound() throws {
        var lp = LinearProgram()
        let x0 = lp.addVariable("x0", lowerBound: -0.25, upperBound: 1e13, objective: 0.5)
        let x1 = lp.addVariable("x1", objective: 1e12)
        lp.addConstraint("r0", [], .lessOrEqual(1e12))
        lp.addConstraint("r1", [Term(x0, 1e-6), Term(x1, 4.5)], .range(1e12, 1e12))
        lp.addConstraint("r2", [Term(x0, 2)], .lessOrEqual(0))
        lp.objectiveConstant = 1e12
        #expect(!lp.presolveIsSafe)
        let solution = try GLPKSolver().solve(lp, options: SolveOptions(timeLimit: 1))
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - (1e24 / 4.5 + 1e12)) <= 1e-6 * 1e24 / 4.5, "\(solution.objective)")
    }

    /// The fuzzer's third: a row ranged in [0, 1e-6] over terms that reach 1e15 (GLPK's
    /// presolver asserted at npp1.c:748), maximising with x2 fixed at 1e12.
    @Test func aNarrowRangeOverFarReachingTermsIsSolvedWithoutThePresolver() throws {
        var lp = LinearProgram(sense: .maximize)
        let x0 = lp.addVariable("x0", upperBound: 1000, objective: 0.5)
        let x1 = lp.addVariable("x1", upperBound: 1e15, objective: 1e12)
        let x2 = lp.addVariable("x2", lowerBound: 1e12, upperBound: 1e12, objective: 1e12)
        let x3 = lp.addVariable("x3", lowerBound: -.infinity, upperBound: 1e12, objective: 1e12)
        lp.addConstraint("r0", [Term(x0, 0), Term(x1, -1), Term(x2, -0.25), Term(x3, -1)], .range(0, 1e-6))
        #expect(!lp.presolveIsSafe)
        let solution = try GLPKSolver().solve(lp, options: SolveOptions(timeLimit: 1))
        // x1 + x3 is held at −0.25e12 (within 1e-6): the objective is 0.5·1000 + 1e12·0.75e12.
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - (500 + 0.75e24)) <= 1e-9 * 0.75e24, "\(solution.objective)")
        #expect(abs(solution[x1] + solution[x3] + 0.25e12) <= 1)
    }
}
