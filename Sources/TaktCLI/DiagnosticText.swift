import Takt

/// Diagnostics as terminal lines, errors first, in the order found.
enum DiagnosticText {
    static func lines(_ diagnostics: [Diagnostic], terminal: Terminal) -> String {
        let ordered = diagnostics.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
        return ordered.map { _, d in
            let label = d.severity == .error ? terminal.styled("error", .red) : terminal.styled("warning", .yellow)
            let value = d.value.map { ": '\($0)'" } ?? ""
            return "\(label): \(d.location)\(value): \(d.message)\n"
        }.joined()
    }
}
