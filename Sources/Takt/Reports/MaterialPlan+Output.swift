extension MaterialPlan.Exception.Kind {
    var text: String {
        switch self {
        case .pastDueRelease: "release past due"
        case .expedite: "expedite"
        case .deExpedite: "de-expedite"
        case .cancel: "cancel"
        case .supplierShortage: "supplier shortage"
        }
    }
}

extension MaterialPlan {
    public func json() throws -> String { try JSONOutput.text(self) }

    /// The MRP records (MRP 表): per item its six rows, one column per bucket.
    public func recordsCSV() -> String {
        var out = CSVText.line(["item", "kind", "low_level_code", "row"] + buckets.map(\.label))
        for r in records {
            let rows: [(String, [Double])] = [
                ("gross_requirements", r.gross), ("scheduled_receipts", r.scheduledReceipts), ("projected_on_hand", r.projectedOnHand),
                ("net_requirements", r.net), ("planned_receipts", r.plannedReceipts), ("planned_releases", r.plannedReleases),
            ]
            for (name, values) in rows {
                out += CSVText.line([r.item, r.kind.rawValue, String(r.lowLevelCode), name] + values.map { NumberText.plain($0) })
            }
        }
        return out
    }

    /// The purchase plan (采购计划): every planned order of a material, by release date.
    public func purchasePlanCSV() -> String {
        var out = CSVText.line(["material", "supplier", "release", "due", "quantity", "cost", "past_due", "orders"])
        for o in purchasePlan.sorted(by: { ($0.release, $0.item) < ($1.release, $1.item) }) {
            out += CSVText.line([
                o.item, o.supplier, o.release.description, o.due.description, NumberText.plain(o.quantity), NumberText.plain(o.cost),
                o.release < buckets[0].start ? "yes" : "no", Array(Set(o.pegs.flatMap(\.orders))).sorted().joined(separator: " "),
            ])
        }
        return out
    }

    /// Every planned order, materials and sub-assemblies, with the plan lines it is pegged to.
    public func plannedOrdersCSV() -> String {
        var out = CSVText.line(["item", "kind", "release", "due", "quantity", "plan_lines", "orders"])
        for o in plannedOrders {
            out += CSVText.line([
                o.item, o.kind.rawValue, o.release.description, o.due.description, NumberText.plain(o.quantity),
                o.pegs.map { "\($0.product)@\(planPeriods.indices.contains($0.period) ? planPeriods[$0.period] : "orders")" }.joined(separator: " "),
                Array(Set(o.pegs.flatMap(\.orders))).sorted().joined(separator: " "),
            ])
        }
        return out
    }

    /// The production material plan (生产用料计划): per production unit, item and bucket, the
    /// gross requirements of the unit's production.
    public func unitRequirementsCSV() -> String {
        var out = CSVText.line(["unit", "item", "bucket", "quantity"])
        for r in requirements { out += CSVText.line([r.unit, r.item, buckets[r.bucket].label, NumberText.plain(r.quantity)]) }
        return out
    }

    /// The summary material plan (汇总用料计划): per item and bucket across units, the gross
    /// requirements and the planned receipts.
    public func summaryCSV() -> String {
        var out = CSVText.line(["item", "kind", "bucket", "gross_requirements", "planned_receipts", "projected_on_hand"])
        for r in records {
            for b in buckets.indices where r.gross[b] > 1e-9 || r.plannedReceipts[b] > 1e-9 {
                out += CSVText.line([
                    r.item, r.kind.rawValue, buckets[b].label, NumberText.plain(r.gross[b]), NumberText.plain(r.plannedReceipts[b]),
                    NumberText.plain(r.projectedOnHand[b]),
                ])
            }
        }
        return out
    }

    public func exceptionsCSV() -> String {
        var out = CSVText.line(["kind", "item", "purchase_order", "bucket", "to_bucket", "quantity", "days_late", "orders"])
        for e in exceptions {
            out += CSVText.line([
                e.kind.rawValue, e.item, e.purchaseOrder ?? "", buckets[e.bucket].label, e.toBucket.map { buckets[$0].label } ?? "",
                NumberText.plain(e.quantity), e.days.map(String.init) ?? "", e.orders.joined(separator: " "),
            ])
        }
        return out
    }

    /// The terminal summary: the purchase plan's size and cost, the exceptions, the first
    /// orders to release.
    public func text(color: Bool = false, listLimit: Int = 8) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        let materials = records.filter { $0.kind == .material }.count
        var out = bold("Material plan of \(scenario)") + ": \(buckets.count) buckets from \(buckets.first?.label ?? "")"
        out += ", \(materials) material\(materials == 1 ? "" : "s"), \(records.count - materials) sub-assembl\(records.count - materials == 1 ? "y" : "ies")\n"
        let buy = purchasePlan
        out += "  purchase plan: \(buy.count) order\(buy.count == 1 ? "" : "s"), cost \(NumberText.hours(buy.reduce(0) { $0 + $1.cost }))\n"
        var counts: [Exception.Kind: Int] = [:]
        for e in exceptions { counts[e.kind, default: 0] += 1 }
        let kinds: [Exception.Kind] = [.pastDueRelease, .expedite, .deExpedite, .cancel] + (counts[.supplierShortage] == nil ? [] : [.supplierShortage])
        out += "  exceptions: " + kinds.map { "\(counts[$0] ?? 0) \($0.text)" }.joined(separator: ", ") + "\n"
        if !exceptions.isEmpty {
            out += "\n" + bold("Exceptions") + "\n"
            for e in exceptions.prefix(listLimit) {
                var line = "  " + DisplayWidth.fit(e.kind.text, 18) + DisplayWidth.fit(e.item, 12) + DisplayWidth.fit(e.purchaseOrder ?? "", 10)
                line += buckets[e.bucket].label + (e.toBucket.map { " → \(buckets[$0].label)" } ?? "")
                line += "  " + NumberText.hours(e.quantity) + (e.days.map { ", \($0) days late" } ?? "")
                if !e.orders.isEmpty { line += "; orders " + e.orders.prefix(3).joined(separator: ", ") + (e.orders.count > 3 ? ", …" : "") }
                out += line + "\n"
            }
            if exceptions.count > listLimit { out += "  … and \(exceptions.count - listLimit) more (exceptions.csv with --out)\n" }
        }
        if !buy.isEmpty {
            out += "\n" + bold("Purchase plan") + " (first to release)\n"
            out += "  " + DisplayWidth.fit("material", 12) + DisplayWidth.fit("supplier", 14) + DisplayWidth.fit("release", 12) + DisplayWidth.fit("due", 12)
                + DisplayWidth.fit("quantity", 10, right: true) + DisplayWidth.fit("cost", 12, right: true) + "\n"
            for o in buy.sorted(by: { ($0.release, $0.item) < ($1.release, $1.item) }).prefix(listLimit) {
                out += "  " + DisplayWidth.fit(o.item, 12) + DisplayWidth.fit(o.supplier, 14) + DisplayWidth.fit(o.release.description, 12)
                    + DisplayWidth.fit(o.due.description, 12) + DisplayWidth.fit(NumberText.hours(o.quantity), 10, right: true)
                    + DisplayWidth.fit(NumberText.hours(o.cost), 12, right: true) + "\n"
            }
            if buy.count > listLimit { out += "  … and \(buy.count - listLimit) more (purchase_plan.csv with --out)\n" }
        }
        return out
    }
}
