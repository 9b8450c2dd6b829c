import Foundation
import Yams

extension JSONValue {
    /// A YAML error, with the line and column where the parser stopped when it knows them.
    struct YAMLProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses YAML text into the same values as JSON, so that one reader serves both. Every
    /// scalar stays text (`1.10`, `2027-02-12` and `yes` are read by the rules of the field
    /// they fill, as in a CSV cell) except null (`~`, `null`, nothing), and mapping keys
    /// must be scalars.
    static func parseYAML(_ text: String) throws(YAMLProblem) -> JSONValue {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw YAMLProblem(description: "\(error)".split(separator: "\n").joined(separator: " "))
        }
        guard let root else { return .null }
        return try JSONValue(yaml: root)
    }

    private init(yaml node: Node) throws(YAMLProblem) {
        switch node {
        case .scalar(let scalar):
            self = scalar.tag.rawValue == Tag.Name.null.rawValue ? .null : .string(scalar.string)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try JSONValue(yaml: item)) }
            self = .array(items)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    throw YAMLProblem(description: "line \(key.mark?.line ?? 0): expected a plain key, found a mapping or a sequence")
                }
                members[name.string] = try JSONValue(yaml: value)
            }
            self = .object(members.keys.sorted().map { ($0, members[$0]!) })
        case .alias(let alias):
            throw YAMLProblem(description: "line \(alias.mark?.line ?? 0): aliases are not read; write the value out")
        }
    }
}
