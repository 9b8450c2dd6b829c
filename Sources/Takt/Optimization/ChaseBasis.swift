import TaktLP

extension AggregatePlanModel {
    /// The basis of the chase plan: each period makes what its demand needs, on each step's
    /// primary work center, with no stock, backlog, overtime or subcontracting.
    ///
    /// Basic: production x[p,t] in each balance row, the primary route's share in each split
    /// row, the run r[p,t] in each run's link row, the workforce W[l,t] in each staffing row,
    /// and every other row's slack. Each of
    /// these rows then has one basic column of its own and the matrix is triangular, so it is
    /// a basis. Its row prices are the unit cost on the balance rows and zero elsewhere, so
    /// every column's reduced cost is its own cost less what it saves in production: holding,
    /// backlog, overtime, shifts, shortfall penalties, lost sales and subcontracting above the
    /// unit cost are all ≥ 0. For a product of fixed labor it is then dual feasible, and the
    /// dual simplex only repairs the periods where the chase plan overloads the hours given
    /// or breaks a stock target.
    func chaseBasis() -> Basis {
        var variables = [Basis.Status](repeating: .atLower, count: program.variables.count)
        var constraints = [Basis.Status](repeating: .basic, count: program.constraints.count)
        for (p, rows) in balanceRows.enumerated() {
            for (t, row) in rows.enumerated() {
                variables[production[p][t].index] = .basic
                constraints[row.index] = .fixed
            }
        }
        for split in splitRows {
            variables[split.primary.index] = .basic
            constraints[split.row.index] = .fixed
        }
        // Each run pays for what its period makes: r = x/M, its link row tight.
        for link in runRows {
            variables[link.run.index] = .basic
            constraints[link.row.index] = .atUpper
        }
        for (row, worker) in zip(staffRows, workforce.joined().compactMap { $0 }) {
            variables[worker.index] = .basic
            constraints[row.index] = .fixed
        }
        return Basis(variables: variables, constraints: constraints)
    }
}
