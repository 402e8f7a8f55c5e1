//! vCard round trips, fixtures in the styles Android and iOS export, and malformed files.

use super::*;
use crate::core::limits::{
    CONTACT_MAX, INTERESTS_PER_PERSON_MAX, INTEREST_MAX, NAME_MAX, NOTE_MAX,
};
use crate::core::model::{add_interest, CategoryId, Contact, Interest, Person, PersonId, Source};
use proptest::prelude::*;

/// As Android's contacts app writes vCard 2.1: UTF-8 text as quoted-printable, every byte
/// escaped, long values wrapped with `=` soft line breaks, a photo in folded base64, several
/// numbers, and a second card with only `N`.
const ANDROID_21: &str = "BEGIN:VCARD\r
VERSION:2.1\r
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96=7A=74=C3=BC=72=6B;=41=79=C5=9F=65;;;\r
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=41=79=C5=9F=65=20=C3=96=7A=74=C3=BC=72=6B\r
TEL;HOME:01632 960000\r
TEL;CELL:07700 900123\r
EMAIL;HOME:ayse@example.org\r
ORG:Mill Lane Bakery\r
TITLE:Owner\r
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=4D=65=74=20=61=74=20=74=68=65=\r
=20=57=49=20=63=72=61=66=74=20=66=61=69=72=2E=20=52=75=6E=73=20=74=68=65=20=\r
=63=61=66=C3=A9=20=6F=6E=20=4D=69=6C=6C=20=4C=61=6E=65=3B=20=64=61=75=67=68=\r
=74=65=72=20=61=74=20=53=74=20=4D=61=72=79=27=73=2E=0D=0A=41=73=6B=20=61=62=\r
=6F=75=74=20=74=68=65=20=62=61=6B=65=72=79=20=63=6F=75=72=73=65=2E\r
PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS\r
 Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgN\r
\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:2.1\r
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=9E=61=68=69=6E;=47=C3=BC=6C;;Dr;\r
TEL;WORK;PREF:01632 960222\r
TEL;CELL:07700 900999\r
END:VCARD\r
";

/// As iOS Contacts writes vCard 3.0: Apple's PRODID, grouped properties with `X-ABLabel`,
/// repeated `type=` parameters, a social profile, and a long note folded with one space.
const IOS_30: &str = "BEGIN:VCARD\r
VERSION:3.0\r
PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r
N:Okafor;Chidi;;;\r
FN:Chidi Okafor\r
ORG:Okafor Joinery Ltd;\r
TITLE:Master carpenter\r
EMAIL;type=INTERNET;type=WORK:work@okafor.example\r
item1.EMAIL;type=INTERNET;type=pref:chidi@example.com\r
item1.X-ABLabel:_$!<Other>!$_\r
TEL;type=HOME;type=VOICE:01632 960111\r
TEL;type=CELL;type=VOICE;type=pref:+44 7700 900456\r
item2.URL;type=pref:https://okafor.example/joinery\r
item2.X-ABLabel:_$!<HomePage>!$_\r
X-SOCIALPROFILE;type=twitter:https://twitter.com/chidiwood\r
NOTE:Makes bespoke bookcases. Daughter at St Mary's\\, plays netball\\; keen \r
 on the school fete.\\nAsk about the oak table for the church hall.\r
END:VCARD\r
";

#[test]
fn android_21_quoted_printable_cards_are_read() {
    let cards = parse_vcf(ANDROID_21).unwrap();
    assert_eq!(cards.len(), 2);
    let ayse = &cards[0];
    assert_eq!(ayse.name, "Ayşe Öztürk");
    assert_eq!(ayse.what, "Owner at Mill Lane Bakery");
    assert_eq!(
        ayse.contact.phone, "07700 900123",
        "the mobile is preferred"
    );
    assert_eq!(ayse.contact.email, "ayse@example.org");
    assert_eq!(
        ayse.notes,
        "Met at the WI craft fair. Runs the café on Mill Lane; daughter at St Mary's.\n\
         Ask about the bakery course."
    );
    assert_eq!(ayse.warnings.len(), 1, "{:?}", ayse.warnings);
    assert!(ayse.warnings[0].contains("01632 960000"));

    let gul = &cards[1];
    assert_eq!(gul.name, "Dr Gül Şahin", "built from N when FN is missing");
    assert_eq!(
        gul.contact.phone, "07700 900999",
        "a mobile outranks a preferred landline"
    );
}

