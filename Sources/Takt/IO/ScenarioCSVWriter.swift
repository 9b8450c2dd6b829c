import Foundation

/// Writes a scenario as a folder of CSV files in the scenario format, one per table, which
/// ``ScenarioLoader`` reads back to the same scenario. Numbers are written in their shortest
/// exact form; empty tables are left out.
public enum ScenarioCSVWriter {
    /// The files of a scenario: name and contents, in table order.
    public static func files(_ s: Scenario) -> [(name: String, text: String)] {
        func n(_ x: Double) -> String { x.isInfinite ? "unlimited" : x.compactText }
        func o(_ x: Double?) -> String { x.map(n) ?? "" }
        func clock(_ time: TimeOfDay?) -> String { time?.description ?? "" }
        func table(_ t: ScenarioTable, _ rows: [[String]]) -> (String, String)? {
            guard !rows.isEmpty || t.isRequired else { return nil }
            return (t.fileName, CSVText.line(t.columns.map(\.name)) + rows.map(CSVText.line).joined())
        }
        let h = s.horizon, p = s.policy
        let scenarioRows: [[String]] = [
            ["name", s.name], ["start", h.start.description], ["period", h.periodLength.rawValue], ["periods", String(h.periodCount)],
            ["fiscal_year_start_month", String(h.fiscalYearStartMonth)], ["working_days_per_period", o(h.workingDaysPerPeriod)],
            ["backlog_allowed", String(p.backlogAllowed)], ["max_backlog_periods", p.maxBacklogPeriods.map(String.init) ?? ""],
            ["ending_backlog_allowed", String(p.endingBacklogAllowed)], ["lost_sales_allowed", String(p.lostSalesAllowed)],
            ["workforce", p.workforce.rawValue], ["holding_weight", n(p.holdingWeight)], ["backlog_weight", n(p.backlogWeight)],
            ["overtime_weight", n(p.overtimeWeight)], ["subcontract_weight", n(p.subcontractWeight)],
            ["tight_threshold", n(p.tightThreshold)], ["underload_threshold", n(p.underloadThreshold)],
        ] + (p.materialCost == .unitCost ? [] : [["material_cost", p.materialCost.rawValue]])
        let tables: [(String, String)?] = [
            (ScenarioTable.scenario.fileName, CSVText.line(["key", "value"]) + scenarioRows.map(CSVText.line).joined()),
            table(.calendars, s.calendars.map { [$0.weekdays.map(\.rawValue).joined(separator: "|"), $0.scope ?? ""] }),
            table(.calendarExceptions, s.calendarExceptions.map { [$0.start.description, $0.kind.rawValue, $0.end.description, $0.scope ?? "", $0.note] }),
            table(.units, s.units.map { [$0.id, $0.name, $0.kind.rawValue, $0.parent ?? "", clock($0.shiftStart)] }),
            table(.products, s.products.map {
                [$0.id, $0.family, $0.name, $0.specification, $0.uom, n($0.lotMin), n($0.lotMultiple), String($0.discrete), n($0.initialInventory),
                 n($0.safetyStock), o($0.maxInventory), n($0.targetEndingInventory), n($0.holdingCost), n($0.backlogCost),
                 o($0.lostSaleCost), o($0.unitRevenue), n($0.unitCost), n($0.setupCost)]
            }),
            table(.workCenters, s.workCenters.map {
                [$0.id, $0.unit, $0.name, String($0.machines), String($0.shiftsPerDay), n($0.hoursPerShift), n($0.efficiency),
                 n($0.overtimeHoursMax), n($0.overtimeCost), o($0.extraShiftCost), clock($0.shiftStart)]
            }),
            table(.maintenance, s.maintenance.map {
                [$0.workCenter, $0.start?.description ?? "", $0.end?.description ?? "", String($0.machines), $0.period?.text ?? "",
                 o($0.machineDays), $0.note]
            }),
            table(.laborPools, s.laborPools.map {
                [$0.id, $0.unit, n($0.headcount), $0.name, $0.skill, n($0.hoursPerDay), n($0.attendance), n($0.wage),
                 n($0.overtimeHoursMax), n($0.overtimeCost), n($0.hireCost), n($0.layoffCost), n($0.minHeadcount), o($0.maxHeadcount)]
            }),
            table(.routings, s.routings.map {
                [$0.product, String($0.step), $0.workCenter, n($0.runHours), $0.alternatives.joined(separator: "|"), n($0.setupHours),
                 $0.laborPool ?? "", n($0.laborHours), String($0.offsetDays)]
            }),
            table(.salesPlan, s.salesPlan.map { [$0.product, $0.period.text, n($0.quantity)] }),
            table(.seasonality, s.seasonality.map { [$0.key, String($0.month), n($0.weight)] }),
            table(.orders, s.orders.map {
                [$0.id, $0.product, n($0.quantity), $0.due.description, $0.customer, String($0.priority), String($0.rush),
                 $0.status.rawValue, $0.frozenPeriod?.text ?? "", $0.earliestStart?.description ?? "", n($0.completed)]
            }),
            table(.subcontractors, s.subcontractors.map {
                [$0.id, $0.product, n($0.unitCost), $0.name, o($0.capacity), String($0.leadTimeDays), n($0.quality)]
            }),
            table(.setupMatrix, s.setupChanges.map { [$0.from, $0.to, n($0.hours)] }),
            table(.materials, s.materials.map {
                [$0.id, $0.name, $0.uom, n($0.unitCost), String($0.leadTimeDays), $0.lotRule.rawValue, n($0.lotQuantity), n($0.orderingCost),
                 n($0.holdingCost), String($0.periodsOfSupply), n($0.minimumOrder), n($0.orderMultiple), n($0.onHand), n($0.safetyStock),
                 $0.supplier, $0.constrained ? "yes" : "no", o($0.expediteCost)]
            }),
            table(.bom, s.bom.map {
                [$0.parent, $0.component, n($0.quantity), n($0.scrap), $0.step.map(String.init) ?? "", $0.effectiveFrom?.description ?? "",
                 $0.effectiveTo?.description ?? ""]
            }),
            table(.purchaseOrders, s.purchaseOrders.map { [$0.id, $0.material, n($0.quantity), $0.due.description, $0.supplier] }),
            table(.supplierCapacity, s.supplierCapacities.map { [$0.material, $0.period.text, n($0.capacity)] }),
            table(.substitutes, s.substitutes.map { [$0.material, $0.substitute, n($0.ratio), n($0.extraCost)] }),
            table(.operationsInProgress, s.operationsInProgress.map { [$0.order, String($0.step), $0.machine, $0.startText, o($0.remainingHours)] }),
        ]
        return tables.compactMap { $0 }
    }

    /// Writes the files into `folder` (created if missing), each atomically.
    public static func write(_ scenario: Scenario, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files(scenario) {
            try AtomicFile.write(text, to: URL(fileURLWithPath: folder).appendingPathComponent(name).path)
        }
    }
}
