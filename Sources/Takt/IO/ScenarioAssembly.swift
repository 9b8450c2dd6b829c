/// Decodes a ``ScenarioSource``'s records into a ``Scenario``, keeping where each value
/// came from so that later checks can name the row.
struct ScenarioAssembly {
    var scenario: Scenario
    /// Whether the horizon was read; without it, dates cannot be checked and nothing planned.
    var hasHorizon: Bool
    /// The location of each kept entity, by table and index in the scenario's arrays.
    var locations: [ScenarioTable: [SourceLocation]]
    /// Ids of records that were rejected, so references to them do not raise a second error.
    var rejectedIDs: [ScenarioTable: Set<String>]

    init(_ source: ScenarioSource, log: DiagnosticLog) {
        var name = source.origin
        var horizon: Horizon?
        var policy = Policy()
        if let record = source.tables[.scenario]?.first {
            (name, horizon, policy) = RecordDecoding.horizonAndPolicy(record, log: log)
        }

        var locations: [ScenarioTable: [SourceLocation]] = [:]
        var rejected: [ScenarioTable: Set<String>] = [:]
        func decode<T>(_ table: ScenarioTable, idColumn: String? = "id", _ decode: (Record, DiagnosticLog) -> T?) -> [T] {
            var values: [T] = []
            var places: [SourceLocation] = []
            for record in source.tables[table] ?? [] {
                if record.malformed {
                    if let idColumn, !record[idColumn].isEmpty { rejected[table, default: []].insert(record[idColumn]) }
                    continue
                }
                if let value = decode(record, log) {
                    values.append(value)
                    places.append(record.location)
                } else if let idColumn, !record[idColumn].isEmpty {
                    rejected[table, default: []].insert(record[idColumn])
                }
            }
            locations[table] = places
            return values
        }

        let calendars = decode(.calendars, idColumn: nil, RecordDecoding.calendarRule)
        let exceptions = decode(.calendarExceptions, idColumn: nil, RecordDecoding.calendarException)
        let units = decode(.units, RecordDecoding.unit)
        let products = decode(.products, RecordDecoding.product)
        let workCenters = decode(.workCenters, RecordDecoding.workCenter)
        let maintenance = decode(.maintenance, idColumn: nil, RecordDecoding.maintenance)
        let laborPools = decode(.laborPools, RecordDecoding.laborPool)
        let routings = decode(.routings, idColumn: "product", RecordDecoding.routingStep)
        let salesPlan = decode(.salesPlan, idColumn: nil, RecordDecoding.salesPlanLine)
        let seasonality = decode(.seasonality, idColumn: nil, RecordDecoding.seasonality)
        let orders = decode(.orders, RecordDecoding.order)
        let subcontractors = decode(.subcontractors, idColumn: "product", RecordDecoding.subcontractor)
        let setupChanges = decode(.setupMatrix, idColumn: nil, RecordDecoding.setupChange)
        let inProgress = decode(.operationsInProgress, idColumn: nil, RecordDecoding.operationInProgress)
        let materials = decode(.materials, RecordDecoding.material)
        let bom = decode(.bom, idColumn: "parent", RecordDecoding.bomLine)
        let purchaseOrders = decode(.purchaseOrders, RecordDecoding.purchaseOrder)
        let supplierCapacities = decode(.supplierCapacity, idColumn: nil, RecordDecoding.supplierCapacity)
        let substitutes = decode(.substitutes, idColumn: nil, RecordDecoding.substitute)

        // Without a horizon the cross-table checks still run, on a stand-in the loader never returns.
        let standIn = Horizon(start: Day(year: 2000, month: 1, day: 1), periodLength: .month, periodCount: 1)
        self.hasHorizon = horizon != nil
        self.locations = locations
        self.rejectedIDs = rejected
        self.scenario = Scenario(
            name: name, horizon: horizon ?? standIn, policy: policy, calendars: calendars, calendarExceptions: exceptions,
            units: units, products: products, workCenters: workCenters, maintenance: maintenance,
            laborPools: laborPools, routings: routings, salesPlan: salesPlan, seasonality: seasonality,
            orders: orders, subcontractors: subcontractors, setupChanges: setupChanges,
            operationsInProgress: inProgress, materials: materials, bom: bom, purchaseOrders: purchaseOrders,
            supplierCapacities: supplierCapacities, substitutes: substitutes)
    }
}
