import Foundation
import TaktGLPK
import TaktLP
import Testing
@testable import Takt

/// Warm and cold plans reach the same relaxed optimum; most warm-start tests compare them on
/// relaxed quantities, where the solve itself is what is tested.
private let relaxed = PlanOptions(quantities: .relaxed)

@Suite struct WhatIfTests {
    static func samplePlant() throws -> Scenario { try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario }

    @Test func overlaysChangeWhatTheySayAndNothingElse() throws {
        let base = try Self.samplePlant()
        var overlay = ScenarioOverlay(name: "changes")
        overlay.demand = [
            ScenarioOverlay.DemandScale(family: "PUMP", period: PeriodReference("2027-03"), factor: 2),
            ScenarioOverlay.DemandScale(product: "GV-50", factor: 0.5),
        ]
        overlay.removeOrders = ["SO-270004"]
        overlay.changeOrders = [ScenarioOverlay.OrderChange(id: "SO-270002", quantity: 99, due: Day(year: 2027, month: 3, day: 1))]
        overlay.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 50, due: Day(year: 2027, month: 2, day: 12), rush: true)]
        overlay.machinesDown = [Maintenance(workCenter: "CNC-M", start: Day(year: 2027, month: 4, day: 1), end: Day(year: 2027, month: 4, day: 30), machines: 3)]
        overlay.laborPools = [ScenarioOverlay.LaborChange(id: "ASM", headcount: 20)]
        overlay.subcontractorsUnavailable = ["SC-NB"]
        let changed = overlay.applied(to: base)

        #expect(changed.name == "changes")
        let pumps = Set(base.products.filter { $0.family == "PUMP" }.map(\.id))
        let march = PeriodReference("2027-03")!.range
        for (before, after) in zip(base.orders.filter { $0.id != "SO-270004" }, changed.orders) {
            #expect(before.id == after.id)
            var expected = before.quantity
            if pumps.contains(before.product) && march.contains(before.due) { expected *= 2 }
            if before.product == "GV-50" { expected *= 0.5 }
            if before.id == "SO-270002" { expected = 99 }
            #expect(after.quantity == expected, "\(before.id)")
        }
        #expect(!changed.orders.contains { $0.id == "SO-270004" })
        #expect(changed.orders.last?.id == "RUSH-1" && changed.orders.count == base.orders.count)
        #expect(changed.orders.first { $0.id == "SO-270002" }?.due == Day(year: 2027, month: 3, day: 1))
        #expect(!changed.subcontractors.contains { $0.id == "SC-NB" })
        #expect(changed.laborPools.first { $0.id == "ASM" }?.headcount == 20)
        #expect(changed.validate().filter { $0.severity == .error }.isEmpty)
        // CNC-M has no hours left in April; the base had some.
        let april = { (s: Scenario) in try CapacityLoadAnalysis(s).table().row("CNC-M", kind: .workCenter, period: 3)?.availableHours ?? -1 }
        #expect(try april(base) > 0)
        #expect(try april(changed) == 0)
        // The base is untouched.
        #expect(base == (try Self.samplePlant()))
    }

    @Test func overlayFileProblemsNameTheFileAndKey() throws {
        let base = try Self.samplePlant()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-whatif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.json")
        try #"{"remove_orders": ["SO-270001", "NOPE"], "work_centers": [{"id": "CNC-M", "overtime_hours_max": -1}], "products": [{"id": "X"}], "colour": "red"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioOverlayFile.read(file.path, base: base)
        } throws: { error in
            let text = (error as? ScenarioLoadError)?.description ?? ""
            return text.contains("bad.json, remove_orders[1]: 'NOPE': unknown order")
                && text.contains("bad.json, work_centers[0].overtime_hours_max: '-1'")
                && text.contains("bad.json, products[0].id: 'X': unknown product")
                && text.contains("bad.json, colour: unknown key")
        }
        try #"{"name": "plus ten", "demand": [{"factor": 1.1}], "decomposition": {"method": "capacity", "to": "week"}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let overlay = try ScenarioOverlayFile.read(file.path, base: base)
        #expect(overlay.name == "plus ten" && overlay.demand == [ScenarioOverlay.DemandScale(factor: 1.1)])
        let options = try #require(overlay.decomposition).applied(to: DecompositionOptions(to: .month, method: .sales, unitAllocation: .balanced))
        #expect(options.method == .capacity && options.finestLevel == .week && options.unitAllocation == .balanced)
    }

    /// The README's overlay written in YAML reads as the same overlay as in JSON; YAML's own
    /// readings of `2027-02-12` (a timestamp) or `yes` (true) do not get in the way, since
    /// each value is read by the rules of its field.
    @Test func yamlOverlaysReadAsTheirJSON() throws {
        let base = try Self.samplePlant()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("takt-whatif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("rush.json"), yaml = folder.appendingPathComponent("rush.yaml")
        try #"""
            {"name": "rush order, CNC down", "demand": [{"factor": 1.1}, {"family": "PUMP", "period": "2027-03", "factor": 1.2}],
             "add_orders": [{"id": "RUSH-1", "product": "CP-100", "quantity": 40, "due": "2027-02-12", "rush": true}],
             "remove_orders": ["SO-270004"], "change_orders": [{"id": "SO-270002", "quantity": 60, "due": "2027-03-01"}],
             "machines_down": [{"work_center": "CNC-M", "start": "2027-03-01", "end": "2027-03-14", "machines": 1}],
             "labor_pools": [{"id": "ASM", "headcount": 24, "overtime_hours_max": 20}],
             "subcontractors_unavailable": ["SC-NB"], "decomposition": {"method": "capacity", "to": "week"}}
            """#.write(to: json, atomically: true, encoding: .utf8)
        try """
            # A rush order while a machining center is down.
            name: rush order, CNC down
            demand:
              - factor: 1.1
              - {family: PUMP, period: 2027-03, factor: 1.2}
            add_orders:
              - id: RUSH-1
                product: CP-100
                quantity: 40
                due: 2027-02-12
                rush: yes
            remove_orders: [SO-270004]
            change_orders: [{id: SO-270002, quantity: 60, due: 2027-03-01}]
            machines_down:
              - {work_center: CNC-M, start: 2027-03-01, end: 2027-03-14, machines: 1}
            labor_pools: [{id: ASM, headcount: 24, overtime_hours_max: 20}]
            subcontractors_unavailable: [SC-NB]
            decomposition: {method: capacity, to: week}
            """.write(to: yaml, atomically: true, encoding: .utf8)
        let fromYAML = try ScenarioOverlayFile.read(yaml.path, base: base)
        #expect(fromYAML == (try ScenarioOverlayFile.read(json.path, base: base)))
        #expect(fromYAML.addOrders.first?.rush == true && fromYAML.addOrders.first?.due == Day(year: 2027, month: 2, day: 12))

        try "demand:\n  - factor: lots\nadd_orders: [{id: R, product: NOPE, quantity: 1, due: 2027-02-12}]\ncolour: red\n"
            .write(to: yaml, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioOverlayFile.read(yaml.path, base: base)
        } throws: { error in
            let text = (error as? ScenarioLoadError)?.description ?? ""
            return text.contains("rush.yaml, demand[0].factor: 'lots'") && text.contains("rush.yaml, add_orders[0].product: 'NOPE': unknown product")
                && text.contains("rush.yaml, colour: unknown key")
        }
        try "demand: [factor: 1.1\n".write(to: yaml, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioOverlayFile.read(yaml.path, base: base)
        } throws: { error in
            let text = (error as? ScenarioLoadError)?.description ?? ""
            return text.contains("rush.yaml") && text.contains("not YAML") && text.contains("line")
        }
        try "- just\n- a list\n".write(to: yaml, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioOverlayFile.read(yaml.path, base: base)
        } throws: { error in
            ((error as? ScenarioLoadError)?.description ?? "").contains("expected a YAML mapping of changes, found an array")
        }
    }

    /// Planned in parallel, each what-if's plan is the one it gets alone keeping the base plan.
    @Test func parallelPlansEqualPlansMadeOneByOne() throws {
        let base = try Self.samplePlant()
        var rush = ScenarioOverlay(name: "rush")
        rush.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 120, due: Day(year: 2027, month: 2, day: 12), priority: 1, rush: true)]
        var more = ScenarioOverlay(name: "more")
        more.demand = [ScenarioOverlay.DemandScale(factor: 1.1)]
        var down = ScenarioOverlay(name: "down")
        down.workCenters = [ScenarioOverlay.WorkCenterChange(id: "ASM-1", overtimeHoursMax: 0)]
        let analysis = WhatIfAnalysis(base: base, overlays: [rush, more, down])
        let run = try analysis.run()
        #expect(run.outcomes.map(\.name) == ["base", "rush", "more", "down"])
        let made = try AggregatePlanner(base).plan(PlanOptions(), from: nil)
        #expect(made.plan == run.outcomes[0].plan)
        for (scenario, outcome) in zip(analysis.scenarios.dropFirst(), run.outcomes.dropFirst()) {
            #expect(try AggregatePlanner(scenario).plan(PlanOptions().keeping(made.plan)) == outcome.plan)
        }
        let cost = try #require(run.comparison.measures.first { $0.name == "total cost" })
        #expect(cost.values == run.outcomes.map(\.plan.costs.total))
        // A rush order costs something; taking overtime away from a bottleneck too.
        #expect(cost.values[1] > cost.values[0] && cost.values[3] > cost.values[0])
        #expect(run.comparison.movedOrders[0].isEmpty)
        #expect(run.comparison.csv().hasPrefix("measure,base,rush,more,down\ntotal cost,"))
    }
}

@Suite struct WarmReplanTests {
    /// Re-planned warm, every what-if costs what it costs planned from scratch.
    @Test func warmPlansCostWhatColdPlansCost() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var more = ScenarioOverlay(name: "more")
        more.demand = [ScenarioOverlay.DemandScale(factor: 1.05)]
        var down = ScenarioOverlay(name: "down")
        down.machinesDown = [Maintenance(workCenter: "CNC-M", start: Day(year: 2027, month: 3, day: 1), end: Day(year: 2027, month: 3, day: 31), machines: 1)]
        var dearer = ScenarioOverlay(name: "dearer")
        dearer.workCenters = [ScenarioOverlay.WorkCenterChange(id: "ASM-1", overtimeCost: 400)]
        var rush = ScenarioOverlay(name: "rush")  // a rush class CP-100 had none of: another model shape
        rush.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 120, due: Day(year: 2027, month: 2, day: 12), priority: 1, rush: true)]
        let overlays = [more, down, dearer, rush]
        let whatIfs = overlays.map { $0.applied(to: base) }

        // One what-if from the base plan's start, through the library's own call.
        let (basePlan, start) = try AggregatePlanner(base).plan(relaxed, from: nil)
        #expect(basePlan == (try AggregatePlanner(base).plan(relaxed)))
        let (warmRush, _) = try AggregatePlanner(whatIfs[3]).plan(relaxed, from: start)
        let coldRush = try AggregatePlanner(whatIfs[3]).plan(relaxed)
        #expect(abs(warmRush.objective - coldRush.objective) <= 1e-7 * abs(coldRush.objective))
        // The what-if run starts every what-if from a plan already made, its basis carried
        // over by name: the rush order's new demand class too. Same optimum as planned alone,
        // and the same plans on every run.
        let run = try WhatIfAnalysis(base: base, overlays: overlays, options: relaxed, warmStart: true).run()
        #expect(run.outcomes[0].plan == basePlan)  // the base itself is planned cold
        for (k, scenario) in whatIfs.enumerated() {
            let cold = try AggregatePlanner(scenario).plan(relaxed)
            #expect(abs(run.outcomes[k + 1].plan.objective - cold.objective) <= 1e-7 * abs(cold.objective), "\(scenario.name)")
        }
        for _ in 0..<3 { #expect(try WhatIfAnalysis(base: base, overlays: overlays, options: relaxed, warmStart: true).run().outcomes == run.outcomes) }
    }

    /// Where plans cost the same, a what-if keeps its base plan, its second pass choosing on
    /// the optimal face, so a warm run and a cold one give the same whole plans: the same
    /// production and the same orders' completions. Planned as alone, they differ.
    @Test func warmAndColdWhatIfsBreakTiesAlike() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var more = ScenarioOverlay(name: "more")
        more.demand = [ScenarioOverlay.DemandScale(factor: 1.1)]
        var rush = ScenarioOverlay(name: "rush")
        rush.addOrders = [CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 50, due: Day(year: 2027, month: 2, day: 12), rush: true)]
        rush.machinesDown = [Maintenance(workCenter: "CNC-M", start: Day(year: 2027, month: 4, day: 1), end: Day(year: 2027, month: 4, day: 30), machines: 3)]
        let overlays = [more, rush]
        func facts(_ plan: ProductionPlanResult) -> [String] {
            plan.products.map { "\($0.product) \($0.period) \($0.production)" } + plan.orders.map { "\($0.order) \($0.completionPeriod ?? "-")" }
        }
        let warm = try WhatIfAnalysis(base: base, overlays: overlays, warmStart: true).run().outcomes
        let cold = try WhatIfAnalysis(base: base, overlays: overlays).run().outcomes
        #expect(warm.count == 3 && cold.count == 3)
        for (w, c) in zip(warm, cold) {
            #expect(facts(w.plan) == facts(c.plan), "\(w.name)")
            #expect(abs(w.plan.costs.total - c.plan.costs.total) <= 1e-6 * c.plan.costs.total, "\(w.name)")
            #expect(abs(w.plan.objective - c.plan.objective) <= 1e-7 * abs(c.plan.objective), "\(w.name)")
        }
        // The base is the plan planned alone; a what-if no dearer in the relaxation than alone.
        #expect(cold[0].plan == (try AggregatePlanner(base).plan()))
        let warmAlone = try WhatIfAnalysis(base: base, overlays: overlays, warmStart: true, keepsBase: false).run().outcomes
        let coldAlone = try WhatIfAnalysis(base: base, overlays: overlays, keepsBase: false).run().outcomes
        #expect(zip(warmAlone, coldAlone).contains { facts($0.plan) != facts($1.plan) })
        for (kept, alone) in zip(cold, coldAlone) {
            #expect(abs((kept.plan.relaxedObjective ?? 0) - (alone.plan.relaxedObjective ?? 0)) <= 1e-7 * kept.plan.objective)
        }
    }

    /// A what-if of the base's shape re-solved in the base's loaded problem goes on with the
    /// dual simplex from the basis it holds: as few pivots as from that basis loaded afresh.
    /// (The primal simplex it once used there took 62 pivots where the dual took 15.)
    @Test func aSessionResolvesADemandChangeWithTheDualSimplex() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        var more = ScenarioOverlay(name: "more")
        more.demand = [ScenarioOverlay.DemandScale(factor: 1.02)]
        let program = AggregatePlanner.exactModel(of: base)
        let target = AggregatePlanner.exactModel(of: more.applied(to: base))
        #expect(target.differsOnlyInBoundsAndCosts(from: program))
        let solver = GLPKSolver()
        let first = try solver.solve(program)
        let fresh = try solver.solve(target, options: SolveOptions(presolve: false, startingBasis: first.basis))
        let held = try solver.withWarmStart(program, options: SolveOptions(presolve: false, startingBasis: first.basis)) { session in
            #expect(session.solve().iterations == 0)
            try session.update(to: target)
            return session.solve()
        }
        #expect(held.status == .optimal && abs(held.objective - fresh.objective) <= 1e-7 * abs(fresh.objective))
        #expect(fresh.iterations > 0)
        #expect(held.iterations <= fresh.iterations + 5, "held \(held.iterations), fresh \(fresh.iterations)")
    }

    /// Two what-ifs with the same rush order share a shape the base does not have: the chain
    /// loads the first on its own and goes on in its problem for the second. Both cost what
    /// they cost planned cold.
    @Test func aChainGoesOnInTheShapeOfTheWhatIfsAhead() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let rushOrder = CustomerOrder(id: "RUSH-1", product: "CP-100", quantity: 120, due: Day(year: 2027, month: 2, day: 12), priority: 1, rush: true)
        let overlays = [1.01, 1.02, 1.03].map { factor in
            var overlay = ScenarioOverlay(name: "rush at \(factor)")
            overlay.addOrders = [rushOrder]
            overlay.demand = [ScenarioOverlay.DemandScale(factor: factor)]
            return overlay
        }
        let whatIfs = overlays.map { $0.applied(to: base) }
        let programs = whatIfs.map(AggregatePlanner.exactModel(of:))
        #expect(!programs[0].differsOnlyInBoundsAndCosts(from: AggregatePlanner.exactModel(of: base)))
        #expect(programs[1].differsOnlyInBoundsAndCosts(from: programs[0]) && programs[2].differsOnlyInBoundsAndCosts(from: programs[0]))
        let run = try WhatIfAnalysis(base: base, overlays: overlays, options: relaxed, warmStart: true).run()
        for (k, scenario) in whatIfs.enumerated() {
            let cold = try AggregatePlanner(scenario).plan(relaxed)
            #expect(abs(run.outcomes[k + 1].plan.objective - cold.objective) <= 1e-7 * abs(cold.objective), "\(scenario.name)")
        }
    }

    /// A solver that refuses every program: the base cannot be planned.
    struct RefusingSolver: Solver {
        func solve(_ program: LinearProgram, options: SolveOptions) throws(LinearProgramError) -> Solution {
            throw .invalidOption(name: "solver", value: "refusing", expected: "a solver that solves")
        }
    }

    /// The chains' threads wait for the base: no what-ifs, one, or a base that fails must
    /// neither hang nor lose an error.
    @Test func warmRunsOfNoneOneOrAFailedBaseEnd() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let alone = try WhatIfAnalysis(base: base, overlays: [], options: relaxed, warmStart: true).run()
        #expect(alone.outcomes.map(\.plan) == [try AggregatePlanner(base).plan(relaxed)])
        var more = ScenarioOverlay(name: "more")
        more.demand = [ScenarioOverlay.DemandScale(factor: 1.05)]
        let one = try WhatIfAnalysis(base: base, overlays: [more], options: relaxed, warmStart: true).run()
        let cold = try AggregatePlanner(more.applied(to: base)).plan(relaxed)
        #expect(one.outcomes.count == 2)
        #expect(abs(one.outcomes[1].plan.objective - cold.objective) <= 1e-7 * abs(cold.objective))
        #expect(throws: PlanningError.self) {
            try WhatIfAnalysis(base: base, overlays: [more, more, more], solver: RefusingSolver(), warmStart: true).run()
        }
    }

    /// A demand sweep: the what-ifs above the base go up from it and those below go down, so
    /// that each starts one step of the sweep from the plan it starts from.
    @Test func warmChainsFollowTheDemandSweepOutwardFromTheBase() throws {
        let base = try ScenarioLoader.load(from: Datasets.samplePlant.path).scenario
        let factors = [1.03, 0.97, 1.01, 0.99, 1.02, 0.98, 1.04, 1.05, 1.0]
        let whatIfs = factors.map { factor in
            var overlay = ScenarioOverlay(name: "\(factor)")
            overlay.demand = [ScenarioOverlay.DemandScale(factor: factor)]
            return overlay.applied(to: base)
        }
        // Up: 1.0 (index 8), 1.01 (2), 1.02 (4), 1.03 (0), 1.04 (6), 1.05 (7); down: 0.99 (3),
        // 0.98 (5), 0.97 (1). One chain each way.
        #expect(WarmChains(base: base, whatIfs: whatIfs).chains == [[8, 2, 4, 0, 6, 7], [3, 5, 1]])
        // All above the base: both chains go up, every other step of the sweep each.
        #expect(WarmChains(base: base, whatIfs: Array(whatIfs[6...7] + [whatIfs[0], whatIfs[2]])).chains == [[3, 0], [2, 1]])
        // Total demand follows the factor: open order quantities and the sales plan, scaled.
        let totals = whatIfs.map(WarmChains.totalDemand)
        let byFactor = factors.indices.sorted { factors[$0] < factors[$1] }
        #expect(zip(byFactor, byFactor.dropFirst()).allSatisfy { totals[$0] < totals[$1] })
        #expect(abs(totals[8] - WarmChains.totalDemand(base)) <= 1e-9 * totals[8])
    }
}
