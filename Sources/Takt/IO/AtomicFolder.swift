import Foundation

/// Writes a set of files into a folder so that the folder holds either the whole old set or
/// the whole new one, never a mix: a run killed half-way leaves the old set as it was.
///
/// The files go into a temporary sibling folder (`.NAME.takt-PID-UUID.tmp`), which then
/// takes the folder's place: in one step where the system can exchange two names
/// (`renameat2` with `RENAME_EXCHANGE`, Linux 3.15 and later), else by two renames, between
/// which the folder is briefly missing but never mixed. Temporaries that a killed run left
/// are removed by the next write beside them.
///
/// A folder is only replaced if it is empty or holds a set written this way (or nothing but
/// files of the new set's names): a folder with other files in it is refused, so that
/// `--out .` cannot take a planner's own files with it.
public enum AtomicFolder {
    /// The file every set carries, naming its files, so that a later write knows the folder
    /// is one it may replace.
    public static let manifestName = ".takt-output"

    public static func write(_ files: [(name: String, data: Data)], to path: String) throws(AtomicFile.WriteError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: path, reason: "cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        AtomicFile.removeStale(in: parent, prefix: ".\(name).takt-")

        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { throw AtomicFile.WriteError(path: path, reason: "it is a file; expected a folder for the output files") }
        if exists { try checkReplaceable(target, newNames: Set(files.map(\.name))) }

        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let staging = parent.appendingPathComponent(".\(name).takt-\(unique).tmp")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files { try file.data.write(to: staging.appendingPathComponent(file.name)) }
            let manifest = files.map(\.name).joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(manifestName))
        } catch {
            try? manager.removeItem(at: staging)
            throw AtomicFile.WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        guard exists else {
            if rename(staging.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: staging)
                throw AtomicFile.WriteError(path: path, reason: reason)
            }
            return
        }
        if exchange(staging.path, target.path) {
            // The old set now has the temporary name.
            try? manager.removeItem(at: staging)
            return
        }
        let old = parent.appendingPathComponent(".\(name).takt-\(unique).old")
        guard rename(target.path, old.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: staging)
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            try? manager.removeItem(at: staging)
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
        try? manager.removeItem(at: old)
    }

    /// Refuses a folder holding anything but a set this writer made, or the new set's files.
    private static func checkReplaceable(_ folder: URL, newNames: Set<String>) throws(AtomicFile.WriteError) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if entries.contains(manifestName) { return }
        let foreign = entries.filter { !newNames.contains($0) }.sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
            throw AtomicFile.WriteError(
                path: folder.path, reason: "the folder holds files takt did not write (\(shown)); expected a new or empty folder, or one takt wrote")
        }
    }

    /// Exchanges two paths in one step, where the system can.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let atCurrentFolder: Int32 = -100  // AT_FDCWD
            let exchangeNames: UInt32 = 2  // RENAME_EXCHANGE
            return renameat2(atCurrentFolder, a, atCurrentFolder, b, exchangeNames) == 0
        #else
            return false
        #endif
    }
}
