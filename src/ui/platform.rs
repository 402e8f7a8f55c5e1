//! What kind of phone and window the app runs in: an iPhone or iPad, and whether it was opened
//! from the Home Screen (where iOS gives it storage of its own, apart from Safari's).

use wasm_bindgen::JsValue;

/// iPhone, iPad or iPod (an iPad asking for the desktop site says "Macintosh" but has touch).
pub fn is_ios() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let ua = nav.user_agent().unwrap_or_default();
    ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d))
        || (ua.contains("Macintosh") && nav.max_touch_points() > 1)
}

/// The name of an iPhone browser, from its user agent. Every one of them runs on WebKit, with
/// Safari's limits on what a website keeps, but someone in Chrome told "Safari erases…" would
/// take the warning as not for them.
pub fn ios_browser_name(user_agent: &str) -> &'static str {
    [
        ("CriOS", "Chrome"),
        ("FxiOS", "Firefox"),
        ("EdgiOS", "Edge"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map_or("Safari", |(_, name)| name)
}

/// [`ios_browser_name`] of this browser.
pub fn browser_name() -> &'static str {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    ios_browser_name(&ua)
}

/// Opened from the Home Screen rather than in a browser tab.
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let apple = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .map(|v| v.as_bool() == Some(true))
        .unwrap_or(false);
    apple
        || window
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}

#[cfg(test)]
mod tests {
    use super::ios_browser_name;

    #[test]
    fn names_the_iphone_browser_from_its_user_agent() {
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        let chrome = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
        let firefox = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15";
        assert_eq!(ios_browser_name(safari), "Safari");
        assert_eq!(ios_browser_name(chrome), "Chrome");
        assert_eq!(ios_browser_name(firefox), "Firefox");
    }
}