#[test]
fn ios_30_cards_are_read() {
    let cards = parse_vcf(IOS_30).unwrap();
    assert_eq!(cards.len(), 1);
    let chidi = &cards[0];
    assert_eq!(chidi.name, "Chidi Okafor");
    assert_eq!(chidi.what, "Master carpenter at Okafor Joinery Ltd");
    assert_eq!(chidi.contact.email, "chidi@example.com");
    assert_eq!(chidi.contact.phone, "+44 7700 900456");
    assert_eq!(chidi.contact.web, "https://okafor.example/joinery");
    assert_eq!(chidi.contact.social, "https://twitter.com/chidiwood");
    assert_eq!(
        chidi.notes,
        "Makes bespoke bookcases. Daughter at St Mary's, plays netball; keen on the school \
         fete.\nAsk about the oak table for the church hall."
    );
    assert_eq!(chidi.warnings.len(), 2, "{:?}", chidi.warnings);
}

#[test]
fn cards_from_several_apps_in_one_file_with_lf_line_ends() {
    let file = format!(
        "{}\n{}{}",
        ANDROID_21.replace("\r\n", "\n"),
        IOS_30,
        person_to_vcard(&Person::new(PersonId("p9".into()), "Bo", 1))
    );
    let names: Vec<String> = parse_vcf(&file)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(
        names,
        vec!["Ayşe Öztürk", "Dr Gül Şahin", "Chidi Okafor", "Bo"]
    );
}

#[test]
fn vcard_4_interests_uris_and_hobbies_without_a_category() {
    let file = "BEGIN:VCARD\nVERSION:4.0\nFN:Meg\n\
        TEL;VALUE=uri;TYPE=\"voice,cell\";PREF=1:tel:+44-7700-900123\n\
        IMPP;PREF=1:xmpp:meg@example.org\n\
        HOBBY;LEVEL=high:knitting\nINTEREST:local history\n\
        INTEREST;X-CG-CATEGORY=sport:park run\nEND:VCARD\n";
    let card = parse_vcf(file).unwrap().remove(0);
    assert_eq!(card.contact.phone, "+44-7700-900123");
    assert_eq!(card.contact.social, "xmpp:meg@example.org");
    assert_eq!(
        card.interests,
        vec![
            Interest::new("knitting", CategoryId::new("hobbies")),
            Interest::new("local history", CategoryId::other()),
            Interest::new("park run", CategoryId::new("sport")),
        ]
    );
}

#[test]
fn an_embedded_agent_card_is_not_mistaken_for_the_end() {
    let file = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\n\
        END:VCARD\r\nEMAIL:boss@example.org\r\nEND:VCARD\r\n";
    let cards = parse_vcf(file).unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].name, "Boss");
    assert_eq!(cards[0].contact.email, "boss@example.org");
}

#[test]
fn an_imported_card_becomes_a_vcard_person() {
    let card = parse_vcf(IOS_30).unwrap().remove(0);
    let person = card.clone().into_person(PersonId("k1".into()), 42);
    assert_eq!(person.source, Source::Vcard);
    assert_eq!((person.created, person.updated), (42, 42));
    assert_eq!(person.id, PersonId("k1".into()));
    assert_eq!(person.name, card.name);
    assert_eq!(person.contact, card.contact);
}

