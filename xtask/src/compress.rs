//! Brotli and gzip at their best settings, done once at build time: the server sends these
//! files as they are (`Accept-Encoding` picks one) and never compresses per request.

use crate::process::Result;
use std::io::Write;
use std::path::Path;

/// File kinds worth compressing; images and fonts are compressed already.
const COMPRESSIBLE: [&str; 6] = ["js", "wasm", "css", "html", "svg", "json"];

/// `bytes` compressed with gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|error| format!("gzip failed: {error}"))
}

/// `bytes` compressed with brotli at quality 11 and a 4 MiB window.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)
        .map_err(|error| format!("brotli failed: {error}"))?;
    Ok(compressed)
}

/// Writes `FILE.br` and `FILE.gz` beside every compressible file under `folder`.
pub fn precompress_folder(folder: &Path) -> Result {
    let entries = std::fs::read_dir(folder)
        .map_err(|error| format!("cannot read {}: {error}", folder.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            precompress_folder(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| COMPRESSIBLE.contains(&extension));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        // A failed compression must stop the build: an empty `.br` would be served as the file.
        for (suffix, compressed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(suffix);
            std::fs::write(&name, compressed)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        }
    }
    Ok(())
}
