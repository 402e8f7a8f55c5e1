//! The built-in vocabulary: common interests sent as a 9-bit number instead of their letters.
//!
//! The list is part of the link format. An entry's position is its number on the wire, so
//! entries may only ever be appended: never reordered, edited or removed, or every link made
//! before the change would read as different interests. The test
//! `the_first_entries_are_frozen` pins what has shipped.
//!
//! Versions of the list (each one is the previous plus appended entries):
//! - format 1: entries 0..383.
//!
//! Appending needs no new format version: an older app that meets a number past the end of
//! its own list reports the link as made by a newer version. Entries are lower-case ASCII; a
//! label matches when it equals an entry in one of the case forms of `CaseForm`, so the
//! decoder restores it byte for byte.

/// Entry numbers are 9 bits on the wire, so format 1 has room for 512 entries.
pub(crate) const INDEX_BITS: u32 = 9;
#[cfg(test)]
const VOCABULARY_MAX: usize = 1 << INDEX_BITS;

/// How a label's capitals relate to its lower-case vocabulary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseForm {
    /// "folk music"
    Lower = 0,
    /// "Folk music"
    Capitalised = 1,
    /// "Folk Music": a capital at the start and after every space.
    TitleCase = 2,
    /// "FOLK MUSIC", mostly for acronyms such as "WI" and "SEO".
    Upper = 3,
}

impl CaseForm {
    const ALL: [CaseForm; 4] = [
        CaseForm::Lower,
        CaseForm::Capitalised,
        CaseForm::TitleCase,
        CaseForm::Upper,
    ];

    pub(crate) fn from_bits(bits: u32) -> CaseForm {
        CaseForm::ALL[(bits & 3) as usize]
    }

    /// `entry` written in this form.
    pub(crate) fn apply(self, entry: &str) -> String {
        let mut out = String::with_capacity(entry.len());
        let mut word_start = true;
        for (i, c) in entry.chars().enumerate() {
            let upper = match self {
                CaseForm::Lower => false,
                CaseForm::Capitalised => i == 0,
                CaseForm::TitleCase => word_start,
                CaseForm::Upper => true,
            };
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            word_start = c == ' ';
        }
        out
    }
}

/// The vocabulary number and case form that spell `label` exactly, if there are any.
pub(crate) fn find(label: &str) -> Option<(u16, CaseForm)> {
    let index = VOCABULARY
        .iter()
        .position(|entry| entry.eq_ignore_ascii_case(label))?;
    let entry = VOCABULARY[index];
    let form = CaseForm::ALL
        .into_iter()
        .find(|form| form.apply(entry) == label)?;
    Some((index as u16, form))
}

/// The entry with number `index`, if this version of the list has it.
pub(crate) fn entry(index: usize) -> Option<&'static str> {
    VOCABULARY.get(index).copied()
}

