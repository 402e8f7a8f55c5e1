//! No import circles among the project's files: reads every module under `src/`, follows its
//! `use` paths and inline `crate::`/`super::` paths to the files they name, and fails, naming
//! the files, when some file reaches itself again. A circle means two files cannot be
//! understood (or moved) apart; the architecture notes (docs/ARCHITECTURE.md) say which way
//! imports go.
//!
//! Test code (`#[cfg(test)]` modules and the files they live in) is left out: a test module
//! reading its parent is the point of it.

// Not app code: it may sort with the standard library (clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every module file of the library, by module path ("crate::ui::pages::home").
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src");
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts.last().map(String::as_str) {
                Some("main") => continue, // the binary only starts the library
                Some("lib") => parts.clear(),
                Some("mod") => {
                    parts.pop();
                }
                _ => {}
            }
            // Test-only files (`#[path = "…_tests.rs"]`, `tests.rs`, `tests/…`).
            if parts.iter().any(|p| p == "tests" || p.ends_with("_tests")) {
                continue;
            }
            let module = std::iter::once("crate".to_string())
                .chain(parts)
                .collect::<Vec<_>>()
                .join("::");
            out.insert(module, path);
        }
    }
    out
}

/// The file's code without comments, string contents or test modules.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_string = false;
                    out.push('"');
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push('"');
            }
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            // A char literal such as '"' must not open a string.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\\") || rest.chars().nth(1) == Some('\'') {
                    for c in chars.by_ref() {
                        if c == '\'' {
                            break;
                        }
                    }
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The full paths a `use` tree names ("a::{b, c::d as e}" gives a::b and a::c::d), each with
/// the name it is known by in the file.
fn expand_use(tree: &str) -> Vec<(String, String)> {
    // One space at most, and none around the punctuation: "a::{b as c}" stays readable.
    let mut tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in ["::", "{", "}", ","] {
        tree = tree
            .replace(&format!(" {p}"), p)
            .replace(&format!("{p} "), p);
    }
    let mut out = Vec::new();
    expand_into(&tree, "", &mut out);
    out
}

fn expand_into(tree: &str, prefix: &str, out: &mut Vec<(String, String)>) {
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_string()
        } else {
            format!("{p}::{s}")
        }
    };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_into(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand_into(&inner[start..], &base, out);
        return;
    }
    if tree.is_empty() {
        return;
    }
    let (path, alias) = tree.split_once(" as ").unwrap_or((tree, ""));
    let full = if path == "self" {
        prefix.to_string()
    } else {
        join(prefix, path)
    };
    let name = if alias.is_empty() {
        full.rsplit("::").next().unwrap_or_default().to_string()
    } else {
        alias.to_string()
    };
    out.push((full, name));
}

/// `path` made absolute ("crate::…") from the module `module` (a mod.rs's module is its
/// folder, so `super` is one step up for every file); `None` for other crates.
fn absolute(path: &str, module: &str) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = module.split("::").collect();
    match segments.first().copied() {
        Some("crate") => return Some(segments.join("::")),
        Some("self") => {
            segments.remove(0);
        }
        Some("super") => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        _ => return None,
    }
    base.extend(segments);
    Some(base.join("::"))
}

/// The module file a path lands in: its longest prefix that is a module.
fn target<'a>(path: &str, modules: &'a BTreeMap<String, PathBuf>) -> Option<&'a str> {
    let mut parts: Vec<&str> = path.split("::").collect();
    while !parts.is_empty() {
        let candidate = parts.join("::");
        if let Some((name, _)) = modules.get_key_value(&candidate) {
            return Some(name);
        }
        parts.pop();
    }
    None
}

