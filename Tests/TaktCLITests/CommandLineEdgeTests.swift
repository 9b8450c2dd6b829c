import Foundation
import Testing

/// The command line's rough edges, each through the built binary.
@Suite struct CommandLineEdgeTests {
    @Test func noSubcommandPrintsTheHelpAndExitsTwo() throws {
        let run = try TaktBinary.run([])
        #expect(run.status == 2)
        #expect(run.standardError.contains("USAGE: takt <subcommand>"))
        #expect(run.standardError.contains("validate") && run.standardError.contains("decompose"))
    }

    @Test func anUnknownUnitIsOneLine() throws {
        let run = try TaktBinary.run(["load", "datasets/sample-plant", "--unit", "NOPE"])
        #expect(run.status == 2)
        #expect(run.standardError == "error: unknown production unit 'NOPE'; expected one of PLANT-A, SUB-B\n")
    }

    @Test func decomposeOffersOnlyLevelsItCanSplitTo() throws {
        let help = try TaktBinary.run(["decompose", "--help"])
        #expect(help.standardOutput.contains("values:") && help.standardOutput.contains("quarter, month, week"))
        #expect(!help.standardOutput.contains("year, quarter"))
        #expect(try TaktBinary.run(["decompose", "datasets/sample-plant", "--to", "year"]).status == 2)
    }

    @Test func helpSaysWhereYAMLWorks() throws {
        for command in ["whatif", "report", "decompose", "plan"] {
            let help = try TaktBinary.run([command, "--help"])
            #expect(help.standardOutput.contains(".yaml"), "\(command)")
        }
    }

    /// The order × period model in CPLEX LP format reads back in glpsol to the MPS file's optimum.
    @Test func theOrderModelWritesAsLP() throws {
        let folder = try TaktBinary.temporaryFolder("export-lp")
        let lp = folder.appendingPathComponent("orders.lp").path, mps = folder.appendingPathComponent("orders.mps").path
        #expect(try TaktBinary.run(["export", "datasets/sample-plant", "--model", "orders", "--format", "lp", "--out", lp]).status == 0)
        #expect(try TaktBinary.run(["export", "datasets/sample-plant", "--model", "orders", "--out", mps]).status == 0)
        let glpsol = URL(fileURLWithPath: "/usr/bin/glpsol")
        guard FileManager.default.isExecutableFile(atPath: glpsol.path) else { return }
        func objective(_ arguments: [String]) throws -> String? {
            let run = try TaktBinary.run(arguments, executable: glpsol)
            return run.standardOutput.split(separator: "\n").last { $0.contains("obj =") }.map { String($0.split(separator: "=")[1].split(separator: " ")[0]) }
        }
        let fromLP = try objective(["--lp", lp]), fromMPS = try objective(["--freemps", mps])
        #expect(fromLP != nil && fromLP == fromMPS, "\(fromLP ?? "none") vs \(fromMPS ?? "none")")
    }
}

/// The documentation's synopsis names every option each command's --help has.
@Suite struct SynopsisTests {
    @Test func theSynopsisListsEveryOption() throws {
        let page = try String(contentsOf: TaktBinary.repository.appendingPathComponent("Sources/Takt/Takt.docc/CommandLine.md"), encoding: .utf8)
        let block = try #require(page.components(separatedBy: "```\n").dropFirst().first)
        // Each command's lines: from "takt NAME" to the next "takt ".
        var synopsis: [String: String] = [:]
        var current: String?
        for line in block.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.first == "takt", words.count > 1 { current = String(words[1]) }
            if let current { synopsis[current, default: ""] += line + "\n" }
        }
        for command in ["validate", "load", "plan", "decompose", "whatif", "promise", "diff", "report", "export", "generate", "sweep run", "sweep merge"] {
            let help = try TaktBinary.run(command.split(separator: " ").map(String.init) + ["--help"]).standardOutput
            let options = help.split(separator: "\n").compactMap { line -> String? in
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("--"), let option = text.split(separator: " ").first else { return nil }
                return String(option.split(separator: ",").first!)
            }.filter { $0 != "--help" && $0 != "--version" }
            #expect(!options.isEmpty || command == "diff", "\(command)")
            for option in options {
                #expect(synopsis[String(command.split(separator: " ")[0])]?.contains(option) == true, "takt \(command): \(option) is not in the synopsis")
            }
        }
    }
}
