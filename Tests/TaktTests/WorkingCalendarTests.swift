import Testing
@testable import Takt

@Suite struct WorkingCalendarTests {
    let scenario: Scenario = {
        var s = ScenarioFactory.small()
        s.units.append(ProductionUnit(id: "SHOP", name: "Shop", kind: .workshop, parent: "U"))
        s.workCenters.append(WorkCenter(id: "W2", name: "W2", unit: "SHOP"))
        s.calendars = [CalendarRule(weekdays: Weekday.workWeek), CalendarRule(scope: "U", weekdays: Weekday.workWeek.union([.saturday]))]
        s.calendarExceptions = [
            CalendarException(start: Day(year: 2027, month: 1, day: 1), kind: .holiday, note: "New Year"),
            CalendarException(start: Day(year: 2027, month: 2, day: 5), end: Day(year: 2027, month: 2, day: 11), kind: .holiday),
            CalendarException(scope: "U", start: Day(year: 2027, month: 2, day: 8), kind: .workday),
            CalendarException(scope: "W2", start: Day(year: 2027, month: 2, day: 8), kind: .closure),
        ]
        return s
    }()

    @Test func weekdayRuleOfTheMostSpecificScope() {
        let calendar = WorkingCalendar(scenario)
        let saturday = Day(year: 2027, month: 1, day: 9)
        #expect(calendar.isWorking(saturday, unit: "U"))
        #expect(calendar.isWorking(saturday, unit: "SHOP"))  // inherits its parent's Saturdays
        #expect(!calendar.isWorking(saturday, unit: nil))
        #expect(!calendar.isWorking(Day(year: 2027, month: 1, day: 10), unit: "U"))  // Sunday
    }

    @Test func exceptionsFromCompanyDownToWorkCenter() {
        let calendar = WorkingCalendar(scenario)
        #expect(!calendar.isWorking(Day(year: 2027, month: 1, day: 1), unit: "U"))  // company holiday
        #expect(!calendar.isWorking(Day(year: 2027, month: 2, day: 9), unit: "U"))
        let monday = Day(year: 2027, month: 2, day: 8)
        #expect(calendar.isWorking(monday, unit: "U"))  // the unit works through the holiday
        #expect(calendar.isWorking(monday, unit: "U", workCenter: "W"))
        #expect(!calendar.isWorking(monday, unit: "SHOP", workCenter: "W2"))  // but W2 is closed
        #expect(!calendar.isWorking(monday, unit: nil))
    }

    @Test func januaryHasTwentyWorkingDaysAfterNewYear() {
        var s = ScenarioFactory.small()
        s.calendarExceptions = [CalendarException(start: Day(year: 2027, month: 1, day: 1), kind: .holiday)]
        let days = WorkingCalendar(s).workingDays(in: s.horizon.periods[0].range, unit: "U")
        // January 2027 has 21 weekdays; New Year's Day is one of them.
        #expect(days.filter { $0 }.count == 20)
    }
}
