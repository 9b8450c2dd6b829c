import Foundation

/// A shard's results on disk: `shard-I-of-N.json`, written by `takt sweep --shard-index I
/// --shard-count N` and read back by `takt sweep merge`.
public enum SweepShardFile {
    public static func name(_ index: Int, of count: Int) -> String { "shard-\(index)-of-\(count).json" }

    public static func text(_ shard: SweepShardResult) throws -> String { try JSONOutput.text(shard) }

    /// The shards in `sources`: each a shard file, or a folder whose `shard-I-of-N.json`
    /// files are read (in name order), each paired with its path.
    public static func read(_ sources: [String]) throws(ScenarioLoadError) -> [(source: String, shard: SweepShardResult)] {
        var files: [String] = []
        let manager = FileManager.default
        for source in sources {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: source, isDirectory: &isFolder) else {
                throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: source), "no such file or folder; expected shard files of takt sweep, or their folder")])
            }
            if isFolder.boolValue {
                let names = ((try? manager.contentsOfDirectory(atPath: source)) ?? []).filter(isShardName).sorted()
                files += names.map { (source as NSString).appendingPathComponent($0) }
            } else {
                files.append(source)
            }
        }
        var shards: [(source: String, shard: SweepShardResult)] = []
        for file in files {
            let shard: SweepShardResult = try WrittenResult.read(file, file: "shard-I-of-N.json", writer: "takt sweep --shard-index")
            guard shard.format == "takt-sweep-shard" else {
                throw ScenarioLoadError(diagnostics: [Diagnostic(.error, SourceLocation(file: file, record: "format"), value: shard.format, "expected takt-sweep-shard")])
            }
            shards.append((file, shard))
        }
        return shards
    }

    /// `shard-I-of-N.json`, I and N whole numbers.
    static func isShardName(_ name: String) -> Bool {
        guard name.hasPrefix("shard-"), name.hasSuffix(".json") else { return false }
        let parts = name.dropFirst("shard-".count).dropLast(".json".count).components(separatedBy: "-of-")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
