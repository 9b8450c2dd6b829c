/// libFuzzer's entry for a program with its own `main` (SwiftPM gives every executable one):
/// runs `test` on each input the fuzzer makes, with the command line's libFuzzer flags
/// (`-runs=`, `-max_total_time=`, a corpus folder).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

public enum Fuzzer {
    /// Fuzzes `test` until the flags say stop; returns libFuzzer's exit status.
    public static func run(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return runDriver(&argc, &argv, test)
    }
}
