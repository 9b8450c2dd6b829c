import Foundation
import FuzzSupport

/// A what-if overlay in YAML of the mini plant: read, applied and validated, or refused.
func fuzzOverlayYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    MiniPlant.overlay(Data(UnsafeRawBufferPointer(start: start, count: count)), name: "fuzz.yaml")
    return 0
}

exit(Fuzzer.run { data, size in fuzzOverlayYAML(UnsafeRawPointer(data) ?? UnsafeRawPointer(bitPattern: 1)!, size) })
