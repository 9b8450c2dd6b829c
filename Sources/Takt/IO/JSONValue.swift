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

    /// Parses JSON text. (JSONSerialization, rather than a Decodable enum: probing each value
    /// for its kind with `try?` throws and catches several errors per value, which made
    /// reading a scenario several times slower.)
    static func parse(_ data: Data) throws -> JSONValue {
        JSONValue(any: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private init(any value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let number as NSNumber:
            // Booleans arrive as NSNumber too; their Objective-C type is "c".
            if String(cString: number.objCType) == "c" { self = .bool(number.boolValue) } else { self = .number(number.doubleValue) }
        case let array as [Any]: self = .array(array.map(JSONValue.init(any:)))
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, JSONValue(any: object[$0]!)) })
        default: self = .null
        }
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
