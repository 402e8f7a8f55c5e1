//! Which category a new interest belongs in, when the user leaves the choice on "Automatic".
//!
//! In order: where the user filed the same interest before (their choice always wins), a
//! built-in table of whole interests, then keywords per category scored word by word, and
//! "Other" only when nothing is known. The table is plain English written from general
//! knowledge, not fitted to any test data; add a word to a list to extend it.

use super::interest_key::InterestKey;
use super::model::CategoryId;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Whole interests whose words alone would mislead ("family history" is research, not kids).
const PHRASES: &[(&str, &str)] = &[
    ("family history", "hobbies"),
    ("local history", "local"),
    ("school run", "family"),
    ("dog walking", "family"),
    ("walking holiday", "travel"),
    ("charity run", "causes"),
    ("fun run", "sport"),
    ("book club", "arts"),
    ("board game", "hobbies"),
    ("video game", "hobbies"),
    ("social media", "work"),
    ("public speaking", "work"),
    ("web design", "work"),
    ("graphic design", "work"),
    ("interior design", "arts"),
    ("first aid", "learning"),
    ("food bank", "causes"),
    ("mental health", "causes"),
    ("animal welfare", "causes"),
    ("climate change", "causes"),
    ("afternoon tea", "food"),
    ("real ale", "food"),
    ("craft beer", "food"),
    ("parish council", "local"),
    ("neighbourhood watch", "local"),
    ("village fete", "local"),
    ("community garden", "local"),
    ("litter picking", "local"),
    ("city break", "travel"),
    ("road trip", "travel"),
    ("canal boat", "travel"),
    ("wild swimming", "sport"),
    ("small business", "work"),
    ("personal finance", "learning"),
    ("car boot sale", "hobbies"),
    ("stand up comedy", "arts"),
    ("open university", "learning"),
    ("evening class", "learning"),
    ("u3a", "learning"),
    ("amateur dramatics", "arts"),
    ("am dram", "arts"),
];

