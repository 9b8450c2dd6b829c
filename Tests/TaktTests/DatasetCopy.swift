import Foundation

/// The repository's datasets, and scratch copies of them that a test may spoil.
enum Datasets {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets")

    static var samplePlant: URL { root.appendingPathComponent("sample-plant") }
    static var sailco: URL { root.appendingPathComponent("textbook/sailco") }

    /// A fresh copy of a dataset folder in a temporary directory.
    static func copy(of source: URL) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("takt-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}

/// Edits a CSV file line by line; line 1 is the header.
struct CSVFile {
    let url: URL
    var lines: [String]

    init(_ folder: URL, _ name: String) throws {
        url = folder.appendingPathComponent(name)
        lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
    }

    /// Sets one field of a line (1-based line number, column by header name).
    mutating func set(line: Int, column: String, to value: String) {
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let index = header.firstIndex(of: column)!
        var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[index] = value
        lines[line - 1] = fields.joined(separator: ",")
    }

    func field(line: Int, column: String) -> String {
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)[header.firstIndex(of: column)!]
    }

    mutating func append(_ line: String) { lines.append(line) }

    func save() throws { try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8) }
}
