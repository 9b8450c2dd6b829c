extension PlanDiff {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// Every change as one line: kind (cost, order, quantity, load), subject, period, before,
    /// after, change.
    public func csv() -> String {
        func n(_ value: Double?) -> String { value.map { NumberText.plain($0) } ?? "" }
        var out = CSVText.line(["kind", "subject", "period", "before", "after", "change"])
        for cost in costs where abs(cost.change) >= 1e-6 {
            out += CSVText.line(["cost", cost.category, "", n(cost.before), n(cost.after), n(cost.change)])
        }
        for move in movedOrders {
            out += CSVText.line(["order", move.order, "", move.before ?? "", move.after ?? "", ""])
        }
        for change in quantities {
            out += CSVText.line(["quantity", change.product, change.period, n(change.before), n(change.after), n(change.change)])
        }
        for change in loads {
            out += CSVText.line([
                "load", change.resource.id, change.period, n(change.requiredBefore), n(change.requiredAfter),
                n(change.requiredAfter - change.requiredBefore),
            ])
        }
        return out
    }

    public func text(color: Bool = false, listLimit: Int = 10) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + NumberText.hours(value) }
        var out = bold("Plan change") + ": \(before) → \(after)\n"
        if isEmpty { return out + "  no change\n" }
        let total = costs.last { $0.category == "total" }
        out += "\n" + bold("Cost") + (total.map { ": \(NumberText.hours($0.before)) → \(NumberText.hours($0.after)) (\(signed($0.change)))" } ?? "") + "\n"
        for cost in costs where cost.category != "total" && abs(cost.change) >= 0.5 {
            out += "  \(cost.category): \(signed(cost.change))\n"
        }
        out += "\n" + bold("Orders moved") + ": \(movedOrders.count)\n"
        for move in movedOrders.prefix(listLimit) {
            let from = move.before ?? "not in the plan", to = move.after ?? "not in the plan"
            out += "  \(move.order) \(move.product): \(from) → \(to)\n"
        }
        if movedOrders.count > listLimit { out += "  … and \(movedOrders.count - listLimit) more (every change: --format csv)\n" }
        out += "\n" + bold("Quantities changed") + ": \(quantities.count) product-periods\n"
        for change in quantities.sorted(by: { abs($0.change) > abs($1.change) }).prefix(listLimit) {
            out += "  \(change.product) \(change.period): \(NumberText.plain(change.before, decimals: 2)) → \(NumberText.plain(change.after, decimals: 2))\n"
        }
        if quantities.count > listLimit { out += "  … and \(quantities.count - listLimit) more (every change: --format csv)\n" }
        out += "\n" + bold("Load at the bottlenecks") + ": \(loads.count) resource-periods changed\n"
        for change in loads.sorted(by: { abs($0.requiredAfter - $0.requiredBefore) > abs($1.requiredAfter - $1.requiredBefore) }).prefix(listLimit) {
            out += "  \(change.resource.id) \(change.period): \(NumberText.hours(change.requiredBefore)) h → \(NumberText.hours(change.requiredAfter)) h"
            out += " (\(NumberText.percent(change.loadRatioBefore)) → \(NumberText.percent(change.loadRatioAfter)))\n"
        }
        if loads.count > listLimit { out += "  … and \(loads.count - listLimit) more (every change: --format csv)\n" }
        return out
    }

    /// Two lines for a plan's summary: how much it changed from the plan it replaces.
    public func changeSummary() -> String {
        let units = quantities.reduce(0) { $0 + abs($1.change) }
        return "\nChanges from the previous plan\n"
            + "  \(quantities.count) product-period\(quantities.count == 1 ? "" : "s") changed, \(NumberText.plain(units, decimals: 2)) units moved; "
            + "\(movedOrders.count) order\(movedOrders.count == 1 ? "" : "s") complete in another period (takt diff for each)\n"
    }
}
