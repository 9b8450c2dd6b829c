import Foundation

/// Reads a job shop in the standard text format of the benchmark libraries (Fisher and
/// Thompson's, Lawrence's, as JSPLIB keeps them): lines starting with `#` are comments; the
/// first data line is `jobs machines`; then one line per job of `machine duration` pairs in
/// processing order, machines numbered from 0.
public enum JobShopFile {
    public static func read(_ path: String) throws(ShopProblemError) -> ShopProblem {
        let (text, name) = try contents(path)
        return try parse(text, file: name)
    }

    /// A data line's numbers, each with the column it starts at; anything else is an error
    /// located there.
    static func numbers(in raw: Substring, line: Int, file: String) throws(ShopProblemError) -> [(value: Int, column: Int)] {
        var values: [(value: Int, column: Int)] = []
        var column = 1
        for field in raw.split(separator: " ", omittingEmptySubsequences: false) {
            defer { column += field.count + 1 }
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let value = Int(trimmed), value >= 0, value <= ShopProblem.maximumTime else {
                throw .unreadable(file: file, line: line, column: column, message: "'\(trimmed)': expected a whole number 0...\(ShopProblem.maximumTime)")
            }
            values.append((value, column))
        }
        return values
    }

    /// A benchmark file's text and the name its errors give.
    static func contents(_ path: String) throws(ShopProblemError) -> (text: String, name: String) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, line: 0, column: 0, message: "cannot be read as UTF-8 text")
        }
        return (text, URL(fileURLWithPath: path).lastPathComponent)
    }

    public static func parse(_ text: String, file: String = "instance") throws(ShopProblemError) -> ShopProblem {
        var header: (jobs: Int, machines: Int)?
        var routes: [[(machine: Int, duration: Int)]] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let values = try numbers(in: raw, line: number + 1, file: file).map(\.value)
            guard let size = header else {
                guard values.count == 2, values[0] > 0, values[1] > 0 else {
                    throw .unreadable(file: file, line: number + 1, column: 1, message: "expected 'jobs machines', two whole numbers above 0")
                }
                header = (values[0], values[1])
                continue
            }
            guard routes.count < size.jobs else {
                throw .unreadable(file: file, line: number + 1, column: 1, message: "more job lines than the \(size.jobs) jobs the first line gives")
            }
            guard values.count % 2 == 0, !values.isEmpty else {
                throw .unreadable(file: file, line: number + 1, column: 1, message: "expected machine-duration pairs, found \(values.count) numbers")
            }
            var route: [(machine: Int, duration: Int)] = []
            for k in stride(from: 0, to: values.count, by: 2) {
                guard values[k] < size.machines else {
                    throw .unreadable(file: file, line: number + 1, column: 1, message: "machine \(values[k]) out of range 0..<\(size.machines)")
                }
                route.append((values[k], values[k + 1]))
            }
            routes.append(route)
        }
        guard let size = header else { throw .unreadable(file: file, line: 1, column: 1, message: "no 'jobs machines' line") }
        guard routes.count == size.jobs else {
            throw .unreadable(file: file, line: 0, column: 0, message: "\(routes.count) job lines, the first line gives \(size.jobs)")
        }
        return ShopProblem(jobShop: routes, machineCount: size.machines)
    }
}
