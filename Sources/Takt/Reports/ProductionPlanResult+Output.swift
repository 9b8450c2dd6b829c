import Foundation

extension ProductionPlanResult {
    /// The whole plan as JSON.
    public func json() throws -> String { try JSONOutput.text(self) }

    /// Product × period lines.
    public func productsCSV() -> String {
        var out = CSVText.line([
            "product", "family", "unit", "period", "demand", "production", "subcontracted", "delivered", "ending_inventory",
            "ending_backlog", "unmet",
        ])
        for row in products {
            out += CSVText.line([
                row.product, row.family, row.unit, row.period, n(row.demand), n(row.production), n(row.subcontracted),
                n(row.delivered), n(row.endingInventory), n(row.endingBacklog), n(row.unmet),
            ])
        }
        return out
    }

    /// Resource × period lines: hours, overtime, extra shifts, workforce and hour values.
    public func resourcesCSV() -> String {
        var out = CSVText.line([
            "resource_kind", "resource", "unit", "period", "available_hours", "required_hours", "load_ratio", "overtime_hours",
            "extra_shift_share", "extra_shift_hours", "workers", "hired", "laid_off", "hour_value",
        ])
        for row in resources {
            out += CSVText.line([
                row.resource.kind.rawValue, row.resource.id, row.resource.unit, row.period, n(row.availableHours),
                n(row.requiredHours), row.loadRatio.map { n($0) } ?? "", n(row.overtimeHours), n(row.extraShiftShare),
                n(row.extraShiftHours), row.workers.map { n($0) } ?? "", row.hired.map { n($0) } ?? "",
                row.laidOff.map { n($0) } ?? "", row.hourValue.map { n($0) } ?? "",
            ])
        }
        return out
    }

    /// One line per order: due, completion, lateness, sources.
    public func ordersCSV() -> String {
        var out = CSVText.line([
            "order", "product", "quantity", "due", "due_period", "class", "completion_period", "periods_late", "on_time",
            "unmet", "subcontracted", "made_in",
        ])
        for order in orders {
            out += CSVText.line([
                order.order, order.product, n(order.quantity), order.due.description, order.duePeriod, order.demandClass.name,
                order.completionPeriod ?? "", String(order.periodsLate), order.onTime ? "yes" : "no", n(order.unmetQuantity),
                order.subcontracted ? "yes" : "no",
                order.portions.map { "\($0.period):\(n($0.quantity)):\($0.source.rawValue)" }.joined(separator: "|"),
            ])
        }
        return out
    }

    public func actionsCSV() -> String {
        var out = CSVText.line(["kind", "subject", "period", "quantity", "unit", "cost", "detail"])
        for action in actions {
            out += CSVText.line([action.kind.rawValue, action.subject, action.period, n(action.quantity), action.unit.rawValue, n(action.cost), action.detail])
        }
        return out
    }

    public func subcontractingCSV() -> String {
        var out = CSVText.line(["subcontractor", "product", "period", "quantity", "cost"])
        for line in subcontracting {
            out += CSVText.line([line.subcontractor, line.product, line.period, n(line.quantity), n(line.cost)])
        }
        return out
    }

    private func n(_ value: Double) -> String { NumberText.plain(value) }

