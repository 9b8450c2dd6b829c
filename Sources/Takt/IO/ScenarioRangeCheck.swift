/// Checks every number of a scenario value against the ranges its files are read with
/// (`ValueRanges.swift`), for scenarios that were not read from files: built in code, or
/// composed from a base and a what-if overlay (demand × 1,000 can leave the range that
/// each of the two was in). A scenario read from files passes by construction.
struct ScenarioRangeCheck {
    let scenario: Scenario

    /// One problem per number out of its range: the table, the row, the column and the value.
    func problems() -> [(table: ScenarioTable, index: Int, column: String, value: Double, range: Allowed)] {
        var found: [(ScenarioTable, Int, String, Double, Allowed)] = []
        func check(_ table: ScenarioTable, _ index: Int, _ fields: [(String, Double?, Allowed)]) {
            for (column, value, range) in fields {
                guard let value else { continue }
                if !range.contains(value) { found.append((table, index, column, value, range)) }
            }
        }
        let s = scenario
        let p = s.policy
        check(.scenario, 0, [
            ("working_days_per_period", s.horizon.workingDaysPerPeriod, .workingDays),
            ("holding_weight", p.holdingWeight, .weight), ("backlog_weight", p.backlogWeight, .weight),
            ("overtime_weight", p.overtimeWeight, .weight), ("subcontract_weight", p.subcontractWeight, .weight),
            ("tight_threshold", p.tightThreshold, .threshold), ("underload_threshold", p.underloadThreshold, .threshold),
        ])
        for (i, x) in s.products.enumerated() {
            check(.products, i, [
                ("lot_min", x.lotMin, .quantity), ("lot_multiple", x.lotMultiple, .quantity),
                ("initial_inventory", x.initialInventory, .quantity), ("safety_stock", x.safetyStock, .quantity),
                ("max_inventory", x.maxInventory, .quantity), ("target_ending_inventory", x.targetEndingInventory, .quantity),
                ("holding_cost", x.holdingCost, .money), ("backlog_cost", x.backlogCost, .money),
                ("lost_sale_cost", x.lostSaleCost, .money), ("unit_revenue", x.unitRevenue, .money), ("unit_cost", x.unitCost, .money),
                ("setup_cost", x.setupCost, .money),
            ])
        }
        for (i, x) in s.workCenters.enumerated() {
            check(.workCenters, i, [
                ("machines", Double(x.machines), .headcount), ("hours_per_shift", x.hoursPerShift, .hoursPerDay),
                ("efficiency", x.efficiency, .efficiency), ("overtime_hours_max", x.overtimeHoursMax.finite, .overtimeHours),
                ("overtime_cost", x.overtimeCost, .money), ("extra_shift_cost", x.extraShiftCost, .money),
            ])
        }
        for (i, x) in s.maintenance.enumerated() {
            check(.maintenance, i, [("machines", Double(x.machines), .headcount), ("machine_days", x.machineDays, .positiveQuantity)])
        }
        for (i, x) in s.laborPools.enumerated() {
            check(.laborPools, i, [
                ("headcount", x.headcount, .headcount), ("hours_per_day", x.hoursPerDay, .hoursPerDay),
                ("attendance", x.attendance, .fraction), ("wage", x.wage, .money),
                ("overtime_hours_max", x.overtimeHoursMax.finite, .overtimeHours), ("overtime_cost", x.overtimeCost, .money),
                ("hire_cost", x.hireCost, .money), ("layoff_cost", x.layoffCost, .money),
                ("min_headcount", x.minHeadcount, .headcount), ("max_headcount", x.maxHeadcount, .headcount),
            ])
        }
        for (i, x) in s.routings.enumerated() {
            check(.routings, i, [
                ("run_hours", x.runHours, .hoursPerUnit), ("setup_hours", x.setupHours, .hoursPerUnit),
                ("labor_hours", x.laborHours, .hoursPerUnit),
            ])
        }
        for (i, x) in s.salesPlan.enumerated() { check(.salesPlan, i, [("quantity", x.quantity, .quantity)]) }
        for (i, x) in s.seasonality.enumerated() { check(.seasonality, i, [("weight", x.weight, .weight)]) }
        for (i, x) in s.orders.enumerated() {
            check(.orders, i, [("quantity", x.quantity, .positiveQuantity), ("completed", x.completed, .quantity)])
        }
        for (i, x) in s.subcontractors.enumerated() {
            check(.subcontractors, i, [("capacity", x.capacity, .quantity), ("unit_cost", x.unitCost, .money), ("quality", x.quality, .percent)])
        }
        for (i, x) in s.materials.enumerated() {
            check(.materials, i, [
                ("unit_cost", x.unitCost, .money), ("lot_quantity", x.lotQuantity, .quantity), ("ordering_cost", x.orderingCost, .money),
                ("holding_cost", x.holdingCost, .money), ("minimum_order", x.minimumOrder, .quantity), ("order_multiple", x.orderMultiple, .quantity),
                ("on_hand", x.onHand, .quantity), ("safety_stock", x.safetyStock, .quantity),
                ("lead_time_days", Double(x.leadTimeDays), .between(0, 3650)), ("periods_of_supply", Double(x.periodsOfSupply), .between(1, 1000)),
                ("expedite_cost", x.expediteCost, .money),
            ])
        }
        for (i, x) in s.bom.enumerated() { check(.bom, i, [("quantity", x.quantity, .positiveQuantity), ("scrap", x.scrap, .scrap)]) }
        for (i, x) in s.purchaseOrders.enumerated() { check(.purchaseOrders, i, [("quantity", x.quantity, .positiveQuantity)]) }
        for (i, x) in s.supplierCapacities.enumerated() { check(.supplierCapacity, i, [("capacity", x.capacity, .quantity)]) }
        for (i, x) in s.substitutes.enumerated() { check(.substitutes, i, [("ratio", x.ratio, .positiveQuantity), ("extra_cost", x.extraCost, .money)]) }
        for (i, x) in s.operationsInProgress.enumerated() {
            check(.operationsInProgress, i, [("remaining_hours", x.remainingHours, .hoursPerUnit)])
        }
        return found
    }
}

extension Double {
    /// The value, or `nil` for an unlimited one.
    fileprivate var finite: Double? { isInfinite && self > 0 ? nil : self }
}
