//! The direction of dependencies, held by reading the sources: a module may name only
//! modules on a lower layer. Until the layers are separate crates and the compiler
//! refuses an upward import, this test does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and its layer, lowest first. A module names only
/// modules on a lower layer; two on the same layer do not name each other.
const LAYERS: &[&[&str]] = &[
    // The catalog of words and the error every layer returns.
    &["i18n", "glyphs"],
    &["error"],
    // Rules: no SQL, no terminal, no files.
    &["domain"],
    // What several layers share: words and numbers as shown, rows and questions.
    &["words", "model"],
    // The only SQL.
    &["store"],
    // Files out: atomic writes, tables, progress on a terminal, documents' layout.
    &["outfile", "sheet", "progress", "document"],
    // Documents, reports, the import, the generator and the exchange between
    // laptops, each over the store.
    &["notice", "report", "import", "generate", "sync"],
    // Documents built on the notice's letterhead: the tasks report, a unit's brief.
    &["papers"],
    // The screen's building blocks: keys as data, the layout, colours.
    &["keymap", "layout", "theme"],
    // Screen state and update; it asks the store and never draws.
    &["app"],
    // Pure rendering of the app's state.
    &["ui"],
    // The event loop.
    &["tui"],
    // The command line: its arguments and their help; then one file per subcommand.
    &["cli"],
    &["commands"],
    // A panic worded, its details logged; installed by main.rs.
    &["crash"],
];

/// Edges the layers would allow but the design forbids.
const FORBIDDEN: &[(&str, &str, &str)] = &[(
    "ui",
    "store",
    "rendering reads the app's state, never asks the store",
)];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments, so a doc comment naming a module is not
/// taken for a dependency.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module a piece of code names through `crate::`.
fn named_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::x, b}`: every first segment inside the braces.
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Module → (module it names → the files that name it).
fn dependencies() -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut deps: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if top == "main" || top == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for m in named_modules(&code(&text)) {
            if m != top {
                deps.entry(top.clone())
                    .or_default()
                    .entry(m)
                    .or_default()
                    .push(rel.clone());
            }
        }
    }
    deps
}

#[test]
fn every_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let module = name.trim_end_matches(".rs");
        if module != "main" && module != "lib" && layer_of(module).is_none() {
            missing.push(module.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "give these modules a layer in tests/layers.rs: {missing:?}"
    );
}

#[test]
fn no_module_names_one_above_it() {
    let mut wrong = Vec::new();
    for (from, named) in dependencies() {
        let Some(lf) = layer_of(&from) else { continue };
        for (to, files) in named {
            let Some(lt) = layer_of(&to) else {
                wrong.push(format!("{from} names unknown module {to} in {files:?}"));
                continue;
            };
            if lt >= lf {
                wrong.push(format!(
                    "{from} (layer {lf}) names {to} (layer {lt}) in {files:?}"
                ));
            }
            if let Some((_, _, why)) = FORBIDDEN.iter().find(|(a, b, _)| *a == from && *b == to) {
                wrong.push(format!("{from} names {to} in {files:?}: {why}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The reader itself: a `use` group, a path in code, and a comment that is not code.
#[test]
fn the_reader_finds_what_code_names() {
    let text = "use crate::{store::Store, words};\nfn f() { crate::ui::draw(); } // crate::cli";
    let names = named_modules(&code(text));
    assert_eq!(names, ["store", "words", "ui"]);
}

/// The store is the only code that speaks SQL: no other module names rusqlite (the
/// error type alone, to wrap SQLite's errors), so no connection can leave the store.
#[test]
fn only_the_store_speaks_sql() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let allowed = [src.join("error.rs")];
    let mut wrong = Vec::new();
    for f in files {
        if f.starts_with(src.join("store")) || allowed.contains(&f) {
            continue;
        }
        let text = code(&std::fs::read_to_string(&f).unwrap());
        if text.contains("rusqlite") || text.contains("Connection") {
            wrong.push(f.strip_prefix(&src).unwrap().display().to_string());
        }
    }
    assert!(wrong.is_empty(), "SQL outside src/store: {wrong:?}");
}
