import Foundation
import Testing
@testable import Takt

@Suite struct JSONTextEncoderTests {
    /// The fast writer says what Foundation's JSONEncoder (with Takt's options) says.
    @Test func matchesFoundationOnPlansLoadTablesAndDecompositions() throws {
        let scenario = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let plan = try AggregatePlanner(scenario).plan()
        let table = try CapacityLoadAnalysis(scenario).table()
        let decomposition = try PlanDecomposer(scenario).decompose(DecompositionOptions(to: .quarter, method: .capacity))
        try expectSame(plan)
        try expectSame(table)
        try expectSame(decomposition)
        try expectSame(scenario)
    }

    @Test func numbersStringsAndEmptyContainers() throws {
        struct Sample: Codable {
            var camelCaseKey = 1.5
            var whole = 60.0
            var unlimited = Double.infinity
            var text = "引号 \" back\\slash\n tab\t ctrl\u{1}"
            var empty: [Int] = []
            var nothing: String? = nil
            var nested = ["b": 2, "a": 1]
            var count: Int64 = 7
            var planURL = "x/y"
        }
        try expectSame(Sample())
    }

    private func expectSame(_ value: some Encodable) throws {
        let fast = try JSONTextEncoder().text(value)
        let foundation = String(decoding: try JSONOutput.encoder().encode(value), as: UTF8.self) + "\n"
        let a = try JSONSerialization.jsonObject(with: Data(fast.utf8)) as? NSObject
        let b = try JSONSerialization.jsonObject(with: Data(foundation.utf8)) as? NSObject
        #expect(a == b)
        // Byte for byte, except that a negative zero is written 0, not Foundation's -0.
        let normalised = foundation.replacingOccurrences(of: " : -0,\n", with: " : 0,\n").replacingOccurrences(of: " : -0\n", with: " : 0\n")
        #expect(fast == normalised)
    }
}

