//! The floor the benchmark measures Common Ground against: a Leptos 0.8 counter, with the
//! same landmarks the bench's probe looks for (a "Main" navigation, an h1 and one button).
use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0);
        view! {
            <nav aria-label="Main">
                <button on:click=move |_| set_count.update(|n| *n += 1)>"Count: " {count}</button>
            </nav>
            <h1>"Home"</h1>
        }
    });
}
