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

    /// The style every page shares: the plan report's, the sweep's.
    static let style = """
        <style>
        body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 24px; color: #222; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; font-size: 12px; } th, td { padding: 3px 6px; border: 1px solid #ddd; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .late { color: #c0392b; font-weight: bold; }
        .heat td.v { min-width: 34px; } .over { background: #e4572e; color: #fff; } .tight { background: #f3a712; }
        .normal { background: #a8c686; } .under { background: #dfe9d2; } .idle { background: #f4f4f4; color: #999; }
        .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; font-size: 12px; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { border: 1px solid #eee; padding: 6px; }
        .chart h3 { font-size: 13px; margin: 0 0 4px 0; }
        .delta { color: #666; font-size: 11px; } details { margin: 6px 0; } summary { cursor: pointer; }
        </style>
        """

    /// A self-contained page: the shared style, `body` as given.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        \(style)
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
