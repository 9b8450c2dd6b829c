import Foundation
import Testing

@testable import Takt

@Suite struct JSONReaderTests {
    private func parse(_ text: String) throws(JSONReader.SyntaxError) -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    @Test func readsWhatJSONSerializationReads() throws {
        let text = #"{"b": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "a": {"c": "离心泵"}}"#
        let value = try parse(text)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["a", "b"])
        guard case .array(let items) = members[1].1 else { Issue.record("not an array"); return }
        #expect(items.compactMap(\.cellText) == ["1", "-2500", "true", "false", "", "x\né😀"])
        #expect(members[0].1.cellText == nil)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a key"),
        ("{\n  \"a\": [1 2]\n}", 2, 11, "expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "the key \"a\" appears twice"),
        ("[01]", 1, 3, "expected ',' or ']'"),
        ("\"open", 1, 6, "not closed"),
        ("[1e999]", 1, 2, "too large"),
        ("{\"离心泵\": x}", 1, 9, "expected a value"),
        ("[1] 2", 1, 5, "expected the end"),
        ("\"\\ud800\"", 1, 8, "low surrogate"),
        ("", 1, 1, "found the end"),
    ])
    func errorsSayWhere(text: String, line: Int, column: Int, words: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? JSONReader.SyntaxError else { return false }
            return error.line == line && error.column == column && error.message.contains(words)
        }
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReader.SyntaxError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try parse(fine) }
    }

    /// Random byte strings and random edits of a real scenario file: the reader returns or
    /// throws, and agrees with JSONSerialization on what is JSON.
    @Test(arguments: 1...4)
    func randomInputNeverTraps(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let base = Array(#"{"horizon": {"start": "2027-01-01", "periods": 12}, "orders": [{"id": "A", "quantity": 5.5}]}"#.utf8)
        let alphabet = Array(#"{}[],:"\ 0123456789.eE+-tfnulrsa"#.utf8) + [0x00, 0xFF, 0xC3, 0xA9]
        for _ in 0..<2_000 {
            var bytes = base
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = Int(random.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: bytes.insert(byte, at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = byte }
                }
            }
            let ours = try? JSONReader.parse(bytes)
            let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            // Ours is stricter only about repeated keys; never more lenient.
            if ours != nil { #expect(theirs != nil, "\(String(decoding: bytes, as: UTF8.self))") }
        }
    }
}
