/// Operations by a time, earliest first (ties to the lower index): a binary heap.
struct ReadyQueue: Sendable {
    private var heap: [(time: Int, operation: Int)] = []

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    private static func before(_ a: (time: Int, operation: Int), _ b: (time: Int, operation: Int)) -> Bool {
        (a.time, a.operation) < (b.time, b.operation)
    }

    mutating func push(_ time: Int, _ operation: Int) {
        heap.append((time, operation))
        var k = heap.count - 1
        while k > 0 {
            let parent = (k - 1) / 2
            guard Self.before(heap[k], heap[parent]) else { break }
            heap.swapAt(k, parent)
            k = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var k = 0
            while true {
                let left = 2 * k + 1, right = left + 1
                var smallest = k
                if left < heap.count && Self.before(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && Self.before(heap[right], heap[smallest]) { smallest = right }
                if smallest == k { break }
                heap.swapAt(k, smallest)
                k = smallest
            }
        }
        return top.operation
    }
}
