import Takt

/// What a valid scenario holds, counted for the planner.
struct ScenarioSummary: Encodable {
    var name: String
    var horizonStart: String
    var horizonEnd: String
    var periodLength: String
    var periods: Int
    var fiscalYearStartMonth: Int
    var units: Int
    var products: Int
    var families: Int
    var workCenters: Int
    var laborPools: Int
    var routingSteps: Int
    var salesPlanLines: Int
    var salesPlanQuantity: Double
    var orders: Int
    var orderedQuantity: Double
    var rushOrders: Int
    var frozenOrders: Int
    var subcontractors: Int
    var materials: Int
    var bomLines: Int
    var purchaseOrders: Int

    init(_ s: Scenario) {
        let range = s.horizon.range
        name = s.name
        horizonStart = range.start.description
        horizonEnd = range.end.advanced(by: -1).description
        periodLength = s.horizon.periodLength.rawValue
        periods = s.horizon.periodCount
        fiscalYearStartMonth = s.horizon.fiscalYearStartMonth
        units = s.units.count
        products = s.products.count
        families = Set(s.products.map(\.family)).count
        workCenters = s.workCenters.count
        laborPools = s.laborPools.count
        routingSteps = s.routings.count
        salesPlanLines = s.salesPlan.count
        salesPlanQuantity = s.salesPlan.reduce(0) { $0 + $1.quantity }
        orders = s.orders.count
        orderedQuantity = s.orders.reduce(0) { $0 + $1.remaining }
        rushOrders = s.orders.filter(\.rush).count
        frozenOrders = s.orders.filter { $0.status == .frozen }.count
        subcontractors = Set(s.subcontractors.map(\.id)).count
        materials = s.materials.count
        bomLines = s.bom.count
        purchaseOrders = s.purchaseOrders.count
    }

    func text(path: String, terminal: Terminal) -> String {
        let rows: [(String, String)] = [
            ("production units", "\(units)"),
            ("products", "\(products) in \(families) famil\(families == 1 ? "y" : "ies")"),
            ("work centers", "\(workCenters)"),
            ("labor pools", "\(laborPools)"),
            ("routing steps", "\(routingSteps)"),
            ("sales plan", "\(salesPlanLines) lines, \(salesPlanQuantity.grouped) units"),
            ("orders", "\(orders) (\(rushOrders) rush, \(frozenOrders) frozen), \(orderedQuantity.grouped) units to make"),
            ("subcontractors", "\(subcontractors)"),
        ] + (materials + bomLines + purchaseOrders == 0 ? [] : [
            ("materials", "\(materials), \(bomLines) bill of materials lines, \(purchaseOrders) open purchase orders"),
        ])
        let width = rows.map(\.0.count).max() ?? 0
        var text = terminal.styled("Scenario \(name)", .bold) + "  (\(path))\n"
        text += "Horizon \(horizonStart) to \(horizonEnd): \(periods) \(periodLength)\(periods == 1 ? "" : "s")"
        text += fiscalYearStartMonth == 1 ? "\n" : ", fiscal year from month \(fiscalYearStartMonth)\n"
        for (label, value) in rows {
            text += "  " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
        }
        return text
    }
}

extension Double {
    /// `12,345` or `12,345.5`: whole units grouped in thousands, for reading at a glance.
    var grouped: String {
        // Beyond Int's range (a quantity of 1e19) there are no groups to make.
        guard isFinite, abs(self) < 1e15 else { return "\(self)" }
        let whole = Int(self.rounded(.towardZero))
        let digits = String(abs(whole))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        let fraction = self - Double(whole)
        let tail = abs(fraction) < 1e-9 ? "" : String(String(format: "%.2f", abs(fraction)).dropFirst())
        return (self < 0 ? "-" : "") + groups.joined(separator: ",") + tail
    }
}
