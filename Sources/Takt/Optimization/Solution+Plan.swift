import TaktLP

extension Solution {
    /// Values below this are solver noise and read as zero in a plan.
    static let planTolerance = 1e-6

    /// A column's value in a plan: zero for a column the model does not have, and for noise.
    func planValue(_ column: VariableID?) -> Double {
        guard let column else { return 0 }
        let v = self[column]
        return abs(v) < Self.planTolerance ? 0 : v
    }
}
