/// Reads CSV text (RFC 4180): quoted fields may hold separators, doubled quotes and line
/// breaks; lines may end in CRLF or LF. The separator is a comma, or a semicolon or tab when
/// the header has no comma (spreadsheets in some locales export those).
struct CSVParser {
    struct Row: Equatable {
        /// The line the record starts on, counting from 1.
        var line: Int
        var fields: [String]
    }

    enum Problem: Error, Equatable {
        case unterminatedQuote(line: Int)
    }

    static func parse(_ text: String) -> Result<[Row], Problem> {
        let bytes = Array(text.utf8)
        let separator = detectSeparator(bytes)
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowStart = 1
        var i = 0
        var inQuotes = false
        var quotedLineStart = 0
        var sawAnything = false

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quotedLineStart = line
                sawAnything = true
            case separator:
                finishField()
                sawAnything = true
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if sawAnything || !field.isEmpty {
                    finishField()
                    rows.append(Row(line: rowStart, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                sawAnything = false
                line += 1
                rowStart = line
            default:
                field.append(byte)
                sawAnything = true
            }
            i += 1
        }
        if inQuotes { return .failure(.unterminatedQuote(line: quotedLineStart)) }
        if sawAnything || !field.isEmpty {
            finishField()
            rows.append(Row(line: rowStart, fields: fields))
        }
        return .success(rows)
    }

    private static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        let header = bytes.prefix { $0 != UInt8(ascii: "\n") }
        if header.contains(UInt8(ascii: ",")) { return UInt8(ascii: ",") }
        if header.contains(UInt8(ascii: "\t")) { return UInt8(ascii: "\t") }
        if header.contains(UInt8(ascii: ";")) { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }
}
