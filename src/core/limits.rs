//! Field limits, and the messages shown when a value goes over one.
//!
//! Limits are checked, never enforced by cutting: an over-long value stays as typed with an
//! inline message until the user shortens it, so no keystroke is ever lost.

pub const NAME_MAX: usize = 100;
pub const WHAT_MAX: usize = 200;
pub const INTEREST_MAX: usize = 60;
pub const NOTE_MAX: usize = 10_000;
pub const INTERESTS_PER_PERSON_MAX: usize = 200;

/// `None` when `value` fits in `max` characters, or a message saying by how much it is over.
pub fn over_limit(field: &str, value: &str, max: usize) -> Option<String> {
    let len = value.chars().count();
    (len > max).then(|| {
        format!(
            "{field} is {len} characters; the limit is {max}. Shorten it by {} to save.",
            len - max
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(over_limit("Name", &"é".repeat(NAME_MAX), NAME_MAX), None);
        let msg = over_limit("Name", &"é".repeat(NAME_MAX + 3), NAME_MAX).unwrap();
        assert!(msg.contains("103 characters"), "{msg}");
        assert!(msg.contains("by 3"), "{msg}");
    }
}
