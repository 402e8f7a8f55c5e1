//! Dates and times as the user's browser writes them: "Tue 3 Nov", "yesterday",
//! "3 weeks ago" in the user's language (`navigator.language` through `Intl`), never seconds.
//! Which words to use (today, days or weeks, or the date itself) is decided in
//! `core::dates`; this file only asks the browser to say them.

use crate::core::dates::{month_year, relative, short_date, Relative};
use wasm_bindgen::JsValue;

/// The user's language, e.g. "en-GB"; "en" when the browser does not say, or says something
/// `Intl` refuses (WebKitGTK under a POSIX locale says "C", and every `Intl` call given that
/// throws, which would stop the app).
/// Asked once: a list of dates would otherwise ask `Intl` to check the tag for every row.
fn language() -> &'static str {
    static LANGUAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LANGUAGE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .filter(|tag| is_locale(tag))
            .unwrap_or_else(|| "en".to_string())
    })
}

/// Whether `Intl` accepts `tag` as a language (asked so that a refusal is caught, not thrown).
fn is_locale(tag: &str) -> bool {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .ok()
        .and_then(|intl| {
            js_sys::Reflect::get(&intl, &JsValue::from_str("getCanonicalLocales")).ok()
        })
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| {
            f.call1(&JsValue::UNDEFINED, &JsValue::from_str(tag))
                .is_ok()
        })
}

/// The browser's `Intl` constructor `name`, if it has one: old browsers lack some, and
/// calling a missing constructor would throw.
fn has_intl(name: &str) -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .ok()
        .filter(|i| i.is_object())
        .and_then(|intl| js_sys::Reflect::has(&intl, &JsValue::from_str(name)).ok())
        .unwrap_or(false)
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// A stored date (`YYYY-MM-DD`) as people say it: "today", "yesterday", "3 weeks ago" when
/// close, else "Tue 3 Nov" (with the year when it is not this year's). Text that is not a date
/// is shown as typed.
pub fn human_date(date: &str, today: &str) -> String {
    if let Some(r) = relative(date, today) {
        return relative_words(r);
    }
    calendar_date(date, today)
}

/// An event named with its day and, if given, its time, "Chamber breakfast (Tue 3 Nov, 07:30)";
/// one without a date by its name alone: two meetings of a club share a name, and the day (two
/// sessions on one day, the time) is what tells them apart.
pub fn event_with_date(name: &str, date: &str, time: &str, today: &str) -> String {
    if date.trim().is_empty() {
        return name.to_string();
    }
    format!("{name} ({})", event_when(date, time, today))
}

/// A date in a list row: "3 weeks ago" when close, else the month and year ("Dec 2025", in the
/// user's language), which is enough to place a meeting.
pub fn row_date(date: &str, today: &str) -> String {
    if let Some(r) = relative(date, today) {
        return relative_words(r);
    }
    let Some(english) = month_year(date) else {
        return date.to_string();
    };
    in_language(date, &[("month", "short"), ("year", "numeric")]).unwrap_or(english)
}

/// "Tue 3 Nov" (or "Tue, Nov 3" in American English) for a stored date.
pub fn calendar_date(date: &str, today: &str) -> String {
    let Some(english) = short_date(date, today) else {
        return date.to_string();
    };
    let mut wanted = vec![("weekday", "short"), ("day", "numeric"), ("month", "short")];
    if today.get(..4) != date.get(..4) {
        wanted.push(("year", "numeric"));
    }
    in_language(date, &wanted).unwrap_or(english)
}

/// A stored date (already known to be one) as the browser's `Intl` writes it with `wanted`;
/// `None` where the browser has no `Intl.DateTimeFormat` or answers nothing.
fn in_language(date: &str, wanted: &[(&str, &str)]) -> Option<String> {
    if !has_intl("DateTimeFormat") {
        return None;
    }
    let mut parts = date
        .trim()
        .splitn(3, '-')
        .map(|p| p.parse::<i32>().unwrap_or(1));
    let (y, m, d) = (
        parts.next().unwrap_or(1970),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    // Noon, so no time zone can move it to another day.
    let js = js_sys::Date::new_with_year_month_day_hr_min(y as u32, m - 1, d, 12, 0);
    let s: String = js
        .to_locale_date_string(language(), &options(wanted))
        .into();
    (!s.is_empty()).then_some(s)
}

fn relative_words(r: Relative) -> String {
    if !has_intl("RelativeTimeFormat") {
        return r.english();
    }
    let (unit, value) = r.unit_and_value();
    let locales = js_sys::Array::of1(&JsValue::from_str(language()));
    let f = js_sys::Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]));
    f.format(value as f64, unit).into()
}

/// A moment, e.g. "Tue 3 Nov, 10:04" or "yesterday, 10:04": hours and minutes, no seconds.
pub fn date_time(millis: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(millis as f64));
    let day = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    let time: String = d
        .to_locale_time_string_with_options(
            language(),
            &options(&[("hour", "2-digit"), ("minute", "2-digit")]),
        )
        .into();
    format!(
        "{}, {time}",
        human_date(&day, &crate::store::clock::today())
    )
}

/// A stored time of day (`HH:MM`) as the user's language writes it ("07:30", "7:30 AM"); as
/// typed when it is not one.
pub fn human_time(time: &str) -> String {
    let Some(minutes) = crate::core::dates::minutes_of(time) else {
        return time.to_string();
    };
    if has_intl("DateTimeFormat") {
        let (h, m) = ((minutes / 60) as i32, (minutes % 60) as i32);
        let js = js_sys::Date::new_with_year_month_day_hr_min(2000, 0, 1, h, m);
        let wanted = options(&[("hour", "numeric"), ("minute", "2-digit")]);
        let s: String = js
            .to_locale_time_string_with_options(language(), &wanted)
            .into();
        if !s.is_empty() {
            return s;
        }
    }
    time.to_string()
}

/// An event's day and time as a line says them: "today, 07:30", "Tue 8 Dec", or nothing.
pub fn event_when(date: &str, time: &str, today: &str) -> String {
    let day = if date.trim().is_empty() {
        String::new()
    } else {
        human_date(date, today)
    };
    let time = if time.is_empty() {
        String::new()
    } else {
        human_time(time)
    };
    join_present(&[day, time], ", ")
}

/// The non-empty parts joined by `sep`, e.g. "2026-11-01 · Church hall" when the group is blank.
pub fn join_present<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    parts
        .iter()
        .map(AsRef::as_ref)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}