    /// The planner's summary: cost and its breakdown, service, what the plan does, what binds.
    public func text(color: Bool = false, listLimit: Int = 10) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func money(_ value: Double) -> String {
            let rounded = value.rounded()
            return NumberText.hours(rounded)
        }
        var out = bold("Plan for \(scenario)") + "\n"
        out += "Total cost \(money(costs.total))"
        if costs.revenue > 0 { out += ", revenue \(money(costs.revenue)), profit \(money(costs.profit))" }
        out += "\n"
        let width = costs.lines.map(\.0.count).max() ?? 0
        for (name, amount) in costs.lines where abs(amount) >= 0.5 {
            out += "  " + name + String(repeating: " ", count: width - name.count) + "  " + DisplayWidth.fit(money(amount), 14, right: true) + "\n"
        }
        if let materialCosts, !materialCosts.isEmpty {
            out += "  material by item:\n"
            let shown = materialCosts.sorted { ($0.cost, $1.material) > ($1.cost, $0.material) }.prefix(listLimit)
            let idWidth = shown.map { DisplayWidth.of($0.material) }.max() ?? 0
            for line in shown {
                out += "    " + DisplayWidth.fit(line.material, idWidth) + "  " + DisplayWidth.fit(money(line.cost), 14, right: true)
                    + "  (" + NumberText.hours(line.quantity) + ")\n"
            }
            if materialCosts.count > listLimit { out += "    … and \(materialCosts.count - listLimit) more (material_costs.csv of --out)\n" }
        }
        if let relaxedObjective, let gap = gapToRelaxation {
            let bound = status.contains("families first") ? "the relaxed plan's" : "the LP bound"
            out += "Whole lots, units and workers: objective \(money(objective)), "
                + "\(NumberText.plain(gap * 100, decimals: 2))% above \(bound) \(money(relaxedObjective))\n"
        }
        if let part = status.components(separatedBy: ", ").first(where: { $0.contains("not whole") }) {
            out += "Quantities: \(part); relaxed there\n"
        }

        let late = lateOrders
        out += "\n" + bold("Service") + "\n"
        if orders.isEmpty {
            out += unmetDemand > 1e-9 ? "  no customer orders; the sales plan is not met in full\n" : "  no customer orders: the plan meets the sales plan\n"
        } else {
            out += "  on time: \(orders.count - late.count) of \(orders.count) orders (\(NumberText.percent(onTimeRate)))\n"
        }
        if lostSalesQuantity > 0 {
            out += "  lost sales: \(NumberText.plain(lostSalesQuantity, decimals: 2)) units let go, as the policy allows\n"
        }
        if unsuppliedDemand > 1e-9 {
            out += "  unmet demand: \(NumberText.plain(unsuppliedDemand, decimals: 2)) units that no option can supply\n"
        }
        for order in late.prefix(listLimit) {
            let what = order.unmetQuantity > 0
                ? "\(NumberText.plain(order.unmetQuantity, decimals: 2)) of \(NumberText.plain(order.quantity, decimals: 2)) not delivered"
                : "\(order.periodsLate) period\(order.periodsLate == 1 ? "" : "s") late (due \(order.duePeriod), done \(order.completionPeriod ?? "-"))"
            out += "  late: \(order.order) \(order.product) × \(NumberText.plain(order.quantity, decimals: 2)): \(what)\n"
        }
        if late.count > listLimit { out += "  … and \(late.count - listLimit) more late orders (every order is in orders.csv of --out)\n" }

        out += "\n" + bold("Actions") + "\n"
        let kinds: [PlanAction.Kind] = [.overtime, .extraShift, .subcontract, .expedite, .substitute, .hire, .layoff, .buildAhead, .delay]
        var any = false
        for kind in kinds {
            let group = actions.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            any = true
            let quantity = group.reduce(0) { $0 + $1.quantity }
            let cost = group.reduce(0) { $0 + $1.cost }
            let label: String
            switch kind {
            case .overtime: label = "overtime: \(NumberText.hours(quantity)) h"
            case .extraShift: label = "extra shifts: \(NumberText.plain(quantity, decimals: 2)) period-shifts"
            case .subcontract: label = "subcontracting: \(NumberText.hours(quantity)) units"
            case .expedite: label = "materials expedited: \(NumberText.hours(quantity)) units"
            case .substitute: label = "materials substituted: \(NumberText.hours(quantity)) units"
            case .hire: label = "hiring: \(NumberText.plain(quantity, decimals: 2)) workers"
            case .layoff: label = "layoffs: \(NumberText.plain(quantity, decimals: 2)) workers"
            case .buildAhead: label = "orders built ahead: \(group.count)"
            case .delay: label = "orders delivered late: \(group.count)"
            }
            out += "  \(label), cost \(money(cost))\n"
            let shown = kind == .buildAhead || kind == .delay ? 3 : 5
            for action in group.sorted(by: { $0.cost > $1.cost }).prefix(shown) {
                out += "    \(action.subject) \(action.period): \(action.detail), \(money(action.cost))\n"
            }
            if group.count > shown { out += "    … and \(group.count - shown) more (in actions.csv of --out)\n" }
        }
        if !any { out += "  none: regular capacity covers the plan\n" }