/// Keywords per category. A word counts for the category it is listed under; an interest goes
/// where most of its words point.
const KEYWORDS: &[(&str, &[&str])] = &[
    (
        "work",
        &[
            "work",
            "business",
            "marketing",
            "sales",
            "selling",
            "accounting",
            "accountancy",
            "bookkeeping",
            "finance",
            "tax",
            "payroll",
            "hr",
            "recruitment",
            "recruiting",
            "management",
            "manager",
            "leadership",
            "coaching",
            "consulting",
            "consultancy",
            "networking",
            "entrepreneur",
            "startup",
            "freelance",
            "freelancing",
            "copywriting",
            "branding",
            "seo",
            "ecommerce",
            "retail",
            "customer",
            "clients",
            "property",
            "estate",
            "mortgage",
            "insurance",
            "law",
            "legal",
            "solicitor",
            "software",
            "developer",
            "engineering",
            "it",
            "tech",
            "technology",
            "cybersecurity",
            "data",
            "analytics",
            "ai",
            "career",
            "careers",
            "mentoring",
            "mentor",
            "negotiation",
            "procurement",
            "logistics",
            "franchise",
            "investing",
            "investment",
            "startups",
            "linkedin",
            "pr",
            "advertising",
            "strategy",
            "innovation",
            "productivity",
            "training",
            "hospitality",
            "catering",
            "bakery",
            "shop",
            "salon",
            "trade",
            "export",
            "import",
            "manufacturing",
            "construction",
            "architecture",
            "office",
            "design",
            "printing",
            "admin",
            "virtual",
            "assistant",
            "events",
            "wedding",
            "planning",
            "photography",
            "videography",
            "consultant",
            "b2b",
        ],
    ),
    (
        "family",
        &[
            "family",
            "kids",
            "children",
            "child",
            "son",
            "daughter",
            "baby",
            "babies",
            "toddler",
            "toddlers",
            "teenager",
            "teenagers",
            "teens",
            "parenting",
            "parent",
            "parents",
            "mum",
            "mother",
            "dad",
            "father",
            "grandchildren",
            "grandkids",
            "grandson",
            "granddaughter",
            "grandparent",
            "grandparents",
            "grandma",
            "grandad",
            "nan",
            "husband",
            "wife",
            "partner",
            "marriage",
            "siblings",
            "twins",
            "school",
            "nursery",
            "homeschool",
            "caring",
            "carer",
            "dog",
            "dogs",
            "cat",
            "cats",
            "pet",
            "pets",
            "puppy",
            "kitten",
            "horse",
            "pony",
            "home",
            "household",
            "step",
            "adoption",
            "fostering",
            "playgroup",
            "playdate",
        ],
    ),
    (
        "hobbies",
        &[
            "hobby",
            "gardening",
            "garden",
            "allotment",
            "knitting",
            "crochet",
            "sewing",
            "quilting",
            "embroidery",
            "crafts",
            "craft",
            "crafting",
            "pottery",
            "ceramics",
            "woodwork",
            "woodworking",
            "diy",
            "model",
            "models",
            "railway",
            "trains",
            "birdwatching",
            "birding",
            "birds",
            "fishing",
            "angling",
            "reading",
            "books",
            "puzzles",
            "crosswords",
            "sudoku",
            "jigsaw",
            "jigsaws",
            "chess",
            "bridge",
            "cards",
            "games",
            "gaming",
            "lego",
            "collecting",
            "stamps",
            "coins",
            "antiques",
            "vintage",
            "upcycling",
            "restoring",
            "cars",
            "classic",
            "motorbikes",
            "motorcycles",
            "astronomy",
            "stargazing",
            "metal",
            "detecting",
            "genealogy",
            "ancestry",
            "baking",
            "origami",
            "calligraphy",
            "scrapbooking",
            "candle",
            "soap",
            "beekeeping",
            "bees",
            "chickens",
            "houseplants",
            "plants",
            "flowers",
            "roses",
            "vegetables",
            "foraging",
            "magic",
            "juggling",
            "podcasts",
            "netflix",
            "tv",
            "television",
            "telly",
            "quiz",
            "quizzes",
            "trivia",
            "dungeons",
            "warhammer",
            "cosplay",
        ],
    ),
    (
        "sport",
        &[
            "sport",
            "sports",
            "running",
            "run",
            "runner",
            "jogging",
            "marathon",
            "parkrun",
            "triathlon",
            "cycling",
            "bike",
            "biking",
            "mountain",
            "swimming",
            "swim",
            "walking",
            "hiking",
            "rambling",
            "yoga",
            "pilates",
            "gym",
            "fitness",
            "crossfit",
            "weights",
            "weightlifting",
            "football",
            "soccer",
            "rugby",
            "cricket",
            "tennis",
            "badminton",
            "squash",
            "netball",
            "hockey",
            "basketball",
            "volleyball",
            "golf",
            "bowls",
            "bowling",
            "snooker",
            "darts",
            "boxing",
            "martial",
            "karate",
            "judo",
            "taekwondo",
            "kickboxing",
            "climbing",
            "bouldering",
            "skiing",
            "snowboarding",
            "surfing",
            "paddleboarding",
            "kayaking",
            "canoeing",
            "rowing",
            "sailing",
            "windsurfing",
            "skating",
            "dancing",
            "dance",
            "zumba",
            "salsa",
            "ballroom",
            "tango",
            "aerobics",
            "spinning",
            "stretching",
            "athletics",
            "cheerleading",
            "fencing",
            "archery",
            "equestrian",
            "riding",
            "horseriding",
            "orienteering",
            "trail",
            "ultra",
            "rounders",
            "tai",
            "chi",
            "padel",
            "pickleball",
            "ping",
            "pong",
            "spin",
            "strength",
            "workout",
            "exercise",
        ],
    ),
    (
        "food",
        &[
            "food",
            "cooking",
            "cook",
            "cookery",
            "recipes",
            "baking",
            "bread",
            "sourdough",
            "cake",
            "cakes",
            "biscuits",
            "biscuit",
            "cookies",
            "chocolate",
            "coffee",
            "tea",
            "wine",
            "beer",
            "ale",
            "gin",
            "whisky",
            "whiskey",
            "cider",
            "cocktails",
            "vodka",
            "rum",
            "cheese",
            "curry",
            "pizza",
            "pasta",
            "sushi",
            "barbecue",
            "bbq",
            "vegan",
            "vegetarian",
            "veggie",
            "restaurants",
            "restaurant",
            "eating",
            "dining",
            "foodie",
            "brunch",
            "breakfast",
            "lunch",
            "dinner",
            "cafes",
            "cafe",
            "pubs",
            "pub",
            "custard",
            "creams",
            "scones",
            "jam",
            "preserves",
            "pickling",
            "fermenting",
            "kombucha",
            "chilli",
            "spices",
            "baker",
            "pastry",
            "desserts",
            "puddings",
            "ice",
            "cream",
            "doughnuts",
            "donuts",
            "crisps",
            "sweets",
            "takeaway",
            "tapas",
            "ramen",
            "noodles",
            "dumplings",
            "chips",
            "roast",
            "sandwiches",
            "smoothies",
            "juicing",
            "nutrition",
            "diet",
            "keto",
            "street",
        ],
    ),
    (
        "local",
        &[
            "local",
            "community",
            "village",
            "town",
            "parish",
            "council",
            "councillor",
            "neighbourhood",
            "neighbours",
            "neighbors",
            "recycling",
            "fete",
            "fair",
            "wi",
            "rotary",
            "lions",
            "round",
            "table",
            "scouts",
            "guides",
            "brownies",
            "cubs",
            "church",
            "chapel",
            "mosque",
            "temple",
            "synagogue",
            "faith",
            "library",
            "litter",
            "allotments",
            "residents",
            "association",
            "committee",
            "market",
            "markets",
            "high",
            "volunteering",
            "volunteer",
            "hall",
            "pub",
            "quiz",
            "bonfire",
            "carnival",
            "festival",
            "twinning",
            "heritage",
            "civic",
            "society",
            "friends",
            "park",
            "parks",
            "green",
            "repair",
            "cafe",
            "swap",
            "share",
        ],
    ),
    (
        "causes",
        &[
            "charity",
            "charities",
            "fundraising",
            "fundraiser",
            "climate",
            "environment",
            "environmental",
            "sustainability",
            "sustainable",
            "green",
            "conservation",
            "wildlife",
            "rewilding",
            "zero",
            "waste",
            "plastic",
            "plastics",
            "pollution",
            "activism",
            "campaigning",
            "campaign",
            "justice",
            "equality",
            "diversity",
            "inclusion",
            "rights",
            "feminism",
            "lgbtq",
            "lgbt",
            "pride",
            "refugees",
            "refugee",
            "asylum",
            "homelessness",
            "homeless",
            "poverty",
            "hunger",
            "welfare",
            "rescue",
            "dementia",
            "alzheimers",
            "cancer",
            "autism",
            "adhd",
            "disability",
            "accessibility",
            "awareness",
            "mental",
            "wellbeing",
            "loneliness",
            "hospice",
            "nhs",
            "blood",
            "donation",
            "samaritans",
            "literacy",
            "politics",
            "peace",
            "fairtrade",
            "veganism",
            "ethical",
            "carbon",
            "net",
            "solar",
            "renewable",
            "renewables",
            "cycling",
            "safety",
            "domestic",
            "abuse",
            "addiction",
            "recovery",
        ],
    ),
    (
        "learning",
        &[
            "learning",
            "learn",
            "languages",
            "language",
            "french",
            "spanish",
            "german",
            "italian",
            "portuguese",
            "mandarin",
            "chinese",
            "japanese",
            "arabic",
            "welsh",
            "gaelic",
            "latin",
            "greek",
            "russian",
            "polish",
            "urdu",
            "hindi",
            "bsl",
            "sign",
            "history",
            "science",
            "physics",
            "chemistry",
            "biology",
            "maths",
            "mathematics",
            "philosophy",
            "psychology",
            "economics",
            "sociology",
            "archaeology",
            "geology",
            "geography",
            "courses",
            "course",
            "classes",
            "class",
            "studying",
            "study",
            "university",
            "degree",
            "phd",
            "lectures",
            "ted",
            "talks",
            "coding",
            "programming",
            "python",
            "javascript",
            "rust",
            "excel",
            "ted",
            "documentaries",
            "podcast",
            "education",
            "teaching",
            "tutoring",
            "research",
            "self",
            "improvement",
            "psychology",
            "neuroscience",
            "space",
            "engineering",
            "electronics",
            "robotics",
            "debating",
            "writing",
            "grammar",
        ],
    ),
    (
        "arts",
        &[
            "art",
            "arts",
            "painting",
            "drawing",
            "sketching",
            "illustration",
            "watercolour",
            "watercolours",
            "sculpture",
            "printmaking",
            "photography",
            "theatre",
            "theater",
            "musicals",
            "musical",
            "opera",
            "ballet",
            "music",
            "singing",
            "choir",
            "choral",
            "band",
            "orchestra",
            "piano",
            "guitar",
            "violin",
            "cello",
            "drums",
            "ukulele",
            "saxophone",
            "jazz",
            "blues",
            "rock",
            "folk",
            "classical",
            "gigs",
            "concerts",
            "festivals",
            "film",
            "films",
            "cinema",
            "movies",
            "poetry",
            "poems",
            "literature",
            "novels",
            "fiction",
            "writing",
            "creative",
            "galleries",
            "gallery",
            "museums",
            "museum",
            "exhibitions",
            "comedy",
            "improv",
            "drama",
            "acting",
            "dramatics",
            "karaoke",
            "djing",
            "vinyl",
            "records",
            "podcasting",
            "storytelling",
            "fashion",
            "design",
            "architecture",
            "crime",
            "shakespeare",
            "dickens",
            "austen",
        ],
    ),
    (
        "travel",
        &[
            "travel",
            "travelling",
            "traveling",
            "holidays",
            "holiday",
            "trips",
            "trip",
            "camping",
            "caravanning",
            "caravan",
            "campervan",
            "motorhome",
            "glamping",
            "cruises",
            "cruise",
            "backpacking",
            "abroad",
            "europe",
            "asia",
            "africa",
            "america",
            "australia",
            "india",
            "japan",
            "france",
            "spain",
            "italy",
            "greece",
            "portugal",
            "germany",
            "scotland",
            "wales",
            "ireland",
            "cornwall",
            "devon",
            "lake",
            "lakes",
            "district",
            "highlands",
            "islands",
            "island",
            "beach",
            "beaches",
            "seaside",
            "coast",
            "mountains",
            "city",
            "cities",
            "breaks",
            "weekends",
            "interrailing",
            "interrail",
            "flights",
            "flying",
            "canal",
            "canals",
            "boat",
            "boats",
            "narrowboat",
            "road",
            "trips",
            "sightseeing",
            "exploring",
            "adventure",
            "adventures",
            "expedition",
            "overseas",
            "tourism",
            "hostels",
            "airbnb",
            "passport",
            "national",
            "trust",
        ],
    ),
];

