import Foundation
import FuzzSupport
import TaktGLPK
import TaktLP

/// Values a program's numbers are drawn from: ordinary ones, and the extremes that make
/// GLPK abort when they reach it (NaN, infinities, 1e-300, 1e308, bounds near 1e17).
let values: [Double] = [
    0, 1, -1, 2, 0.5, -3, 10, 100, -0.25, 1e-300, 1e308, -1e308, .nan, .infinity, -.infinity, 1e15, 1e16, 1e17, 1e-12, 1e-13,
    1e12, 1e13, 1e18, 1e19, 7, 1e-6, 4.5, 1000,
]

/// Reads the input as a small program: up to 4 columns and 4 rows, each number a byte's
/// pick from `values`. The program is validated, written as MPS and LP, and, if valid,
/// solved by GLPK with a time limit: each step must return or throw, never abort.
func fuzzLinearProgram(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var bytes = UnsafeRawBufferPointer(start: start, count: count)[...]
    func next() -> Int { bytes.popFirst().map(Int.init) ?? 0 }
    func value() -> Double { values[next() % values.count] }
    var program = LinearProgram(sense: next() % 2 == 0 ? .minimize : .maximize)
    let columns = 1 + next() % 4
    for j in 0..<columns {
        let kinds: [VariableKind] = [.continuous, .continuous, .integer, .binary]
        program.variables.append(Variable(name: "x\(j)", lowerBound: value(), upperBound: value(), kind: kinds[next() % 4], objective: value()))
    }
    for i in 0..<(next() % 5) {
        var terms: [Term] = []
        for j in 0..<columns where next() % 3 != 0 { terms.append(Term(VariableID(index: j), value())) }
        if next() % 16 == 0, let first = terms.first { terms.append(first) }  // a repeated column
        let a = value(), b = value()
        let bounds: [ConstraintBounds] = [.lessOrEqual(a), .greaterOrEqual(a), .equal(a), .range(a, b), .free]
        program.constraints.append(Constraint(name: "r\(i)", terms: terms, bounds: bounds[next() % bounds.count]))
    }
    program.objectiveConstant = next() % 8 == 0 ? value() : 0
    _ = try? MPSWriter().write(program)
    _ = try? LPWriter().write(program)
    _ = try? GLPKSolver().solve(program, options: SolveOptions(timeLimit: 1))
    return 0
}

exit(Fuzzer.run { data, size in fuzzLinearProgram(UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!, size) })
