extension MaterialPlan {
    /// The material plan's sections for the plan report: exceptions, each item's stock
    /// against its safety stock by bucket, and the purchase plan's first orders.
    public func reportSections(listLimit: Int = 40) -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        func n(_ x: Double) -> String { e(NumberText.hours(x)) }
        let buy = purchasePlan.sorted { ($0.release, $0.item) < ($1.release, $1.item) }
        var out = "<h2>Materials</h2>\n<p>\(records.count) items; purchase plan: \(buy.count) orders, cost \(n(buy.reduce(0) { $0 + $1.cost })); "
        out += "\(exceptions.count) exception\(exceptions.count == 1 ? "" : "s") (every table: takt materials --out).</p>\n"
        if !exceptions.isEmpty {
            out += "<h3>Exceptions</h3>\n<table><tr><th>kind</th><th>item</th><th>purchase order</th><th>bucket</th><th>to</th><th>quantity</th><th>days late</th><th>orders</th></tr>\n"
            for x in exceptions.prefix(listLimit) {
                out += "<tr><td\(x.kind == .pastDueRelease || x.kind == .expedite ? " class=\"late\"" : "")>\(e(x.kind.text))</td><td>\(e(x.item))</td><td>\(e(x.purchaseOrder ?? ""))</td>"
                out += "<td>\(e(buckets[x.bucket].label))</td><td>\(e(x.toBucket.map { buckets[$0].label } ?? ""))</td><td class=\"n\">\(n(x.quantity))</td>"
                out += "<td class=\"n\">\(x.days.map(String.init) ?? "")</td><td>\(e(x.orders.prefix(5).joined(separator: " ") + (x.orders.count > 5 ? " …" : "")))</td></tr>\n"
            }
            out += "</table>\n"
        }
        // Projected on hand per item and bucket, shaded where it is at safety stock (the
        // bucket's requirements met by planned receipts) and where receipts come in.
        out += "<h3>Projected on hand</h3>\n<table><tr><th>item</th><th>safety stock</th>"
        for bucket in buckets { out += "<th>\(e(bucket.label))</th>" }
        out += "</tr>\n"
        for r in records {
            out += "<tr><td>\(e(r.item))\(r.kind == .subassembly ? " (made)" : "")</td><td class=\"n\">\(n(r.safetyStock))</td>"
            for t in buckets.indices {
                let tight = r.projectedOnHand[t] <= r.safetyStock + 1e-6 && r.gross[t] > 0
                let title = "gross \(NumberText.hours(r.gross[t])), receipts \(NumberText.hours(r.scheduledReceipts[t] + r.plannedReceipts[t]))"
                out += "<td class=\"n\"\(tight ? " style=\"background:#fde2c8\"" : "") title=\"\(e(title))\">\(n(r.projectedOnHand[t]))</td>"
            }
            out += "</tr>\n"
        }
        out += "</table>\n"
        if !buy.isEmpty {
            out += "<h3>Purchase plan</h3>\n<table><tr><th>material</th><th>supplier</th><th>release</th><th>due</th><th>quantity</th><th>cost</th></tr>\n"
            for o in buy.prefix(listLimit) {
                let late = o.release < buckets[0].start
                out += "<tr><td>\(e(o.item))</td><td>\(e(o.supplier))</td><td\(late ? " class=\"late\"" : "")>\(e(o.release.description))</td>"
                out += "<td>\(e(o.due.description))</td><td class=\"n\">\(n(o.quantity))</td><td class=\"n\">\(n(o.cost))</td></tr>\n"
            }
            out += "</table>\n"
            if buy.count > listLimit { out += "<p>… and \(buy.count - listLimit) more orders (purchase_plan.csv of takt materials --out).</p>\n" }
        }
        return out
    }
}