#[test]
fn over_long_fields_are_cut_and_each_cut_is_reported() {
    let mut file = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
    file.push_str(&format!("FN:{}\r\n", "N".repeat(NAME_MAX + 30)));
    file.push_str(&format!("NOTE:{}\r\n", "é".repeat(NOTE_MAX + 1)));
    file.push_str(&format!("INTEREST:{}\r\n", "long ".repeat(20)));
    for i in 0..INTERESTS_PER_PERSON_MAX + 5 {
        file.push_str(&format!("INTEREST:topic{i}\r\n"));
    }
    file.push_str("INTEREST:!!\r\nEND:VCARD\r\n");
    let card = parse_vcf(&file).unwrap().remove(0);
    assert_eq!(card.name.chars().count(), NAME_MAX);
    assert_eq!(card.notes.chars().count(), NOTE_MAX);
    assert_eq!(card.interests.len(), INTERESTS_PER_PERSON_MAX);
    assert_eq!(card.interests[0].label.chars().count(), INTEREST_MAX);
    let all = card.warnings.join("\n");
    assert!(all.contains("name was 130 characters"), "{all}");
    assert!(all.contains("note was 10001 characters"), "{all}");
    assert!(
        all.contains("interest “long long long long…” was 99"),
        "{all}"
    );
    assert!(all.contains("7 more interests were left out"), "{all}");
}

#[test]
fn contact_details_are_cut_to_the_apps_own_limit_so_the_person_can_be_saved() {
    let mut file = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Meg\r\n");
    file.push_str(&format!("TEL:{}\r\n", "1".repeat(CONTACT_MAX + 1)));
    file.push_str(&format!("URL:https://example.org/{}\r\n", "p".repeat(300)));
    file.push_str(&format!("NOTE:{}\r\n", "n".repeat(NOTE_MAX + 5)));
    file.push_str("END:VCARD\r\n");
    let card = parse_vcf(&file).unwrap().remove(0);
    assert_eq!(card.contact.phone.chars().count(), CONTACT_MAX);
    assert_eq!(card.contact.web.chars().count(), CONTACT_MAX);
    let all = card.warnings.join("\n");
    assert!(all.contains("phone number was 201 characters"), "{all}");
    let person = card.into_person(PersonId("m".into()), 1);
    assert_eq!(person.problems(), Vec::<String>::new());
}

#[test]
fn repeated_and_empty_interests_are_named_in_warnings() {
    let file = "BEGIN:VCARD\nFN:Meg\nINTEREST:Running\nHOBBY:run\nINTEREST:--\nEND:VCARD";
    let card = parse_vcf(file).unwrap().remove(0);
    assert_eq!(card.interests.len(), 1);
    assert_eq!(
        card.warnings,
        vec![
            "Interests left out because they repeat another: “run”.",
            "Interests left out because they have no letters or digits: “--”."
        ]
    );
}

#[test]
fn warnings_name_a_few_left_out_values_and_count_the_rest() {
    let mut file = String::from("BEGIN:VCARD\nFN:Meg\nTEL;CELL:07700 900000\n");
    for i in 0..8 {
        file.push_str(&format!("TEL:0{i}\nHOBBY:Knitting{}\n", "s".repeat(i % 2)));
    }
    file.push_str("END:VCARD\n");
    let card = parse_vcf(&file).unwrap().remove(0);
    assert_eq!(
        card.warnings,
        vec![
            "Only one phone number is kept (07700 900000); also had: 00, 01, 02, 03, 04 and 3 more.",
            "Interests left out because they repeat another: “Knittings”, “Knitting”, \
             “Knittings”, “Knitting”, “Knittings” and 2 more."
        ]
    );
}

#[test]
fn a_hostile_five_megabyte_card_is_read_without_blowing_up() {
    let mut file = String::from("BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n");
    while file.len() < MAX_FILE_BYTES - 100_000 {
        file.push_str("b=\r\n \"=\r\nINTEREST:run\r\nTEL:1\r\n");
    }
    file.push_str("X;A=\"");
    file.push_str(&" x=\r\n".repeat(10_000));
    file.push_str("\r\nEND:VCARD\r\n");
    // How long it takes is the bench's business (`cargo bench --bench core`), not a test's.
    let card = parse_vcf(&file).unwrap().remove(0);
    assert_eq!(card.interests.len(), 1);
    assert!(card.warnings.len() <= 4, "{:?}", card.warnings);
}

