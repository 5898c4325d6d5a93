//! `cargo xtask new-component NAME`: every file and registration a new component needs,
//! following the shipment tracker's pattern, from the templates in `xtask/templates/`.
//!
//! The generated code compiles and its tests run (they check a real route and a real
//! render); what the component actually does is then written into those files.

use crate::process::{self, step, Result};
use std::path::{Path, PathBuf};

/// Each feature's migrations take the next free thousand (see server/migrations/README.md).
const MIGRATION_RANGE: u32 = 1000;

/// A component's name in each spelling the code needs.
struct Names {
    kebab: String,
    snake: String,
    pascal: String,
    title: String,
    /// The first migration number of the feature's reserved range.
    migration: u32,
}

impl Names {
    fn parse(name: &str, migration: u32) -> Result<Self> {
        let kebab = name.trim().trim_start_matches("sf-").to_owned();
        let valid = !kebab.is_empty()
            && kebab.starts_with(|c: char| c.is_ascii_lowercase())
            && kebab.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !valid {
            return Err(format!(
                "{name:?} is not a component name: use lowercase words joined by '-', e.g. live-chat"
            ));
        }
        let capitalised = |word: &str| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        };
        let words: Vec<&str> = kebab.split('-').collect();
        Ok(Self {
            snake: words.join("_"),
            pascal: words.iter().map(|word| capitalised(word)).collect(),
            title: capitalised(&words.join(" ")),
            kebab,
            migration,
        })
    }

    fn fill(&self, template: &str) -> String {
        let range = format!(
            "{:04} to {:04}",
            self.migration,
            self.migration + MIGRATION_RANGE - 1
        );
        template
            .replace("__kebab__", &self.kebab)
            .replace("__snake__", &self.snake)
            .replace("__Pascal__", &self.pascal)
            .replace("__Title__", &self.title)
            .replace("__migration_range__", &range)
    }
}

/// Creates the component `name` (e.g. `live-chat` for `<sf-live-chat>`).
pub fn new_component(args: &[String]) -> Result {
    let [name] = args else {
        return Err("usage: cargo xtask new-component NAME (e.g. live-chat)".into());
    };
    let root = process::root();
    let feature = Names::parse(name, 0)?.snake;
    let names = Names::parse(name, migration_range_of(&root, &feature)?)?;
    let files = planned_files(&names);
    if let Some((path, _)) = files.iter().find(|(path, _)| root.join(path).exists()) {
        return Err(format!(
            "{} exists already: nothing was changed",
            path.display()
        ));
    }
    step(&format!("Creating <sf-{}>", names.kebab));
    for (path, template) in &files {
        let target = root.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
        }
        std::fs::write(&target, names.fill(template))
            .map_err(|error| format!("cannot write {}: {error}", target.display()))?;
        println!("    created  {}", path.display());
    }
    for registration in registrations(&names) {
        registration.apply(&root)?;
        println!("    updated  {}", registration.file);
    }
    // The registrations land next to their anchors; rustfmt puts them in order.
    process::run(process::command("cargo").args(["fmt", "--all"]))?;
    println!(
        "
  <sf-{kebab}> is registered everywhere: the element table, the loader, the portal's CSS,
  the API and its OpenAPI document, the bench (every declared element gets a row), and the
  three test layers. If the feature has no row in server/migrations/README.md yet, add one.
  Next: `cargo xtask test`, then write the component (see README,
  \"Adding a component\").",
        kebab = names.kebab
    );
    Ok(())
}

/// The first migration number of `feature`'s range: its row in
/// `server/migrations/README.md` when it has one (live chat, help centre… are reserved),
/// else the lowest thousand that no row reserves and no file uses.
fn migration_range_of(root: &Path, feature: &str) -> Result<u32> {
    let table_path = root.join("server/migrations/README.md");
    let table = std::fs::read_to_string(&table_path)
        .map_err(|error| format!("cannot read {}: {error}", table_path.display()))?;
    // Rows look like `| 2000–2999 | `live_chat` | live chat |`.
    let rows: Vec<(u32, String)> = table
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('|').map(str::trim).skip(1);
            let start = cells.next()?.split(['–', '-']).next()?.parse().ok()?;
            let name = cells.next()?.trim_matches('`').to_owned();
            Some((start, name))
        })
        .collect();
    if let Some((start, _)) = rows.iter().find(|(_, name)| name == feature) {
        return Ok(*start);
    }
    let folder = root.join("server/migrations/sqlite");
    let used: Vec<u32> = std::fs::read_dir(&folder)
        .map_err(|error| format!("cannot read {}: {error}", folder.display()))?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.split('_').next()?.parse::<u32>().ok()
        })
        .map(|number| number / MIGRATION_RANGE * MIGRATION_RANGE)
        .chain(
            rows.iter()
                .map(|(start, _)| start / MIGRATION_RANGE * MIGRATION_RANGE),
        )
        .collect();
    Ok((1..)
        .map(|thousand| thousand * MIGRATION_RANGE)
        .find(|start| !used.contains(start))
        .unwrap_or(u32::MAX))
}

