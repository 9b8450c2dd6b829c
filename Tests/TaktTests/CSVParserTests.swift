import Testing
@testable import Takt

@Suite struct CSVParserTests {
    private func rows(_ text: String) throws -> [CSVParser.Row] { try CSVParser.parse(text).get() }

    @Test func quotedFieldsKeepSeparatorsQuotesAndLineBreaks() throws {
        let parsed = try rows("id,name\n1,\"Pump, \"\"big\"\"\"\n2,\"two\nlines\"\n3,plain\n")
        #expect(parsed.map(\.fields) == [["id", "name"], ["1", "Pump, \"big\""], ["2", "two\nlines"], ["3", "plain"]])
        // A record's line is where it starts; the one after a two-line field moves down.
        #expect(parsed.map(\.line) == [1, 2, 3, 5])
    }

    @Test func crlfBlankLinesAndNoFinalNewline() throws {
        let parsed = try rows("a,b\r\n1,2\r\n\r\n3,4")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test func semicolonAndTabSeparatedExports() throws {
        #expect(try rows("a;b\n1,5;2\n").map(\.fields) == [["a", "b"], ["1,5", "2"]])
        #expect(try rows("a\tb\n1\t2\n").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyTrailingFieldIsKept() throws {
        #expect(try rows("a,b,c\n1,,\n").map(\.fields) == [["a", "b", "c"], ["1", "", ""]])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(CSVParser.parse("a,b\n1,2\n3,\"open\n4,5\n") == .failure(.unterminatedQuote(line: 3)))
    }

    @Test func chineseText() throws {
        #expect(try rows("名称,数量\n离心泵,5\n")[1].fields == ["离心泵", "5"])
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutByteOrderMark() throws {
        let plain = Array("泵,1".utf8)
        #expect(try TextDecoding.decode(plain).get().0 == "泵,1")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + plain).get().0 == "泵,1")
    }

    @Test func gb18030IsDecoded() throws {
        // "离心泵" in GB18030 (and GBK).
        let (text, encoding) = try TextDecoding.decode([0xC0, 0xEB, 0xD0, 0xC4, 0xB1, 0xC3]).get()
        #expect(text == "离心泵")
        #expect(encoding == .gb18030)
    }

    @Test func utf16WithByteOrderMark() throws {
        #expect(try TextDecoding.decode([0xFF, 0xFE, 0xE5, 0x6C, 0x2C, 0x00]).get().0 == "泥,")
        #expect(try TextDecoding.decode([0xFE, 0xFF, 0x6C, 0xE5, 0x00, 0x2C]).get().0 == "泥,")
    }

    @Test func undecodableBytesAreRefused() {
        // 0xFF never starts a GB18030 or UTF-8 sequence.
        #expect(throws: (any Error).self) { try TextDecoding.decode([0x61, 0xFF, 0xFF, 0xFF]).get() }
    }
}

@Suite struct NumberParsingTests {
    @Test(arguments: [
        ("12", 12.0), ("-3.5", -3.5), ("1,234", 1234), ("1,234,567.25", 1_234_567.25), ("85%", 0.85), ("1e3", 1000),
    ])
    func accepted(_ text: String, _ value: Double) {
        #expect(FieldReader.parseNumber(text) == value)
    }

    @Test(arguments: ["abc", "1,23", "12,3456", "", "nan", "inf", "1.2.3", "５", "0,954", "01,234", "1234,567", "1e999"])
    func refused(_ text: String) {
        #expect(FieldReader.parseNumber(text) == nil)
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.0, "0"), (12, "12"), (-12, "-12"), (12.5, "12.5"), (0.33333333, "0.3333"), (-0.00001, "0"), (1e-4, "0.0001"),
        (2.05, "2.05"), (1234567.125, "1234567.125"), (0.99999, "1"), (-3.25, "-3.25"), (Double.infinity, "unlimited"),
    ])
    func plainNumbers(_ value: Double, _ text: String) {
        #expect(NumberText.plain(value) == text)
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field(" padded") == "\" padded\"")
        #expect(CSVText.field("离心泵") == "离心泵")
    }
}
