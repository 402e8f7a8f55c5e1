//! Calendar dates as the app stores them (`YYYY-MM-DD`): day arithmetic for snoozing, and how
//! far a date is from today in words a person says ("yesterday", "3 weeks ago").
//!
//! The words themselves are left to the browser's `Intl` in the user's language; the core
//! decides the unit and the number, and keeps an English form for tests and old browsers.

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; `None` for anything else or an impossible day.
pub fn days_of(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Days-from-civil (Howard Hinnant), the inverse of `date_of_days`.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Minutes after midnight of a time of day `HH:MM` (24-hour), as `<input type="time">`
/// writes it; `None` for anything else.
pub fn minutes_of(time: &str) -> Option<u32> {
    let (h, m) = time.split_once(':')?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
pub fn date_of_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `date` moved by `days` (negative goes back); `None` for a malformed date.
pub fn add_days(date: &str, days: i64) -> Option<String> {
    Some(date_of_days(days_of(date)? + days))
}

/// How far `date` is from `today`, in the unit a person would use; `None` when it is far
/// enough away that the date itself reads better ("Tue 3 Nov").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// Whole days: 0 today, -1 yesterday, 2 in two days.
    Days(i64),
    /// Whole weeks, from a week up to eight weeks either way.
    Weeks(i64),
}

/// Beyond this many days a date is written out rather than counted.
const COUNTED_DAYS: i64 = 8 * 7;

pub fn relative(date: &str, today: &str) -> Option<Relative> {
    let diff = days_of(date)? - days_of(today)?;
    match diff.abs() {
        0..=6 => Some(Relative::Days(diff)),
        7..COUNTED_DAYS => Some(Relative::Weeks(diff / 7)),
        _ => None,
    }
}

impl Relative {
    /// The unit and number for `Intl.RelativeTimeFormat` (`numeric: "auto"` turns -1 day into
    /// "yesterday").
    pub fn unit_and_value(self) -> (&'static str, i64) {
        match self {
            Relative::Days(n) => ("day", n),
            Relative::Weeks(n) => ("week", n),
        }
    }

    /// The English words, used where the browser has no `Intl.RelativeTimeFormat`.
    pub fn english(self) -> String {
        let (unit, n) = self.unit_and_value();
        match (unit, n) {
            ("day", 0) => "today".into(),
            ("day", -1) => "yesterday".into(),
            ("day", 1) => "tomorrow".into(),
            (_, -1) => format!("last {unit}"),
            (_, 1) => format!("next {unit}"),
            (_, n) if n < 0 => format!("{} {unit}s ago", -n),
            (_, n) => format!("in {n} {unit}s"),
        }
    }
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Monday 0 … Sunday 6.
pub fn weekday(date: &str) -> Option<usize> {
    // 1970-01-01 was a Thursday.
    Some((days_of(date)? + 3).rem_euclid(7) as usize)
}

/// "Tue 3 Nov" in English, with the year when it is not `today`'s: the fallback where the
/// browser's `Intl` is missing, and the shape the localised form follows.
pub fn short_date(date: &str, today: &str) -> Option<String> {
    let wd = WEEKDAYS[weekday(date)?];
    let (y, rest) = date.trim().split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let month = MONTHS[m.parse::<usize>().ok()?.checked_sub(1)?];
    let day: u32 = d.parse().ok()?;
    let same_year = today.get(..4) == Some(y);
    Some(if same_year {
        format!("{wd} {day} {month}")
    } else {
        format!("{wd} {day} {month} {y}")
    })
}

/// "Dec 2025": a date in a list row, where the day and the weekday are more than a reader
/// needs to place a meeting; `None` when it is not a date.
pub fn month_year(date: &str) -> Option<String> {
    days_of(date)?;
    let (y, rest) = date.trim().split_once('-')?;
    let (m, _) = rest.split_once('-')?;
    let month = MONTHS[m.parse::<usize>().ok()?.checked_sub(1)?];
    Some(format!("{month} {y}"))
}

/// A date as people say it, in English: relative when close, else "Tue 3 Nov"; the text as
/// typed when it is not a date at all.
pub fn human_date(date: &str, today: &str) -> String {
    relative(date, today)
        .map(Relative::english)
        .or_else(|| short_date(date, today))
        .unwrap_or_else(|| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_list_row_says_the_month_and_year() {
        assert_eq!(month_year("2025-12-04").as_deref(), Some("Dec 2025"));
        assert_eq!(month_year(" 2024-01-31 ").as_deref(), Some("Jan 2024"));
        assert_eq!(month_year("2024-13-01"), None);
        assert_eq!(month_year("next Tuesday"), None);
        assert_eq!(month_year(""), None);
    }

    #[test]
    fn days_round_trip_and_refuse_impossible_dates() {
        assert_eq!(days_of("1970-01-01"), Some(0));
        assert_eq!(days_of("2000-02-29"), Some(11_016));
        assert_eq!(days_of("2026-02-29"), None);
        assert_eq!(days_of("2026-13-01"), None);
        assert_eq!(days_of(""), None);
        assert_eq!(days_of("soon"), None);
        assert_eq!(date_of_days(11_016), "2000-02-29");
    }

    #[test]
    fn snoozing_crosses_months_and_years() {
        assert_eq!(add_days("2026-11-30", 1).as_deref(), Some("2026-12-01"));
        assert_eq!(add_days("2026-12-28", 7).as_deref(), Some("2027-01-04"));
        assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
        assert_eq!(add_days("", 1), None);
    }

    #[test]
    fn near_dates_are_counted_in_days_then_weeks() {
        let t = "2026-11-29";
        let said = |d: &str| human_date(d, t);
        assert_eq!(said("2026-11-29"), "today");
        assert_eq!(said("2026-11-28"), "yesterday");
        assert_eq!(said("2026-11-30"), "tomorrow");
        assert_eq!(said("2026-11-26"), "3 days ago");
        assert_eq!(said("2026-12-02"), "in 3 days");
        assert_eq!(said("2026-11-22"), "last week");
        assert_eq!(said("2026-11-08"), "3 weeks ago");
        assert_eq!(said("2026-12-20"), "in 3 weeks");
        assert_eq!(said("2026-11-03"), "3 weeks ago");
        assert_eq!(said("2026-10-03"), "Sat 3 Oct");
        assert_eq!(said("2025-11-03"), "Mon 3 Nov 2025");
        assert_eq!(said("not a date"), "not a date");
        assert_eq!(
            relative("2026-11-08", t).map(Relative::unit_and_value),
            Some(("week", -3))
        );
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday("2026-11-03"), Some(1)); // a Tuesday
        assert_eq!(
            short_date("2026-11-03", "2026-01-01").as_deref(),
            Some("Tue 3 Nov")
        );
        assert_eq!(weekday("1970-01-01"), Some(3));
    }

    proptest! {
        #[test]
        fn day_numbers_and_dates_agree(days in -700_000i64..800_000) {
            let date = date_of_days(days);
            prop_assert_eq!(days_of(&date), Some(days));
            prop_assert_eq!(add_days(&date, 1), Some(date_of_days(days + 1)));
        }
    }

    #[test]
    fn a_time_of_day_is_two_digits_colon_two_digits_within_the_day() {
        assert_eq!(minutes_of("07:30"), Some(450));
        assert_eq!(minutes_of("00:00"), Some(0));
        assert_eq!(minutes_of("23:59"), Some(1439));
        for bad in [
            "24:00", "7:30", "07:60", "07:30:00", "", "ab:cd", "07-30", "+7:30",
        ] {
            assert_eq!(minutes_of(bad), None, "{bad}");
        }
    }
}
