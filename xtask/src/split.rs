//! Splitting a module at its `#[lazy]` functions into a first download and chunks fetched on
//! first call (Leptos's `#[lazy]`, the `wasm_split` runtime, `wasm_split_cli_support` here).
//!
//! The modules are built with `--cfg sf_split` (which turns the split points on) and
//! `--emit-relocs` (which the splitter reads to move functions and data between chunks).
//! Its output refers to files by fixed names (`./__wasm_split.js`, `./NAME.js`,
//! `./CHUNK.wasm`); [`rename_split_files`] gives every file one content hash and rewrites
//! those references, so all of them can be cached for a year.

use crate::process::Result;
use std::path::{Path, PathBuf};

/// The module the splitter's import stubs come from before splitting: a binary that has
/// none has no split point.
const PLACEHOLDER_MODULE: &[u8] = b"__wasm_split_placeholder__";
/// What the split main module imports its chunk loaders from.
const LINK_MODULE: &str = "./__wasm_split.js";
/// How the exported bodies of split points are named (`wasm_split` macro).
const SPLIT_EXPORT_PREFIX: &[u8] = b"__wasm_split_00";

/// The files of a split module, before binding: the main module, the link script and the
/// chunks.
pub struct SplitModule {
    /// The first download; wasm-bindgen still has to bind it.
    pub main: PathBuf,
    /// The JavaScript that fetches and links each chunk.
    pub link_script: PathBuf,
    /// The chunks, each fetched when one of its functions is first called.
    pub chunks: Vec<PathBuf>,
}

/// Whether the built binary has split points.
pub fn has_split_points(wasm: &[u8]) -> bool {
    wasm.windows(PLACEHOLDER_MODULE.len())
        .any(|window| window == PLACEHOLDER_MODULE)
}

/// A module with no split point, made ready for binding: the split points' functions of
/// crates it links (a crate's `#[lazy]` functions are exported from every binary linking
/// it) are no longer exported, so wasm-bindgen drops them, and the linker's relocation
/// sections (`linking`, `reloc.*`), which the modules are built with for the splitter, are
/// removed: wasm-opt refuses to optimise a module that has them.
pub fn without_split_points(wasm: &[u8]) -> Result<Vec<u8>> {
    rewritten(wasm, true, |name| name.starts_with(SPLIT_EXPORT_PREFIX))
}

/// A bound module without the exports no module calls from JavaScript: `wasm-streams`
/// (linked through Leptos's server functions, which the modules do not use) exports its
/// stream adapters, and an export keeps its code alive through wasm-opt. Without them,
/// every module is a few kilobytes smaller.
pub fn without_unused_exports(wasm: &[u8]) -> Result<Vec<u8>> {
    rewritten(wasm, false, |name| {
        UNUSED_EXPORT_PREFIXES
            .iter()
            .any(|prefix| name.starts_with(prefix))
    })
}

