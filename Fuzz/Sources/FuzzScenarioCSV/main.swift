import Foundation
import FuzzSupport
import Takt

/// The first byte picks a table of the mini plant; the rest of the input replaces that CSV
/// file. Loading reads, decodes and cross-checks every table: it must return a scenario or
/// throw, never trap.
func fuzzScenarioCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = bytes.first else { return 0 }
    var files = MiniPlant.data
    files[MiniPlant.tableNames[Int(first) % MiniPlant.tableNames.count]] = Data(bytes.dropFirst())
    if let loaded = try? ScenarioLoader.load(csvFiles: files, name: "fuzz") {
        _ = loaded.scenario.validate()
    }
    return 0
}

exit(Fuzzer.run { data, size in fuzzScenarioCSV(UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!, size) })
