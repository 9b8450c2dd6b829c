public enum TaktVersion { public static let current = "0.1.0" }
