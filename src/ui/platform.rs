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

/// The app whose own browser a link was opened in, from its user agent: LinkedIn, Facebook,
/// Instagram and the like keep a website's storage apart from the phone's browser, and often
/// clear it, so someone who saves a map received there would not find it again. `None` for a
/// browser (and for an app that hands links to Safari's view, which cannot be told apart).
pub fn in_app_browser(user_agent: &str) -> Option<&'static str> {
    // Messenger's marks before Facebook's: Messenger's agent carries both.
    [
        ("LinkedInApp", "LinkedIn"),
        ("MessengerForiOS", "Messenger"),
        ("Orca-Android", "Messenger"),
        ("FBAN/", "Facebook"),
        ("FBAV/", "Facebook"),
        ("FB_IAB", "Facebook"),
        ("Instagram", "Instagram"),
        ("MicroMessenger", "WeChat"),
        (" Line/", "LINE"),
        ("musical_ly", "TikTok"),
        ("BytedanceWebview", "TikTok"),
        ("Snapchat", "Snapchat"),
        (" GSA/", "the Google app"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map(|(_, name)| *name)
    // Any other Android app's own browser (a WebView) says "wv"; Chrome's custom tabs, which
    // share Chrome's storage, do not.
    .or_else(|| user_agent.contains("; wv)").then_some("this app"))
}

/// [`in_app_browser`] of this window.
pub fn this_in_app_browser() -> Option<&'static str> {
    let ua = web_sys::window().and_then(|w| w.navigator().user_agent().ok())?;
    in_app_browser(&ua)
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
    use super::{in_app_browser, ios_browser_name};

    #[test]
    fn names_the_iphone_browser_from_its_user_agent() {
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        let chrome = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
        let firefox = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15";
        assert_eq!(ios_browser_name(safari), "Safari");
        assert_eq!(ios_browser_name(chrome), "Chrome");
        assert_eq!(ios_browser_name(firefox), "Firefox");
    }

    #[test]
    fn names_the_app_whose_own_browser_opened_the_link() {
        let cases = [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8173", Some("LinkedIn")),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.0.0 Mobile Safari/537.36 [LinkedInApp]/4.1.964", Some("LinkedIn")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.36.109;FBBV/640000000;FBDV/iPhone14,5]", Some("Facebook")),
            ("Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/470.0.0.41.109;]", Some("Facebook")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/470.0.0.23.108]", Some("Messenger")),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.0.0 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/465.0.0.20.108;]", Some("Messenger")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 339.0.3.12.91 (iPhone14,5; iOS 17_5; en_GB; en)", Some("Instagram")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/en", Some("WeChat")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.8.0", Some("LINE")),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/322.0.648915268 Mobile/15E148 Safari/604.1", Some("the Google app")),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36", Some("this app")),
            // Browsers, WhatsApp's and Android's custom tabs among them: none.
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", None),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", None),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", None),
            ("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", None),
        ];
        for (ua, app) in cases {
            assert_eq!(in_app_browser(ua), app, "{ua}");
        }
    }
}
