/// The bills of materials as a graph: what each product is made of, and each item's low-level
/// code (the deepest level it appears at), so that MRP nets an item only after every parent
/// that uses it.
struct BillOfMaterials {
    let lines: [String: [BOMLine]]
    /// 0 for products that are no other product's component; an item used at several levels
    /// takes the deepest.
    let lowLevelCode: [String: Int]

    init(_ bom: [BOMLine]) {
        lines = Dictionary(grouping: bom, by: \.parent)
        // An item's level is one below its deepest parent's: memoised over the parents, so
        // each item and line is visited once. The validator has refused cycles; one that
        // slipped through stops at the items on the path.
        let parents = Dictionary(grouping: bom, by: \.component).mapValues { Set($0.map(\.parent)) }
        var code: [String: Int] = [:]
        var onPath: Set<String> = []
        func level(_ item: String) -> Int {
            if let known = code[item] { return known }
            guard onPath.insert(item).inserted else { return 0 }
            let found = (parents[item] ?? []).map { level($0) + 1 }.max() ?? 0
            onPath.remove(item)
            code[item] = found
            return found
        }
        for item in Set(bom.map(\.parent)).union(bom.map(\.component)).sorted() { _ = level(item) }
        lowLevelCode = code
    }

    /// The first cycle found, as items from a product back to it (`A → B → A`); `nil` when the
    /// bills of materials form no cycle.
    static func cycle(in bom: [BOMLine]) -> [String]? {
        let lines = Dictionary(grouping: bom, by: \.parent).mapValues { $0.map(\.component) }
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        var path: [String] = []
        func visit(_ item: String) -> [String]? {
            if state[item] == 2 { return nil }
            if state[item] == 1, let start = path.firstIndex(of: item) { return Array(path[start...]) + [item] }
            state[item] = 1
            path.append(item)
            for next in lines[item] ?? [] { if let found = visit(next) { return found } }
            path.removeLast()
            state[item] = 2
            return nil
        }
        for parent in lines.keys.sorted() { if let found = visit(parent) { return found } }
        return nil
    }
}

/// When a bill of materials line's component is consumed, in days before its parent
/// completes: the consuming step's `offset_days`, or the parent's longest (its lead time,
/// when its first step starts) where the line names no step.
struct ConsumptionOffsets {
    private let steps: [String: Int]
    /// Each product's longest routing offset.
    let leadTime: [String: Int]

    init(_ scenario: Scenario) {
        var steps: [String: Int] = [:], longest: [String: Int] = [:]
        for step in scenario.routings {
            steps["\(step.product)\u{1}\(step.step)"] = step.offsetDays
            longest[step.product] = max(longest[step.product] ?? 0, step.offsetDays)
        }
        self.steps = steps
        leadTime = longest
    }

    func callAsFunction(_ line: BOMLine) -> Int {
        line.step.flatMap { steps["\(line.parent)\u{1}\($0)"] } ?? leadTime[line.parent] ?? 0
    }
}