/// `glue` without the classes wrapping the exports [`without_unused_exports`] removes (each
/// class, then its finalizer), or unchanged when it is not written as expected.
pub fn glue_without_unused_classes(glue: &str) -> String {
    const CLASS: &str = "IntoUnderlying";
    let mut kept = String::with_capacity(glue.len());
    let mut lines = glue.lines();
    while let Some(line) = lines.next() {
        if line.starts_with(&format!("export class {CLASS}")) {
            // The class, up to the line that gives it `Symbol.dispose`.
            let end = format!("if (Symbol.dispose) {CLASS}");
            if lines.find(|line| line.starts_with(&end)).is_none() {
                return glue.to_owned();
            }
        } else if line.starts_with(&format!("const {CLASS}")) {
            // Its finalizer: one statement over a few lines.
            if !line.ends_with(';') && lines.find(|line| line.ends_with(';')).is_none() {
                return glue.to_owned();
            }
        } else {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    if kept.contains(CLASS) {
        glue.to_owned()
    } else {
        kept
    }
}

/// The exports of `wasm-streams`' classes, as wasm-bindgen names them.
const UNUSED_EXPORT_PREFIXES: [&[u8]; 2] = [b"intounderlying", b"__wbg_intounderlying"];

/// `wasm` without the exports `drop_export` names and, with `drop_relocations`, without
/// the linker's relocation sections.
fn rewritten(
    wasm: &[u8],
    drop_relocations: bool,
    drop_export: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>> {
    const HEADER: usize = 8;
    const CUSTOM: u8 = 0;
    const EXPORTS: u8 = 7;
    let malformed = || "a built module is not a wasm file".to_string();
    let mut kept = wasm.get(..HEADER).ok_or_else(malformed)?.to_vec();
    let mut at = HEADER;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, size_bytes) = read_leb128(&wasm[at + 1..]).ok_or_else(malformed)?;
        let body_start = at + 1 + size_bytes;
        let body = wasm
            .get(body_start..body_start + size)
            .ok_or_else(malformed)?;
        match id {
            CUSTOM if drop_relocations => {
                let name = read_name(body).ok_or_else(malformed)?.0;
                if name != b"linking" && !name.starts_with(b"reloc.") {
                    kept.extend_from_slice(&wasm[at..body_start + size]);
                }
            }
            EXPORTS => {
                let exports = exports_without(body, &drop_export).ok_or_else(malformed)?;
                kept.push(EXPORTS);
                write_leb128(&mut kept, exports.len());
                kept.extend_from_slice(&exports);
            }
            _ => kept.extend_from_slice(&wasm[at..body_start + size]),
        }
        at = body_start + size;
    }
    Ok(kept)
}

/// The body of an export section without the exports `drop_export` names.
fn exports_without(body: &[u8], drop_export: impl Fn(&[u8]) -> bool) -> Option<Vec<u8>> {
    let (count, mut at) = read_leb128(body)?;
    let mut kept_entries = Vec::new();
    let mut kept_count = 0;
    for _ in 0..count {
        let (name, name_end) = read_name(&body[at..])?;
        let (_index, index_bytes) = read_leb128(body.get(at + name_end + 1..)?)?;
        let entry_end = at + name_end + 1 + index_bytes;
        if !drop_export(name) {
            kept_entries.extend_from_slice(&body[at..entry_end]);
            kept_count += 1;
        }
        at = entry_end;
    }
    let mut section = Vec::new();
    write_leb128(&mut section, kept_count);
    section.extend_from_slice(&kept_entries);
    Some(section)
}

/// A length-prefixed name at the start of `bytes`, and where it ends.
fn read_name(bytes: &[u8]) -> Option<(&[u8], usize)> {
    let (length, length_bytes) = read_leb128(bytes)?;
    let end = length_bytes + length;
    Some((bytes.get(length_bytes..end)?, end))
}

fn write_leb128(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// An unsigned LEB128 number at the start of `bytes`, with how many bytes it took.
fn read_leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    for (index, byte) in bytes.iter().take(5).enumerate() {
        value |= usize::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}

/// Splits `wasm` (module `name`) into `folder`; the link script imports the glue as
/// `./NAME.js`.
pub fn split(name: &str, wasm: &[u8], folder: &Path) -> Result<SplitModule> {
    let main = folder.join("main.wasm");
    let main_module = format!("./{name}.js");
    let mut options = wasm_split_cli_support::Options::new(wasm);
    options.output_dir = folder;
    options.main_out_path = &main;
    options.main_module = &main_module;
    options.link_name = LINK_MODULE;
    options.target.web();
    let split = wasm_split_cli_support::transform(options)
        .map_err(|error| format!("cannot split {name}: {error:#}"))?;
    Ok(SplitModule {
        main,
        link_script: folder.join(LINK_MODULE),
        chunks: split.split_modules,
    })
}

/// A split module's files with their final names and rewritten contents.
pub struct RenamedFiles {
    /// The glue, importing the link script by its hashed name.
    pub glue: String,
    /// (hashed name, contents) of every chunk and the link script.
    pub others: Vec<(String, Vec<u8>)>,
}

/// Rewrites the fixed names the splitter used into `NAME-PART.HASH.EXT` names. `glue_name`
/// is the glue's hashed name; `chunks` are (splitter's file stem, optimised bytes).
pub fn rename_split_files(
    name: &str,
    hash: &str,
    glue_name: &str,
    glue: &str,
    link_script: &str,
    chunks: Vec<(String, Vec<u8>)>,
) -> Result<RenamedFiles> {
    let link_name = format!("{name}-link.{hash}.js");
    // Only the import statement: the module's import object keeps the name the wasm asks for.
    let glue = replace_all(
        glue,
        &format!("from \"{LINK_MODULE}\""),
        &format!("from \"./{link_name}\""),
        "glue",
    )?;
    let mut link = replace_all(
        link_script,
        &format!("from \"./{name}.js\""),
        &format!("from \"./{glue_name}\""),
        "link script",
    )?;
    let mut others = Vec::new();
    for (stem, bytes) in chunks {
        let chunk_name = format!("{name}-{stem}.{hash}.wasm");
        link = replace_all(
            &link,
            &format!("./{stem}.wasm"),
            &format!("./{chunk_name}"),
            "link script",
        )?;
        others.push((chunk_name, bytes));
    }
    others.push((link_name, link.into_bytes()));
    Ok(RenamedFiles { glue, others })
}

/// `text` with every `from` replaced by `to`; an error if there is none, because then the
/// splitter's output has changed shape and the files would not find each other.
fn replace_all(text: &str, from: &str, to: &str, what: &str) -> Result<String> {
    if !text.contains(from) {
        return Err(format!("the {what} no longer refers to {from}"));
    }
    Ok(text.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_classes_leave_the_glue_and_the_rest_stays() {
        let glue = "export class IntoUnderlyingSink {\n    free() {}\n}\nif (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;\n\nexport function mount() {}\nconst IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? {}\n    : new FinalizationRegistry(ptr => wasm.x(ptr, 1));\nconst MountedElementFinalization = 1;\n";
        assert_eq!(
            glue_without_unused_classes(glue),
            "\nexport function mount() {}\nconst MountedElementFinalization = 1;\n"
        );
        let unexpected = "export class IntoUnderlyingSink {\n}\nIntoUnderlyingSink.x = 1;\n";
        assert_eq!(glue_without_unused_classes(unexpected), unexpected);
    }

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut section = vec![id];
        write_leb128(&mut section, body.len());
        section.extend_from_slice(body);
        section
    }

    fn named(name: &[u8], rest: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        write_leb128(&mut bytes, name.len());
        bytes.extend_from_slice(name);
        bytes.extend_from_slice(rest);
        bytes
    }

    /// A module with a type section, exports, a `linking` and a `reloc.CODE` section and a
    /// `name` section: the relocations and the split point's export go, the rest stays.
    #[test]
    fn split_points_and_relocations_are_dropped_and_the_rest_kept() {
        let header = b"\0asm\x01\0\0\0".to_vec();
        let types = section(1, &[1, 0x60, 0, 0]);
        let memory = named(b"memory", &[2, 0]);
        let split_point = named(b"__wasm_split_00whole00_export_ab_whole", &[0, 0x81, 0x01]);
        let exports = |entries: &[&[u8]]| {
            section(7, &[&[entries.len() as u8], &entries.concat()[..]].concat())
        };
        let module = [
            header.clone(),
            types.clone(),
            exports(&[&memory, &split_point]),
            section(0, &named(b"linking", &[2])),
            section(0, &named(b"reloc.CODE", &[7, 7])),
            section(0, &named(b"name", &[1])),
        ]
        .concat();
        let expected = [
            header,
            types,
            exports(&[&memory]),
            section(0, &named(b"name", &[1])),
        ]
        .concat();
        assert_eq!(without_split_points(&module).unwrap(), expected);
        assert!(without_split_points(&module[..17]).is_err());
    }
}