/// Keyword stems to the category they point to; a word listed under two categories counts
/// for the first one it appears under, which is why the lists are ordered most specific
/// category first within each meaning.
fn keyword_index() -> &'static HashMap<String, Vec<&'static str>> {
    static INDEX: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<&'static str>> = HashMap::new();
        for (cat, words) in KEYWORDS {
            for w in *words {
                let key = InterestKey::of(w).as_str().to_string();
                let cats = index.entry(key).or_default();
                if !cats.contains(cat) {
                    cats.push(cat);
                }
            }
        }
        index
    })
}

fn phrase_index() -> &'static HashMap<InterestKey, &'static str> {
    static INDEX: OnceLock<HashMap<InterestKey, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        PHRASES
            .iter()
            .map(|(p, c)| (InterestKey::of(p), *c))
            .collect()
    })
}

/// The built-in guess for `label`, ignoring the user's history: `None` when no word is known.
pub fn built_in_category(label: &str) -> Option<CategoryId> {
    let key = InterestKey::of(label);
    if key.is_empty() {
        return None;
    }
    if let Some(c) = phrase_index().get(&key) {
        return Some(CategoryId::new(*c));
    }
    // A known phrase inside a longer label ("Local history society").
    let padded = format!(" {} ", key.as_str());
    if let Some((_, c)) = phrase_index()
        .iter()
        .filter(|(p, _)| padded.contains(&format!(" {} ", p.as_str())))
        .max_by_key(|(p, _)| p.as_str().len())
    {
        return Some(CategoryId::new(*c));
    }
    let index = keyword_index();
    let words: Vec<&str> = key.as_str().split(' ').collect();
    let mut scores: Vec<(&str, f64)> = Vec::new();
    for (pos, w) in words.iter().enumerate() {
        let Some(cats) = index.get(*w) else { continue };
        // English puts the head noun last ("craft beer", "recycling scheme"), so later words
        // weigh a little more; a word listed in several categories splits its vote.
        let weight = (1.0 + pos as f64 * 0.25) / cats.len() as f64;
        for c in cats {
            match scores.iter_mut().find(|(s, _)| s == c) {
                Some((_, v)) => *v += weight,
                None => scores.push((*c, weight)),
            }
        }
    }
    // Ties go to the category listed first.
    let mut best: Option<(&str, f64)> = None;
    for (c, v) in scores {
        if best.is_none_or(|(_, b)| v > b + 1e-9) {
            best = Some((c, v));
        }
    }
    best.map(|(c, _)| CategoryId::new(c))
}

