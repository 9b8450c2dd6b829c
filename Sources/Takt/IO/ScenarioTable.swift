/// The tables a scenario is made of: one CSV file each in a scenario folder, one array each
/// in a scenario JSON file. The column names are the same in both.
public enum ScenarioTable: String, CaseIterable, Hashable, Sendable {
    case scenario
    case calendars
    case calendarExceptions = "calendar_exceptions"
    case units
    case products
    case workCenters = "work_centers"
    case maintenance
    case laborPools = "labor_pools"
    case routings
    case salesPlan = "sales_plan"
    case seasonality
    case orders
    case subcontractors
    case setupMatrix = "setup_matrix"
    case operationsInProgress = "operations_in_progress"
    case materials
    case bom
    case purchaseOrders = "purchase_orders"
    case supplierCapacity = "supplier_capacity"
    case substitutes

    public var fileName: String { rawValue + ".csv" }

    /// Whether a scenario needs this table.
    public var isRequired: Bool { [.scenario, .units, .products, .workCenters, .routings].contains(self) }

    /// The columns, required ones first. `scenario` is a key/value table whose keys are these.
    public var columns: [(name: String, required: Bool)] {
        func req(_ names: String...) -> [(String, Bool)] { names.map { ($0, true) } }
        func opt(_ names: String...) -> [(String, Bool)] { names.map { ($0, false) } }
        switch self {
        case .scenario:
            return req("start", "period", "periods")
                + opt("name", "fiscal_year_start_month", "working_days_per_period", "backlog_allowed",
                    "max_backlog_periods", "ending_backlog_allowed", "lost_sales_allowed", "workforce",
                    "holding_weight", "backlog_weight", "overtime_weight", "subcontract_weight",
                    "tight_threshold", "underload_threshold", "material_cost")
        case .calendars: return req("weekdays") + opt("scope")
        case .calendarExceptions: return req("start", "kind") + opt("end", "scope", "note")
        case .units: return req("id") + opt("name", "kind", "parent", "shift_start")
        case .products:
            return req("id", "family")
                + opt("name", "specification", "uom", "lot_min", "lot_multiple", "discrete", "initial_inventory",
                    "safety_stock", "max_inventory", "target_ending_inventory", "holding_cost", "backlog_cost",
                    "lost_sale_cost", "unit_revenue", "unit_cost", "setup_cost")
        case .workCenters:
            return req("id", "unit")
                + opt("name", "machines", "shifts_per_day", "hours_per_shift", "efficiency", "overtime_hours_max",
                    "overtime_cost", "extra_shift_cost", "shift_start")
        case .maintenance: return req("work_center") + opt("start", "end", "machines", "period", "machine_days", "note")
        case .laborPools:
            return req("id", "unit", "headcount")
                + opt("name", "skill", "hours_per_day", "attendance", "wage", "overtime_hours_max", "overtime_cost",
                    "hire_cost", "layoff_cost", "min_headcount", "max_headcount")
        case .routings:
            return req("product", "step", "work_center", "run_hours")
                + opt("alternatives", "setup_hours", "labor_pool", "labor_hours", "offset_days")
        case .salesPlan: return req("product", "period", "quantity")
        case .seasonality: return req("key", "month", "weight")
        case .orders:
            return req("id", "product", "quantity", "due")
                + opt("customer", "priority", "rush", "status", "frozen_period", "earliest_start", "completed")
        case .subcontractors:
            return req("id", "product", "unit_cost") + opt("name", "capacity", "lead_time_days", "quality")
        case .setupMatrix: return req("from", "to", "hours")
        case .operationsInProgress: return req("order", "step", "machine", "start") + opt("remaining_hours")
        case .materials:
            return req("id")
                + opt("name", "uom", "unit_cost", "lead_time_days", "lot_rule", "lot_quantity", "ordering_cost", "holding_cost",
                    "periods_of_supply", "minimum_order", "order_multiple", "on_hand", "safety_stock", "supplier", "constrained",
                    "expedite_cost")
        case .bom: return req("parent", "component", "quantity") + opt("scrap", "step", "effective_from", "effective_to")
        case .purchaseOrders: return req("id", "material", "quantity", "due") + opt("supplier")
        case .supplierCapacity: return req("material", "period", "capacity")
        case .substitutes: return req("material", "substitute") + opt("ratio", "extra_cost")
        }
    }
}

/// One record of a table, from a CSV row or a JSON object, as text keyed by column.
struct Record {
    let location: SourceLocation
    let values: [String: String]
    /// Where single columns come from when that differs from `location`: the rows of a
    /// key/value file, the nested objects of a JSON scenario.
    var columnLocations: [String: SourceLocation] = [:]
    /// A row already reported as unreadable (more fields than columns): not decoded.
    var malformed = false

    /// The location of one column's value.
    func locate(_ column: String) -> SourceLocation { columnLocations[column] ?? location.column(column) }

    /// The trimmed text of a column; empty when absent.
    subscript(column: String) -> String { values[column].map { $0.trimmingWhitespace() } ?? "" }

    /// Whether every column is blank (a spreadsheet's trailing `,,,` rows).
    var isBlank: Bool { values.values.allSatisfy { $0.trimmingWhitespace().isEmpty } }
}
