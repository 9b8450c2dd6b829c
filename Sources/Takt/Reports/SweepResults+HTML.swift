extension SweepResults {
    /// The sweep as a page of its own (`sweep.html`), in the plan report's style.
    public func html() -> String {
        HTMLText.page(title: "Sweep — \(sweep)", body: "<h1>Sweep — \(HTMLText.escape(sweep))</h1>\n" + reportSections(heading: false))
    }

    /// The sweep's sections: the sensitivity charts (each measure against the first numeric
    /// parameter, one line per combination of the others), each parameter's effect on the
    /// first measure, and the cheapest points.
    public func reportSections(heading: Bool = true, listLimit: Int = 20) -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        var out = heading ? "<h2>Sweep — \(e(sweep))</h2>\n" : ""
        out += "<p>\(points.count) points (\(e(computation.rawValue))): "
        out += e(parameters.map { "\($0.name) × \($0.values.count)" }.joined(separator: ", ")) + ". Every point: results.csv.</p>\n"
        guard let first = kpis.first, !points.isEmpty else { return out }
        let axis = parameters.firstIndex { $0.isNumeric && $0.values.count > 1 } ?? parameters.firstIndex { $0.values.count > 1 }
        if let axis {
            out += "<h3>Sensitivity to \(e(parameters[axis].name))</h3>\n<div class=\"charts\">\n"
            for k in kpis.indices.prefix(4) { out += "<div class=\"chart\"><h3>\(e(kpis[k]))</h3>\(chart(kpi: k, against: axis))</div>\n" }
            out += "</div>\n"
        }
        for (a, parameter) in parameters.enumerated() where parameter.values.count > 1 {
            out += "<h3>\(e(first)) by \(e(parameter.name))</h3>\n<table><tr><th>\(e(parameter.name))</th><th>lowest</th><th>mean</th><th>highest</th><th>points</th></tr>\n"
            for row in effect(of: a) {
                out += "<tr><td>\(e(row.label))</td><td>\(e(Self.show(first, row.low)))</td><td>\(e(Self.show(first, row.mean)))</td>"
                out += "<td>\(e(Self.show(first, row.high)))</td><td>\(row.count)</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h3>Lowest \(e(first))</h3>\n<table><tr><th>point</th>" + parameters.map { "<th>\(e($0.name))</th>" }.joined() + "<th>status</th>"
        out += kpis.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
        for point in cheapest(listLimit) {
            out += "<tr><td>\(point.index)</td>" + point.labels.map { "<td>\(e($0))</td>" }.joined() + "<td>\(e(point.status))</td>"
            out += zip(kpis, point.values).map { "<td>\(e(Self.show($0, $1)))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// Measure `kpi` against parameter `axis`'s values: one line per combination of the other
    /// parameters' values, or, beyond eight combinations, the lowest, mean and highest.
    private func chart(kpi: Int, against axis: Int) -> String {
        let c = HTMLText.coordinate
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let labels = parameters[axis].values
        let numeric = parameters[axis].isNumeric
        let xs = labels.enumerated().map { numeric ? Double($0.element)! : Double($0.offset) }
        let low = xs.min()!, high = xs.max()!
        let width = 360.0, height = 160.0, left = 56.0, bottom = 18.0, right = 8.0
        func x(_ value: Double) -> Double { left + (high > low ? (value - low) / (high - low) : 0.5) * (width - left - right) }
        // Series keyed by the other parameters' labels, in point order.
        var series: [(name: String, values: [Double?])] = []
        var position: [[String]: Int] = [:]
        for point in points {
            var key = point.labels
            key.remove(at: axis)
            if position[key] == nil {
                position[key] = series.count
                series.append((key.joined(separator: " · "), Array(repeating: nil, count: labels.count)))
            }
            if let v = labels.firstIndex(of: point.labels[axis]) { series[position[key]!].values[v] = point.values[kpi] }
        }
        if series.count > 8 {
            let columns = labels.indices.map { v in series.compactMap { $0.values[v] } }
            series = [
                ("lowest", columns.map { $0.min() }), ("mean", columns.map { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) }),
                ("highest", columns.map { $0.max() }),
            ]
        }
        let all = series.flatMap { $0.values.compactMap { $0 } }
        let bottomValue = min(0, all.min() ?? 0), topValue = max(all.max() ?? 1, bottomValue + 1e-9) * 1.05
        func y(_ value: Double) -> Double { (height - bottom) * (1 - (value - bottomValue) / (topValue - bottomValue)) }
        let colors = ["#4f7cac", "#e4572e", "#76b041", "#f3a712", "#7e57c2", "#29a19c", "#c2185b", "#555555"]
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height + 14 * Double(series.count)))\" role=\"img\">"
        svg += "<line x1=\"\(c(left))\" x2=\"\(c(left))\" y1=\"0\" y2=\"\(c(height - bottom))\" stroke=\"#999\"/>"
        for fraction in [0.0, 0.5, 1.0] {
            let v = bottomValue + (topValue / 1.05 - bottomValue) * fraction
            svg += "<text x=\"2\" y=\"\(c(min(height - bottom, max(10, y(v) + 4))))\" font-size=\"9\" fill=\"#666\">\(e(Self.show(kpis[kpi], v)))</text>"
        }
        for (i, label) in labels.enumerated() {
            svg += "<text x=\"\(c(x(xs[i]) - 8))\" y=\"\(c(height - 4))\" font-size=\"10\">\(e(label))</text>"
        }
        for (s, line) in series.enumerated() {
            let color = colors[s % colors.count]
            let dots = line.values.enumerated().compactMap { v, value in value.map { (x(xs[v]), y($0), labels[v], $0) } }
            svg += "<polyline points=\"\(dots.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
            for dot in dots {
                svg += "<circle cx=\"\(c(dot.0))\" cy=\"\(c(dot.1))\" r=\"2.5\" fill=\"\(color)\"><title>\(e(line.name.isEmpty ? dot.2 : "\(line.name), \(dot.2)")): \(e(Self.show(kpis[kpi], dot.3)))</title></circle>"
            }
            let legendY = height + 12 + 14 * Double(s)
            svg += "<rect x=\"\(c(left))\" y=\"\(c(legendY - 8))\" width=\"10\" height=\"3\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(c(left + 14))\" y=\"\(c(legendY - 4))\" font-size=\"10\">\(e(line.name.isEmpty ? kpis[kpi] : line.name))</text>"
        }
        return svg + "</svg>"
    }
}
