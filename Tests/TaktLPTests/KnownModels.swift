import TaktLP

/// Small models whose optima are published or computed by hand.
enum KnownModels {
    /// Sailco (Winston, *Operations Research*, example 3.10): regular production ≤ 40 boats a
    /// quarter at $400, overtime unlimited at $450, holding $20 a boat at a quarter's end;
    /// demand 40, 60, 75, 25 and 10 boats in stock at the start. Minimum cost $78,450.
    static func sailco(demand: [Double] = [40, 60, 75, 25], initialInventory: Double = 10) -> LinearProgram {
        var lp = LinearProgram(name: "sailco")
        var previous: VariableID?
        for (q, d) in demand.enumerated() {
            let regular = lp.addVariable("regular_q\(q + 1)", upperBound: 40, objective: 400)
            let overtime = lp.addVariable("overtime_q\(q + 1)", objective: 450)
            let stock = lp.addVariable("stock_q\(q + 1)", objective: 20)
            // stock[q-1] + regular + overtime − stock[q] = demand
            var terms = [Term(regular, 1), Term(overtime, 1), Term(stock, -1)]
            if let previous { terms.append(Term(previous, 1)) }
            lp.addConstraint("balance_q\(q + 1)", terms, .equal(previous == nil ? d - initialInventory : d))
            previous = stock
        }
        return lp
    }

    /// Food Manufacture 1 (H. P. Williams, *Model Building in Mathematical Programming*,
    /// §12.1), as in GLPK's `food.mod`: maximum profit 107,842.59.
    static func foodManufacture() -> LinearProgram {
        let oils = ["VEG1", "VEG2", "OIL1", "OIL2", "OIL3"]
        let hardness: [Double] = [8.8, 6.1, 2.0, 4.2, 5.0]
        let prices: [[Double]] = [
            [110, 120, 130, 110, 115], [130, 130, 110, 90, 115], [110, 140, 130, 100, 95],
            [120, 110, 120, 120, 125], [100, 120, 150, 110, 105], [90, 100, 140, 80, 135],
        ]
        var lp = LinearProgram(name: "food", sense: .maximize)
        var buy = [[VariableID]](), stock = [[VariableID]](), use = [[VariableID]](), production = [VariableID]()
        for m in 0..<6 {
            buy.append(oils.map { lp.addVariable("buy(\(m + 1),\($0))", objective: -prices[m][oils.firstIndex(of: $0)!]) })
            // stock[m] is the stock at the start of month m; storage costs 5 a ton.
            stock.append(oils.map { lp.addVariable("stock(\(m + 1),\($0))", upperBound: 1000, objective: -5) })
            use.append(oils.map { lp.addVariable("use(\(m + 1),\($0))") })
            production.append(lp.addVariable("produce(\(m + 1))", objective: 150))
        }
        for (o, oil) in oils.enumerated() {
            lp.addConstraint("startstock(\(oil))", [Term(stock[0][o], 1)], .equal(500))
            lp.addConstraint("endstock(\(oil))", [Term(stock[5][o], 1), Term(buy[5][o], 1), Term(use[5][o], -1)], .greaterOrEqual(500))
        }
        for m in 0..<6 {
            for o in oils.indices {
                lp.addConstraint("supply(\(m + 1),\(oils[o]))", [Term(use[m][o], 1), Term(stock[m][o], -1), Term(buy[m][o], -1)], .lessOrEqual(0))
                if m < 5 {
                    lp.addConstraint(
                        "flow(\(m + 1),\(oils[o]))",
                        [Term(stock[m + 1][o], 1), Term(stock[m][o], -1), Term(buy[m][o], -1), Term(use[m][o], 1)], .equal(0))
                }
            }
            let hard = oils.indices.map { Term(use[m][$0], hardness[$0]) }
            lp.addConstraint("hardmin(\(m + 1))", hard + [Term(production[m], -3)], .greaterOrEqual(0))
            lp.addConstraint("hardmax(\(m + 1))", hard + [Term(production[m], -6)], .lessOrEqual(0))
            lp.addConstraint("blend(\(m + 1))", oils.indices.map { Term(use[m][$0], 1) } + [Term(production[m], -1)], .equal(0))
            lp.addConstraint("refineveg(\(m + 1))", [Term(use[m][0], 1), Term(use[m][1], 1)], .lessOrEqual(200))
            lp.addConstraint("refineoil(\(m + 1))", [Term(use[m][2], 1), Term(use[m][3], 1), Term(use[m][4], 1)], .lessOrEqual(250))
        }
        return lp
    }

