/// One point's measures.
public struct SweepPointResult: Hashable, Sendable, Codable {
    public var index: Int
    /// The point's overlay name, its values joined (`demand=0.9 · overtime=none`).
    public var name: String
    /// The value label on each parameter.
    public var labels: [String]
    /// The plan's status (`optimal`, `infeasible`, …), or `decomposed`.
    public var status: String
    /// One value per ``SweepResults/kpis``.
    public var values: [Double]
}

/// A sweep's measures at every point (or, in a shard, at the shard's points), by point index.
/// Everything here follows from the sweep's content: no times, no machine, no core count,
/// so that the same sweep gives the same bytes wherever and however it was computed.
public struct SweepResults: Hashable, Sendable, Codable {
    public var sweep: String
    public var contentHash: String
    public var computation: Sweep.Computation
    public var parameters: [Sweep.Parameter]
    public var kpis: [String]
    public var points: [SweepPointResult]

    /// The index of the measure named `name`.
    public func kpiIndex(_ name: String) -> Int? { kpis.firstIndex(of: name) }

    /// The `count` points lowest in the first measure (ties by index).
    public func cheapest(_ count: Int = 5) -> [SweepPointResult] {
        guard !kpis.isEmpty else { return [] }
        return Array(points.sorted { ($0.values[0], $0.index) < ($1.values[0], $1.index) }.prefix(count))
    }
}

/// One shard's results as written to its file: which sweep (by content hash), which shard of
/// how many, which Takt made it, and its points' measures.
public struct SweepShardResult: Hashable, Sendable, Codable {
    public var format = "takt-sweep-shard"
    public var taktVersion: String
    public var shard: Int
    public var shardCount: Int
    /// The number of points in the whole sweep.
    public var pointCount: Int
    public var results: SweepResults

    public init(shard: Int, shardCount: Int, pointCount: Int, results: SweepResults) {
        taktVersion = TaktVersion.current
        self.shard = shard
        self.shardCount = shardCount
        self.pointCount = pointCount
        self.results = results
    }
}

/// Why shards cannot be merged.
public enum SweepMergeError: Error, Hashable, Sendable, CustomStringConvertible {
    case noShards
    /// Two sources hold shards of different sweeps (or of different shard counts).
    case differentSweeps(String, String)
    case missingShards([Int], count: Int)
    case duplicateShard(Int, count: Int, sources: [String])
    /// A shard's points are not the ones its index assigns (a file edited, or of another count).
    case unexpectedPoints(shard: Int, source: String)
    /// Every shard is there, yet these points are in none of them.
    case missingPoints([Int])

    public var description: String {
        switch self {
        case .noShards: "no shard files found; expected shard-I-of-N.json files written by takt sweep --shard-index"
        case .differentSweeps(let a, let b): "\(a) and \(b) are shards of different sweeps (content hash or shard count differ)"
        case .missingShards(let shards, let count):
            "shard\(shards.count == 1 ? "" : "s") \(shards.map(String.init).joined(separator: ", ")) of \(count) missing: re-run with --shard-index \(shards[0]) --shard-count \(count)"
        case .duplicateShard(let shard, let count, let sources):
            "shard \(shard) of \(count) appears \(sources.count) times: \(sources.joined(separator: ", ")); expected each shard once"
        case .unexpectedPoints(let shard, let source): "\(source): shard \(shard) holds points its index does not assign it"
        case .missingPoints(let points):
            "point\(points.count == 1 ? "" : "s") \(points.prefix(5).map(String.init).joined(separator: ", "))\(points.count > 5 ? " and \(points.count - 5) more" : "") in no shard file; expected every point in its shard"
        }
    }
}

extension SweepResults {
    /// The results of the whole sweep from all of its shards, each present exactly once;
    /// `shards` pairs each with where it came from, for messages.
    public static func merge(_ shards: [(source: String, shard: SweepShardResult)]) throws(SweepMergeError) -> SweepResults {
        guard let first = shards.first else { throw .noShards }
        let count = first.shard.shardCount
        for other in shards.dropFirst()
        where other.shard.results.contentHash != first.shard.results.contentHash || other.shard.shardCount != count || other.shard.pointCount != first.shard.pointCount {
            throw .differentSweeps(first.source, other.source)
        }
        let bySlot = Dictionary(grouping: shards) { $0.shard.shard }
        if let (shard, copies) = bySlot.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw .duplicateShard(shard, count: count, sources: copies.map(\.source))
        }
        let missing = (0..<count).filter { bySlot[$0] == nil }
        if !missing.isEmpty { throw .missingShards(missing, count: count) }
        var points: [SweepPointResult?] = Array(repeating: nil, count: first.shard.pointCount)
        for (source, shard) in shards.sorted(by: { $0.shard.shard < $1.shard.shard }) {
            for point in shard.results.points {
                guard points.indices.contains(point.index), points[point.index] == nil else {
                    throw .unexpectedPoints(shard: shard.shard, source: source)
                }
                points[point.index] = point
            }
        }
        let gaps = points.indices.filter { points[$0] == nil }
        if !gaps.isEmpty { throw .missingPoints(gaps) }
        var merged = first.shard.results
        merged.points = points.map { $0! }
        return merged
    }
}
