#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into text: UTF-8 with or without a byte-order mark, UTF-16 with a
/// mark, or GB18030 (a superset of GBK and GB2312), which spreadsheets in China export.
enum TextDecoding {
    enum Encoding: String { case utf8 = "UTF-8", utf16 = "UTF-16", gb18030 = "GB18030" }

    struct Failure: Error {
        let offset: Int
    }

    static func decode(_ bytes: [UInt8]) -> Result<(String, Encoding), Failure> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(body).map { ($0, .utf16) }.mapError { $0 }
        }
        if let firstBad = firstInvalidUTF8(body) {
            if let text = iconvDecode(Array(body), from: "GB18030") { return .success((text, .gb18030)) }
            return .failure(Failure(offset: firstBad))
        }
        return .success((String(decoding: body, as: UTF8.self), .utf8))
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil`.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        // Counting scalars' byte widths finds the offset of the bad sequence closely enough.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>) -> Result<String, Failure> {
        let bigEndian = bytes.first == 0xFE
        var units: [UInt16] = []
        var i = bytes.startIndex + 2
        while i + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var offset = 2
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.unicodeScalars.append(scalar)
                offset += 2 * UTF16.width(scalar)
            case .emptyInput: return .success(text)
            case .error: return .failure(Failure(offset: offset))
            }
        }
    }

    /// Converts with the C library's iconv; `nil` when the bytes are not valid in `encoding`.
    private static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let length = ok else { return nil }
        return String(decoding: output[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
