import Foundation

/// Turns records into model values, one table at a time. Every bad field is logged; a record
/// with a bad field yields `nil` so that later checks do not repeat the complaint.
enum RecordDecoding {
    static func horizonAndPolicy(_ record: Record, log: DiagnosticLog) -> (String, Horizon?, Policy) {
        var r = FieldReader(record, log: log)
        let name = r.text("name", default: "scenario")
        let start = r.day("start", required: true)
        let length: PeriodLength? = r.required("period", what: "week, month, quarter or year").isEmpty
            ? nil : r.choice("period", default: PeriodLength.month)
        let count = r.integer("periods", default: 0, 1...10_000, required: true)
        let fiscal = r.integer("fiscal_year_start_month", default: 1, 1...12)
        let fixedDays = r.optionalNumber("working_days_per_period", .workingDays)
        let defaults = Policy()
        let policy = Policy(
            backlogAllowed: r.flag("backlog_allowed", default: defaults.backlogAllowed),
            maxBacklogPeriods: r.optionalInteger("max_backlog_periods", 0...10_000),
            endingBacklogAllowed: r.flag("ending_backlog_allowed", default: defaults.endingBacklogAllowed),
            lostSalesAllowed: r.flag("lost_sales_allowed", default: defaults.lostSalesAllowed),
            workforce: r.choice("workforce", default: defaults.workforce),
            holdingWeight: r.number("holding_weight", default: 1, .weight),
            backlogWeight: r.number("backlog_weight", default: 1, .weight),
            overtimeWeight: r.number("overtime_weight", default: 1, .weight),
            subcontractWeight: r.number("subcontract_weight", default: 1, .weight),
            tightThreshold: r.number("tight_threshold", default: defaults.tightThreshold, .threshold),
            underloadThreshold: r.number("underload_threshold", default: defaults.underloadThreshold, .threshold),
            materialCost: r.choice("material_cost", default: defaults.materialCost))
        var horizon: Horizon?
        // Dates stop at year 9999; a horizon must end before then.
        if let start, let length, count > 0 {
            let months = [PeriodLength.week: 0, .month: 1, .quarter: 3, .year: 12][length]!
            let years = length == .week ? (count * 7) / 365 + 1 : (count * months) / 12 + 1
            if start.year + years > 9998 {
                log.error(record.locate("periods"), value: String(count), "the horizon would run past the year 9998; expected fewer periods or an earlier start")
                return (name, nil, policy)
            }
        }
        if let start, let length, count > 0, !r.failed {
            horizon = Horizon(
                start: start, periodLength: length, periodCount: count, fiscalYearStartMonth: fiscal,
                workingDaysPerPeriod: fixedDays)
        }
        return (name, horizon, policy)
    }

    static func calendarRule(_ record: Record, log: DiagnosticLog) -> CalendarRule? {
        var r = FieldReader(record, log: log)
        let raw = r.required("weekdays", what: "working weekdays such as Mon-Fri")
        guard !raw.isEmpty else { return nil }
        guard let days = Weekday.parseSet(raw) else {
            log.error(record.locate("weekdays"), value: raw, "expected weekdays such as Mon-Fri, Mon|Tue|Sat or 1-6")
            return nil
        }
        return r.failed ? nil : CalendarRule(scope: r.optionalText("scope"), weekdays: days)
    }

    static func calendarException(_ record: Record, log: DiagnosticLog) -> CalendarException? {
        var r = FieldReader(record, log: log)
        let start = r.day("start", required: true)
        let end = r.day("end")
        let kind = r.required("kind", what: "holiday, closure or workday").isEmpty
            ? nil : r.choice("kind", default: CalendarException.Kind.holiday)
        guard let start, let kind, !r.failed else { return nil }
        if let end, end < start {
            log.error(record.locate("end"), value: end.description, "expected a day on or after start \(start)")
            return nil
        }
        return CalendarException(scope: r.optionalText("scope"), start: start, end: end, kind: kind, note: r.text("note"))
    }

