import Foundation
import Testing
@testable import Takt

@Suite struct ScenarioGeneratorTests {
    @Test func sameSeedSameScenarioOtherSeedOther() {
        let a = ScenarioGenerator(orders: 500, products: 40, families: 5, seed: 3).scenario()
        #expect(a == ScenarioGenerator(orders: 500, products: 40, families: 5, seed: 3).scenario())
        #expect(a != ScenarioGenerator(orders: 500, products: 40, families: 5, seed: 4).scenario())
    }

    @Test func generatedScenarioIsValidAndRealistic() throws {
        let s = ScenarioGenerator(orders: 3_000, products: 60, families: 6, workCenters: 12, units: 2, seed: 9).scenario()
        #expect(s.validate().filter { $0.severity == .error }.isEmpty)
        #expect(s.orders.count == 3_000 && s.products.count == 60 && Set(s.products.map(\.family)).count == 6)
        #expect(s.routings.allSatisfy { $0.runHours > 0 })
        let stepsPerProduct = Dictionary(grouping: s.routings, by: \.product).values.map(\.count)
        #expect(stepsPerProduct.allSatisfy { (2...6).contains($0) })
        #expect(s.orders.contains { $0.rush } && s.orders.contains { $0.status == .frozen } && s.orders.contains { $0.status == .confirmed })
        // Every work center's load over the horizon lands in 50–110% of its capacity.
        let table = try CapacityLoadAnalysis(s).table()
        for total in table.totals where total.resource.kind == .workCenter && total.requiredHours > 0 {
            let ratio = try #require(total.loadRatio)
            #expect(ratio > 0.45 && ratio < 1.15, "\(total.resource.id): \(ratio)")
        }
    }

    @Test func csvRoundTripGivesTheSameScenario() throws {
        let generated = ScenarioGenerator(orders: 400, products: 20, families: 4, workCenters: 8, units: 2, seed: 5).scenario()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioCSVWriter.write(generated, to: folder.path)
        let loaded = try ScenarioLoader.load(from: folder.path).scenario
        #expect(loaded == generated)
        // The sample plant too, and Sailco's unlimited overtime.
        for source in [Datasets.samplePlant, Datasets.sailco] {
            let original = try ScenarioLoader.load(from: source.path).scenario
            let copy = folder.appendingPathComponent(source.lastPathComponent)
            try ScenarioCSVWriter.write(original, to: copy.path)
            #expect(try ScenarioLoader.load(from: copy.path).scenario == original)
        }
    }

    @Test func badOptionsAreNamed() {
        #expect(ScenarioGenerator(orders: 0).problems() == ["orders must be at least 1 (got 0)"])
        #expect(ScenarioGenerator(products: 5, families: 6).problems().first?.contains("families") == true)
    }
}
