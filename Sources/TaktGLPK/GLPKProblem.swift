import CGLPK
import TaktLP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one `glp_prob` for its whole life on one thread.
///
/// GLPK keeps its environment in thread-local storage: a problem created on one thread and
/// touched or deleted on another aborts the process. Every method therefore checks that it
/// runs on the creating thread, and ``GLPKSolver`` keeps each problem inside one synchronous
/// call. Values are validated by ``LinearProgram/validate()`` before they get here.
final class GLPKProblem {
    private let pointer: OpaquePointer
    private let thread: pthread_t

    /// Loads a validated program.
    init(_ program: LinearProgram) {
        thread = pthread_self()
        pointer = glp_create_prob()
        load(program)
    }

    deinit {
        checkThread()
        glp_delete_prob(pointer)
    }

    private func checkThread() {
        precondition(pthread_equal(thread, pthread_self()) != 0, "a GLPK problem was used off the thread that created it")
    }

    /// Names stay in Swift: GLPK needs none to solve (the library writes model files itself,
    /// and carries bases over by name itself), and copying them in cost a fifth of loading.
    private func load(_ program: LinearProgram) {
        glp_set_obj_dir(pointer, program.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, program.objectiveConstant)
        if !program.constraints.isEmpty { glp_add_rows(pointer, Int32(program.constraints.count)) }
        if !program.variables.isEmpty { glp_add_cols(pointer, Int32(program.variables.count)) }

        for (offset, constraint) in program.constraints.enumerated() {
            let row = Int32(offset + 1)
            setRowBounds(row, constraint.bounds)
        }
        for (offset, variable) in program.variables.enumerated() {
            let column = Int32(offset + 1)
            // The kind first: GLP_BV resets the bounds to [0, 1].
            switch variable.kind {
            case .continuous: break
            case .integer: glp_set_col_kind(pointer, column, GLP_IV)
            case .binary: glp_set_col_kind(pointer, column, GLP_BV)
            }
            setColumnBounds(column, lower: variable.lowerBound, upper: variable.upperBound)
            glp_set_obj_coef(pointer, column, variable.objective)
        }

        // One glp_load_matrix call; zeros are left out (GLPK would store them).
        var rowIndices: [Int32] = [0]
        var columnIndices: [Int32] = [0]
        var values: [Double] = [0]
        let capacity = program.nonZeroCount + 1
        rowIndices.reserveCapacity(capacity)
        columnIndices.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        for (offset, constraint) in program.constraints.enumerated() {
            for term in constraint.terms where term.coefficient != 0 {
                rowIndices.append(Int32(offset + 1))
                columnIndices.append(Int32(term.variable.index + 1))
                values.append(term.coefficient)
            }
        }
        let count = Int32(values.count - 1)
        if count > 0 { glp_load_matrix(pointer, count, rowIndices, columnIndices, values) }
    }

    func setRowBounds(_ row: Int32, _ bounds: ConstraintBounds) {
        checkThread()
        let (type, lower, upper) = Self.glpkBounds(lower: bounds.lower, upper: bounds.upper)
        glp_set_row_bnds(pointer, row, type, lower, upper)
    }

    func setColumnBounds(_ column: Int32, lower: Double, upper: Double) {
        checkThread()
        let (type, l, u) = Self.glpkBounds(lower: lower, upper: upper)
        glp_set_col_bnds(pointer, column, type, l, u)
    }

    func setObjective(_ column: Int32, _ coefficient: Double) {
        checkThread()
        glp_set_obj_coef(pointer, column, coefficient)
    }

