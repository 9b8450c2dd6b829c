/// Building HTML by hand: every text from the data goes through ``escape(_:)``.
enum HTMLText {
    /// The text with `& < > " '` replaced, safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A number for SVG coordinates: two decimals at most.
    static func coordinate(_ value: Double) -> String { NumberText.plain(value, decimals: 2) }
}
