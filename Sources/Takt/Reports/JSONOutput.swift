import Foundation

/// The one way Takt writes JSON: snake_case keys, sorted so the same value always gives the
/// same bytes, and infinite limits (unlimited overtime) as the string "unlimited".
public enum JSONOutput {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "unlimited", negativeInfinity: "-unlimited", nan: "nan")
        return encoder
    }

    /// A value as JSON text ending in a newline (written by `JSONTextEncoder`, which gives
    /// the same text as ``encoder()`` several times faster).
    public static func text(_ value: some Encodable) throws -> String {
        try JSONTextEncoder().text(value)
    }
}