fn graph(modules: &BTreeMap<String, PathBuf>) -> BTreeMap<String, BTreeSet<String>> {
    let path_re = |code: &str, start: &str| -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            let tail = &rest[at..];
            let len = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                found.push(tail[..len].trim_end_matches(':').to_string());
            }
            rest = &tail[len.max(1)..];
        }
        found
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in modules {
        let code = code_of(&fs::read_to_string(file).expect("a readable module"));
        let mut paths = Vec::new();
        let mut aliases: BTreeMap<String, String> = BTreeMap::new();
        // `use` statements (one or many lines, up to the `;`).
        let mut rest = code.as_str();
        while let Some(at) = rest.find("use ") {
            let before = rest[..at].chars().last();
            let tail = &rest[at + 4..];
            let end = tail.find(';').unwrap_or(tail.len());
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                for (full, name) in expand_use(&tail[..end]) {
                    if let Some(abs) = absolute(&full, module) {
                        if modules.contains_key(&abs) {
                            aliases.insert(name, abs.clone());
                        }
                        paths.push(abs);
                    }
                }
            }
            rest = &tail[end.min(tail.len())..];
        }
        for start in ["crate::", "super::", "self::"] {
            for p in path_re(&code, start) {
                if let Some(abs) = absolute(&p, module) {
                    paths.push(abs);
                }
            }
        }
        // Paths through a module brought in by `use` ("pages::home::HomePage").
        for (name, abs) in &aliases {
            for p in path_re(&code, &format!("{name}::")) {
                paths.push(format!("{abs}{}", &p[name.len()..]));
            }
        }
        let out = edges.entry(module.clone()).or_default();
        for p in paths {
            if let Some(t) = target(&p, modules) {
                // A module naming itself, or its parent's declarations, is not an import.
                if t != module && !module.starts_with(&format!("{t}::")) {
                    out.insert(t.to_string());
                }
            }
        }
    }
    edges
}

/// Strongly connected groups of more than one file (Tarjan's algorithm).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        w.index.insert(v, w.next);
        w.low.insert(v, w.next);
        w.next += 1;
        w.stack.push(v);
        w.on_stack.insert(v);
        let edges = w.edges;
        for u in edges.get(v).into_iter().flatten() {
            let u = u.as_str();
            if !w.index.contains_key(u) {
                visit(w, u);
                let low = w.low[v].min(w.low[u]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(u) {
                let low = w.low[v].min(w.index[u]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut group = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack.remove(u);
                group.push(u.to_string());
                if u == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                w.out.push(group);
            }
        }
    }
    let mut w = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    w.out
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    assert!(modules.len() > 50, "modules found: {}", modules.len());
    let edges = graph(&modules);
    let found = circles(&edges);
    assert!(
        found.is_empty(),
        "import circles (each line: files that reach each other through their imports):\n{}",
        found
            .iter()
            .map(|g| g.join("  ↔  "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_reader_sees_a_circle_when_there_is_one() {
    // Two modules of a made-up tree that name each other, one through `use`, one inline.
    let dir = std::env::temp_dir().join(format!("cg-import-graph-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("ui/pages")).unwrap();
    fs::write(dir.join("lib.rs"), "pub mod ui;\n").unwrap();
    fs::write(dir.join("ui/mod.rs"), "pub mod pages;\npub mod lazy;\n").unwrap();
    fs::write(dir.join("ui/pages/mod.rs"), "pub mod home;\n").unwrap();
    fs::write(
        dir.join("ui/lazy.rs"),
        "use super::pages;\nfn f() { pages::home::draw(); }\n",
    )
    .unwrap();
    fs::write(
        dir.join("ui/pages/home.rs"),
        "// crate::ui::lazy in a comment is not an import\npub fn draw() { let _ = \"crate::nothing\"; crate::ui::lazy::f(); }\n",
    )
    .unwrap();
    let modules = modules(&dir);
    let found = circles(&graph(&modules));
    assert_eq!(
        found,
        vec![vec![
            "crate::ui::lazy".to_string(),
            "crate::ui::pages::home".to_string()
        ]]
    );
    // Without the inline path back, there is no circle.
    fs::write(dir.join("ui/pages/home.rs"), "pub fn draw() {}\n").unwrap();
    assert!(circles(&graph(&modules)).is_empty());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn use_trees_expand_to_every_path_they_name() {
    assert_eq!(
        expand_use("crate::a::{b, c::{d as e, self}, f::*}"),
        vec![
            ("crate::a::b".to_string(), "b".to_string()),
            ("crate::a::c::d".to_string(), "e".to_string()),
            ("crate::a::c".to_string(), "c".to_string()),
            ("crate::a::f::*".to_string(), "*".to_string()),
        ]
    );
    assert_eq!(
        absolute("super::super::x", "crate::ui::pages::home"),
        Some("crate::ui::x".to_string())
    );
    assert_eq!(absolute("leptos::prelude", "crate::ui"), None);
}
