import Foundation
import Takt

/// `takt validate --format json`: the verdict, the summary and every diagnostic.
struct ValidationReport: Encodable {
    struct Item: Encodable {
        var severity: String
        var file: String
        var row: Int?
        var record: String?
        var column: String?
        var value: String?
        var message: String
    }

    var valid: Bool
    var summary: ScenarioSummary?
    var diagnostics: [Item]
    var omittedErrorCount: Int

    init(valid: Bool, summary: ScenarioSummary?, diagnostics: [Diagnostic], omittedErrorCount: Int = 0) {
        self.valid = valid
        self.summary = summary
        self.diagnostics = diagnostics.map {
            Item(
                severity: $0.severity.rawValue, file: $0.location.file, row: $0.location.row, record: $0.location.record,
                column: $0.location.column, value: $0.value, message: $0.message)
        }
        self.omittedErrorCount = omittedErrorCount
    }

    func json() throws -> String { try JSONOutput.text(self) }
}
