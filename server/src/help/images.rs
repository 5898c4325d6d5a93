//! The help centre's own illustrations, built into the server (see `build.rs`): SVG drawn
//! with shapes only, served with a policy that keeps any script in them from running.

/// Every image by file name.
const IMAGES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/help_images.rs"));

/// The image named `name`.
pub fn get(name: &str) -> Option<&'static [u8]> {
    IMAGES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, bytes)| *bytes)
}

/// Whether the server holds an image named `name`.
pub fn is_known(name: &str) -> bool {
    get(name).is_some()
}
