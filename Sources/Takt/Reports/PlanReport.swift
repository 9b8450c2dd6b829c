/// One self-contained HTML page of a plan: the capacity-load chart per work center and
/// period, plan against sales per family, the cost breakdown, late orders, the actions, and
/// what-if scenarios side by side. Charts are inline SVG and the style is inline: the file
/// needs no network to view. Every name from the data is escaped.
public struct PlanReport: Sendable {
    public var plan: ProductionPlanResult
    public var load: CapacityLoadTable
    public var comparison: WhatIfComparison?
    /// The shop-floor schedule of a window of the plan, drawn as a Gantt chart after the plan.
    public var schedule: ShopFloorSchedule?
    /// The material requirements of the plan: exceptions, the purchase plan, stock per item.
    public var materials: MaterialPlan?
    /// A sweep of what-ifs of the scenario: its sensitivity charts and cheapest points.
    public var sweep: SweepResults?
    /// Periods' labels, in order.
    public var periods: [String]

    public init(plan: ProductionPlanResult, load: CapacityLoadTable, periods: [String], comparison: WhatIfComparison? = nil) {
        self.plan = plan
        self.load = load
        self.periods = periods
        self.comparison = comparison
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }
    private func n(_ value: Double) -> String { NumberText.hours(value) }

    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Plan — \(e(plan.scenario))</title>
            \(HTMLText.style)
            </head>
            <body>
            <h1>Plan — \(e(plan.scenario))</h1>
            <p>Total cost <b>\(n(plan.costs.total))</b>; on time \(e(NumberText.percent(plan.onTimeRate))) of \(plan.orders.count) orders; status \(e(plan.status)).</p>

