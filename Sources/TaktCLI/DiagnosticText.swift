import Takt

/// Diagnostics as terminal lines.
enum DiagnosticText {
    /// - Parameter limit: at most this many lines, then a count of the rest.
    static func lines(_ diagnostics: [Diagnostic], terminal: Terminal, limit: Int = .max) -> String {
        // Errors first, then by file and row, so a planner can work down each file.
        let ordered = diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.severity != y.severity { return x.severity < y.severity }
            if x.location.file != y.location.file { return x.location.file < y.location.file }
            if x.location.row != y.location.row { return (x.location.row ?? 0) < (y.location.row ?? 0) }
            return a.offset < b.offset
        }
        let shown = ordered.prefix(limit).map { _, d in
            let label = d.severity == .error ? terminal.styled("error", .red) : terminal.styled("warning", .yellow)
            let value = d.value.map { ": '\($0)'" } ?? ""
            return "\(label): \(d.location)\(value): \(d.message)\n"
        }.joined()
        return ordered.count > limit ? shown + "… and \(ordered.count - limit) more\n" : shown
    }
}
