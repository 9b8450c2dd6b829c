/// The shop-floor schedule as one self-contained HTML page: the Gantt chart (one row per
/// machine, bars coloured by family, setups dark where they are done, late lots outlined
/// red, each machine's time without work shaded, a date axis), then the dispatch lists per work
/// center and machine, each work center on its own printed page.
extension ShopFloorSchedule {
    /// Above this many operations the chart draws each machine's day as one cell shaded by
    /// how much of it is scheduled, rather than a bar per operation.
    public static let ganttBarLimit = 4_000

    public func html() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let late = lateOrders.count
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Shop-floor schedule — \(e(scenario))</title>
            <style>
            body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; } h3 { font-size: 14px; }
            table { border-collapse: collapse; font-size: 12px; margin-bottom: 12px; } th, td { padding: 3px 6px; border: 1px solid #ddd; text-align: left; }
            td.n { text-align: right; } .late { color: #c0392b; font-weight: bold; }
            .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; font-size: 12px; color: #fff; }
            .center { page-break-before: always; } @media print { .gantt { display: none; } }
            </style>
            </head>
            <body>
            <h1>Shop-floor schedule — \(e(scenario))</h1>
            <p>\(window.start) to \(window.range.end.advanced(by: -1)): \(lots.count) lots, \(operations.count) operations; \
            \(shipments.count - late) of \(shipments.count) orders ship on time; setups \(e(NumberText.plain(Double(setupMinutes) / 60, decimals: 1))) h; \
            \(carriedOver) operations carried over past the window.</p>

            """
        out += gantt() + lateTable() + planFitTable() + dispatchLists()
        out += "</body>\n</html>\n"
        return out
    }

    /// Family colours, in order of first appearance.
    private static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#86bcb6", "#bab0ac", "#d37295", "#8cd17d"]

    func gantt() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        func c(_ value: Double) -> String { HTMLText.coordinate(value) }
        var machines: [(center: String, name: String)] = []
        var seen: Set<String> = []
        for o in dispatchOrder where seen.insert(o.machine).inserted { machines.append((o.workCenter, o.machine)) }
        guard !machines.isEmpty else { return "<h2>Gantt chart</h2>\n<p>Nothing to schedule in the window.</p>\n" }
        var familyColor: [String: String] = [:]
        for o in operations where familyColor[o.family] == nil { familyColor[o.family] = Self.palette[familyColor.count % Self.palette.count] }
        let dayCount = max(window.days, (max(makespan, 1) + ShopWindow.minutesPerDay - 1) / ShopWindow.minutesPerDay)
        let left = 90.0, top = 30.0, rowHeight = 16.0
        let dayWidth = max(14.0, min(120.0, 1_400.0 / Double(dayCount)))
        let width = left + dayWidth * Double(dayCount) + 10, height = top + rowHeight * Double(machines.count) + 10
        let x = { (minute: Int) -> Double in left + Double(minute) / Double(ShopWindow.minutesPerDay) * dayWidth }
        var out = "<h2>Gantt chart</h2>\n<p class=\"legend\">"
        for (family, color) in familyColor.sorted(by: { $0.key < $1.key }) { out += "<span style=\"background:\(color)\">\(e(family))</span>" }
        out += "<span style=\"background:#333\">setup</span><span style=\"background:#fff;color:#c0392b;border:2px solid #c0392b\">late lot</span>"
        out += "<span style=\"background:#e8e8e8;color:#555\">no working time</span></p>\n"
        out += "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(c(width))\" height=\"\(c(height))\" font-size=\"10\">\n"
        // Each machine's time without work in the window (nights, weekends, holidays,
        // maintenance), then the days and the window's end.
        let working = Dictionary(workingTimes.map { ($0.machine, $0.working) }) { first, _ in first }
        for (row, machine) in machines.enumerated() {
            let y = top + rowHeight * Double(row)
            out += "<text x=\"2\" y=\"\(c(y + rowHeight - 4))\">\(e(machine.name))</text>\n"
            var from = 0
            for piece in (working[machine.name] ?? []) + [window.end..<window.end] {
                let to = min(piece.lowerBound, window.end)
                if to > from {
                    out += "<rect x=\"\(c(x(from)))\" y=\"\(c(y))\" width=\"\(c(x(to) - x(from)))\" height=\"\(c(rowHeight))\" fill=\"#e8e8e8\"/>\n"
                }
                from = max(from, piece.upperBound)
            }
        }
        for d in 0...dayCount {
            let day = window.start.advanced(by: d), xd = x(d * ShopWindow.minutesPerDay)
            out += "<line x1=\"\(c(xd))\" y1=\"\(c(top - 4))\" x2=\"\(c(xd))\" y2=\"\(c(height - 10))\" stroke=\"\(d == window.days ? "#c0392b" : "#ddd")\"/>\n"
            if d < dayCount && (dayWidth >= 40 || day.weekday == .monday || d == 0) {
                let label = dayWidth >= 40 ? "\(day.description.dropFirst(5)) \(day.weekday.rawValue)" : String(day.description.dropFirst(5))
                out += "<text x=\"\(c(xd + 2))\" y=\"\(c(top - 8))\">\(e(label))</text>\n"
            }
        }
        let rowOf = Dictionary(machines.enumerated().map { ($1.name, $0) }) { first, _ in first }
        if operations.count <= Self.ganttBarLimit {
            for o in operations {
                guard let row = rowOf[o.machine] else { continue }
                let y = top + rowHeight * Double(row) + 2, h = rowHeight - 4
                if o.setupMinutes > 0 {
                    out += "<rect x=\"\(c(x(o.setupStart)))\" y=\"\(c(y))\" width=\"\(c(max(0.5, x(o.setupEnd) - x(o.setupStart))))\" height=\"\(c(h))\" fill=\"#333\"/>\n"
                }
                let stroke = o.late ? " stroke=\"#c0392b\" stroke-width=\"1.5\"" : ""
                out += "<rect x=\"\(c(x(o.start)))\" y=\"\(c(y))\" width=\"\(c(max(0.5, x(o.end) - x(o.start))))\" height=\"\(c(h))\" fill=\"\(familyColor[o.family]!)\"\(stroke)>"
                out += "<title>\(e(o.lot)) step \(o.step) \(e(o.product)) × \(e(NumberText.plain(o.quantity))): \(e(window.text(of: o.start))) – \(e(window.text(of: o.end)))</title></rect>\n"
            }
        } else {
            // Too dense for bars: each machine-day shaded by the share of the day's 24 hours scheduled.
            var busy: [String: Int] = [:]
            for o in operations {
                var from = max(0, o.start)
                while from < o.end {
                    let d = from / ShopWindow.minutesPerDay, to = min(o.end, (d + 1) * ShopWindow.minutesPerDay)
                    busy["\(o.machine)\u{1}\(d)", default: 0] += to - from
                    from = to
                }
            }
            for key in busy.keys.sorted() {
                let parts = key.split(separator: "\u{1}"), d = Int(parts[1])!
                guard let row = rowOf[String(parts[0])] else { continue }
                let share = min(1, Double(busy[key]!) / Double(ShopWindow.minutesPerDay))
                out += "<rect x=\"\(c(x(d * ShopWindow.minutesPerDay)))\" y=\"\(c(top + rowHeight * Double(row) + 2))\" width=\"\(c(dayWidth))\" height=\"\(c(rowHeight - 4))\" fill=\"#4e79a7\" fill-opacity=\"\(c(0.15 + 0.85 * share))\"/>\n"
            }
        }
        out += "</svg>\n"
        if operations.count > Self.ganttBarLimit {
            out += "<p>\(operations.count) operations: each machine's day is shaded by the share of it that is scheduled.</p>\n"
        }
        return out
    }

    func lateTable() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let late = lateOrders
        guard !late.isEmpty else { return "<h2>Shipments</h2>\n<p>Every order ships on time.</p>\n" }
        var out = "<h2>Late shipments</h2>\n<table><tr><th>order</th><th>customer</th><th>product</th><th>due</th><th>ships</th><th>days late</th><th>held up</th></tr>\n"
        for s in late {
            out += "<tr><td>\(e(s.order))</td><td>\(e(s.customer))</td><td>\(e(s.product))</td><td>\(s.due)</td><td>\(s.shipDay)</td>"
            out += "<td class=\"n late\">\(s.daysLate)</td><td>\(e(s.holdUp.map(Self.reason) ?? ""))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// How the plan fits in detail: the periods and work centers whose lots run past the period.
    func planFitTable() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        guard let fit = planFit else { return "" }
        var out = "<h2>Plan against schedule</h2>\n"
        out += fit.overruns.isEmpty
            ? "<p>The plan fits in detail: every lot completes in its period.</p>\n"
            : "<p>\(fit.overruns.count) lots complete after their period; the hours the plan allotted against the hours the schedule gives the period's lots:</p>\n"
        out += "<table><tr><th>work center</th><th>period</th><th>planned h</th><th>available h</th><th>scheduled h</th><th>setup h</th><th>after the period h</th></tr>\n"
        for r in fit.rows {
            out += "<tr><td>\(e(r.workCenter))</td><td>\(e(r.period))</td><td class=\"n\">\(e(NumberText.hours(r.plannedHours)))</td>"
            out += "<td class=\"n\">\(e(NumberText.hours(r.availableHours)))</td><td class=\"n\">\(e(NumberText.hours(r.scheduledHours)))</td>"
            out += "<td class=\"n\">\(e(NumberText.hours(r.setupHours)))</td><td class=\"n\(r.hoursAfterPeriod > 1e-9 ? " late" : "")\">\(e(NumberText.hours(r.hoursAfterPeriod)))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// The schedule's sections for another page (the plan report): the Gantt chart, late
    /// shipments and how the plan fits in detail, under one heading.
    public func reportSections() -> String {
        "<h2>Shop-floor schedule, \(window.start) to \(window.range.end.advanced(by: -1))</h2>\n<p>\(lots.count) lots, \(operations.count) operations; \(shipments.count - lateOrders.count) of \(shipments.count) orders ship on time (every file: takt schedule --out).</p>\n"
            + gantt() + lateTable() + planFitTable()
    }

    private func dispatchLists() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        var out = "<h2>Dispatch lists</h2>\n"
        var center = "", machine = ""
        for o in dispatchOrder {
            if o.workCenter != center {
                if !machine.isEmpty { out += "</table>\n" }
                center = o.workCenter
                machine = ""
                out += "<section class=\"center\"><h3>Work center \(e(center))</h3></section>\n"
            }
            if o.machine != machine {
                if !machine.isEmpty { out += "</table>\n" }
                machine = o.machine
                out += "<h3>\(e(machine))</h3>\n<table><tr><th>day</th><th>shift</th><th>lot</th><th>orders</th><th>product</th><th>step</th><th>quantity</th><th>setup min</th><th>start</th><th>end</th></tr>\n"
            }
            out += "<tr><td>\(o.day)</td><td class=\"n\">\(o.shift)</td><td\(o.late ? " class=\"late\"" : "")>\(e(o.lot))</td><td>\(e(o.orders.joined(separator: " ")))</td>"
            out += "<td>\(e(o.product))</td><td class=\"n\">\(o.step)</td><td class=\"n\">\(e(NumberText.plain(o.quantity)))</td><td class=\"n\">\(o.setupMinutes)</td>"
            out += "<td>\(e(window.text(of: o.start)))</td><td>\(e(window.text(of: o.end)))</td></tr>\n"
        }
        if !machine.isEmpty { out += "</table>\n" }
        return out
    }
}