    static func unit(_ record: Record, log: DiagnosticLog) -> ProductionUnit? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a unit id")
        let unit = ProductionUnit(
            id: id, name: r.text("name", default: id), kind: r.choice("kind", default: ProductionUnit.Kind.plant),
            parent: r.optionalText("parent"), shiftStart: r.timeOfDay("shift_start"))
        return r.failed ? nil : unit
    }

    static func product(_ record: Record, log: DiagnosticLog) -> Product? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a product id")
        let product = Product(
            id: id, name: r.text("name", default: id), family: r.required("family", what: "a product family"),
            specification: r.text("specification"), uom: r.text("uom", default: "pcs"),
            lotMin: r.number("lot_min", default: 0), lotMultiple: r.number("lot_multiple", default: 0),
            discrete: r.flag("discrete", default: true),
            initialInventory: r.number("initial_inventory", default: 0),
            safetyStock: r.number("safety_stock", default: 0),
            maxInventory: r.optionalNumber("max_inventory"),
            targetEndingInventory: r.number("target_ending_inventory", default: 0),
            holdingCost: r.number("holding_cost", default: 0, .money), backlogCost: r.number("backlog_cost", default: 0, .money),
            lostSaleCost: r.optionalNumber("lost_sale_cost", .money), unitRevenue: r.optionalNumber("unit_revenue", .money),
            unitCost: r.number("unit_cost", default: 0, .money), setupCost: r.number("setup_cost", default: 0, .money))
        return r.failed ? nil : product
    }

    static func workCenter(_ record: Record, log: DiagnosticLog) -> WorkCenter? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a work center id")
        let center = WorkCenter(
            id: id, name: r.text("name", default: id), unit: r.required("unit", what: "a production unit id"),
            machines: r.integer("machines", default: 1, 0...1_000_000),
            shiftsPerDay: r.integer("shifts_per_day", default: 1, 0...4),
            hoursPerShift: r.number("hours_per_shift", default: 8, .hoursPerDay),
            efficiency: r.number("efficiency", default: 1, .efficiency),
            overtimeHoursMax: r.limit("overtime_hours_max", default: 0),
            overtimeCost: r.number("overtime_cost", default: 0, .money),
            extraShiftCost: r.optionalNumber("extra_shift_cost", .money), shiftStart: r.timeOfDay("shift_start"))
        guard !r.failed else { return nil }
        if Double(center.shiftsPerDay) * center.hoursPerShift > 24 {
            log.error(
                record.locate("hours_per_shift"), value: center.hoursPerShift.compactText,
                "shifts_per_day × hours_per_shift is \((Double(center.shiftsPerDay) * center.hoursPerShift).compactText) hours; expected at most 24 a day")
            return nil
        }
        return center
    }

    static func maintenance(_ record: Record, log: DiagnosticLog) -> Maintenance? {
        var r = FieldReader(record, log: log)
        let item = Maintenance(
            workCenter: r.required("work_center", what: "a work center id"), start: r.day("start"), end: r.day("end"),
            machines: r.integer("machines", default: 1, 1...1_000_000), period: r.period("period"),
            machineDays: r.optionalNumber("machine_days", .positiveQuantity), note: r.text("note"))
        guard !r.failed else { return nil }
        let byDates = item.start != nil || item.end != nil
        let byPeriod = item.period != nil || item.machineDays != nil
        switch (byDates, byPeriod) {
        case (true, false):
            guard let start = item.start, let end = item.end else {
                log.error(record.locate(item.start == nil ? "start" : "end"), "missing: a date range needs both start and end (YYYY-MM-DD)")
                return nil
            }
            if end < start {
                log.error(record.locate("end"), value: end.description, "expected a day on or after start \(start)")
                return nil
            }
        case (false, true):
            if item.period == nil || item.machineDays == nil {
                log.error(record.locate(item.period == nil ? "period" : "machine_days"), "missing: machine-days need both period and machine_days")
                return nil
            }
        default:
            log.error(record.locate("start"), "expected either start and end dates, or period and machine_days")
            return nil
        }
        return item
    }

    static func laborPool(_ record: Record, log: DiagnosticLog) -> LaborPool? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a labor pool id")
        let pool = LaborPool(
            id: id, name: r.text("name", default: id), unit: r.required("unit", what: "a production unit id"),
            skill: r.text("skill"), headcount: r.requiredNumber("headcount", .headcount),
            hoursPerDay: r.number("hours_per_day", default: 8, .hoursPerDay),
            attendance: r.number("attendance", default: 1, .fraction), wage: r.number("wage", default: 0, .money),
            overtimeHoursMax: r.limit("overtime_hours_max", default: 0), overtimeCost: r.number("overtime_cost", default: 0, .money),
            hireCost: r.number("hire_cost", default: 0, .money), layoffCost: r.number("layoff_cost", default: 0, .money),
            minHeadcount: r.number("min_headcount", default: 0, .headcount), maxHeadcount: r.optionalNumber("max_headcount", .headcount))
        guard !r.failed else { return nil }
        if let max = pool.maxHeadcount, max < pool.minHeadcount {
            log.error(record.locate("max_headcount"), value: max.compactText, "expected at least min_headcount \(pool.minHeadcount.compactText)")
            return nil
        }
        return pool
    }

    static func routingStep(_ record: Record, log: DiagnosticLog) -> RoutingStep? {
        var r = FieldReader(record, log: log)
        let step = RoutingStep(
            product: r.required("product", what: "a product id"), step: r.integer("step", default: 0, 0...1_000_000, required: true),
            workCenter: r.required("work_center", what: "a work center id"), alternatives: r.list("alternatives"),
            runHours: r.requiredNumber("run_hours", .hoursPerUnit), setupHours: r.number("setup_hours", default: 0, .hoursPerUnit),
            laborPool: r.optionalText("labor_pool"), laborHours: r.number("labor_hours", default: 0, .hoursPerUnit),
            offsetDays: r.integer("offset_days", default: 0, 0...3650))
        guard !r.failed else { return nil }
        if step.laborHours > 0 && step.laborPool == nil {
            log.error(record.locate("labor_pool"), "missing: labor_hours is \(step.laborHours.compactText), so the step needs a labor pool")
            return nil
        }
        return step
    }

    static func salesPlanLine(_ record: Record, log: DiagnosticLog) -> SalesPlanLine? {
        var r = FieldReader(record, log: log)
        let product = r.required("product", what: "a product id")
        let period = r.period("period", required: true)
        let quantity = r.requiredNumber("quantity")
        guard let period, !r.failed else { return nil }
        return SalesPlanLine(product: product, period: period, quantity: quantity)
    }

    static func seasonality(_ record: Record, log: DiagnosticLog) -> SeasonalityWeight? {
        var r = FieldReader(record, log: log)
        let weight = SeasonalityWeight(
            key: r.required("key", what: "a product id or family"), month: r.integer("month", default: 1, 1...12, required: true),
            weight: r.requiredNumber("weight", .weight))
        return r.failed ? nil : weight
    }

    static func order(_ record: Record, log: DiagnosticLog) -> CustomerOrder? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "an order id")
        let product = r.required("product", what: "a product id")
        let quantity = r.optionalNumber("quantity", .positive, requiredText: "a number > 0")
        let due = r.day("due", required: true)
        let order = CustomerOrder(
            id: id, customer: r.text("customer"), product: product, quantity: quantity ?? 0, due: due ?? Day(ordinal: 0),
            priority: r.integer("priority", default: 5, 1...9), rush: r.flag("rush", default: false),
            status: r.choice("status", default: CustomerOrder.Status.open), frozenPeriod: r.period("frozen_period"),
            earliestStart: r.day("earliest_start"), completed: r.number("completed", default: 0))
        guard !r.failed, quantity != nil, due != nil else { return nil }
        if order.completed > order.quantity {
            log.error(record.locate("completed"), value: order.completed.compactText, "expected at most the quantity \(order.quantity.compactText)")
            return nil
        }
        if order.status == .frozen && order.frozenPeriod == nil {
            log.error(record.locate("frozen_period"), "missing: a frozen order needs the period it is frozen in")
            return nil
        }
        if let start = order.earliestStart, start > order.due {
            log.error(record.locate("earliest_start"), value: start.description, "expected a day on or before the due date \(order.due)")
            return nil
        }
        return order
    }

    static func setupChange(_ record: Record, log: DiagnosticLog) -> SetupChange? {
        var r = FieldReader(record, log: log)
        let change = SetupChange(
            from: r.required("from", what: "a product or family id"),
            to: r.required("to", what: "a product or family id"), hours: r.requiredNumber("hours", .hoursPerDay))
        return r.failed ? nil : change
    }

    static func operationInProgress(_ record: Record, log: DiagnosticLog) -> OperationInProgress? {
        var r = FieldReader(record, log: log)
        let order = r.required("order", what: "an order id")
        let step = r.integer("step", default: 0, 0...1_000_000, required: true)
        let machine = r.required("machine", what: "a machine such as CNC-T-1, or a work center id")
        let start = r.moment("start")
        let remaining = r.optionalNumber("remaining_hours", .hoursPerUnit)
        guard !r.failed, let start else { return nil }
        return OperationInProgress(order: order, step: step, machine: machine, start: start.0, startTime: start.1, remainingHours: remaining)
    }

    static func material(_ record: Record, log: DiagnosticLog) -> Material? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a material id")
        let material = Material(
            id: id, name: r.text("name", default: id), uom: r.text("uom", default: "pcs"), unitCost: r.number("unit_cost", default: 0, .money),
            leadTimeDays: r.integer("lead_time_days", default: 0, 0...3650), lotRule: r.choice("lot_rule", default: Material.LotRule.lotForLot),
            lotQuantity: r.number("lot_quantity", default: 0, .quantity), orderingCost: r.number("ordering_cost", default: 0, .money),
            holdingCost: r.number("holding_cost", default: 0, .money), periodsOfSupply: r.integer("periods_of_supply", default: 1, 1...1000),
            minimumOrder: r.number("minimum_order", default: 0, .quantity), orderMultiple: r.number("order_multiple", default: 0, .quantity),
            onHand: r.number("on_hand", default: 0, .quantity), safetyStock: r.number("safety_stock", default: 0, .quantity),
            supplier: r.text("supplier"), constrained: r.flag("constrained", default: false),
            expediteCost: r.optionalNumber("expedite_cost", .money))
        guard !r.failed else { return nil }
        if material.lotRule == .fixed && material.lotQuantity <= 0 {
            log.error(record.locate("lot_quantity"), "missing: the fixed lot rule needs a lot_quantity above 0")
            return nil
        }
        return material
    }

    static func bomLine(_ record: Record, log: DiagnosticLog) -> BOMLine? {
        var r = FieldReader(record, log: log)
        let line = BOMLine(
            parent: r.required("parent", what: "a product id"), component: r.required("component", what: "a material or product id"),
            quantity: r.optionalNumber("quantity", .positiveQuantity, requiredText: "a number > 0") ?? 0,
            scrap: r.number("scrap", default: 0, .scrap), step: r.optionalInteger("step", 0...1_000_000),
            effectiveFrom: r.day("effective_from"), effectiveTo: r.day("effective_to"))
        guard !r.failed else { return nil }
        if let from = line.effectiveFrom, let to = line.effectiveTo, to < from {
            log.error(record.locate("effective_to"), value: to.description, "expected a day on or after effective_from \(from)")
            return nil
        }
        return line
    }

    static func supplierCapacity(_ record: Record, log: DiagnosticLog) -> SupplierCapacity? {
        var r = FieldReader(record, log: log)
        let material = r.required("material", what: "a material id")
        let period = r.period("period", required: true)
        let capacity = r.optionalNumber("capacity", .quantity, requiredText: "a quantity ≥ 0")
        guard !r.failed, let period, let capacity else { return nil }
        return SupplierCapacity(material: material, period: period, capacity: capacity)
    }

    static func substitute(_ record: Record, log: DiagnosticLog) -> MaterialSubstitute? {
        var r = FieldReader(record, log: log)
        let item = MaterialSubstitute(
            material: r.required("material", what: "a material id"), substitute: r.required("substitute", what: "a material id"),
            ratio: r.number("ratio", default: 1, .positiveQuantity), extraCost: r.number("extra_cost", default: 0, .money))
        return r.failed ? nil : item
    }

    static func purchaseOrder(_ record: Record, log: DiagnosticLog) -> PurchaseOrder? {
        var r = FieldReader(record, log: log)
        let order = PurchaseOrder(
            id: r.required("id", what: "a purchase order id"), material: r.required("material", what: "a material id"),
            quantity: r.optionalNumber("quantity", .positiveQuantity, requiredText: "a number > 0") ?? 0,
            due: r.day("due", required: true) ?? Day(ordinal: 0), supplier: r.text("supplier"))
        return r.failed ? nil : order
    }

    static func subcontractor(_ record: Record, log: DiagnosticLog) -> Subcontractor? {
        var r = FieldReader(record, log: log)
        let id = r.required("id", what: "a subcontractor id")
        let offer = Subcontractor(
            id: id, name: r.text("name", default: id), product: r.required("product", what: "a product id"),
            capacity: r.optionalNumber("capacity"), unitCost: r.requiredNumber("unit_cost", .money),
            leadTimeDays: r.integer("lead_time_days", default: 0, 0...3650),
            quality: r.number("quality", default: 100, .percent))
        return r.failed ? nil : offer
    }
}
