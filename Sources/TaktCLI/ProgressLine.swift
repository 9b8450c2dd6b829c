import Foundation

/// One line of progress on standard error, rewritten in place; there only when standard error
/// is a terminal, so that piped or redirected runs print nothing extra.
final class ProgressLine: Sendable {
    private let terminal: Terminal
    private let lock = NSLock()

    private init(_ terminal: Terminal) { self.terminal = terminal }

    /// The line on standard error, or `nil` when standard error is not a terminal.
    static let standardError: ProgressLine? = Terminal.standardError.isInteractive ? ProgressLine(.standardError) : nil

    /// Replaces the line (safe from any thread).
    @Sendable func show(_ text: String) {
        lock.withLock { terminal.write("\r\u{1B}[K" + text) }
    }

    /// Clears the line before other output.
    func clear() {
        lock.withLock { terminal.write("\r\u{1B}[K") }
    }
}