    private static func glpkBounds(lower: Double, upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// Puts a valid starting basis in place when the last solve left none.
    func resetBasis() {
        checkThread()
        glp_std_basis(pointer)
    }

    /// Puts GLPK's advanced starting basis in place (what it builds when given none). Quiet
    /// unless `log`: GLPK reports its triangular part on standard output otherwise, which
    /// would land in the middle of a plan written there.
    func advancedBasis(log: Bool) {
        checkThread()
        glp_term_out(log ? GLP_ON : GLP_OFF)
        glp_adv_basis(pointer, 0)
    }

    /// Puts Bixby's crash basis in place (`glp_cpx_basis`). Quiet unless `log`, as
    /// ``advancedBasis(log:)``.
    func crashBasis(log: Bool) {
        checkThread()
        glp_term_out(log ? GLP_ON : GLP_OFF)
        glp_cpx_basis(pointer)
    }

    /// Computes the primal and dual values of the basis the problem holds (factorising it if
    /// need be), so that ``primalStatus`` tells whether it is still feasible after bounds
    /// changed. Returns GLPK's code: 0, or why the basis is no good.
    func warmUp() -> Int32 {
        checkThread()
        return glp_warm_up(pointer)
    }

    /// Sets every column's and row's status. GLPK itself turns a non-basic status that does
    /// not suit the bounds (at upper on a column without one) into the one that does.
    func setBasis(_ basis: Basis) {
        checkThread()
        for (offset, status) in basis.constraints.enumerated() { glp_set_row_stat(pointer, Int32(offset + 1), Self.glpkStatus(status)) }
        for (offset, status) in basis.variables.enumerated() { glp_set_col_stat(pointer, Int32(offset + 1), Self.glpkStatus(status)) }
    }

    func basis(rows: Int, columns: Int) -> Basis {
        checkThread()
        return Basis(
            variables: (0..<columns).map { Self.status(glp_get_col_stat(pointer, Int32($0 + 1))) },
            constraints: (0..<rows).map { Self.status(glp_get_row_stat(pointer, Int32($0 + 1))) })
    }

    private static func glpkStatus(_ status: Basis.Status) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    private static func status(_ code: Int32) -> Basis.Status {
        switch code {
        case GLP_BS: .basic
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .atLower
        }
    }

    // MARK: Solving

    /// Runs the simplex method (the dual simplex, falling back to the primal, when `dual`).
    /// Returns GLPK's return code and the iterations it took.
    func simplex(options: SolveOptions, presolve: Bool, dual: Bool = false, timeLimitMilliseconds: Int32?) -> (code: Int32, iterations: Int) {
        checkThread()
        glp_term_out(options.log ? GLP_ON : GLP_OFF)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        // After glp_init_smcp, which resets every field.
        parameters.msg_lev = options.log ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if dual { parameters.meth = GLP_DUALP }
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        if let limit = options.iterationLimit { parameters.it_lim = Int32(clamping: limit) }
        let before = glp_get_it_cnt(pointer)
        let code = glp_simplex(pointer, &parameters)
        return (code, Int(glp_get_it_cnt(pointer) - before))
    }

    /// Runs branch-and-cut from the optimal basis the simplex left.
    func branchAndCut(options: SolveOptions, timeLimitMilliseconds: Int32?) -> Int32 {
        checkThread()
        glp_term_out(options.log ? GLP_ON : GLP_OFF)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.log ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.presolve = GLP_OFF
        parameters.mip_gap = options.relativeGap
        if let timeLimitMilliseconds { parameters.tm_lim = timeLimitMilliseconds }
        if options.cuts {
            parameters.mir_cuts = GLP_ON
            parameters.cov_cuts = GLP_ON
            parameters.clq_cuts = GLP_ON
            parameters.br_tech = GLP_BR_PCH
        } else {
            // Most fractional first. GLPK's default (Driebeck–Tomlin) evaluates a tableau row
            // per fractional column at every node: in the short searches of whole plans (the
            // workers from a rounded point, node-limited) that was a third of the sample
            // plant's planning time, and no better plans came of it.
            parameters.br_tech = GLP_BR_MFV
        }
        let incumbent = options.incumbent.flatMap { point in
            point.count == Int(glp_get_num_cols(pointer)) && point.allSatisfy(\.isFinite) ? [0] + point : nil
        }
        guard incumbent != nil || options.nodeLimit != nil else { return glp_intopt(pointer, &parameters) }
        // GLPK asks for a heuristic point at each node; the first time it gets this one
        // (1-based, as GLPK counts columns), which it checks for integrality itself. The
        // node count is checked at every call.
        let box = BranchingControl(point: incumbent, nodeLimit: options.nodeLimit)
        parameters.cb_info = Unmanaged.passUnretained(box).toOpaque()
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            let control = Unmanaged<BranchingControl>.fromOpaque(info).takeUnretainedValue()
            if glp_ios_reason(tree) == GLP_IHEUR, let point = control.point, !control.given {
                control.given = true
                _ = point.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
            }
            if let limit = control.nodeLimit {
                var total: Int32 = 0
                glp_ios_tree_size(tree, nil, nil, &total)
                if Int(total) > limit {
                    control.stopped = true
                    glp_ios_terminate(tree)
                }
            }
        }
        let code = withExtendedLifetime(box) { glp_intopt(pointer, &parameters) }
        nodeLimitReached = box.stopped
        return code
    }

    /// What ``branchAndCut(options:timeLimitMilliseconds:)``'s callback offers and watches.
    private final class BranchingControl {
        let point: [Double]?
        let nodeLimit: Int?
        var given = false, stopped = false
        init(point: [Double]?, nodeLimit: Int?) {
            self.point = point
            self.nodeLimit = nodeLimit
        }
    }

    /// Whether the last branch-and-cut stopped at its node limit.
    private(set) var nodeLimitReached = false

    var lpStatus: Int32 { glp_get_status(pointer) }
    /// The objective of the last simplex solve (a MIP's relaxation, before branching).
    var lpObjective: Double { glp_get_obj_val(pointer) }
    var primalStatus: Int32 { glp_get_prim_stat(pointer) }
    var dualStatus: Int32 { glp_get_dual_stat(pointer) }
    var mipStatus: Int32 { glp_mip_status(pointer) }

    // MARK: Reading back

    func lpPoint(rows: Int, columns: Int, withDuals: Bool) -> (objective: Double, values: [Double], activities: [Double], rowDuals: [Double]?, columnDuals: [Double]?) {
        checkThread()
        let values = (0..<columns).map { glp_get_col_prim(pointer, Int32($0 + 1)) }
        let activities = (0..<rows).map { glp_get_row_prim(pointer, Int32($0 + 1)) }
        let rowDuals = withDuals ? (0..<rows).map { glp_get_row_dual(pointer, Int32($0 + 1)) } : nil
        let columnDuals = withDuals ? (0..<columns).map { glp_get_col_dual(pointer, Int32($0 + 1)) } : nil
        return (glp_get_obj_val(pointer), values, activities, rowDuals, columnDuals)
    }

    func mipPoint(rows: Int, columns: Int) -> (objective: Double, values: [Double], activities: [Double]) {
        checkThread()
        let values = (0..<columns).map { glp_mip_col_val(pointer, Int32($0 + 1)) }
        let activities = (0..<rows).map { glp_mip_row_val(pointer, Int32($0 + 1)) }
        return (glp_mip_obj_val(pointer), values, activities)
    }
}