    /// Wyndor Glass (Hillier & Lieberman): max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum 36 at (2, 6) with shadow prices 0, 1.5 and 1.
    static func wyndor() -> LinearProgram {
        var lp = LinearProgram(name: "wyndor", sense: .maximize)
        let x = lp.addVariable("x", objective: 3)
        let y = lp.addVariable("y", objective: 5)
        lp.addConstraint("plant1", [Term(x, 1)], .lessOrEqual(4))
        lp.addConstraint("plant2", [Term(y, 2)], .lessOrEqual(12))
        lp.addConstraint("plant3", [Term(x, 3), Term(y, 2)], .lessOrEqual(18))
        return lp
    }

    /// max 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6, x, y whole: LP optimum 21 at (3, 1.5),
    /// integer optimum 20 at (4, 0).
    static func smallMIP() -> LinearProgram {
        var lp = LinearProgram(name: "smallmip", sense: .maximize)
        let x = lp.addVariable("x", kind: .integer, objective: 5)
        let y = lp.addVariable("y", kind: .integer, objective: 4)
        lp.addConstraint("c1", [Term(x, 6), Term(y, 4)], .lessOrEqual(24))
        lp.addConstraint("c2", [Term(x, 1), Term(y, 2)], .lessOrEqual(6))
        return lp
    }

    /// Beale's example, on which a textbook simplex cycles: optimum −0.05 at x4 = 0.04, x6 = 1.
    static func beale() -> LinearProgram {
        var lp = LinearProgram(name: "beale")
        let x4 = lp.addVariable("x4", objective: -0.75)
        let x5 = lp.addVariable("x5", objective: 150)
        let x6 = lp.addVariable("x6", objective: -0.02)
        let x7 = lp.addVariable("x7", objective: 6)
        lp.addConstraint("r1", [Term(x4, 0.25), Term(x5, -60), Term(x6, -0.04), Term(x7, 9)], .lessOrEqual(0))
        lp.addConstraint("r2", [Term(x4, 0.5), Term(x5, -90), Term(x6, -0.02), Term(x7, 3)], .lessOrEqual(0))
        lp.addConstraint("r3", [Term(x6, 1)], .lessOrEqual(1))
        return lp
    }

    /// A market-split instance (Cornuéjols & Dawande): find 0-1 x with Σ aᵢⱼxⱼ = dᵢ, written
    /// with slacks so x = 0 is feasible. Branch-and-bound needs far longer than a second.
    static func marketSplit(rows: Int = 4, columns: Int = 40, seed: UInt64 = 7) -> LinearProgram {
        var random = SplitMix64(seed: seed)
        var lp = LinearProgram(name: "marketsplit")
        let x = (0..<columns).map { lp.addVariable("x\($0)", kind: .binary) }
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(random.next() % 100) }
            let target = (a.reduce(0, +) / 2).rounded(.down)
            let over = lp.addVariable("over\(i)", objective: 1)
            let under = lp.addVariable("under\(i)", objective: 1)
            lp.addConstraint("split\(i)", zip(x, a).map { Term($0, $1) } + [Term(over, -1), Term(under, 1)], .equal(target))
        }
        return lp
    }

    /// A transportation problem: `n` plants, `n` markets, seeded costs, supply = demand.
    static func transportation(size n: Int, seed: UInt64) -> (LinearProgram, [[VariableID]]) {
        var random = SplitMix64(seed: seed)
        var lp = LinearProgram(name: "transport")
        let ship = (0..<n).map { i in
            (0..<n).map { j in lp.addVariable("ship(\(i),\(j))", objective: Double(1 + random.next() % 50)) }
        }
        let amount = (0..<n).map { _ in Double(10 + random.next() % 90) }
        for i in 0..<n { lp.addConstraint("supply(\(i))", (0..<n).map { Term(ship[i][$0], 1) }, .lessOrEqual(amount[i])) }
        for j in 0..<n { lp.addConstraint("demand(\(j))", (0..<n).map { Term(ship[$0][j], 1) }, .greaterOrEqual(amount[(j * 7) % n])) }
        return (lp, ship)
    }
}

/// A small seeded generator, so that random test models are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
