import FuzzSupport
import Foundation
import Takt

/// A scenario in the JSON file format: read, decoded and cross-checked, or refused.
func fuzzScenarioJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = try? ScenarioLoader.load(json: Data(UnsafeRawBufferPointer(start: start, count: count)), name: "fuzz.json")
    return 0
}

exit(Fuzzer.run { data, size in fuzzScenarioJSON(UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!, size) })
