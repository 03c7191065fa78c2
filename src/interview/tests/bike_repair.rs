//! The first pass the interview was measured against: a founder's mobile bike-repair service,
//! three customer segments and 26 items across the nine blocks, walked from an empty canvas to
//! the saved file. The target for this content is at most 90 prompts.

use super::*;

/// The target for a first pass with this content.
const TARGET: usize = 90;

#[test]
fn a_first_pass_of_the_bike_repair_canvas_stays_within_the_prompt_target() {
    let f = Fixture::new();
    let path = f.dir.path().join("pedal-medic.toml");
    let mut prompter = ScriptedPrompter::new(first_pass());
    let (ending, _) = f
        .session(&path)
        .run(Options::default(), &mut prompter)
        .unwrap_or_else(|e| panic!("{e}\n{:#?}", prompter.transcript));
    assert!(matches!(ending, Ending::Saved { paused: false, .. }));
    assert!(prompter.is_done(), "every scripted answer was asked for");
    let prompts = prompter.prompts();
    assert_eq!(prompts, 89, "measured for this content");
    assert!(prompts <= TARGET);

    let text = fs::read_to_string(&path).unwrap();
    let canvas = crate::file::parse_canvas(&path, &text).unwrap();
    assert_eq!(canvas.meta.title, "Pedal Medic");
    assert_items_and_links(&canvas);
    assert_picks_and_tested(&canvas);
}

/// The details, then each block as the founder answers it, the coach's checks as they come.
fn first_pass() -> Vec<Answer> {
    let mut script = vec![
        Text("Pedal Medic"),
        Text("Pedal Medic mobile bike repair"),
        Text("Jonas Weber"),
        Keep, // today
    ];
    for block in [
        segments(),
        value_propositions(),
        channels(),
        relationships(),
        revenue_streams(),
        resources(),
        activities(),
        partners(),
        costs(),
    ] {
        script.extend(block);
    }
    script
}

fn segments() -> Vec<Answer> {
    vec![
        Lines(&[
            "Commuters who ride to work every day and cannot be without their bike",
            "Students on campus riding cheap second-hand bikes",
            "Office parks that keep a fleet of bikes for their staff",
        ]),
        Ticks(&[0]),        // tested: the commuters
        Choose("testing:"), // 40 repairs done for commuters so far
        Ticks(&[0, 2]),     // most important: commuters and office parks
        Ticks(&[2]),        // segmented
    ]
}

fn value_propositions() -> Vec<Answer> {
    vec![
        Text("A working bike without a trip to the shop or a week without it."),
        Text("Shops are closed when commuters are free and keep a bike for days; fleets break down unseen."),
        Lines(&[
            "Repaired at your door or office while you work",
            "Fleet bikes kept roadworthy for a fixed monthly price",
            "Same-day flat-tyre fix on campus for 15 EUR",
        ]),
        Ticks(&[0, 1]),  // door repair: commuters and students
        Ticks(&[3, 10]), // getting the job done, convenience
        Ticks(&[2]),     // fleet care: office parks
        Ticks(&[7, 8]),  // cost reduction, risk reduction
        Ticks(&[1]),     // flat-tyre fix: students
        Ticks(&[6, 9]),  // price, accessibility
        Ticks(&[]),      // none tested yet
        Text("Getting to work on time, a safe bike, and for facility managers no broken bikes in the rack."),
    ]
}

fn channels() -> Vec<Answer> {
    vec![
        Text("Commuters by phone and Instagram, students on campus, offices through their facility manager."),
        Lines(&[
            "Online booking page with time slots",
            "Flyers and a stand at the campus bike racks",
            "Visits to facility managers of office parks",
        ]),
        Ticks(&[0, 1, 3, 5]), // booking: commuters, students; door repair, flat-tyre fix
        Ticks(&[1, 2, 3, 4]), // evaluation, purchase, delivery, after-sales
        Ticks(&[1, 5]),       // campus stand: students, flat-tyre fix
        Ticks(&[0, 2]),       // awareness, purchase
        Ticks(&[2, 4]),       // facility managers: office parks, fleet care
        Ticks(&[0, 1, 2]),    // awareness, evaluation, purchase
        Ticks(&[]),           // none tested yet
        Text(
            "Flyers and the facility managers point to the booking page; every visit ends with the next booking.",
        ),
        Ticks(&[0]), // works best: the booking page
        Ticks(&[1]), // most cost-efficient: the campus stand
        Text(
            "We come where the bike stands anyway: the office bike room, the campus racks, the front door at night.",
        ),
        Ticks(&[0, 1]), // owned, direct
    ]
}

