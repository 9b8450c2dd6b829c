/// The cost a planning model puts on a unit of demand it leaves unmet (or a target it
/// breaks) where the policy does not price it: a thousand times the largest cost the model
/// weighs, so that every real option is taken first and there is always a plan, whose
/// summary says what no option can meet.
///
/// Capped so that the objective stays within what the simplex can scale
/// (`LinearProgram.Magnitudes`); below the cap, which the inputs' value ranges keep far
/// away, it dominates every cost a thousandfold.
func unmetPenalty(largestCost: Double) -> Double {
    1000 * min(max(1, largestCost), 1e14)
}
