import Foundation

/// A value that threads wait for until it is set, once.
final class Gate<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    var isOpen: Bool { condition.withLock { value != nil } }

    func open(_ value: Value) {
        condition.withLock {
            self.value = value
            condition.broadcast()
        }
    }

    func wait() -> Value {
        condition.withLock {
            while value == nil { condition.wait() }
            return value!
        }
    }
}
