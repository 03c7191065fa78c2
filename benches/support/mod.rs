//! Deterministic canvases of any size for benchmarks: a seeded generator, so every run measures
//! the same data.

use canvas_coach::api::{Bank, BlockId, Canvas, GapReport, Item, Language, Messages, write_document};

/// A small xorshift generator: enough for varied, repeatable data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "remote",
    "workers",
    "coffee",
    "subscription",
    "weekly",
    "fresh",
    "office",
    "roastery",
    "beans",
    "delivery",
    "partner",
    "platform",
    "tutor",
    "parents",
    "exam",
    "lunch",
    "boxes",
    "returnable",
    "local",
    "premium",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A canvas with `items` sticky notes spread over the nine blocks, every answer given, a choice in
/// every group, and each item linked to one to three items it may link to.
pub fn canvas(items: usize, seed: u64) -> Canvas {
    let bank = Bank::builtin(Language::En);
    let mut rng = Rng(seed.max(1));
    let mut canvas = Canvas::default();
    canvas.meta.title = format!("Generated canvas of {items} items");
    canvas.meta.date = "2026-11-23".into();
    for block in BlockId::ALL {
        let asked = bank.block(block);
        for question in &asked.questions {
            let answer = sentence(&mut rng, 12);
            canvas
                .block_mut(block)
                .answers
                .insert(question.id().to_owned(), answer);
        }
        for group in &asked.groups {
            let option = group.options[rng.below(group.options.len())].id().to_owned();
            canvas
                .block_mut(block)
                .categories
                .insert(group.id().to_owned(), vec![option]);
        }
    }
    let mut ids: Vec<Vec<String>> = vec![Vec::new(); 9];
    for n in 0..items {
        // Every block gets items from the start; segments first so that others can link to them.
        let block = BlockId::ALL[n % 9];
        let id = format!("{}{}", block.item_prefix(), n / 9 + 1);
        // Sampled by position across the target blocks, so generating stays linear.
        let pools: Vec<&Vec<String>> = block.link_targets().iter().map(|t| &ids[t.index()]).collect();
        let total: usize = pools.iter().map(|p| p.len()).sum();
        let links = if total == 0 {
            Vec::new()
        } else {
            (0..1 + rng.below(3))
                .map(|_| nth(&pools, rng.below(total)).clone())
                .collect()
        };
        let mut item = Item::new(id.clone(), sentence(&mut rng, 6), links);
        item.links.dedup();
        canvas.block_mut(block).items.push(item);
        ids[block.index()].push(id);
    }
    canvas
}

/// The `at`-th id of the pools taken one after the other.
fn nth<'a>(pools: &[&'a Vec<String>], mut at: usize) -> &'a String {
    for pool in pools {
        if at < pool.len() {
            return &pool[at];
        }
        at -= pool.len();
    }
    panic!("{at} is past the last id")
}

/// The canvas as its file's text.
pub fn canvas_text(items: usize, seed: u64) -> String {
    let canvas = canvas(items, seed);
    let report = GapReport::new(&canvas, Bank::builtin(Language::En), Messages::get(Language::En));
    write_document(None, &canvas, &report)
}
