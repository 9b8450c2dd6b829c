extension OrderPromise.Answer {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// One line per option: due, period, completion, on time, extra cost and capacity, pushed orders.
    public func csv() -> String {
        var out = CSVText.line([
            "option", "due", "period", "completion", "on_time", "extra_cost", "extra_overtime_hours", "extra_shift_hours",
            "extra_subcontracted", "orders_pushed",
        ])
        func line(_ name: String, _ o: OrderPromise.Option) -> String {
            CSVText.line([
                name, o.due.description, o.period, o.completion ?? "", o.onTime ? "yes" : "no", NumberText.plain(o.extraCost),
                NumberText.plain(o.extraOvertimeHours), NumberText.plain(o.extraShiftHours), NumberText.plain(o.extraSubcontracted),
                o.pushed.map(\.order).joined(separator: "|"),
            ])
        }
        for o in options { out += line("period end", o) }
        if let required { out += line("required", required) }
        if let requiredWithoutPushing { out += line("required, others protected", requiredWithoutPushing) }
        return out
    }

    public func text(color: Bool = false, listLimit: Int = 5) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func money(_ value: Double) -> String { (value > 0 ? "+" : "") + NumberText.hours(value) }
        var out = bold("Promise for \(NumberText.plain(quantity, decimals: 2)) × \(product)") + "\n"
        if let earliest {
            out += "  earliest: complete in \(earliest.completion ?? earliest.period) (due \(earliest.due)), extra cost \(money(earliest.extraCost))"
            out += earliest.pushed.isEmpty ? ", no order pushed\n" : ", pushing \(earliest.pushed.count) order\(earliest.pushed.count == 1 ? "" : "s")\n"
        } else {
            out += "  no period of the horizon can complete it on time\n"
        }
        if let ready = materialsReady, let item = limitingMaterial {
            out += "  materials: at hand for it from \(ready) (\(item) sets the date)\n"
        }
        out += "\n  " + DisplayWidth.fit("due by", 12) + DisplayWidth.fit("done in", 10) + DisplayWidth.fit("extra cost", 13, right: true) + "  pushed\n"
        for o in options {
            out += "  " + DisplayWidth.fit(o.period, 12) + DisplayWidth.fit(o.completion ?? "unmet", 10)
                + DisplayWidth.fit(money(o.extraCost), 13, right: true) + "  \(o.pushed.count)"
                + (materialsReady.map { o.due < $0 ? "  (before the materials)" : "" } ?? "") + "\n"
        }
        if let required {
            out += "\n" + bold("Required \(required.due)") + ": " + (required.onTime ? "on time" : "not on time (done \(required.completion ?? "never"))")
                + ", extra cost \(money(required.extraCost))\n"
            if required.pushed.isEmpty {
                out += "  no existing order is pushed\n"
            } else {
                out += "  pushes \(required.pushed.count) order\(required.pushed.count == 1 ? "" : "s"):\n"
                for moved in required.pushed.prefix(listLimit) {
                    out += "    \(moved.order): \(moved.basePeriod ?? "unmet") → \(moved.period ?? "unmet")\n"
                }
                if required.pushed.count > listLimit { out += "    … and \(required.pushed.count - listLimit) more (every order: --format csv)\n" }
            }
            if let protected = requiredWithoutPushing {
                out += "  with every existing order protected: " + (protected.onTime ? "on time" : "not on time")
                out += ", \(protected.pushed.count) pushed, extra cost \(money(protected.extraCost)): overtime \(money(protected.extraOvertimeHours)) h,"
                out += " extra shifts \(money(protected.extraShiftHours)) h, subcontracting \(money(protected.extraSubcontracted)) units\n"
            }
        }
        return out
    }
}
