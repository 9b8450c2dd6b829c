import Foundation
import Testing
import TaktGLPK
import TaktLP

/// The MPS and LP writers, read back by GLPK's own `glpsol` to the same optimum.
@Suite struct ModelFileTests {
    static let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol", "/opt/homebrew/bin/glpsol"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let models: [(String, LinearProgram)] = [
        ("sailco", KnownModels.sailco()), ("food", KnownModels.foodManufacture()),
        ("wyndor", KnownModels.wyndor()), ("smallmip", KnownModels.smallMIP()), ("beale", KnownModels.beale()),
    ]

    /// Runs glpsol on a file and returns the objective it reports.
    private func glpsolObjective(_ text: String, format: String, extra: [String] = []) throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("takt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model")
        let report = directory.appendingPathComponent("report.txt")
        try text.write(to: model, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.glpsol))
        process.arguments = [format, model.path, "-o", report.path] + extra
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        let line = try #require(lines.first { $0.hasPrefix("Objective:") })
        // "Objective:  obj = 78450 (MINimum)"
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first)
        return try #require(Double(value))
    }

    @Test(.enabled(if: glpsol != nil, "needs glpsol (Debian glpk-utils)"), arguments: models)
    func mpsReadsBackToTheSameOptimum(_ name: String, _ program: LinearProgram) throws {
        let optimum = try GLPKSolver().solve(program).objective
        let text = try MPSWriter().write(program)
        let sign = program.sense == .maximize ? -1.0 : 1.0
        #expect((sign * (try glpsolObjective(text, format: "--freemps"))).isClose(to: optimum, tolerance: 1e-6))
    }

    @Test(.enabled(if: glpsol != nil, "needs glpsol (Debian glpk-utils)"), arguments: models)
    func lpReadsBackToTheSameOptimum(_ name: String, _ program: LinearProgram) throws {
        let optimum = try GLPKSolver().solve(program).objective
        let text = try LPWriter().write(program)
        #expect(try glpsolObjective(text, format: "--lp").isClose(to: optimum, tolerance: 1e-6))
    }

    @Test(.enabled(if: glpsol != nil, "needs glpsol (Debian glpk-utils)"))
    func boundsRangesFreeRowsAndConstantSurviveBothFormats() throws {
        var lp = LinearProgram(name: "edges")
        lp.objectiveConstant = -7
        let x = lp.addVariable("x", lowerBound: -4, upperBound: 6, objective: 1)
        let y = lp.addVariable("y", lowerBound: -.infinity, upperBound: 3, objective: -1)
        let z = lp.addVariable("z", lowerBound: -.infinity, upperBound: .infinity, objective: 2)
        let w = lp.addVariable("w", lowerBound: 2, upperBound: 2, objective: 1)
        let n = lp.addVariable("n", lowerBound: 1, upperBound: 9, kind: .integer, objective: 0.5)
        lp.addVariable("unused", lowerBound: 1, upperBound: 5, objective: 0)
        lp.addConstraint("band", [Term(x, 1), Term(y, 1)], .range(-2, 5))
        lp.addConstraint("zfloor", [Term(z, 1), Term(x, -1)], .greaterOrEqual(1.5))
        lp.addConstraint("report", [Term(z, 1), Term(w, 1)], .free)
        lp.addConstraint("count", [Term(n, 2), Term(x, 1)], .greaterOrEqual(3.5))
        let optimum = try GLPKSolver().solve(lp).objective
        #expect(try glpsolObjective(try MPSWriter().write(lp), format: "--freemps").isClose(to: optimum))
        #expect(try glpsolObjective(try LPWriter().write(lp), format: "--lp").isClose(to: optimum))
    }

    @Test func maximisationCanUseTheObjsenseSection() throws {
        let text = try MPSWriter(maximizeEncoding: .objsenseSection).write(KnownModels.wyndor())
        #expect(text.contains("OBJSENSE\n    MAX\n"))
        #expect(text.contains(" x obj 3\n"))
        let negated = try MPSWriter().write(KnownModels.wyndor())
        #expect(negated.contains(" x obj -3\n"))
    }

    @Test func namesTheFormatsCannotCarryAreRefused() {
        var lp = KnownModels.wyndor()
        lp.variables[0].name = "has blank"
        #expect(throws: LinearProgramError.self) { try MPSWriter().write(lp) }
        lp.variables[0].name = "x[1]"
        #expect(throws: LinearProgramError.self) { try LPWriter().write(lp) }
        #expect(throws: Never.self) { try MPSWriter().write(lp) }
        lp.variables[0].name = "y"
        #expect(throws: LinearProgramError.invalidName(item: "variable 'y'", reason: "another variable has the same name")) {
            try MPSWriter().write(lp)
        }
        lp.variables[0].name = "2x"
        #expect(throws: LinearProgramError.self) { try LPWriter().write(lp) }
    }
}
