/// The library's version, which `takt --version` prints and sweep shards carry.
public enum TaktVersion {
    public static let current = "0.1.0"
}
