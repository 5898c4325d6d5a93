//! Effects compiled once. `Effect::new` is generic over its closure, and each distinct
//! closure gets its own copy of the effect's task (an async state machine with its
//! bookkeeping, a few hundred bytes of wasm each). The components' effects go through
//! [`effect`], which hands Leptos one boxed closure type, so the machinery is compiled once
//! per module.

use leptos::prelude::Effect;

/// Runs `run` after the current component is drawn, and again whenever a signal it read
/// last time changes (what `Effect::new` does). A value carried from one run to the next
/// lives in the closure.
pub fn effect(run: impl FnMut() + 'static) {
    boxed_effect(Box::new(run));
}

fn boxed_effect(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