#[test]
fn a_card_with_no_name_is_listed_by_what_identifies_it() {
    let cards =
        parse_vcf("BEGIN:VCARD\nEMAIL:x@example.org\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\n").unwrap();
    assert_eq!(cards[0].name, "x@example.org");
    assert_eq!(cards[1].name, "Unnamed contact");
    assert!(cards[1].warnings[0].contains("no name"));
}

#[test]
fn unreadable_characters_are_reported() {
    let file = "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=E9\nEND:VCARD";
    let card = parse_vcf(file).unwrap().remove(0);
    assert_eq!(card.name, "Caf\u{FFFD}");
    assert!(card.warnings[0].contains("the name"));
}

#[test]
fn malformed_files_give_clear_errors() {
    assert_eq!(parse_vcf(""), Err(VcardError::Empty));
    assert_eq!(parse_vcf(" \r\n\n"), Err(VcardError::Empty));
    assert_eq!(
        parse_vcf("BEGIN:VCARD\r\nFN:Meg\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Cut"),
        Err(VcardError::Unterminated { line: 4 })
    );
    let jpeg = String::from_utf8_lossy(b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01");
    assert_eq!(parse_vcf(&jpeg), Err(VcardError::NotVcard));
    assert_eq!(
        parse_vcf("name,email\nMeg,meg@x"),
        Err(VcardError::NotVcard)
    );
    let big = "X".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        parse_vcf(&big),
        Err(VcardError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
    assert!(VcardError::TooLarge { bytes: 6_000_000 }
        .to_string()
        .contains("5.7 MB"));
    assert!(VcardError::Unterminated { line: 4 }
        .to_string()
        .contains("line 4"));
}

#[test]
fn more_than_ten_thousand_cards_are_refused() {
    let card = "BEGIN:VCARD\nFN:A\nEND:VCARD\n";
    assert_eq!(
        parse_vcf(&card.repeat(MAX_CARDS)).map(|c| c.len()),
        Ok(MAX_CARDS)
    );
    assert_eq!(
        parse_vcf(&card.repeat(MAX_CARDS + 1)),
        Err(VcardError::TooManyCards)
    );
}

/// Text for one-line fields as the app's forms keep them: trimmed, never blank.
fn one_line(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[\\PC\\t\\n,;:\\\\\"^=]{{1,{max}}}"))
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("blank", |s| !s.is_empty())
}

fn optional(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), one_line(max)]
}

