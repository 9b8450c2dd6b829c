import Foundation
import Testing

@Suite struct GenerateCommandTests {
    @Test func sameSeedWritesTheSameFiles() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("takt-generate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let a = base.appendingPathComponent("a").path, b = base.appendingPathComponent("b").path
        let arguments = ["generate", "--orders", "300", "--products", "20", "--families", "4", "--work-centers", "6", "--periods", "12", "--period", "month", "--seed", "7"]
        #expect(try TaktBinary.run(arguments + ["--out", a]).status == 0)
        #expect(try TaktBinary.run(arguments + ["--out", b]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(files.contains("orders.csv") && files.contains("routings.csv"))
        for file in files {
            #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file))
        }
        let validated = try TaktBinary.run(["validate", a, "--quiet"])
        #expect(validated.status == 0)
        let planned = try TaktBinary.run(["plan", a])
        #expect(planned.status == 0)
        #expect(try TaktBinary.run(["generate", "--orders", "0", "--out", a]).status == 2)
    }

    /// `--setups`: a setup cost on every product and setup hours on the steps, which the plan
    /// then pays per production run; the plant is otherwise the one without.
    @Test func setupsAddRunsToTheSamePlant() throws {
        let base = try TaktBinary.temporaryFolder("generate-setups")
        defer { try? FileManager.default.removeItem(at: base) }
        let plain = base.appendingPathComponent("plain").path, runs = base.appendingPathComponent("runs").path
        let arguments = ["generate", "--orders", "200", "--products", "6", "--families", "2", "--work-centers", "4", "--units", "2", "--periods", "6", "--period", "month", "--seed", "3"]
        #expect(try TaktBinary.run(arguments + ["--out", plain]).status == 0)
        #expect(try TaktBinary.run(arguments + ["--setups", "--out", runs]).status == 0)
        #expect(FileManager.default.contents(atPath: plain + "/orders.csv") == FileManager.default.contents(atPath: runs + "/orders.csv"))
        let products = try String(contentsOfFile: runs + "/products.csv", encoding: .utf8).split(separator: "\n")
        let header = products[0].split(separator: ",")
        let column = try #require(header.firstIndex(of: "setup_cost"))
        #expect(products.dropFirst().allSatisfy { (Double($0.split(separator: ",", omittingEmptySubsequences: false)[column]) ?? 0) > 0 })
        let steps = try String(contentsOfFile: plain + "/routings.csv", encoding: .utf8).split(separator: "\n")
        let setup = try #require(steps[0].split(separator: ",").firstIndex(of: "setup_hours"))
        #expect(steps.dropFirst().allSatisfy { Double($0.split(separator: ",", omittingEmptySubsequences: false)[setup]) == 0 })
        let planned = try TaktBinary.run(["plan", runs])
        #expect(planned.status == 0)
        #expect(planned.standardOutput.contains("setups"), "\(planned.standardOutput)")
    }
}

@Suite struct CommittedDatasetTests {
    /// The committed generated sets are what `takt generate` writes today: the seed is the data.
    @Test func committedSmallSetIsWhatTheGeneratorWrites() throws {
        let folder = try TaktBinary.temporaryFolder("generated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("small").path
        #expect(try TaktBinary.run(["generate", "--orders", "1000", "--products", "20", "--families", "4", "--seed", "1", "--out", out]).status == 0)
        let committed = "datasets/generated/small"
        let files = try FileManager.default.contentsOfDirectory(atPath: committed).sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: out).sorted()))
        for file in files {
            #expect(FileManager.default.contents(atPath: committed + "/" + file) == FileManager.default.contents(atPath: out + "/" + file), "\(file)")
        }
    }
}