        // Overloads the plan absorbs (above regular hours) and any it cannot (never, by construction).
        let absorbed = resources.filter { $0.requiredHours > $0.availableHours + 1e-6 }
        let left = resources.filter { $0.requiredHours > $0.availableHours + $0.overtimeHours + $0.extraShiftHours + 1e-6 }
        out += "\n" + bold("Overloads") + "\n"
        out += "  above regular hours: \(absorbed.count) resource-period\(absorbed.count == 1 ? "" : "s"), absorbed by overtime and extra shifts\n"
        out += "  left after them: \(left.isEmpty ? "none" : "\(left.count)")\n"

        let valued = resources.filter { ($0.hourValue ?? 0) > 1e-6 }
        out += "\n" + bold("Binding capacity") + " (what one more regular hour would save)\n"
        if valued.isEmpty { out += "  none: no capacity limits the plan\n" }
        for row in valued.sorted(by: { ($0.hourValue ?? 0) > ($1.hourValue ?? 0) }).prefix(listLimit) {
            out += "  \(row.resource.id) \(row.period): \(NumberText.plain(row.hourValue ?? 0, decimals: 2)) per hour (load \(NumberText.percent(row.loadRatio)))\n"
        }
        if valued.count > listLimit { out += "  … and \(valued.count - listLimit) more (hour_value in resources.csv of --out)\n" }

        if let materials {
            let binding = materials.filter { ($0.unitValue ?? 0) > 1e-6 }
            out += "\n" + bold("Binding materials") + " (what one more unit in the period would save)\n"
            if binding.isEmpty { out += "  none: the constrained materials cover the plan\n" }
            for row in binding.sorted(by: { (($0.unitValue ?? 0), $1.material, $1.periodIndex) > (($1.unitValue ?? 0), $0.material, $0.periodIndex) }).prefix(listLimit) {
                out += "  \(row.material) \(row.period): \(NumberText.plain(row.unitValue ?? 0, decimals: 2)) per unit"
                out += " (\(NumberText.hours(row.consumed)) used of \(NumberText.hours(row.receipts + row.purchased)) received)\n"
            }
            if binding.count > listLimit { out += "  … and \(binding.count - listLimit) more (materials.csv of --out)\n" }
        }

        if !contradictions.isEmpty {
            out += "\n" + bold("Contradictions in the data") + "\n"
            for item in contradictions { out += "  \(item.subject)\(item.period.isEmpty ? "" : " \(item.period)"): \(item.message)\n" }
        }
        return out
    }
}

extension ProductionPlanResult {
    /// The material cost by item: what production uses of the materials priced from the bill
    /// of materials, and what the plan buys of the constrained ones.
    public func materialCostsCSV() -> String {
        CSVText.line(["material", "quantity", "cost"])
            + (materialCosts ?? []).map { CSVText.line([$0.material, NumberText.plain($0.quantity), NumberText.plain($0.cost)]) }.joined()
    }

    /// The constrained materials per period: receipts, purchases, use, stock, cost and unit value.
    public func materialsCSV() -> String {
        var out = CSVText.line(["material", "period", "receipts", "purchased", "consumed", "substituted", "ending_stock", "cost", "unit_value"])
        for row in materials ?? [] {
            out += CSVText.line([
                row.material, row.period, NumberText.plain(row.receipts), NumberText.plain(row.purchased), NumberText.plain(row.consumed),
                row.substituted.map { NumberText.plain($0) } ?? "",
                NumberText.plain(row.endingStock), NumberText.plain(row.cost), row.unitValue.map { NumberText.plain($0) } ?? "",
            ])
        }
        return out
    }
}
