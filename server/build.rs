//! Builds the help centre's illustrations (`src/help/articles/images/*.svg`) into the
//! server: a table of every file, so adding an image needs no code.

use std::path::Path;

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/help/articles/images");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".svg"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let table: String = names
        .iter()
        .map(|name| {
            format!(
                "({name:?}, include_bytes!({:?}) as &[u8]),\n",
                folder.join(name).display().to_string()
            )
        })
        .collect();
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("help_images.rs");
    std::fs::write(out, format!("&[\n{table}]\n")).expect("OUT_DIR is writable");
}
