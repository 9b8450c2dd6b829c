import Foundation

/// Writing to the terminal: colour only when the stream is a terminal and `NO_COLOR` is unset.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }
    var usesColor: Bool { isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }

    enum Style: String {
        case bold = "1", red = "31", yellow = "33", green = "32", dim = "2"
    }

    func styled(_ text: String, _ style: Style) -> String {
        usesColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
