//! The optional sound for new messages from the store. Off by default: a page that beeps
//! unasked startles, and a screen reader already says new messages. Once a shopper turns
//! it on, the browser remembers. The tone is drawn with Web Audio, so no sound file is
//! downloaded, and the audio starts from the shopper's click, as browsers require.

use super::{storage, LiveChatMsg};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::AudioContext;

/// Where the choice is kept.
const SOUND_KEY: &str = "sf-live-chat:sound";

/// The sound's switch and its player.
#[derive(Clone, Copy)]
pub(super) struct UseSound {
    /// Whether new messages make a sound.
    pub(super) on: RwSignal<bool>,
    audio: StoredValue<Option<AudioContext>, LocalStorage>,
}

/// The sound as the shopper last left it (off the first time).
pub(super) fn use_sound() -> UseSound {
    let on = storage()
        .and_then(|storage| storage.get_item(SOUND_KEY).ok().flatten())
        .is_some_and(|kept| kept == "on");
    UseSound {
        on: RwSignal::new(on),
        audio: StoredValue::new_local(None),
    }
}

impl UseSound {
    /// Turns the sound on or off, and remembers it. Called from a click, which lets the
    /// audio start.
    fn toggle(self) {
        let on = !self.on.get_untracked();
        self.on.set(on);
        if let Some(storage) = storage() {
            let _ = if on {
                storage.set_item(SOUND_KEY, "on")
            } else {
                storage.remove_item(SOUND_KEY)
            };
        }
        if on {
            // A short tone says it works, and opens the audio while the click allows it.
            self.play();
        }
    }

    /// Plays the tone, if the sound is on.
    pub(super) fn play(self) {
        if !self.on.get_untracked() {
            return;
        }
        if self.audio.with_value(Option::is_none) {
            self.audio.set_value(AudioContext::new().ok());
        }
        self.audio.with_value(|audio| {
            if let Some(audio) = audio {
                // A sound that cannot play is no loss: the message is on screen.
                let _ = tone(audio);
            }
        });
    }
}

/// A quarter-second tone that fades out.
fn tone(audio: &AudioContext) -> Result<(), JsValue> {
    const SECONDS: f64 = 0.25;
    let _ = audio.resume()?;
    let oscillator = audio.create_oscillator()?;
    let volume = audio.create_gain()?;
    let now = audio.current_time();
    oscillator.frequency().set_value(880.0);
    volume.gain().set_value_at_time(0.15, now)?;
    volume
        .gain()
        .exponential_ramp_to_value_at_time(0.001, now + SECONDS)?;
    oscillator.connect_with_audio_node(&volume)?;
    volume.connect_with_audio_node(&audio.destination())?;
    oscillator.start()?;
    oscillator.stop_with_when(now + SECONDS)?;
    Ok(())
}

/// The switch: a toggle button, pressed while the sound is on.
#[component]
pub(super) fn SoundSwitch(
    /// The sound it switches.
    sound: UseSound,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="sf-button sf-button--link sf-chat__sound"
            aria-pressed=move || if sound.on.get() { "true" } else { "false" }
            on:click=move |_| sound.toggle()
        >
            {i18n.text(LiveChatMsg::Sound)}
        </button>
    }
}
