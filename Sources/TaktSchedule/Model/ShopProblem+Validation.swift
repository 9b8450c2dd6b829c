extension ShopProblem {
    /// The largest time, duration, lag or setup a problem may hold (about 35 years in
    /// minutes): every sum a schedule makes stays far from overflowing.
    public static let maximumTime = 1 << 40

    /// Problems a solver cannot be given, each named: a machine out of range, a negative or
    /// too large time, an operation without a machine or in no job or in two, a cycle of
    /// precedences, a calendar per machine missing, and fixed operations that cannot stand as
    /// given (off their machine's calendar, overlapping, or after an operation that is not
    /// fixed), a labor pool missing or too small for what an operation needs.
    public func validate() throws(ShopProblemError) {
        let limit = Self.maximumTime
        func inRange(_ value: Int, _ what: @autoclosure () -> String, low: Int = 0) throws(ShopProblemError) {
            if value < low || value > limit { throw .invalid("\(what()) is \(value); expected \(low)...\(limit)") }
        }
        if machineCount < 1 || machineCount > 1_000_000 { throw .invalid("machine count \(machineCount); expected 1...1000000") }
        var owner = [Int?](repeating: nil, count: operations.count)
        for (j, job) in jobs.enumerated() {
            try inRange(job.release, "job \(job.name): release")
            if let due = job.due { try inRange(due, "job \(job.name): due", low: -limit) }
            try inRange(job.weight, "job \(job.name): weight")
            for o in job.operations {
                guard operations.indices.contains(o) else { throw .invalid("job \(job.name): operation \(o) does not exist") }
                if owner[o] != nil { throw .invalid("operation \(o) is in two jobs") }
                owner[o] = j
                if operations[o].job != j { throw .invalid("operation \(o) says it is of job \(operations[o].job), not \(j)") }
            }
        }
        for (o, operation) in operations.enumerated() {
            if owner[o] == nil { throw .invalid("operation \(o) is in no job") }
            if operation.modes.isEmpty { throw .invalid("operation \(o) has no machine") }
            var seen = Set<Int>()
            for mode in operation.modes {
                if !(0..<machineCount).contains(mode.machine) {
                    throw .invalid("operation \(o): machine \(mode.machine) out of range 0..<\(machineCount)")
                }
                if !seen.insert(mode.machine).inserted { throw .invalid("operation \(o): machine \(mode.machine) given twice") }
                try inRange(mode.duration, "operation \(o): duration on machine \(mode.machine)")
            }
            if let family = operation.setupFamily { try inRange(family, "operation \(o): setup family") }
            if let labor = operation.labor {
                guard laborPools.indices.contains(labor.pool) else {
                    throw .invalid("operation \(o): labor pool \(labor.pool) out of range 0..<\(laborPools.count)")
                }
                let pool = laborPools[labor.pool]
                if labor.workers < 1 || labor.workers > pool.workers {
                    throw .invalid("operation \(o) needs \(labor.workers) workers of labor pool \(pool.name); expected 1...\(pool.workers), the pool's size")
                }
            }
        }
        for pool in laborPools where pool.workers < 1 || pool.workers > 1_000_000 {
            throw .invalid("labor pool \(pool.name) has \(pool.workers) workers; expected 1...1000000")
        }
        try inRange(setupTimes.changeover, "setup changeover time")
        for (f, row) in setupTimes.matrix.enumerated() {
            for (t, time) in row.enumerated() { try inRange(time, "setup time from family \(f) to \(t)") }
        }
        for (f, time) in setupTimes.into.enumerated() { try inRange(time, "setup time into family \(f)") }
        for arc in precedences {
            guard operations.indices.contains(arc.before), operations.indices.contains(arc.after) else {
                throw .invalid("precedence \(arc.before) → \(arc.after): no such operation")
            }
            if arc.before == arc.after { throw .invalid("precedence \(arc.before) → \(arc.after): an operation before itself") }
            try inRange(arc.minLag, "precedence \(arc.before) → \(arc.after): minimum lag")
            if let maxLag = arc.maxLag { try inRange(maxLag, "precedence \(arc.before) → \(arc.after): maximum lag", low: arc.minLag) }
        }
        if !calendars.isEmpty && calendars.count != machineCount {
            throw .invalid("\(calendars.count) machine calendars for \(machineCount) machines")
        }
        for (m, calendar) in calendars.enumerated() {
            if let first = calendar.intervals.first, first.lowerBound < 0 { throw .invalid("machine \(m): calendar starts at \(first.lowerBound), before 0") }
            if let last = calendar.intervals.last, last.upperBound > MachineCalendar.open {
                throw .invalid("machine \(m): calendar ends at \(last.upperBound), after \(MachineCalendar.open)")
            }
        }
        let arcs = self.arcs
        if topologicalOrder(arcs) == nil { throw .invalid("the precedences make a cycle") }
        try validateFixed(arcs)
    }

    /// The operations in an order every arc follows, or `nil` for a cycle.
    func topologicalOrder(_ arcs: [Precedence]) -> [Int]? {
        var waiting = [Int](repeating: 0, count: operations.count)
        var next = [[Int]](repeating: [], count: operations.count)
        for arc in arcs {
            waiting[arc.after] += 1
            next[arc.before].append(arc.after)
        }
        var ready = operations.indices.filter { waiting[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        while let o = ready.popLast() {
            order.append(o)
            for b in next[o] {
                waiting[b] -= 1
                if waiting[b] == 0 { ready.append(b) }
            }
        }
        return order.count == operations.count ? order : nil
    }

    private func validateFixed(_ arcs: [Precedence]) throws(ShopProblemError) {
        var fixedOn = [[Int]](repeating: [], count: machineCount)
        var ends = [Int](repeating: 0, count: operations.count)
        for (o, operation) in operations.enumerated() {
            guard let fixed = operation.fixed else { continue }
            guard let duration = operation.duration(on: fixed.machine) else {
                throw .invalid("operation \(o) is fixed on machine \(fixed.machine), which cannot do it")
            }
            if fixed.start < 0 || fixed.start > Self.maximumTime { throw .invalid("operation \(o) is fixed at \(fixed.start); expected 0...\(Self.maximumTime)") }
            let calendar = self.calendar(fixed.machine)
            guard calendar.earliestStart(at: fixed.start, duration: duration, resumable: operation.resumable) == fixed.start,
                let end = operation.resumable ? calendar.end(start: fixed.start, work: duration) : fixed.start + duration
            else { throw .invalid("operation \(o) is fixed at \(fixed.start) on machine \(fixed.machine), outside its working time") }
            ends[o] = end
            fixedOn[fixed.machine].append(o)
        }
        for arc in arcs where operations[arc.after].fixed != nil {
            guard operations[arc.before].fixed != nil else {
                throw .invalid("operation \(arc.after) is fixed but follows operation \(arc.before), which is not")
            }
            if operations[arc.after].fixed!.start < ends[arc.before] + arc.minLag {
                throw .invalid("fixed operation \(arc.after) starts before fixed operation \(arc.before) ends (and its lag)")
            }
        }
        for (k, pool) in laborPools.enumerated() {
            let using = operations.indices.flatMap { o -> [(start: Int, end: Int, workers: Int)] in
                guard let fixed = operations[o].fixed, let labor = operations[o].labor, labor.pool == k else { return [] }
                let spans = pool.heldOverBreaks ? [fixed.start..<ends[o]] : calendar(fixed.machine).pieces(from: fixed.start, to: ends[o])
                return spans.map { ($0.lowerBound, $0.upperBound, labor.workers) }
            }
            let peak = LaborProfile.peak(using)
            if peak.workers > pool.workers {
                throw .invalid("fixed operations need \(peak.workers) workers of labor pool \(pool.name) at \(peak.at); it has \(pool.workers)")
            }
        }
        for (m, on) in fixedOn.enumerated() {
            let sorted = on.sorted { (operations[$0].fixed!.start, $0) < (operations[$1].fixed!.start, $1) }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                let setup = setupTimes.time(from: operations[a].setupFamily, to: operations[b].setupFamily)
                if operations[b].fixed!.start < ends[a] || calendar(m).workingTime(from: ends[a], to: operations[b].fixed!.start) < setup {
                    throw .invalid("fixed operations \(a) and \(b) overlap on machine \(m) (with the setup between them)")
                }
            }
        }
    }
}
