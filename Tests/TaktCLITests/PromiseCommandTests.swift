import Foundation
import Testing

@Suite struct PromiseCommandTests {
    @Test func promiseOnTheSamplePlant() throws {
        let run = try TaktBinary.run(["promise", "datasets/sample-plant", "--product", "CP-100", "--quantity", "300", "--due", "2027-02-20"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Promise for 300 × CP-100"))
        #expect(run.standardOutput.contains("earliest: complete in 2027-"))
        #expect(run.standardOutput.contains("Required 2027-02-20"))
        let csv = try TaktBinary.run(["promise", "datasets/sample-plant", "--product", "CP-100", "--quantity", "50", "--format", "csv"])
        #expect(csv.standardOutput.split(separator: "\n").count == 13)  // header and twelve months

        #expect(try TaktBinary.run(["promise", "datasets/sample-plant", "--product", "CP-100", "--quantity", "0"]).status == 2)
        let unknown = try TaktBinary.run(["promise", "datasets/sample-plant", "--product", "NOPE", "--quantity", "5"])
        #expect(unknown.status == 1 && unknown.standardError.contains("--product 'NOPE': unknown product"))
        let outside = try TaktBinary.run(["promise", "datasets/sample-plant", "--product", "CP-100", "--quantity", "5", "--due", "2030-01-01"])
        #expect(outside.status == 1 && outside.standardError.contains("outside the horizon"))
    }
}
