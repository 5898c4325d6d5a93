//! Parts of a component fetched after its first screen. A shopper opening a component
//! first needs only its first form; the rest of it (the tracker's order view, the chat's
//! conversation) is a chunk of the module, fetched when the shopper starts using the form
//! or at once when it is needed.
//!
//! A split point is exported from every binary that links it, so each binary that shows
//! such a component provides its loader with [`provide_chunk!`], and the component finds it
//! as a [`ChunkLoader`] in its context. Elsewhere (component tests, or a build without
//! `--cfg sf_split`) the part is an ordinary function and nothing is fetched.

use crate::reactive::effect;
use leptos::html;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::tachys::view::{Mountable, Render};
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;

/// How the part of a component drawn from `Input` arrives.
pub struct ChunkLoader<Input: 'static> {
    /// Fetches the chunk (once) and draws the part.
    pub load: fn(Input) -> Loading<AnyView>,
    /// Fetches the chunk without drawing anything: the shopper will soon need it.
    pub preload: fn() -> Loading<()>,
}

// Derived `Clone` and `Copy` would ask the same of `Input`, which the loader does not hold.
impl<Input> Clone for ChunkLoader<Input> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Input> Copy for ChunkLoader<Input> {}

/// What starts fetching `loader`'s chunk the first time it is called, for an event showing
/// the shopper will soon want the part (typing in the form before it). A failure changes
/// nothing: the load that draws the part tries again, and says so if it fails.
pub fn preloader<Input, Event>(loader: Option<ChunkLoader<Input>>) -> impl Fn(Event) + Copy {
    let started = StoredValue::new(false);
    move |_| {
        if let (Some(loader), false) = (loader, started.get_value()) {
            started.set_value(true);
            spawn_local(async move {
                let _ = (loader.preload)().await;
            });
        }
    }
}

/// The part `loader` draws from what `input` gives, drawn into an element placed where this
/// is, once its chunk is here; `arrived` is set then. `input` is read in an effect: the
/// chunk is fetched when it first gives something, and again when it gives something after
/// a failure, which sets `failed`. (A `Suspend` would do the same with machinery every
/// module would carry for this alone.)
pub fn chunk_view<Input: 'static>(
    loader: Option<ChunkLoader<Input>>,
    input: impl Fn() -> Option<Input> + 'static,
    failed: RwSignal<bool>,
    arrived: RwSignal<bool>,
) -> impl IntoView {
    let place = NodeRef::<html::Div>::new();
    // The part's signals and effects belong to the component placing it, not to the effect
    // below, which would end them when it runs again. Held weakly: the component owns the
    // effect, which must not keep the component's owner alive.
    let owner = Owner::current().unwrap_or_default().downgrade();
    effect(move || {
        let Some(input) = input() else { return };
        if arrived.get_untracked() {
            return;
        }
        let (Some(loader), Some(owner)) = (loader, owner.upgrade()) else {
            failed.set(true);
            return;
        };
        let load = owner.with(|| ScopedFuture::new_untracked((loader.load)(input)));
        spawn_local(async move {
            match load.await {
                Ok(view) => {
                    owner.with(|| mount_into(place, view));
                    arrived.set(true);
                }
                Err(_) => failed.set(true),
            }
        });
    });
    view! { <div class="sf-chunk" node_ref=place></div> }
}

/// Draws `view` as the content of `parent` (an element drawn before `view` was there), for
/// as long as the current owner lives. Drawn at once, outside any tracking, so no signal
/// read while drawing can draw it again.
pub(crate) fn mount_into(parent: NodeRef<html::Div>, view: impl IntoView + 'static) {
    let Some(parent) = parent.get_untracked() else {
        return;
    };
    let mut drawn = untrack(|| view.into_any().build());
    drawn.mount(&parent, None);
    let drawn = StoredValue::new_local(Some(drawn));
    on_cleanup(move || {
        if let Some(mut drawn) = drawn.try_update_value(Option::take).flatten() {
            drawn.unmount();
        }
    });
}

/// A chunk on its way (or, where nothing is split, already here).
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// Provides the [`ChunkLoader`] of the part drawn by `$draw` (a function of `$input` to
/// `AnyView`) as the chunk `$chunk` of the calling binary, preloaded by `$preload`.
#[macro_export]
// rustfmt indents an attribute's arguments inside a macro one step further each run.
#[rustfmt::skip]
macro_rules! provide_chunk {
    ($chunk:ident, $preload:ident, $draw:path, $input:ty) => {{
        use ::leptos::prelude::AnyView;
        use ::leptos::wasm_split::SplitLoaderError;
        #[cfg(sf_split)]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload),
            fallible
        )]
        fn $chunk(input: $input) -> Result<AnyView, SplitLoaderError> {
            Ok($draw(input))
        }
        #[cfg(not(sf_split))]
        async fn $chunk(input: $input) -> Result<AnyView, SplitLoaderError> {
            Ok($draw(input))
        }
        #[cfg(not(sf_split))]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
        ::leptos::prelude::provide_context($crate::chunk::ChunkLoader::<$input> {
            load: |input| Box::pin($chunk(input)),
            preload: || Box::pin($preload()),
        });
    }};
}
