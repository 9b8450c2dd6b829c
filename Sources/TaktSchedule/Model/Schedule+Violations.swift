extension Schedule {
    /// The schedule's violations of `problem`, checked independently of how it was made, each
    /// in words: an operation on a machine that cannot do it, or not for its duration of
    /// working time, or outside working time, or across a break it may not pause over; an
    /// operation before a predecessor ends (and the lag), or later than its maximum lag after it,
/// or before its job's release; a fixed
    /// operation moved; two operations at once on one machine, or without the setup time
    /// between them; more workers of a labor pool at once than it has. Empty when the schedule
    /// is feasible.
    public func violations(of problem: ShopProblem) -> [String] {
        var found: [String] = []
        guard assignments.count == problem.operations.count else {
            return ["\(assignments.count) operations scheduled, the problem has \(problem.operations.count)"]
        }
        for (o, a) in assignments.enumerated() {
            let operation = problem.operations[o]
            guard let duration = operation.duration(on: a.machine) else {
                found.append("operation \(o) on machine \(a.machine), which cannot do it")
                continue
            }
            if a.start < 0 { found.append("operation \(o) starts at \(a.start)") }
            let calendar = problem.calendar(a.machine)
            if calendar.isAlways || duration == 0 {
                if a.end - a.start != duration { found.append("operation \(o) takes \(a.end - a.start), not \(duration)") }
            } else {
                if calendar.workingTime(from: a.start, to: a.end) != duration {
                    found.append("operation \(o) has \(calendar.workingTime(from: a.start, to: a.end)) of working time in \(a.start)..<\(a.end), not \(duration)")
                }
                if calendar.workingTime(from: a.start, to: a.start + 1) == 0 || calendar.workingTime(from: a.end - 1, to: a.end) == 0 {
                    found.append("operation \(o) starts or ends outside its machine's working time")
                }
                if !operation.resumable && !calendar.isOneInterval(from: a.start, to: a.end) {
                    found.append("operation \(o) pauses over a break, which it may not")
                }
            }
            if let fixed = operation.fixed, fixed.machine != a.machine || fixed.start != a.start {
                found.append("fixed operation \(o) moved from machine \(fixed.machine) at \(fixed.start) to machine \(a.machine) at \(a.start)")
            }
        }
        for job in problem.jobs {
            for o in job.operations where assignments[o].start < job.release {
                found.append("job \(job.name): operation \(o) starts at \(assignments[o].start), before the release \(job.release)")
            }
        }
        for arc in problem.arcs where assignments[arc.after].start < assignments[arc.before].end + arc.minLag {
            found.append("operation \(arc.after) starts at \(assignments[arc.after].start), before \(arc.before) ends at \(assignments[arc.before].end)"
                + (arc.minLag > 0 ? " plus its lag \(arc.minLag)" : ""))
        }
        for arc in problem.precedences {
            guard let maxLag = arc.maxLag, assignments[arc.after].start > assignments[arc.before].end + maxLag else { continue }
            found.append("operation \(arc.after) starts at \(assignments[arc.after].start), more than the maximum lag \(maxLag) after \(arc.before) ends at \(assignments[arc.before].end)")
        }
        for (machine, on) in machineSequences(problem.machineCount).enumerated() {
            let calendar = problem.calendar(machine)
            for (a, b) in zip(on, on.dropFirst()) {
                if assignments[b].start < assignments[a].end && assignments[a].end > assignments[a].start && assignments[b].end > assignments[b].start {
                    found.append("machine \(machine): operations \(a) and \(b) overlap")
                    continue
                }
                let setup = problem.setupTimes.time(from: problem.operations[a].setupFamily, to: problem.operations[b].setupFamily)
                if setup > 0 && calendar.workingTime(from: assignments[a].end, to: assignments[b].start) < setup {
                    found.append("machine \(machine): operation \(b) starts \(calendar.workingTime(from: assignments[a].end, to: assignments[b].start)) after \(a) ends, less than the setup \(setup)")
                }
            }
        }
        for (k, pool) in problem.laborPools.enumerated() {
            let using = problem.operations.indices.flatMap { o -> [(start: Int, end: Int, workers: Int)] in
                guard let labor = problem.operations[o].labor, labor.pool == k else { return [] }
                let a = assignments[o]
                let spans = pool.heldOverBreaks ? [a.start..<a.end] : problem.calendar(a.machine).pieces(from: a.start, to: a.end)
                return spans.map { ($0.lowerBound, $0.upperBound, labor.workers) }
            }
            let peak = LaborProfile.peak(using)
            if peak.workers > pool.workers {
                found.append("labor pool \(pool.name): \(peak.workers) workers needed at \(peak.at), it has \(pool.workers)")
            }
        }
        return found
    }
}