/// The category for a new interest `label`: the user's own earlier choice for the same
/// interest (`history`, most recent first), else the built-in guess, else Other. Only
/// categories in `available` are returned, so a deleted category is never chosen.
pub fn categorise<'a>(
    label: &str,
    history: impl IntoIterator<Item = (&'a InterestKey, &'a CategoryId)>,
    available: &[CategoryId],
) -> CategoryId {
    let key = InterestKey::of(label);
    let usable = |c: &CategoryId| available.contains(c);
    history
        .into_iter()
        .find(|(k, c)| **k == key && usable(c))
        .map(|(_, c)| c.clone())
        .or_else(|| built_in_category(label).filter(usable))
        .unwrap_or_else(CategoryId::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::default_categories;

    fn all() -> Vec<CategoryId> {
        default_categories().into_iter().map(|c| c.id).collect()
    }

    #[test]
    fn every_table_category_is_a_default_one() {
        let ids = all();
        for (c, _) in KEYWORDS {
            assert!(ids.contains(&CategoryId::new(*c)), "{c}");
        }
        for (_, c) in PHRASES {
            assert!(ids.contains(&CategoryId::new(*c)), "{c}");
        }
    }

    #[test]
    fn common_interests_get_a_sensible_category() {
        let none: [(&InterestKey, &CategoryId); 0] = [];
        for (label, want) in [
            ("Running", "sport"),
            ("runs", "sport"),
            ("Gardening", "hobbies"),
            ("Craft beer", "food"),
            ("Learning Spanish", "learning"),
            ("Recycling scheme", "local"),
            ("Family history", "hobbies"),
            ("Wild swimming", "sport"),
        ] {
            assert_eq!(categorise(label, none, &all()).as_str(), want, "{label}");
        }
    }

    #[test]
    fn my_earlier_choice_wins_and_unknowns_go_to_other() {
        let parkrun = InterestKey::of("Parkrun");
        let mine = CategoryId::new("local");
        let history = [(&parkrun, &mine)];
        assert_eq!(categorise("parkruns", history, &all()), mine);
        let none: [(&InterestKey, &CategoryId); 0] = [];
        assert_eq!(categorise("Parkrun", none, &all()).as_str(), "sport");
        assert_eq!(categorise("Zxqv", none, &all()), CategoryId::other());
        assert_eq!(categorise("", none, &all()), CategoryId::other());
    }

    #[test]
    fn a_deleted_category_is_never_chosen() {
        let none: [(&InterestKey, &CategoryId); 0] = [];
        let without_sport: Vec<_> = all()
            .into_iter()
            .filter(|c| c.as_str() != "sport")
            .collect();
        assert_eq!(
            categorise("Tennis", none, &without_sport),
            CategoryId::other()
        );
    }
}

/// Accuracy of the built-in guess on data it was never fitted to, and on the in-app
/// suggestion list it was checked against while it was written. Run with
/// `cargo test category_accuracy -- --nocapture` to see the figures.
#[cfg(test)]
mod accuracy {
    use super::*;

    fn score(pairs: &[(String, String)]) -> (usize, usize, Vec<String>) {
        let none: [(&InterestKey, &CategoryId); 0] = [];
        let ids: Vec<CategoryId> = crate::core::model::default_categories()
            .into_iter()
            .map(|c| c.id)
            .collect();
        let mut wrong = Vec::new();
        let mut right = 0;
        for (label, want) in pairs {
            let got = categorise(label, none, &ids);
            if got.as_str() == want {
                right += 1;
            } else {
                wrong.push(format!("{label}: {} (want {want})", got.as_str()));
            }
        }
        (right, pairs.len(), wrong)
    }

    #[test]
    fn category_accuracy_on_the_held_out_list() {
        let pairs: Vec<(String, String)> = include_str!("../../tests/data/category_heldout.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            .collect();
        assert!(pairs.len() >= 60);
        let (right, n, wrong) = score(&pairs);
        println!(
            "held-out: {right}/{n} = {:.1}%\nmisses:\n  {}",
            100.0 * right as f64 / n as f64,
            wrong.join("\n  ")
        );
        // A floor, not the figure: a change that makes guesses much worse must fail.
        assert!(right * 100 >= n * 70, "{right}/{n}");
    }

    #[test]
    fn category_accuracy_on_the_suggestion_list() {
        let pairs: Vec<(String, String)> = crate::core::suggestions::SUGGESTIONS
            .iter()
            .flat_map(|(c, labels)| labels.iter().map(|l| (l.to_string(), c.to_string())))
            .collect();
        let (right, n, wrong) = score(&pairs);
        println!(
            "suggestions: {right}/{n} = {:.1}%\nmisses:\n  {}",
            100.0 * right as f64 / n as f64,
            wrong.join("\n  ")
        );
    }
}