fn category() -> impl Strategy<Value = CategoryId> {
    prop_oneof![
        Just(CategoryId::new("hobbies")),
        Just(CategoryId::new("sport")),
        Just(CategoryId::other()),
        "[\\PC\\n]{1,12}".prop_map(CategoryId::new),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    (
        "[A-Za-z0-9_-]{1,40}",
        one_line(NAME_MAX),
        optional(120),
        (optional(40), optional(60), optional(80), optional(60)),
        prop_oneof![Just(String::new()), "[\\PC\\t\\n\\\\,;]{1,400}"],
        proptest::collection::vec((one_line(INTEREST_MAX), category()), 0..12),
    )
        .prop_map(
            |(id, name, what, (phone, email, web, social), notes, interests)| {
                let mut p = Person::new(PersonId(id), name, 7);
                p.what = what;
                p.contact = Contact {
                    phone,
                    email,
                    web,
                    social,
                };
                p.notes = if notes.trim().is_empty() {
                    String::new()
                } else {
                    notes
                };
                for (label, category) in interests {
                    add_interest(&mut p.interests, Interest::new(label, category));
                }
                p
            },
        )
}

/// Lines a hostile or broken file might hold, to shuffle into arbitrary orders.
fn vcard_like_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCARD".to_string()),
        Just("END:VCARD".to_string()),
        Just("AGENT:BEGIN:VCARD".to_string()),
        Just("VERSION:2.1".to_string()),
        "(FN|N|NOTE|TEL|EMAIL|ORG|INTEREST|HOBBY|item1.URL);[A-Z=\"-;,:]{0,20}:[\\PC]{0,30}",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=(UTF-8|latin1|x):[=0-9A-Fa-z]{0,20}=?",
        " [\\PC]{0,20}",
        "[\\PC]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_person_survives_export_and_import(p in person()) {
        let card = person_to_vcard(&p);
        for line in card.split_terminator("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
        }
        prop_assert!(card.ends_with("END:VCARD\r\n"));
        let mut cards = parse_vcf(&card).unwrap();
        prop_assert_eq!(cards.len(), 1);
        let back = cards.remove(0);
        prop_assert_eq!(back.warnings, Vec::<String>::new());
        prop_assert_eq!(back.uid.as_deref(), Some(p.id.0.as_str()));
        prop_assert_eq!(&back.name, &p.name);
        prop_assert_eq!(&back.what, &p.what);
        prop_assert_eq!(&back.contact, &p.contact);
        prop_assert_eq!(&back.notes, &p.notes);
        prop_assert_eq!(&back.interests, &p.interests);
    }

    #[test]
    fn many_people_survive_in_one_file(people in proptest::collection::vec(person(), 0..6)) {
        let file = people_to_vcf(&people);
        match parse_vcf(&file) {
            Ok(cards) => {
                let names: Vec<&str> = cards.iter().map(|c| c.name.as_str()).collect();
                let expected: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
                prop_assert_eq!(names, expected);
            }
            Err(e) => {
                prop_assert!(people.is_empty());
                prop_assert_eq!(e, VcardError::Empty);
            }
        }
    }

    #[test]
    fn my_card_survives_export_and_import(
        name in one_line(NAME_MAX),
        what in optional(120),
        interests in proptest::collection::vec((one_line(INTEREST_MAX), category()), 0..12),
    ) {
        let mut me = crate::core::model::Me { name, what, ..Default::default() };
        for (label, category) in interests {
            add_interest(&mut me.interests, Interest::new(label, category));
        }
        let back = parse_vcf(&me_to_vcard(&me)).unwrap().remove(0);
        prop_assert_eq!(back.uid, None);
        prop_assert_eq!(back.name, me.name);
        prop_assert_eq!(back.what, me.what);
        prop_assert_eq!(back.interests, me.interests);
    }

    #[test]
    fn line_breaks_of_any_style_in_notes_come_back_as_newlines(
        parts in proptest::collection::vec("[a-z ]{1,10}", 1..5),
        breaks in proptest::collection::vec(prop_oneof![Just("\r\n"), Just("\r"), Just("\n")], 4),
    ) {
        let mut notes = String::new();
        let mut expected = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                notes.push_str(breaks[i - 1]);
                expected.push('\n');
            }
            notes.push_str(part);
            expected.push_str(part);
        }
        prop_assume!(!expected.trim().is_empty());
        let mut p = Person::new(PersonId("n".into()), "N", 1);
        p.notes = notes;
        prop_assert_eq!(parse_vcf(&person_to_vcard(&p)).unwrap().remove(0).notes, expected);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = parse_vcf(&s);
    }

    #[test]
    fn arbitrary_vcard_like_lines_never_panic(
        lines in proptest::collection::vec(vcard_like_line(), 0..40),
        ending in prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
    ) {
        if let Ok(cards) = parse_vcf(&lines.join(ending)) {
            prop_assert!(!cards.is_empty());
            // Whatever the file held, each card is a person the app can save as it is.
            for card in cards {
                let person = card.into_person(PersonId("p".into()), 1);
                prop_assert_eq!(person.problems(), Vec::<String>::new());
            }
        }
    }
}
