//! Reading a return's QR code with the device's camera, at a shop's counter.
//!
//! The browser's own reader (`BarcodeDetector`) does the work, so nothing is downloaded for
//! it; browsers without one (or without a camera API) get no scan button, and the agent types
//! the number. Everything goes through `js_sys::Reflect` (see `js.rs`), feature-detected at
//! each step: `web-sys` has no stable binding for the reader.

use super::js::{call, construct, property, set_property, settle};
use super::messages::DeskMsg;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How often the picture is searched for a code: often enough to feel instant, seldom
/// enough to leave a phone's processor for the camera.
const SCAN_EVERY: Duration = Duration::from_millis(300);

/// The page's `window` as a plain value.
fn window_value() -> JsValue {
    window().into()
}

/// `navigator.mediaDevices`, or `undefined` (insecure pages and old browsers have none).
fn media_devices() -> JsValue {
    property(&property(&window_value(), "navigator"), "mediaDevices")
}

/// Whether this browser has both a QR reader and a camera API.
fn can_scan() -> bool {
    let window = window_value();
    let has_reader =
        js_sys::Reflect::has(&window, &JsValue::from_str("BarcodeDetector")).unwrap_or(false);
    has_reader && property(&media_devices(), "getUserMedia").is_function()
}

/// A `BarcodeDetector` for QR codes; `None` when the browser's reader does not know them.
fn qr_detector() -> Option<JsValue> {
    let options = js_sys::Object::new();
    let formats = js_sys::Array::of1(&JsValue::from_str("qr_code"));
    set_property(&options, "formats", &formats);
    construct("BarcodeDetector", &[&options])
}

/// The back camera's stream (the one facing the parcel), once the agent allows it.
async fn open_camera() -> Option<JsValue> {
    let video = js_sys::Object::new();
    set_property(&video, "facingMode", &JsValue::from_str("environment"));
    let constraints = js_sys::Object::new();
    set_property(&constraints, "video", &video);
    set_property(&constraints, "audio", &JsValue::FALSE);
    settle(call(&media_devices(), "getUserMedia", &[&constraints])?).await
}

/// Turns the camera off: every track of `stream` stopped.
fn stop_tracks(stream: &JsValue) {
    if let Some(tracks) = call(stream, "getTracks", &[]) {
        for track in js_sys::Array::from(&tracks).iter() {
            let _ = call(&track, "stop", &[]);
        }
    }
}

/// The camera and the browser's QR reader while the agent scans, in the leptos-use style: a
/// named struct of signals and the two things one can do with it. The camera is turned off
/// when a code is read, when the agent stops it, and when the component that made it goes.
#[derive(Clone, Copy)]
pub struct QrScanner {
    /// Whether this browser can scan at all (checked once): without, no button is offered.
    pub supported: bool,
    /// Whether the camera is on.
    pub active: RwSignal<bool>,
    /// Why the last scan could not start, in the agent's words.
    pub problem: RwSignal<Option<DeskMsg>>,
    /// The `<video>` showing the camera's picture.
    pub video: NodeRef<html::Video>,
    /// The camera's stream while it is on.
    stream: StoredValue<Option<JsValue>, LocalStorage>,
    /// The timer searching the picture while the camera is on.
    timer: StoredValue<Option<IntervalHandle>>,
    /// Whether a search is in flight (a slow phone must not stack them up).
    searching: StoredValue<bool>,
    /// Counts starts and stops, so a camera that opens after the agent stopped (or started
    /// again) is turned off rather than kept.
    generation: StoredValue<u32>,
}

/// A scanner for the calling component; stopped when that component goes.
pub fn use_qr_scanner() -> QrScanner {
    let scanner = QrScanner {
        supported: can_scan(),
        active: RwSignal::new(false),
        problem: RwSignal::new(None),
        video: NodeRef::new(),
        stream: StoredValue::new_local(None),
        timer: StoredValue::new(None),
        searching: StoredValue::new(false),
        generation: StoredValue::new(0),
    };
    on_cleanup(move || scanner.stop());
    scanner
}

impl QrScanner {
    /// Whether `generation` is still the scan under way (and the component still here).
    fn current(self, generation: u32) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// Turns the camera on and searches its picture until a QR code is read; `found` then
    /// gets the code's text, after the camera is off.
    pub fn start(self, found: impl Fn(String) + Clone + 'static) {
        if !self.supported || self.active.get_untracked() {
            return;
        }
        self.problem.set(None);
        let Some(detector) = qr_detector() else {
            self.problem.set(Some(DeskMsg::ScanUnsupported));
            return;
        };
        self.active.set(true);
        self.generation.update_value(|generation| *generation += 1);
        let generation = self.generation.get_value();
        leptos::task::spawn_local(async move {
            let stream = open_camera().await;
            if !self.current(generation) {
                // Stopped (or gone) while the agent was asked for the camera.
                if let Some(stream) = &stream {
                    stop_tracks(stream);
                }
                return;
            }
            let (Some(stream), Some(video)) = (stream, self.video.get_untracked()) else {
                self.problem.set(Some(DeskMsg::CameraFailed));
                self.stop();
                return;
            };
            let picture: JsValue = video.clone().into();
            // Muted and inline, so phones play it without a gesture and without going full screen.
            set_property(&picture, "muted", &JsValue::TRUE);
            set_property(&picture, "playsInline", &JsValue::TRUE);
            set_property(&picture, "srcObject", &stream);
            self.stream.set_value(Some(stream));
            if let Some(playing) = call(&picture, "play", &[]) {
                let _ = settle(playing).await;
            }
            if !self.current(generation) {
                return;
            }
            let search = move || self.search(&detector, &picture, generation, found.clone());
            self.timer
                .set_value(set_interval_with_handle(search, SCAN_EVERY).ok());
        });
    }

    /// Looks for a code in the picture now, unless a search is still running.
    fn search(
        self,
        detector: &JsValue,
        picture: &JsValue,
        generation: u32,
        found: impl Fn(String) + 'static,
    ) {
        if self.searching.try_get_value() != Some(false) {
            return;
        }
        let Some(detecting) = call(detector, "detect", &[picture]) else {
            return;
        };
        self.searching.set_value(true);
        leptos::task::spawn_local(async move {
            let codes = settle(detecting).await;
            let gone = self
                .searching
                .try_update_value(|busy| *busy = false)
                .is_none();
            if gone || !self.current(generation) {
                return;
            }
            let text = codes
                .map(|codes| js_sys::Array::from(&codes).get(0))
                .and_then(|code| property(&code, "rawValue").as_string())
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty());
            if let Some(text) = text {
                self.stop();
                found(text);
            }
        });
    }

    /// Turns the camera off and stops searching; safe to call when it is off, or after the
    /// component went.
    pub fn stop(self) {
        self.generation
            .try_update_value(|generation| *generation += 1);
        if let Some(Some(timer)) = self.timer.try_update_value(Option::take) {
            timer.clear();
        }
        if let Some(Some(stream)) = self.stream.try_update_value(Option::take) {
            stop_tracks(&stream);
        }
        if let Some(Some(video)) = self.video.try_get_untracked() {
            set_property(&video.into(), "srcObject", &JsValue::NULL);
        }
        self.active.try_set(false);
    }
}
