import Foundation

/// Numbers as reports print them: the same value always gives the same text.
enum NumberText {
    /// Up to `decimals` decimals, trailing zeros dropped: `12`, `12.5`, `0.3333`.
    /// (Integer arithmetic rather than `String(format:)`, which made writing a plan of
    /// 100,000 orders take seconds.)
    static func plain(_ value: Double, decimals: Int = 4) -> String {
        if value.isInfinite { return value > 0 ? "unlimited" : "-unlimited" }
        if value.isNaN { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int64(scaled)
        let factor = Int64(scale)
        let whole = units / factor
        var fraction = units % factor
        let sign = value < 0 && units != 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }

    /// Whole hours grouped in thousands: `12,345`.
    static func hours(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        guard value.isFinite, abs(value) < 9e18 else { return value.isNaN ? "-" : "\(value)" }
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (whole < 0 ? "-" : "") + out
    }

    /// A ratio as a whole percentage: `87%`; `∞` when nothing is available.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return ratio?.isNaN == true ? "-" : "∞" }
        guard abs(ratio) < 1e15 else { return ratio > 0 ? "∞" : "-∞" }
        return "\(Int((ratio * 100).rounded()))%"
    }
}

/// Terminal columns a string takes: East Asian wide characters take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : (isZeroWidth($1) ? 0 : 1)) }
    }

    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    private static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(s.value) || s.value == 0x200B || (0xFE00...0xFE0F).contains(s.value)
    }

    /// Pads (or cuts, with an ellipsis) to exactly `width` columns.
    static func fit(_ text: String, _ width: Int, right: Bool = false) -> String {
        var value = text
        if of(value) > width {
            var cut = ""
            for character in value {
                if of(cut + String(character)) > width - 1 { break }
                cut.append(character)
            }
            value = cut + "…"
        }
        let padding = String(repeating: " ", count: max(0, width - of(value)))
        return right ? padding + value : value + padding
    }
}
