import Foundation

/// A thread running one closure, joined by waiting for it to finish.
///
/// Work that waits on other work (a what-if chain waiting for its base, a family's split
/// waiting for the family before it) gets a thread of its own rather than a dispatch pool's:
/// waiting is safe only where every waiter surely has a thread.
final class WorkerThread: @unchecked Sendable {
    private let body: () -> Void
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) { self.body = body }

    func start() {
        let thread = Thread { [self] in
            body()
            done.signal()
        }
        // The main thread's usual 8 MiB, whatever a platform gives new threads by default.
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() { done.wait() }
}
