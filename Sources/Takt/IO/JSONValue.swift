import Foundation

/// Any JSON value, for reading a scenario file whose shape is checked by hand so that every
/// problem can be reported with its path.
enum JSONValue {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members sorted by key, so that reading is deterministic.
    case object([(String, JSONValue)])

    /// Parses JSON text strictly (``JSONReader``): errors with line and column, repeated
    /// keys refused.
    static func parse(_ data: Data) throws(JSONReader.SyntaxError) -> JSONValue {
        try JSONReader.parse([UInt8](data))
    }

    /// The value as a table cell's text; `nil` for an object, which no cell can hold.
    var cellText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n.compactText
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        case .array(let items):
            items.compactMap(\.cellText).joined(separator: "|")
        case .object: nil
        }
    }

    var kindName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