/// Interests many people type, roughly grouped; see the module comment before changing it.
pub const VOCABULARY: &[&str] = &[
    "walking",
    "running",
    "cycling",
    "swimming",
    "hiking",
    "yoga",
    "pilates",
    "football",
    "rugby",
    "cricket",
    "tennis",
    "golf",
    "netball",
    "badminton",
    "gym",
    "parkrun",
    "triathlon",
    "cold water swimming",
    "wild swimming",
    "sailing",
    "rowing",
    "climbing",
    "bouldering",
    "dancing",
    "zumba",
    "tai chi",
    "bowls",
    "squash",
    "table tennis",
    "hockey",
    "horse riding",
    "martial arts",
    "boxing",
    "skiing",
    "paddleboarding",
    "kayaking",
    "fishing",
    "darts",
    "snooker",
    "marathons",
    "cooking",
    "baking",
    "sourdough",
    "coffee",
    "tea",
    "afternoon tea",
    "wine",
    "craft beer",
    "real ale",
    "gin",
    "cheese",
    "chocolate",
    "cake",
    "curry",
    "barbecue",
    "vegan food",
    "vegetarian cooking",
    "italian food",
    "thai food",
    "indian food",
    "street food",
    "farmers markets",
    "foraging",
    "pubs",
    "fine dining",
    "brunch",
    "fish and chips",
    "sunday roast",
    "jaffa cakes",
    "custard creams",
    "chocolate digestives",
    "slow cooker recipes",
    "gardening",
    "allotment",
    "reading",
    "book club",
    "knitting",
    "crochet",
    "sewing",
    "quilting",
    "embroidery",
    "painting",
    "watercolour",
    "drawing",
    "pottery",
    "photography",
    "birdwatching",
    "puzzles",
    "crosswords",
    "sudoku",
    "board games",
    "chess",
    "bridge",
    "quizzes",
    "pub quiz",
    "video games",
    "model railways",
    "woodwork",
    "diy",
    "upcycling",
    "genealogy",
    "family history",
    "astronomy",
    "beekeeping",
    "camping",
    "caravanning",
    "dog walking",
    "singing",
    "choir",
    "guitar",
    "piano",
    "ukulele",
    "violin",
    "drums",
    "writing",
    "poetry",
    "journaling",
    "calligraphy",
    "scrapbooking",
    "jigsaws",
    "metal detecting",
    "stamp collecting",
    "vinyl records",
    "antiques",
    "vintage fashion",
    "crafts",
    "candle making",
    "flower arranging",
    "houseplants",
    "bird feeding",
    "wildlife",
    "nature",
    "dogs",
    "cats",
    "horses",
    "chickens",
    "volunteering",
    "charity work",
    "fundraising",
    "mental health",
    "environment",
    "climate change",
    "sustainability",
    "recycling",
    "plastic free",
    "animal welfare",
    "refugee support",
    "homelessness",
    "food bank",
    "literacy",
    "dementia awareness",
    "cancer research",
    "women in business",
    "equality",
    "fair trade",
    "conservation",
    "litter picking",
    "community garden",
    "mental health awareness",
    "young carers",
    "foster care",
    "domestic abuse support",
    "veterans",
    "local history",
    "local paper",
    "high street",
    "rotary",
    "wi",
    "scouts",
    "guides",
    "brownies",
    "cubs",
    "beavers",
    "parish council",
    "neighbourhood watch",
    "church",
    "allotment society",
    "village hall",
    "community choir",
    "repair cafe",
    "recycling scheme",
    "residents association",
    "school governor",
    "pta",
    "town council",
    "library",
    "lions club",
    "round table",
    "u3a",
    "men's shed",
    "networking",
    "small business",
    "marketing",
    "social media",
    "social media marketing",
    "seo",
    "copywriting",
    "accountancy",
    "bookkeeping",
    "it support",
    "web design",
    "graphic design",
    "photography business",
    "coaching",
    "mentoring",
    "public speaking",
    "leadership",
    "sales",
    "hr",
    "recruitment",
    "project management",
    "finance",
    "property",
    "law",
    "consultancy",
    "virtual assistance",
    "wedding planning",
    "event planning",
    "garden design",
    "interior design",
    "hairdressing",
    "beauty",
    "dog grooming",
    "retail",
    "hospitality",
    "teaching",
    "nursing",
    "childcare",
    "pr",
    "branding",
    "entrepreneurship",
    "start-ups",
    "languages",
    "french",
    "spanish",
    "italian",
    "german",
    "japanese",
    "learning french",
    "italian lessons",
    "sign language",
    "history",
    "science",
    "psychology",
    "philosophy",
    "coding",
    "online courses",
    "open university",
    "evening classes",
    "first aid",
    "podcasts",
    "documentaries",
    "economics",
    "politics",
    "maths",
    "art history",
    "music",
    "live music",
    "folk music",
    "jazz",
    "classical music",
    "opera",
    "rock music",
    "musicals",
    "theatre",
    "cinema",
    "films",
    "comedy",
    "ballet",
    "art",
    "art galleries",
    "museums",
    "festivals",
    "sea shanties",
    "morris dancing",
    "ballroom dancing",
    "salsa",
    "tap dancing",
    "line dancing",
    "strictly come dancing",
    "great british bake off",
    "shakespeare",
    "books",
    "crime novels",
    "audiobooks",
    "sci-fi",
    "fantasy",
    "architecture",
    "heritage",
    "national trust",
    "english heritage",
    "travel",
    "city breaks",
    "cruises",
    "backpacking",
    "road trips",
    "camper vans",
    "caravan club",
    "canal boats",
    "island hopping",
    "beach holidays",
    "walking holidays",
    "cornwall",
    "devon",
    "lake district",
    "scotland",
    "wales",
    "ireland",
    "yorkshire",
    "peak district",
    "france",
    "italy",
    "spain",
    "portugal",
    "greece",
    "japan",
    "usa",
    "australia",
    "new zealand",
    "india",
    "canada",
    "europe",
    "interrailing",
    "family",
    "children",
    "grandchildren",
    "toddlers",
    "teenagers",
    "twins",
    "parenting",
    "step-parenting",
    "home education",
    "school run",
    "caring for parents",
    "pets",
    "weddings",
    "family holidays",
    "brighton & hove albion",
    "manchester united",
    "liverpool",
    "arsenal",
    "chelsea",
    "tottenham",
    "premier league",
    "formula 1",
    "motorsport",
    "classic cars",
    "motorbikes",
    "cars",
    "rugby union",
    "six nations",
    "the ashes",
    "wimbledon",
    "olympics",
    "football club",
    "running club",
    "cycling club",
    "walking group",
    "ramblers",
    "photography walks",
    "nordic walking",
    "couch to 5k",
    "weight training",
    "crossfit",
    "spin classes",
    "aqua aerobics",
    "outdoor swimming",
    "surfing",
    "mountain biking",
    "trail running",
    "orienteering",
    "archery",
    "fencing",
    "karate",
    "judo",
    "taekwondo",
    "ice skating",
    "roller skating",
    "skateboarding",
    "snowboarding",
    "windsurfing",
    "paddle sports",
    "fell running",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::limits::INTEREST_MAX;

    #[test]
    fn entries_are_unique_lower_case_ascii_and_fit_the_wire() {
        assert!(VOCABULARY.len() <= VOCABULARY_MAX);
        for (i, entry) in VOCABULARY.iter().enumerate() {
            assert!(!entry.is_empty() && entry.trim() == *entry, "{entry:?}");
            assert!(entry.is_ascii() && !entry.chars().any(|c| c.is_ascii_uppercase()));
            assert!(
                !entry.contains("  ") && entry.len() <= INTEREST_MAX,
                "{entry:?}"
            );
            assert!(
                !VOCABULARY[..i].contains(entry),
                "{entry:?} is listed twice"
            );
        }
    }

    /// FNV-1a over the entries shipped in format 1. If this fails, an entry was edited,
    /// removed or moved: put it back and append instead.
    #[test]
    fn the_first_entries_are_frozen() {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for entry in &VOCABULARY[..383] {
            for b in entry.bytes().chain([0]) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        assert_eq!(hash, FROZEN_HASH);
    }

    const FROZEN_HASH: u64 = 0x82db_9c1e_cd04_502c;

    #[test]
    fn case_forms_are_matched_exactly() {
        let (i, form) = find("Folk Music").unwrap();
        assert_eq!(
            (entry(i as usize), form),
            (Some("folk music"), CaseForm::TitleCase)
        );
        assert_eq!(find("WI").map(|(_, f)| f), Some(CaseForm::Upper));
        assert_eq!(find("Seo").map(|(_, f)| f), Some(CaseForm::Capitalised));
        assert_eq!(
            find("Men's Shed").map(|(_, f)| f),
            Some(CaseForm::TitleCase)
        );
        assert_eq!(find("folk music").map(|(_, f)| f), Some(CaseForm::Lower));
        // Case the forms cannot restore goes as free text instead.
        assert_eq!(find("fOLK music"), None);
        assert_eq!(find("Folk music "), None);
        assert_eq!(find("folk musics"), None);
    }

    #[test]
    fn every_entry_in_every_form_is_found_as_itself() {
        for (i, entry) in VOCABULARY.iter().enumerate() {
            for form in CaseForm::ALL {
                let label = form.apply(entry);
                let (j, found) = find(&label).unwrap();
                assert_eq!(j as usize, i);
                assert_eq!(found.apply(entry), label);
            }
        }
    }
}
