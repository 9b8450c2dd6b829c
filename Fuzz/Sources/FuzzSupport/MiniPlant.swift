import Foundation
import Takt

/// A small scenario with every table, for fuzz targets to change one part of: small, so
/// that a target runs thousands of inputs a second.
public enum MiniPlant {
    public static let files: [String: String] = [
        "scenario.csv": "key,value\nname,mini\nstart,2027-01-01\nperiod,month\nperiods,3\nmax_backlog_periods,1\nworkforce,integer\n",
        "calendars.csv": "scope,weekdays\n,Mon-Fri\nB,Mon-Sat\n",
        "calendar_exceptions.csv": "scope,start,end,kind,note\n,2027-01-01,2027-01-01,holiday,new year\nW1,2027-02-06,,workday,make-up\n",
        "units.csv": "id,name,kind,parent\nA,Plant A,plant,\nB,Shop B,workshop,A\n",
        "products.csv": "id,name,family,uom,lot_min,lot_multiple,initial_inventory,safety_stock,max_inventory,target_ending_inventory,holding_cost,backlog_cost,unit_revenue,unit_cost\nP1,Pump,F,pcs,10,5,20,5,400,10,2,20,900,400\nP2,Valve,F,pcs,0,0,0,0,,0,1,10,300,120\n",
        "work_centers.csv": "id,name,unit,machines,shifts_per_day,hours_per_shift,efficiency,overtime_hours_max,overtime_cost,extra_shift_cost\nW1,Lathes,A,2,2,8,0.9,40,60,9000\nW2,Assembly,B,1,1,8,1,unlimited,50,\n",
        "maintenance.csv": "work_center,start,end,machines,period,machine_days,note\nW1,2027-02-08,2027-02-09,1,,,overhaul\nW2,,,,2027-03,2,relining\n",
        "labor_pools.csv": "id,name,unit,skill,headcount,hours_per_day,attendance,wage,overtime_hours_max,overtime_cost,hire_cost,layoff_cost,min_headcount,max_headcount\nL,Fitters,A,fit,6,8,0.95,30,20,45,2000,3000,4,10\n",
        "routings.csv": "product,step,work_center,alternatives,run_hours,setup_hours,labor_pool,labor_hours,offset_days\nP1,10,W1,W2,0.5,2,L,0.4,5\nP1,20,W2,,0.3,1,,,0\nP2,10,W2,W1,0.2,0,L,0.1,0\n",
        "sales_plan.csv": "product,period,quantity\nP1,2027-01,100\nP1,2027,400\nP2,2027-Q1,150\n",
        "seasonality.csv": "key,month,weight\nF,1,0.8\nF,2,1.2\n",
        "orders.csv": "id,customer,product,quantity,due,priority,rush,status,frozen_period,earliest_start,completed\nO1,c1,P1,50,2027-01-20,3,no,frozen,2027-01,,\nO2,c2,P2,30,2027-02-15,5,yes,confirmed,,2027-02-01,10\nO3,c3,P1,80,2027-03-30,1,no,open,,,\n",
        "subcontractors.csv": "id,name,product,capacity,unit_cost,lead_time_days,quality\nS,Sub,P2,100,150,20,95\n",
        "materials.csv": "id,name,uom,unit_cost,lead_time_days,lot_rule,lot_quantity,on_hand,safety_stock,supplier,constrained,expedite_cost\nM1,Steel,kg,3,20,fixed,100,50,10,S1,yes,2\nM2,Alloy,kg,5,10,lot-for-lot,,0,0,S2,no,\n",
        "bom.csv": "parent,component,quantity,scrap,step,effective_from,effective_to\nP1,M1,2,0.05,10,,\nP1,P2,1,,20,,2027-02-28\nP2,M2,0.5,,,,\n",
        "purchase_orders.csv": "id,material,quantity,due,supplier\nPO1,M1,200,2027-01-15,S1\n",
        "supplier_capacity.csv": "material,period,capacity\nM1,2027-02,300\n",
        "substitutes.csv": "material,substitute,ratio,extra_cost\nM1,M2,1.5,1\n",
    ]

    /// The tables, in a fixed order: a target picks one by an input's first byte.
    public static let tableNames = files.keys.sorted()

    public static var data: [String: Data] { files.mapValues { Data($0.utf8) } }

    /// The scenario itself, read once.
    public static let scenario: Scenario = {
        do { return try ScenarioLoader.load(csvFiles: data, name: "mini").scenario } catch {
            fatalError("the fuzz targets' mini plant does not load: \(error)")
        }
    }()

    /// Checks an overlay of the mini plant as `takt whatif` does: read, applied, validated.
    public static func overlay(_ bytes: Data, name: String) {
        guard let overlay = try? ScenarioOverlayFile.read(bytes, name: name, base: scenario) else { return }
        _ = overlay.applied(to: scenario).validate()
    }
}
