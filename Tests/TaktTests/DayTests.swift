import Testing
@testable import Takt

@Suite struct DayTests {
    @Test func ordinalRoundTripsThroughComponents() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<2_000 {
            let ordinal = Int(random.next() % 200_000) - 50_000
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }

    @Test func knownDates() {
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(year: 2027, month: 1, day: 1).weekday == .friday)
        #expect(Day(year: 2024, month: 2, day: 29).weekday == .thursday)
        #expect(Day(iso: "2027-02-29") == nil)
        #expect(Day(iso: "2028-02-29")?.description == "2028-02-29")
        #expect(Day(iso: "2027-1-5") == nil)
        #expect(Day(year: 2027, month: 1, day: 31).addingMonths(1).description == "2027-02-28")
        #expect(Day(year: 2027, month: 11, day: 15).addingMonths(3).description == "2028-02-15")
    }

    @Test func weekdaySets() {
        #expect(Weekday.parseSet("Mon-Fri") == Weekday.workWeek)
        #expect(Weekday.parseSet("1-6")?.count == 6)
        #expect(Weekday.parseSet("monday|Wed|星期五") == [.monday, .wednesday, .friday])
        #expect(Weekday.parseSet("周一-周六")?.contains(.saturday) == true)
        #expect(Weekday.parseSet("Fri-Mon") == nil)
        #expect(Weekday.parseSet("Funday") == nil)
    }

    @Test func periodReferences() throws {
        let month = try #require(PeriodReference("2027-03"))
        #expect(month.range.start.description == "2027-03-01" && month.range.dayCount == 31)
        let quarter = try #require(PeriodReference("2027-Q4"))
        #expect(quarter.range.start.description == "2027-10-01" && quarter.range.end.description == "2028-01-01")
        // ISO week 1 of 2027 starts on Monday 2027-01-04.
        let week = try #require(PeriodReference("2027-W01"))
        #expect(week.range.start.description == "2027-01-04")
        #expect(PeriodReference("2027-W53") == nil)  // 2027 has 52 ISO weeks
        #expect(PeriodReference("2026-W53") != nil)
        #expect(PeriodReference("2027")?.range.dayCount == 365)
        #expect(PeriodReference("2027-13") == nil)
        #expect(PeriodReference("March") == nil)
    }

    @Test func horizonPeriodsAndLabels() {
        let months = Horizon(start: Day(year: 2027, month: 1, day: 1), periodLength: .month, periodCount: 12)
        #expect(months.periods.map(\.label).prefix(3) == ["2027-01", "2027-02", "2027-03"])
        #expect(months.range.end.description == "2028-01-01")
        #expect(months.periodIndex(containing: Day(year: 2027, month: 3, day: 31)) == 2)
        #expect(months.periodIndex(containing: Day(year: 2028, month: 1, day: 1)) == nil)

        // A fiscal year from April: April 2027 opens fiscal 2027's first quarter.
        let fiscal = Horizon(start: Day(year: 2027, month: 4, day: 1), periodLength: .quarter, periodCount: 4, fiscalYearStartMonth: 4)
        #expect(fiscal.periods.map(\.label) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"])
        #expect(fiscal.periodIndex(containing: Day(year: 2028, month: 2, day: 10)) == 3)

        let weeks = Horizon(start: Day(year: 2027, month: 1, day: 4), periodLength: .week, periodCount: 52)
        #expect(weeks.periods[0].label == "2027-W01" && weeks.periods[51].label == "2027-W52")
        #expect(weeks.periodIndex(containing: Day(year: 2027, month: 1, day: 17)) == 1)

        // A monthly horizon that starts mid-month keeps its day of month.
        let midMonth = Horizon(start: Day(year: 2027, month: 1, day: 15), periodLength: .month, periodCount: 3)
        #expect(midMonth.periodIndex(containing: Day(year: 2027, month: 2, day: 14)) == 0)
        #expect(midMonth.periodIndex(containing: Day(year: 2027, month: 2, day: 15)) == 1)
    }

    @Test func periodIndexAgreesWithPeriodRanges() {
        for length in PeriodLength.allCases {
            let horizon = Horizon(start: Day(year: 2027, month: 1, day: 31), periodLength: length, periodCount: 6)
            for period in horizon.periods {
                for day in period.range.days { #expect(horizon.periodIndex(containing: day) == period.index) }
            }
        }
    }
}

typealias SeededRandom = SeededGenerator

/// Every period's label reads back as that period, as a plan file's period column must.
@Suite struct PeriodLabelTests {
    @Test(arguments: [
        (Day(year: 2027, month: 1, day: 1), PeriodLength.week),  // a Friday
        (Day(year: 2027, month: 1, day: 4), .week),  // a Monday: ISO weeks
        (Day(year: 2027, month: 1, day: 15), .month),
        (Day(year: 2027, month: 1, day: 1), .month),
    ])
    func labelsReadBackAsTheirPeriods(start: Day, length: PeriodLength) throws {
        let horizon = Horizon(start: start, periodLength: length, periodCount: 20)
        for period in horizon.periods {
            let reference = try #require(PeriodReference(period.label), "\(period.label)")
            #expect(horizon.periodIndex(containing: reference.range.start) == period.index, "\(period.label)")
            #expect(reference.range.end <= period.end, "\(period.label)")
            #expect(!period.label.hasPrefix("2026"), "\(period.label): a label of the year before the horizon")
        }
        if length == .week { #expect(horizon.periods[0].label == (start.weekday == .monday ? "2027-W01" : "2027-01-01")) }
    }
}