/// The new files, by path, with their templates.
fn planned_files(names: &Names) -> Vec<(PathBuf, &'static str)> {
    let (kebab, snake) = (&names.kebab, &names.snake);
    let migration = format!("{:04}_{snake}.sql", names.migration);
    macro_rules! template {
        ($file:literal) => {
            include_str!(concat!("../templates/component/", $file))
        };
    }
    vec![
        (format!("api/src/{snake}.rs"), template!("api.rs")),
        (
            format!("server/src/{snake}/mod.rs"),
            template!("server_mod.rs"),
        ),
        (
            format!("server/src/{snake}/store.rs"),
            template!("server_store.rs"),
        ),
        (
            format!("server/migrations/sqlite/{migration}"),
            template!("migration_sqlite.sql"),
        ),
        (
            format!("server/migrations/postgres/{migration}"),
            template!("migration_postgres.sql"),
        ),
        (
            format!("components/src/client/{snake}.rs"),
            template!("client.rs"),
        ),
        (
            format!("components/src/{snake}/mod.rs"),
            template!("component_mod.rs"),
        ),
        (
            format!("components/src/{snake}/messages.rs"),
            template!("component_messages.rs"),
        ),
        (format!("style/{kebab}.css"), template!("style.css")),
        (format!("app/src/bin/sf-{kebab}.rs"), template!("bin.rs")),
        (
            format!("server/tests/api/{snake}.rs"),
            template!("server_test.rs"),
        ),
        (
            format!("components/tests/{snake}.rs"),
            template!("component_test.rs"),
        ),
        (
            format!("tests/e2e/{kebab}.test.mjs"),
            template!("e2e.test.mjs"),
        ),
    ]
    .into_iter()
    .map(|(path, template)| (PathBuf::from(path), template))
    .collect()
}

/// A line (or block) added to an existing file, next to an anchor that is already there.
struct Registration {
    file: &'static str,
    /// Text the addition goes right after (or before, for `before`).
    anchor: &'static str,
    before: bool,
    addition: String,
}

impl Registration {
    fn after(file: &'static str, anchor: &'static str, addition: String) -> Self {
        Self {
            file,
            anchor,
            before: false,
            addition,
        }
    }

    fn before(file: &'static str, anchor: &'static str, addition: String) -> Self {
        Self {
            file,
            anchor,
            before: true,
            addition,
        }
    }

    fn apply(&self, root: &Path) -> Result {
        let path = root.join(self.file);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let at = text.find(self.anchor).ok_or_else(|| {
            format!(
                "{} no longer contains {:?}: register the component there by hand",
                self.file, self.anchor
            )
        })?;
        let at = if self.before {
            at
        } else {
            at + self.anchor.len()
        };
        let updated = format!("{}{}{}", &text[..at], self.addition, &text[at..]);
        std::fs::write(&path, updated)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    }
}

/// Where the new component is registered in files that already exist.
fn registrations(names: &Names) -> Vec<Registration> {
    let Names { snake, pascal, .. } = names;
    vec![
        Registration::after(
            "api/src/lib.rs",
            "pub mod error;\n",
            format!("pub mod {snake};\n"),
        ),
        Registration::after(
            "server/src/lib.rs",
            "pub mod db;\n",
            format!("pub mod {snake};\n"),
        ),
        Registration::after(
            "server/src/routes/mod.rs",
            "let version_1 = OpenApiRouter::new()",
            format!("\n        .merge(crate::{snake}::router())"),
        ),
        Registration::after(
            "server/tests/api/main.rs",
            "mod common;\n",
            format!("mod {snake};\n"),
        ),
        Registration::after(
            "components/src/lib.rs",
            "pub mod client;\n",
            format!("pub mod {snake};\n"),
        ),
        Registration::after(
            "components/src/lib.rs",
            "pub use client::{use_api_client, ApiClient, ClientError};\n",
            format!("pub use {snake}::{pascal};\n"),
        ),
        Registration::before(
            "components/src/client/mod.rs",
            "/// Why a call failed.",
            format!("mod {snake};\n\n"),
        ),
        Registration::before(
            "components/src/elements.rs",
            "/// Every element, in the order the loader defines them.",
            names.fill(include_str!("../templates/component/element.rs")),
        ),
        Registration::after(
            "components/src/elements.rs",
            "pub const ALL: &[ElementDeclaration] = &[",
            format!("\n    {snake}::ELEMENT,"),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_spelt_for_each_place() {
        let names = Names::parse("sf-live-chat", 2000).unwrap();
        assert_eq!(names.kebab, "live-chat");
        assert_eq!(names.snake, "live_chat");
        assert_eq!(names.pascal, "LiveChat");
        assert_eq!(names.title, "Live chat");
        assert_eq!(
            names.fill("__Pascal__ __snake__ __migration_range__"),
            "LiveChat live_chat 2000 to 2999"
        );
    }

    #[test]
    fn bad_names_are_refused() {
        for name in ["", "Live-Chat", "live--chat", "2chat", "live_chat", "-chat"] {
            assert!(Names::parse(name, 2000).is_err(), "{name:?}");
        }
    }

    #[test]
    fn every_anchor_is_in_the_tree_today() {
        let names = Names::parse("example", 2000).unwrap();
        for registration in registrations(&names) {
            let text = std::fs::read_to_string(process::root().join(registration.file))
                .unwrap_or_else(|error| panic!("{}: {error}", registration.file));
            assert!(
                text.contains(registration.anchor),
                "{} lost the anchor {:?} the scaffold registers components at",
                registration.file,
                registration.anchor
            );
        }
    }

    #[test]
    fn a_reserved_feature_gets_its_range_and_a_new_one_the_next_free_thousand() {
        let root = process::root();
        assert_eq!(migration_range_of(&root, "live_chat").unwrap(), 2000);
        assert_eq!(migration_range_of(&root, "reviews").unwrap(), 5000);
        assert_eq!(migration_range_of(&root, "gift_cards").unwrap(), 6000);
    }

    #[test]
    fn no_planned_file_exists_for_a_new_name() {
        let names = Names::parse("example-that-does-not-exist", 2000).unwrap();
        for (path, _) in planned_files(&names) {
            assert!(!process::root().join(path).exists());
        }
    }
}
