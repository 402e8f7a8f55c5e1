//! A number with the word that goes with it, for every message that counts something.

/// "1 person", "3 people".
pub fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(0, "person", "people"), "0 people");
        assert_eq!(count(1, "day", "days"), "1 day");
        assert_eq!(count(40, "day", "days"), "40 days");
    }
}