fn relationships() -> Vec<Answer> {
    vec![
        Lines(&[
            "Self-service booking with service reminders",
            "A named mechanic for each office park",
        ]),
        Ticks(&[0, 1]), // booking: commuters and students
        Ticks(&[2]),    // named mechanic: office parks
        Ticks(&[]),     // none tested yet
        Ticks(&[0]),    // established: self-service booking
        Text("Reminders fill the quiet days; the named mechanic sells the next fleet contract."),
        Text("Reminders cost nothing; a named mechanic costs half a day a month for each office park."),
        Ticks(&[1, 2, 3]), // dedicated assistance, self-service, automated
    ]
}

fn revenue_streams() -> Vec<Answer> {
    vec![
        Lines(&[
            "Repair visit: 49 EUR call-out plus parts",
            "Fleet contract: 12 EUR per bike a month",
            "Campus flat-tyre fix: 15 EUR",
        ]),
        Ticks(&[0, 3]), // repair visit: commuters, door repair
        Ticks(&[1]),    // usage fee
        Ticks(&[0]),    // list price
        Ticks(&[2, 4]), // fleet contract: office parks, fleet care
        Ticks(&[2]),    // subscription fees
        Ticks(&[3]),    // volume dependent
        Ticks(&[1, 5]), // flat-tyre fix: students, the campus fix
        Ticks(&[1]),    // usage fee
        Ticks(&[2]),    // customer segment dependent
        Ticks(&[]),     // none tested yet
        Text("Commuters pay a shop 60 to 90 EUR for a service and lose the bike for days."),
        Text("Cash or card in the shop; offices pay a bike shop per invoice."),
        Text("Commuters by card on the spot; offices monthly on one invoice."),
        Text("Repair visits about 60 %, fleet contracts 30 %, campus fixes 10 %."),
    ]
}

fn resources() -> Vec<Answer> {
    vec![
        Lines(&[
            "Cargo bike fitted as a mobile workshop",
            "Two trained bike mechanics",
            "Booking and route-planning software",
        ]),
        Ticks(&[0, 1, 2]),    // workshop bike: all three offers
        Ticks(&[0, 1, 2, 7]), // mechanics: the offers and the named mechanic
        Ticks(&[3, 6]),       // software: booking page and reminders
        Ticks(&[]),           // none tested yet
        Text("A card reader and an invoicing account for the fleet contracts."),
        Ticks(&[0, 1, 2]), // physical, intellectual, human
    ]
}

fn activities() -> Vec<Answer> {
    vec![
        Lines(&[
            "Repairs on site",
            "Planning each day's route and time slots",
            "Selling fleet contracts to facility managers",
        ]),
        Ticks(&[0, 1, 2]), // repairs: all three offers
        Ticks(&[3, 6]),    // route planning: booking page and reminders
        Ticks(&[1, 5, 7]), // selling: fleet care, facility managers, named mechanic
        Ticks(&[]),        // none tested yet
        Text("Invoicing the fleet contracts every month and chasing late payers."),
        Ticks(&[0, 1]), // production, problem solving
    ]
}

