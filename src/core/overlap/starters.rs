//! Conversation starters: what to say to someone, from what we share and what they have.

use super::{near_interests, overlap, SharedInterest};
use crate::core::model::{CategoryId, Interest};
use crate::core::order;

/// Whether a starter comes from a shared interest or from their side only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarterKind {
    Shared,
    /// One of their interests close to one of mine (a word in common), not the same one.
    Near,
    AskAbout,
}

/// Something to open a conversation with, as one plain line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Starter {
    pub kind: StarterKind,
    pub label: String,
    pub category: CategoryId,
    pub text: String,
}

/// What to talk about: shared interests first (non-work before work, in my map's order), then
/// their interests near one of mine (a word in common: "Sea swimming" and my "Wild swimming"),
/// then their other interests in categories my map also has, which I am likely to have a
/// question about.
pub fn conversation_starters(mine: &[Interest], theirs: &[Interest]) -> Vec<Starter> {
    let o = overlap(mine, theirs);
    let mut shared: Vec<&SharedInterest> = o.shared.iter().collect();
    order::sort_by_key(&mut shared, |s| s.is_work());
    let mut starters: Vec<Starter> = shared
        .into_iter()
        .map(|s| Starter {
            kind: StarterKind::Shared,
            label: s.mine.clone(),
            category: s.category.clone(),
            text: shared_text(s),
        })
        .collect();
    let near = near_interests(&o.mine_only, &o.theirs_only);
    starters.extend(near.iter().map(|n| Starter {
        kind: StarterKind::Near,
        label: n.theirs.label.clone(),
        category: n.theirs.category.clone(),
        text: format!(
            "Ask them about {}: close to {}",
            with_owner(n.theirs.label.trim(), "their"),
            yours(n.mine.label.trim())
        ),
    }));
    let mut ask: Vec<&Interest> = o
        .theirs_only
        .iter()
        .filter(|t| !near.iter().any(|n| n.theirs == **t))
        .filter(|t| mine.iter().any(|m| m.category == t.category))
        .collect();
    order::sort_by_key(&mut ask, |t| t.category.is_work());
    starters.extend(ask.into_iter().map(|t| Starter {
        kind: StarterKind::AskAbout,
        label: t.label.clone(),
        category: t.category.clone(),
        text: format!("Ask them about {}", with_owner(t.label.trim(), "their")),
    }));
    starters
}

fn shared_text(s: &SharedInterest) -> String {
    let label = with_owner(s.mine.trim(), "your");
    // "Both" only when it is true: a baker's sourdough is a hobby to someone else.
    match (s.category.is_work(), s.their_category.is_work()) {
        (true, true) => return format!("You both work in {label}"),
        (true, false) => return format!("Your work, their interest: {label}"),
        (false, true) => return format!("Their work, your interest: {label}"),
        (false, false) => {}
    }
    // Nobody "loves" the school run or the recycling scheme: family and local life are shared,
    // not loved; the label goes last, where any noun phrase reads right.
    match s.category.as_str() {
        "causes" => format!("You both care about {label}"),
        "family" => format!("Family life in common: {label}"),
        "local" => format!("Local life in common: {label}"),
        _ => format!("You both love {label}"),
    }
}

/// "my daughter's school" is written from its owner's side; said to me it becomes "your …"
/// or "their …".
fn with_owner(label: &str, owner: &str) -> String {
    match label.get(..3) {
        Some(first) if first.eq_ignore_ascii_case("my ") => format!("{owner} {}", &label[3..]),
        _ => label.to_string(),
    }
}

/// One of my interests, said to me: "my daughter's school" → "your daughter's school",
/// "Wild swimming" → "your Wild swimming".
fn yours(label: &str) -> String {
    let owned = with_owner(label, "your");
    if owned == label {
        format!("your {label}")
    } else {
        owned
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::overlap::tests::map;

    #[test]
    fn starters_put_shared_non_work_first_then_questions_in_my_categories() {
        let mine = map(&[
            ("public speaking", "work"),
            ("Running", "sport"),
            ("homelessness", "causes"),
            ("my daughter's school", "family"),
        ]);
        let theirs = map(&[
            ("Public Speaking", "work"),
            ("canal boats", "sport"),
            ("runs", "sport"),
            ("opera", "arts"),
            ("Homelessness", "causes"),
            ("my grandchildren", "family"),
            ("sales", "work"),
        ]);
        let texts: Vec<(StarterKind, String)> = conversation_starters(&mine, &theirs)
            .into_iter()
            .map(|s| (s.kind, s.text))
            .collect();
        let want = [
            (StarterKind::Shared, "You both love Running"),
            (StarterKind::Shared, "You both care about homelessness"),
            (StarterKind::Shared, "You both work in public speaking"),
            (StarterKind::AskAbout, "Ask them about canal boats"),
            (StarterKind::AskAbout, "Ask them about their grandchildren"),
            (StarterKind::AskAbout, "Ask them about sales"),
        ];
        let want: Vec<(StarterKind, String)> =
            want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(texts, want, "opera is in a category I have nothing in");
    }

    fn texts(mine: &[Interest], theirs: &[Interest]) -> Vec<String> {
        conversation_starters(mine, theirs)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn family_and_local_interests_are_in_common_not_loved() {
        let mine = map(&[
            ("School run", "family"),
            ("Recycling scheme", "local"),
            ("Choir", "arts"),
        ]);
        let theirs = map(&[
            ("school run", "family"),
            ("recycling scheme", "local"),
            ("choir", "arts"),
        ]);
        assert_eq!(
            texts(&mine, &theirs),
            [
                "Family life in common: School run",
                "Local life in common: Recycling scheme",
                "You both love Choir"
            ]
        );
    }

    #[test]
    fn work_is_said_to_be_shared_only_when_both_file_it_under_work() {
        let mine = map(&[("Sourdough", "work"), ("Bookkeeping", "learning")]);
        let theirs = map(&[("sourdough", "food"), ("bookkeeping", "work")]);
        assert_eq!(
            texts(&mine, &theirs),
            [
                "Your work, their interest: Sourdough",
                "Their work, your interest: Bookkeeping"
            ]
        );
    }

    #[test]
    fn their_interests_near_mine_come_after_shared_ones_and_are_not_asked_twice() {
        let mine = map(&[
            ("Parkrun", "sport"),
            ("Wild swimming", "sport"),
            ("my daughter's school choir", "family"),
        ]);
        let theirs = map(&[
            ("Rugby", "sport"),
            ("Sea swimming", "sport"),
            ("parkrun", "sport"),
            ("Church choir", "causes"),
        ]);
        assert_eq!(
            texts(&mine, &theirs),
            [
                "You both love Parkrun",
                "Ask them about Sea swimming: close to your Wild swimming",
                "Ask them about Church choir: close to your daughter's school choir",
                "Ask them about Rugby",
            ]
        );
    }
}
