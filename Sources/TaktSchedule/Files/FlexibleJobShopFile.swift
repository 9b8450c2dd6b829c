import Foundation

/// Reads a flexible job shop in Brandimarte's text format (as the flexible job-shop
/// collections keep it): lines starting with `#` are comments; the first data line is
/// `jobs machines` (a third number, the mean machines per operation, is allowed and
/// ignored); then one line per job: its number of operations and, for each operation, the
/// number of machines that can do it followed by that many `machine duration` pairs,
/// machines numbered from 0.
public enum FlexibleJobShopFile {
    public static func read(_ path: String) throws(ShopProblemError) -> ShopProblem {
        let (text, name) = try JobShopFile.contents(path)
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String = "instance") throws(ShopProblemError) -> ShopProblem {
        var header: (jobs: Int, machines: Int)?
        var routes: [[[(machine: Int, duration: Int)]]] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let values = try JobShopFile.numbers(in: raw, line: number + 1, file: file)
            guard let size = header else {
                guard (2...3).contains(values.count), values[0].value > 0, values[1].value > 0, values[1].value <= 1_000_000 else {
                    throw .unreadable(file: file, line: number + 1, column: 1, message: "expected 'jobs machines', two whole numbers above 0")
                }
                header = (values[0].value, values[1].value)
                continue
            }
            guard routes.count < size.jobs else {
                throw .unreadable(file: file, line: number + 1, column: 1, message: "more job lines than the \(size.jobs) jobs the first line gives")
            }
            var at = 0
            func next(_ what: String) throws(ShopProblemError) -> Int {
                guard at < values.count else {
                    throw .unreadable(file: file, line: number + 1, column: raw.count + 1, message: "the line ends where \(what) was expected")
                }
                at += 1
                return values[at - 1].value
            }
            var route: [[(machine: Int, duration: Int)]] = []
            let operations = try next("the number of operations")
            for _ in 0..<operations {
                let count = try next("the number of machines of an operation")
                if count == 0 { throw .unreadable(file: file, line: number + 1, column: values[at - 1].column, message: "an operation with no machine") }
                var modes: [(machine: Int, duration: Int)] = []
                for _ in 0..<count {
                    let machine = try next("a machine")
                    guard machine < size.machines else {
                        throw .unreadable(file: file, line: number + 1, column: values[at - 1].column, message: "machine \(machine) out of range 0..<\(size.machines)")
                    }
                    if modes.contains(where: { $0.machine == machine }) {
                        throw .unreadable(file: file, line: number + 1, column: values[at - 1].column, message: "machine \(machine) given twice for one operation")
                    }
                    modes.append((machine, try next("a duration")))
                }
                route.append(modes)
            }
            if at < values.count {
                throw .unreadable(file: file, line: number + 1, column: values[at].column, message: "\(values.count - at) numbers after the job's \(operations) operations")
            }
            routes.append(route)
        }
        guard let size = header else { throw .unreadable(file: file, line: 1, column: 1, message: "no 'jobs machines' line") }
        guard routes.count == size.jobs else {
            throw .unreadable(file: file, line: 0, column: 0, message: "\(routes.count) job lines, the first line gives \(size.jobs)")
        }
        return ShopProblem(flexibleJobShop: routes, machineCount: size.machines)
    }

    /// `problem` in this format, for another solver to read; `nil` when the format cannot
    /// hold it (a job that is not a plain chain, or releases, lags, calendars, setups,
    /// crews or fixed operations, which it has no place for).
    public static func text(of problem: ShopProblem) -> String? {
        guard problem.precedences.isEmpty, problem.calendars.allSatisfy(\.isAlways), problem.laborPools.isEmpty,
            problem.jobs.allSatisfy({ $0.chained && $0.release == 0 }),
            problem.operations.allSatisfy({ $0.fixed == nil && $0.labor == nil && ($0.setupFamily == nil || problem.setupTimes.isNone) })
        else { return nil }
        var text = "\(problem.jobs.count) \(problem.machineCount)\n"
        for job in problem.jobs {
            var fields = [job.operations.count]
            for o in job.operations {
                let modes = problem.operations[o].modes
                fields.append(modes.count)
                for mode in modes { fields += [mode.machine, mode.duration] }
            }
            text += fields.map(String.init).joined(separator: " ") + "\n"
        }
        return text
    }
}
