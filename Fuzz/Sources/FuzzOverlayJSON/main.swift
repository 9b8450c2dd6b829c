import Foundation
import FuzzSupport

/// A what-if overlay in JSON of the mini plant: read, applied and validated, or refused.
func fuzzOverlayJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    MiniPlant.overlay(Data(UnsafeRawBufferPointer(start: start, count: count)), name: "fuzz.json")
    return 0
}

exit(Fuzzer.run { data, size in fuzzOverlayJSON(UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!, size) })
