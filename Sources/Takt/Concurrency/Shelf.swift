import Foundation

/// Values put and taken by index from several threads.
final class Shelf<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    var count: Int { values.count }

    func put(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    func contains(_ index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return values[index] != nil
    }

    /// The value, left in place.
    subscript(index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }

    /// The value, removed (so that its memory goes as soon as it is used).
    func take(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        defer { values[index] = nil }
        return values[index]
    }
}