fn partners() -> Vec<Answer> {
    vec![
        Lines(&[
            "Parts wholesaler with next-day delivery",
            "Cargo-bike maker that leases and services our workshop bike",
            "Local bike shop for repairs we cannot do on the road",
        ]),
        Ticks(&[3]), // wholesaler: repairs on site
        Ticks(&[0]), // cargo-bike maker: the workshop bike
        Ticks(&[3]), // bike shop: repairs on site
        Ticks(&[]),  // none tested yet
        Text("The parts wholesaler and the cargo-bike maker."),
        Ticks(&[0, 2]), // optimisation, acquisition of resources
        Ticks(&[0, 3]), // strategic alliance, buyer-supplier
    ]
}

fn costs() -> Vec<Answer> {
    vec![
        Lines(&[
            "Mechanics' wages: 5,400 EUR a month",
            "Cargo-bike lease and insurance: 350 EUR a month",
            "Spare parts: about 30 % of repair revenue",
        ]),
        Ticks(&[1, 3]), // wages: the mechanics, repairs on site
        Ticks(&[0, 7]), // lease: the workshop bike, the cargo-bike maker
        Ticks(&[6]),    // parts: the wholesaler
        Ticks(&[]),     // none tested yet
        Ticks(&[1]),    // most expensive resource: the mechanics
        Ticks(&[0]),    // most expensive activity: repairs on site
        Ticks(&[1]),    // value-driven
        Ticks(&[0, 1]), // fixed and variable costs
        Enter,          // the coach's check: go on, finish and save
    ]
}

/// The 26 items in block order, each with the items it links to.
const LINKS: [(&str, &[&str]); 26] = [
    ("cs1", &[]),
    ("cs2", &[]),
    ("cs3", &[]),
    ("vp1", &["cs1", "cs2"]),
    ("vp2", &["cs3"]),
    ("vp3", &["cs2"]),
    ("ch1", &["cs1", "cs2", "vp1", "vp3"]),
    ("ch2", &["cs2", "vp3"]),
    ("ch3", &["cs3", "vp2"]),
    ("cr1", &["cs1", "cs2"]),
    ("cr2", &["cs3"]),
    ("rs1", &["cs1", "vp1"]),
    ("rs2", &["cs3", "vp2"]),
    ("rs3", &["cs2", "vp3"]),
    ("kr1", &["vp1", "vp2", "vp3"]),
    ("kr2", &["vp1", "vp2", "vp3", "cr2"]),
    ("kr3", &["ch1", "cr1"]),
    ("ka1", &["vp1", "vp2", "vp3"]),
    ("ka2", &["ch1", "cr1"]),
    ("ka3", &["vp2", "ch3", "cr2"]),
    ("kp1", &["ka1"]),
    ("kp2", &["kr1"]),
    ("kp3", &["ka1"]),
    ("co1", &["kr2", "ka1"]),
    ("co2", &["kr1", "kp2"]),
    ("co3", &["kp1"]),
];

fn assert_items_and_links(canvas: &Canvas) {
    let found: Vec<(&str, Vec<&str>)> = BlockId::ALL
        .iter()
        .flat_map(|&b| &canvas.block(b).items)
        .map(|i| (i.id.as_str(), i.links.iter().map(String::as_str).collect()))
        .collect();
    let wanted: Vec<(&str, Vec<&str>)> = LINKS.iter().map(|(id, l)| (*id, l.to_vec())).collect();
    assert_eq!(found, wanted);
}

/// Every pick is kept by item id, and only the commuters are being tested.
fn assert_picks_and_tested(canvas: &Canvas) {
    use BlockId::*;
    let picks = [
        (CustomerSegments, "most_important", &["cs1", "cs3"][..]),
        (Channels, "works_best", &["ch1"]),
        (Channels, "cost_efficient", &["ch2"]),
        (CustomerRelationships, "established", &["cr1"]),
        (CostStructure, "expensive_resources", &["kr2"]),
        (CostStructure, "expensive_activities", &["ka1"]),
    ];
    for (block, question, ids) in picks {
        assert_eq!(canvas.block(block).picked(question), ids, "{block}.{question}");
    }
    let tested: Vec<&str> = BlockId::ALL
        .iter()
        .flat_map(|&b| &canvas.block(b).items)
        .filter(|i| i.status != Status::Assumption)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(tested, ["cs1"]);
}
