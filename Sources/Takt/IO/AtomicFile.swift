import Foundation

/// Writes a file so that it is either wholly there or not changed: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    /// A file or folder that could not be written, and why.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WriteError(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let prefix = ".\(target.lastPathComponent).takt-"
        removeStale(in: folder, prefix: prefix)
        let temporary = folder.appendingPathComponent("\(prefix)\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target in one step; readers see the old file or the new one.
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Removes what a killed run left in `folder`: entries named `PREFIX<pid>-<uuid>.tmp` or
    /// `.old` whose process is gone. (A run still going keeps its own.)
    static func removeStale(in folder: URL, prefix: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) && (entry.hasSuffix(".tmp") || entry.hasSuffix(".old")) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if pid != ProcessInfo.processInfo.processIdentifier && kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
            }
        }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }
}
