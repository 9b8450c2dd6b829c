import Foundation
import Testing
import TaktLP
import TaktGLPK
@testable import Takt

@Suite struct SweepTests {
    private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// A sweep file in a fresh folder, its base an absolute path.
    private func sweepFile(_ text: String, base: URL = Datasets.root.appendingPathComponent("textbook/red-tomato")) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("sweep.yaml")
        try ("base: \(base.path)\n" + text).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Red Tomato: demand × overtime cost × holding cost, 5 × 3 × 2 points.
    private let redTomatoGrid = """
        kpis: [total cost, overtime hours, holding, subcontracted quantity]
        grid:
          - key: demand.factor
            values: [0.8, 0.9, 1.0, 1.1, 1.2]
          - key: labor_pools[CREW].overtime_cost
            values: [6, 9, 12]
          - key: products[TOOL].holding_cost
            values: [1, 2]

        """

    @Test func sha256MatchesThePublishedVectors() {
        func digest(_ text: String) -> String {
            var hash = SHA256()
            hash.update(Array(text.utf8))
            return hash.hexDigest()
        }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func aGridIsTheProductOfItsAxesLastFastest() throws {
        let sweep = try SweepFile.read(try sweepFile(redTomatoGrid))
        #expect(sweep.points.count == 30)
        #expect(sweep.parameters.map(\.name) == ["demand.factor", "labor_pools[CREW].overtime_cost", "products[TOOL].holding_cost"])
        #expect(sweep.parameters.map(\.isNumeric) == [true, true, true])
        let point = sweep.points[11]  // 0.9 (1), 12 (2), 2 (1): 1·6 + 2·2 + 1
        #expect(point.coordinates == [1, 2, 1])
        #expect(sweep.labels(of: point) == ["0.9", "12", "2"])
        #expect(point.overlay.demand.map(\.factor) == [0.9])
        #expect(point.overlay.laborPools.map(\.overtimeCost) == [12])
        #expect(point.overlay.products.map(\.holdingCost) == [2])
        #expect(point.overlay.name == "demand.factor=0.9 · labor_pools[CREW].overtime_cost=12 · products[TOOL].holding_cost=2")
        #expect(sweep.kpis == [.totalCost, .overtimeHours, .cost("holding"), .subcontractedQuantity])
        #expect(sweep.contentHash.count == 64)
        // The hash follows content, not the file's folder.
        #expect(try SweepFile.read(try sweepFile(redTomatoGrid)).contentHash == sweep.contentHash)
        #expect(try SweepFile.read(try sweepFile(redTomatoGrid + "name: other\n")).contentHash != sweep.contentHash)
    }

    @Test func everyPointCostsWhatItsScenarioCostsPlannedAlone() throws {
        let sweep = try SweepFile.read(try sweepFile(redTomatoGrid))
        let results = try SweepRun(sweep).results()
        #expect(results.points.map(\.index) == Array(0..<30))
        // The published optimum at the base point (demand 1.0, overtime 6, holding 2).
        let basePoint = try #require(results.points.first { $0.labels == ["1.0", "6", "2"] })
        #expect(isClose(basePoint.values[0], 422_275))
        for point in results.points {
            let alone = try AggregatePlanner(sweep.points[point.index].overlay.applied(to: sweep.base)).plan()
            #expect(isClose(point.values[0], alone.costs.total), "point \(point.index)")
            #expect(isClose(point.values[2], alone.costs.holding), "point \(point.index)")
        }
        // More demand never costs less, at any overtime and holding cost.
        for o in 0..<3 {
            for h in 0..<2 {
                let costs = (0..<5).map { d in results.points[d * 6 + o * 2 + h].values[0] }
                #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 < $1 + 1e-6 }, "overtime \(o), holding \(h): \(costs)")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 7])
    func shardsMergeIntoTheWholeRun(count: Int) throws {
        let sweep = try SweepFile.read(try sweepFile(redTomatoGrid))
        let run = SweepRun(sweep)
        let whole = try run.results()
        let shards = SweepShards(sweep, count: count)
        // Every point in exactly one shard, in whole chains.
        #expect(shards.points.flatMap { $0 }.sorted() == Array(0..<30))
        let chains = SweepChains.chains(sweep)
        for chain in chains { #expect(shards.points.filter { !Set($0).isDisjoint(with: chain) }.count == 1) }
        var files: [(source: String, shard: SweepShardResult)] = []
        for i in (0..<count).reversed() {
            let shard = try run.shard(i, of: count)
            // Through the file's text and back.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-shards-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(SweepShardFile.name(i, of: count)).path
            try AtomicFile.write(try SweepShardFile.text(shard), to: path)
            files += try SweepShardFile.read([folder.path])
        }
        let merged = try SweepResults.merge(files)
        #expect(merged == whole)
        #expect(merged.csv() == whole.csv())
        #expect(try merged.json() == whole.json())
        #expect(merged.html() == whole.html())
    }

    @Test func aBadSetOfShardsIsRefusedByName() throws {
        let sweep = try SweepFile.read(try sweepFile(redTomatoGrid))
        let run = SweepRun(sweep)
        let shards = try (0..<3).map { try run.shard($0, of: 3) }
        let named = shards.enumerated().map { (source: "s\($0.offset)", shard: $0.element) }
        #expect(throws: SweepMergeError.missingShards([1], count: 3)) { try SweepResults.merge([named[0], named[2]]) }
        #expect(throws: SweepMergeError.duplicateShard(2, count: 3, sources: ["s2", "again"])) {
            try SweepResults.merge(named + [(source: "again", shard: shards[2])])
        }
        var other = shards[1]
        other.results.contentHash = String(repeating: "0", count: 64)
        #expect(throws: SweepMergeError.differentSweeps("s0", "x")) { try SweepResults.merge([named[0], (source: "x", shard: other), named[2]]) }
        var edited = shards[1]
        edited.results.points.removeLast()
        #expect(throws: SweepMergeError.self) { try SweepResults.merge([named[0], (source: "e", shard: edited), named[2]]) }
        #expect(throws: SweepMergeError.noShards) { try SweepResults.merge([]) }
        #expect(throws: SweepError.badShard(index: 3, count: 3)) { try run.shard(3, of: 3) }
        #expect(SweepMergeError.missingShards([1], count: 3).description.contains("--shard-index 1 --shard-count 3"))
    }

    @Test func shardsBalanceTheirPoints() throws {
        // 60 points of equal size: chains of 8 dealt longest first, so no shard has more
        // than a chain's worth over another.
        let sweep = try SweepFile.read(try sweepFile("""
            grid:
              - key: demand.factor
                values: [0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6]
              - key: labor_pools[CREW].overtime_cost
                values: [5, 6, 7, 8, 9, 10]

            """))
        for count in [2, 3, 4, 5] {
            let sizes = SweepShards(sweep, count: count).points.map(\.count)
            #expect(sizes.reduce(0, +) == 60)
            #expect(sizes.max()! - sizes.min()! <= SweepChains.length, "\(count) shards: \(sizes)")
        }
    }

    @Test func problemsAreLocatedInTheSweepFile() throws {
        func problems(_ text: String) throws -> String {
            let path = try sweepFile(text)
            do {
                _ = try SweepFile.read(path)
                return ""
            } catch {
                return error.description
            }
        }
        let unknownCenter = try problems("grid:\n  - key: work_centers[NOPE].overtime_hours_max\n    values: [0]\n")
        #expect(unknownCenter.contains("grid[0].values[0]") && unknownCenter.contains("unknown work center"), "\(unknownCenter)")
        #expect(try problems("grid:\n  - key: demand.fator\n    values: [1]\n").contains("not a key of the overlay format"))
        #expect(try problems("grid:\n  - key: demand.factor\n    values: [-1]\n").contains("grid[0].values[0]"))
        #expect(try problems("grid:\n  - key: demand.factor\n    values: []\n").contains("non-empty list"))
        #expect(try problems("grid:\n  - key: demand.factor\n    values: [1, 1]\n").contains("label exists"))
        let kpi = try problems("kpis: [total cots]\ngrid:\n  - key: demand.factor\n    values: [1]\n")
        #expect(kpi.contains("kpis[0]") && kpi.contains("total cost"), "\(kpi)")
        #expect(try problems("compute: schedule\ngrid:\n  - key: demand.factor\n    values: [1]\n").contains("plan, decompose"))
        #expect(try problems("grid:\n  - name: policy\n    values: [{work_centers: []}]\n").contains("label"))
        #expect(try problems("colour: red\ngrid:\n  - key: demand.factor\n    values: [1]\n").contains("unknown key"))
        #expect(try problems("name: x\n").contains("expected grid or overlays"))
        let many = "grid:\n" + (0..<6).map { "  - key: products[TOOL].holding_cost\n    name: h\($0)\n    values: [1, 2, 3, 4, 5, 6, 7]\n" }.joined()
        #expect(try problems(many).contains("at most 100000"))
        let missingBase = FileManager.default.temporaryDirectory.appendingPathComponent("takt-none-\(UUID().uuidString)")
        #expect(try problems("overlays: [{name: a}]\n").isEmpty)
        let badBase = try sweepFile("overlays: [{name: a}]\n", base: missingBase)
        do {
            _ = try SweepFile.read(badBase)
            Issue.record("a missing base was read")
        } catch {
            #expect(error.description.contains("no such file or folder"))
        }
    }

    @Test func aListOfOverlaysIsOneAxisOfTheirNames() throws {
        let path = try sweepFile("""
            overlays:
              - {name: more demand, demand: [{factor: 1.2}]}
              - {name: dear overtime, labor_pools: [{id: CREW, overtime_cost: 20}]}

            """)
        let sweep = try SweepFile.read(path)
        #expect(sweep.parameters == [Sweep.Parameter(name: "overlay", values: ["more demand", "dear overtime"])])
        let results = try SweepRun(sweep).results()
        #expect(results.points.map(\.name) == ["more demand", "dear overtime"])
        #expect(results.points[0].values[0] > 422_275 + 1)
        #expect(results.points[1].values[0] >= 422_275 - 1e-6)
    }

    @Test func aDecompositionSweepMeasuresTheSplit() throws {
        let sweep = try SweepFile.read(try sweepFile("""
            compute: decompose
            grid:
              - key: demand.factor
                values: [0.9, 1.1]

            """, base: Datasets.samplePlant))
        let results = try SweepRun(sweep).results()
        #expect(results.kpis.first == "total cost")
        for point in results.points {
            var options = DecompositionOptions()
            options.threads = 1
            let alone = try PlanDecomposer(sweep.points[point.index].overlay.applied(to: sweep.base)).decompose(options)
            #expect(isClose(point.values[0], alone.costs.total))
        }
    }

    /// A what-if re-solved in the problem of the one before it and the same planned cold end
    /// at the same optimum. GLPK's presolved cold solve used to stop 1.6e-7 above it on the
    /// sample plant (no overtime, holding cost ×1 then ×1.5, then a subcontractor withdrawn),
    /// which the warm chain found: the chain and the loop of plans disagreed by 5 in 13.8 million.
    @Test func aWarmChainEndsAtTheColdOptimum() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        func overlay(holding: Double, withdrawn: Bool) -> ScenarioOverlay {
            var o = ScenarioOverlay(name: "holding ×\(holding)\(withdrawn ? ", SC-NB withdrawn" : "")")
            o.demand = [.init(factor: 0.875)]
            o.workCenters = base.workCenters.map { .init(id: $0.id, overtimeHoursMax: 0) }
            o.laborPools = base.laborPools.map { .init(id: $0.id, overtimeHoursMax: 0) }
            o.products = base.products.map { .init(id: $0.id, holdingCost: $0.holdingCost * holding) }
            if withdrawn { o.subcontractorsUnavailable = ["SC-NB"] }
            return o
        }
        let whatIfs = [overlay(holding: 1, withdrawn: false), overlay(holding: 1.5, withdrawn: false), overlay(holding: 1, withdrawn: true)]
            .map { $0.applied(to: base) }
        let options = PlanOptions(quantities: .relaxed)
        let chained = try ParallelPlanning.plan(warm: base, whatIfs, chains: [[0, 1, 2]], options: options, solver: GLPKSolver())
        for (whatIf, plan) in zip(whatIfs, chained) {
            let alone = try AggregatePlanner(whatIf).plan(options)
            #expect(isClose(plan.objective, alone.objective, 1e-9), "\(whatIf.name): \(plan.objective) chained, \(alone.objective) alone")
        }
    }
}