            """
        if let comparison { out += whatIfSection(comparison) }
        if let sweep { out += sweep.reportSections() }
        out += loadSection() + familySection() + planTableSection() + costSection() + lateSection() + actionsSection()
        if let materials { out += materials.reportSections() }
        if let schedule { out += schedule.reportSections() }
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Capacity load

    private func loadSection() -> String {
        var out = "<h2>Capacity load</h2>\n"
        out += "<p>Required hours ÷ available hours in each period; labor pools at the workers the plan has. One colour key for the charts and the table:</p>\n"
        out += "<p class=\"legend\"><span class=\"over\">over 100%</span><span class=\"tight\">tight (≥ \(e(NumberText.percent(load.tightThreshold))))</span><span class=\"normal\">normal</span><span class=\"under\">underloaded (&lt; \(e(NumberText.percent(load.underloadThreshold))))</span><span class=\"idle\">idle</span></p>\n"
        // The most loaded work centers as bar charts with the 100% line.
        let centers = load.bottlenecks.filter { $0.resource.kind == .workCenter }.prefix(6)
        out += "<div class=\"charts\">\n"
        for total in centers {
            let rows = load.rows.filter { $0.resource == total.resource }
            out += "<div class=\"chart\"><h3>\(e(total.resource.id)) \(e(total.resource.name)), load ratio</h3>\n"
            out += barChart(
                values: rows.map { $0.loadRatio ?? ($0.requiredHours > 0 ? 2 : 0) }, labels: rows.map(\.period), line: 1,
                colors: rows.map { Self.color(of: $0.status) })
            out += "</div>\n"
        }
        out += "</div>\n"
        // Every resource and period as a heat map of load ratios.
        out += "<table class=\"heat\"><tr><th>resource</th>" + load.periods.map { "<th>\(e($0.label))</th>" }.joined() + "</tr>\n"
        for total in load.totals {
            let rows = load.rows.filter { $0.resource == total.resource }
            out += "<tr><td>\(e(total.resource.id)) \(e(total.resource.name))</td>"
            for row in rows {
                let css = switch row.status {
                case .overloaded: "over"
                case .tight: "tight"
                case .normal: "normal"
                case .underloaded: "under"
                case .idle: "idle"
                }
                let title = "\(n(row.requiredHours)) of \(n(row.availableHours)) h"
                out += "<td class=\"v \(css)\" title=\"\(e(title))\">\(e(NumberText.percent(row.loadRatio)))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    // MARK: Plan against sales

    private func familySection() -> String {
        var families: [String] = []
        for line in plan.products where !families.contains(line.family) { families.append(line.family) }
        var out = "<h2>Plan and sales by family</h2>\n<p>Units per period (each family in its products' units of measure). Bars: production and subcontracted receipts; black line: demand; grey line: ending inventory.</p>\n<div class=\"charts\">\n"
        for family in families {
            var made = [Double](repeating: 0, count: periods.count), demand = made, stock = made
            for line in plan.products where line.family == family && periods.indices.contains(line.periodIndex) {
                made[line.periodIndex] += line.production + line.subcontracted
                demand[line.periodIndex] += line.demand
                stock[line.periodIndex] += line.endingInventory
            }
            out += "<div class=\"chart\"><h3>\(e(family)), units</h3>\n" + barChart(values: made, labels: periods, series: demand, second: stock) + "</div>\n"
        }
        return out + "</div>\n"
    }

    // MARK: Costs, late orders, actions

    private func costSection() -> String {
        let lines = plan.costs.lines.filter { abs($0.1) >= 0.5 }
        let largest = max(1, lines.map { abs($0.1) }.max() ?? 1)
        var out = "<h2>Cost</h2>\n<table><tr><th>category</th><th>cost</th><th></th></tr>\n"
        for (name, amount) in lines {
            let width = 300 * abs(amount) / largest
            out += "<tr><td>\(e(name))</td><td>\(n(amount))</td><td><svg width=\"300\" height=\"12\"><rect width=\"\(HTMLText.coordinate(width))\" height=\"12\" fill=\"#4f7cac\"/></svg></td></tr>\n"
        }
        out += "<tr><th>total</th><th>\(n(plan.costs.total))</th><th></th></tr>\n</table>\n"
        guard let items = plan.materialCosts, !items.isEmpty else { return out }
        out += "<h3>Material by item</h3>\n<table><tr><th>material</th><th>quantity</th><th>cost</th></tr>\n"
        for line in items.sorted(by: { ($0.cost, $1.material) > ($1.cost, $0.material) }) {
            out += "<tr><td>\(e(line.material))</td><td>\(n(line.quantity))</td><td>\(n(line.cost))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    private func lateSection() -> String {
        let late = plan.lateOrders
        var out = "<h2>Late orders (\(late.count))</h2>\n"
        guard !late.isEmpty else { return out + "<p>None: every order is on time.</p>\n" }
        out += "<table><tr><th>order</th><th>product</th><th>quantity</th><th>due</th><th>done</th><th>periods late</th><th>unmet</th></tr>\n"
        for order in late.prefix(200) {
            out += "<tr><td>\(e(order.order))</td><td>\(e(order.product))</td><td>\(NumberText.plain(order.quantity, decimals: 2))</td>"
            out += "<td>\(e(order.duePeriod))</td><td>\(e(order.completionPeriod ?? "—"))</td><td>\(order.periodsLate)</td>"
            out += "<td>\(NumberText.plain(order.unmetQuantity, decimals: 2))</td></tr>\n"
        }
        if late.count > 200 { out += "<tr><td colspan=\"7\">… and \(late.count - 200) more</td></tr>\n" }
        return out + "</table>\n"
    }

    /// Actions grouped by kind, one line each with its count and totals, the details folded.
    private func actionsSection() -> String {
        var out = "<h2>Actions (\(plan.actions.count))</h2>\n"
        guard !plan.actions.isEmpty else { return out + "<p>None: regular capacity covers the plan.</p>\n" }
        out += "<table><tr><th>action</th><th>count</th><th>quantity</th><th>cost</th></tr>\n"
        var kinds: [PlanAction.Kind] = []
        for action in plan.actions where !kinds.contains(action.kind) { kinds.append(action.kind) }
        for kind in kinds {
            let group = plan.actions.filter { $0.kind == kind }
            let units = Set(group.map(\.unit))
            let quantity = units.count == 1 ? "\(NumberText.plain(group.reduce(0) { $0 + $1.quantity }, decimals: 2)) \(e(units.first!.rawValue))" : "—"
            out += "<tr><td>\(e(Self.name(of: kind)))</td><td>\(group.count)</td><td>\(quantity)</td><td>\(n(group.reduce(0) { $0 + $1.cost }))</td></tr>\n"
        }
        out += "</table>\n"
        for kind in kinds {
            let group = plan.actions.filter { $0.kind == kind }.sorted { $0.cost > $1.cost }
            out += "<details><summary>\(e(Self.name(of: kind))): \(group.count), largest cost first</summary>\n"
            out += "<table><tr><th>subject</th><th>period</th><th>quantity</th><th>cost</th><th>detail</th></tr>\n"
            for action in group.prefix(200) {
                out += "<tr><td>\(e(action.subject))</td><td>\(e(action.period))</td>"
                out += "<td>\(NumberText.plain(action.quantity, decimals: 2)) \(e(action.unit.rawValue))</td><td>\(n(action.cost))</td><td>\(e(action.detail))</td></tr>\n"
            }
            if group.count > 200 { out += "<tr><td colspan=\"5\">… and \(group.count - 200) more (actions.csv of takt plan --out)</td></tr>\n" }
            out += "</table></details>\n"
        }
        return out
    }

    private static func name(of kind: PlanAction.Kind) -> String {
        switch kind {
        case .overtime: "overtime"
        case .extraShift: "extra shifts"
        case .subcontract: "subcontracting"
        case .expedite: "materials expedited"
        case .substitute: "materials substituted"
        case .hire: "hiring"
        case .layoff: "layoffs"
        case .buildAhead: "orders built ahead"
        case .delay: "orders delivered late"
        }
    }

    /// Production per product and period, folded: the plan a workshop receives.
    private func planTableSection() -> String {
        var products: [String] = []
        for line in plan.products where !products.contains(line.product) { products.append(line.product) }
        var made: [String: [Double]] = [:]
        for line in plan.products where periods.indices.contains(line.periodIndex) {
            made[line.product, default: [Double](repeating: 0, count: periods.count)][line.periodIndex] += line.production
        }
        var out = "<h2>Production by product and period</h2>\n<details><summary>\(products.count) products × \(periods.count) periods (units)</summary>\n"
        out += "<table><tr><th>product</th>" + periods.map { "<th>\(e($0))</th>" }.joined() + "<th>total</th></tr>\n"
        for product in products {
            let row = made[product] ?? []
            out += "<tr><td>\(e(product))</td>" + row.map { "<td>\(NumberText.plain($0, decimals: 2))</td>" }.joined()
            out += "<td>\(NumberText.plain(row.reduce(0, +), decimals: 2))</td></tr>\n"
        }
        return out + "</table></details>\n"
    }

    /// The what-ifs side by side, each measure with its difference from the base, and the
    /// orders that complete in another period.
    private func whatIfSection(_ comparison: WhatIfComparison) -> String {
        var out = "<h2>What-if scenarios</h2>\n<table><tr><th>measure</th>" + comparison.scenarios.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
        for measure in comparison.measures {
            let percent = measure.name == "on-time rate" || measure.name.hasPrefix("utilisation")
            func show(_ v: Double) -> String { percent ? NumberText.percent(v) : n(v) }
            out += "<tr><td>\(e(measure.name))</td>"
            for (i, value) in measure.values.enumerated() {
                let delta = value - (measure.values.first ?? 0)
                let change = i > 0 && abs(delta) >= (percent ? 0.005 : 0.5)
                    ? "<br><span class=\"delta\">\(delta > 0 ? "+" : "−")\(e(show(abs(delta))))</span>" : ""
                out += "<td>\(e(show(value)))\(change)</td>"
            }
            out += "</tr>\n"
        }
        out += "</table>\n"
        for (i, moved) in comparison.movedOrders.enumerated() where i > 0 && !moved.isEmpty {
            out += "<details><summary>\(e(comparison.scenarios[i])): \(moved.count) order\(moved.count == 1 ? "" : "s") complete in another period</summary><table><tr><th>order</th><th>base</th><th>what-if</th></tr>\n"
            for order in moved.prefix(200) {
                out += "<tr><td>\(e(order.order))</td><td>\(e(order.basePeriod ?? "unmet"))</td><td>\(e(order.period ?? "unmet"))</td></tr>\n"
            }
            out += "</table></details>\n"
        }
        return out
    }

    // MARK: Charts

    /// Vertical bars with period labels, optionally a second series as a line and a dashed
    /// reference line (such as 100% load).
    private static func color(of status: LoadStatus) -> String {
        switch status {
        case .overloaded: "#e4572e"
        case .tight: "#f3a712"
        case .normal: "#a8c686"
        case .underloaded: "#dfe9d2"
        case .idle: "#f4f4f4"
        }
    }

    private func barChart(
        values: [Double], labels: [String], series: [Double]? = nil, second: [Double]? = nil, line: Double? = nil, colors: [String]? = nil
    ) -> String {
        let width = 360.0, height = 140.0, left = 40.0, bottom = 18.0
        let top = max(line ?? 0, values.max() ?? 0, series?.max() ?? 0, second?.max() ?? 0, 1e-9) * 1.1
        let step = (width - left) / Double(max(1, values.count))
        func y(_ v: Double) -> Double { (height - bottom) * (1 - min(v, top) / top) }
        let c = HTMLText.coordinate
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
        for (i, value) in values.enumerated() {
            let fill = colors.map { $0[i] } ?? "#4f7cac"
            svg += "<rect x=\"\(c(left + Double(i) * step + 1))\" y=\"\(c(y(value)))\" width=\"\(c(max(1, step - 2)))\" height=\"\(c(height - bottom - y(value)))\" fill=\"\(fill)\" stroke=\"#888\" stroke-width=\"0.3\"><title>\(e(labels[i])): \(e(line != nil ? NumberText.percent(value) : n(value)))</title></rect>"
        }
        // A scale: ticks at 0 and half of the top.
        svg += "<line x1=\"\(c(left))\" x2=\"\(c(left))\" y1=\"0\" y2=\"\(c(height - bottom))\" stroke=\"#999\"/>"
        for fraction in [0.0, 0.5] {
            let v = top / 1.1 * fraction
            svg += "<text x=\"2\" y=\"\(c(y(v) + 4))\" font-size=\"9\" fill=\"#666\">\(e(line != nil ? NumberText.percent(v) : n(v)))</text>"
        }
        if let second {
            let points = second.enumerated().map { "\(c(left + (Double($0.offset) + 0.5) * step)),\(c(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline class=\"stock\" points=\"\(points)\" fill=\"none\" stroke=\"#999\" stroke-width=\"1.2\"/>"
        }
        if let series {
            let points = series.enumerated().map { "\(c(left + (Double($0.offset) + 0.5) * step)),\(c(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        }
        if let line {
            svg += "<line x1=\"\(c(left))\" x2=\"\(c(width))\" y1=\"\(c(y(line)))\" y2=\"\(c(y(line)))\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"2\" y=\"\(c(y(line) + 4))\" font-size=\"10\">\(e(NumberText.percent(line)))</text>"
        } else {
            svg += "<text x=\"2\" y=\"10\" font-size=\"10\">\(e(n(top / 1.1)))</text>"
        }
        let every = max(1, labels.count / 6)
        for (i, label) in labels.enumerated() where i % every == 0 {
            svg += "<text x=\"\(c(left + Double(i) * step))\" y=\"\(c(height - 4))\" font-size=\"10\">\(e(label))</text>"
        }
        return svg + "</svg>\n"
    }
}
