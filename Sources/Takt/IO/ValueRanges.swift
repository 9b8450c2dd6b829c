/// The range every number of a scenario may take, by what it measures.
///
/// The ranges are wide enough for any plant and narrow enough that no model built from
/// them has a coefficient, bound or cost the simplex cannot scale: GLPK aborts the process
/// on values near 1e-300 or 1e308 and stalls on bounds near 1e17, so nothing outside these
/// ranges reaches a model. A non-zero value smaller than ``Allowed/smallestMagnitude``
/// (a millionth) is refused too: no input needs it, and it is how 1e-300 would get in.
///
/// | range | values | used for |
/// |---|---|---|
/// | quantity | 0 … 1,000,000,000 | order and sales quantities, inventories, lots, capacities in units, machine-days |
/// | hours per unit | 0 … 10,000 | `run_hours`, `setup_hours`, `labor_hours` |
/// | money | 0 … 1,000,000,000 | costs, wages, revenues |
/// | weight | 0 … 1,000 | the policy's cost weights, seasonality weights |
/// | hours a day | 0 … 24 | `hours_per_shift`, `hours_per_day` |
/// | efficiency | 0.01 … 2 | `efficiency` |
/// | fraction | 0 … 1 | `attendance` |
/// | percent | 0 … 100 | `quality` |
/// | working days | above 0 … 366 | `working_days_per_period` |
/// | headcount | 0 … 1,000,000 | `headcount`, `min_headcount`, `max_headcount` |
/// | overtime hours | 0 … 10,000,000 or unlimited | `overtime_hours_max` |
/// | factor | 0 … 1,000 | a what-if's demand factor |
/// | threshold | above 0 … 10 | `tight_threshold`, `underload_threshold` |
extension Allowed {
    static let quantity = Allowed.between(0, 1e9)
    static let positiveQuantity = Allowed(low: 0, lowIncluded: false, high: 1e9)
    static let hoursPerUnit = Allowed.between(0, 10_000)
    static let money = Allowed.between(0, 1e9)
    static let weight = Allowed.between(0, 1000)
    static let hoursPerDay = Allowed.between(0, 24)
    static let efficiency = Allowed.between(0.01, 2)
    static let fraction = Allowed.between(0, 1)
    /// A share lost: below 1, or nothing would be left.
    static let scrap = Allowed(low: 0, lowIncluded: true, high: 0.99)
    static let percent = Allowed.between(0, 100)
    static let workingDays = Allowed(low: 0, lowIncluded: false, high: 366)
    static let headcount = Allowed.between(0, 1e6)
    static let overtimeHours = Allowed.between(0, 1e7)
    static let factor = Allowed.between(0, 1000)
    static let threshold = Allowed(low: 0, lowIncluded: false, high: 10)
}
