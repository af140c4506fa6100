//! `tct doctor`: what a person helping the secretary needs to know, one fact a line,
//! plain text to paste into a chat message. It changes nothing: the database is opened
//! read-only, a missing one is said and not made, no folder is created. Whatever it
//! finds (a damaged file included) is part of the answer, so it exits 0; only a
//! report that cannot be written fails.

use std::io::Write;
use std::path::Path;

use crate::cli::{self, Cli, DbFrom};
use crate::domain::text::printable;
use crate::error::{Result, io_words};
use crate::i18n::{Lang, T, lang, t};
use crate::store::{Answers, Checkup, checkup};
use crate::theme::Theme;

pub fn run(cli: &Cli) -> Result<()> {
    let mut out = Vec::new();
    let mut line = |label: T, value: String| out.push(format!("{}: {value}", t(label)));
    line(T::DocSystem, system());
    line(
        T::DocLanguage,
        match lang() {
            Lang::Vi => "vi".into(),
            Lang::En => "en".into(),
        },
    );
    match cli::db_choice(cli) {
        Ok((path, from)) => database(&mut line, &path, from),
        Err(e) => line(T::DocDatabase, e.to_string()),
    }
    match cli::data_dir_unmade() {
        Ok(dir) => {
            line(T::DocDataDir, shown(&dir));
            line(T::DocLog, log(&cli::log_path(&dir)));
        }
        Err(e) => line(T::DocDataDir, e.to_string()),
    }
    terminal(&mut line);
    let text = format!("tct {}\n{}\n", env!("CARGO_PKG_VERSION"), out.join("\n"));
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

fn system() -> String {
    use std::env::consts::{ARCH, FAMILY, OS};
    format!("{OS} {ARCH} ({FAMILY})")
}

fn shown(path: &Path) -> String {
    printable(&path.display().to_string())
}

fn yes_no(b: bool) -> String {
    t(if b { T::DocYes } else { T::DocNo }).into()
}

/// A size in bytes, and in KB or MB past a thousand.
fn size(n: u64) -> String {
    let bytes = t(T::DocBytes);
    match n {
        0..1024 => format!("{n} {bytes}"),
        1024..1_048_576 => format!("{n} {bytes} ({} KB)", n / 1024),
        _ => format!("{n} {bytes} ({} MB)", n / 1_048_576),
    }
}

fn database(line: &mut impl FnMut(T, String), path: &Path, from: DbFrom) {
    let chosen = t(match from {
        DbFrom::Flag => T::DocFromFlag,
        DbFrom::Demo => T::DocFromDemo,
        DbFrom::Env => T::DocFromEnv,
        DbFrom::Default => T::DocFromDefault,
    });
    line(T::DocDatabase, format!("{} ({chosen})", shown(path)));
    let Some(c) = checkup(path) else {
        line(T::DocSize, t(T::DocMissing).into());
        return;
    };
    line(T::DocSize, size(c.size));
    line(T::DocWal, c.wal_size.map_or(t(T::DocNone).into(), size));
    line(T::DocWindows, c.windows.to_string());
    let Checkup { opened, .. } = c;
    match opened {
        Ok(a) => answers(line, &a),
        Err(e) => line(T::DocOpen, e.to_string()),
    }
}

fn answers(line: &mut impl FnMut(T, String), a: &Answers) {
    let state = match a.version.cmp(&a.supported) {
        _ if !a.tct => t(T::DocNotTct),
        std::cmp::Ordering::Equal => t(T::DocSchemaSame),
        std::cmp::Ordering::Less => t(T::DocSchemaOlder),
        std::cmp::Ordering::Greater => t(T::DocSchemaNewer),
    };
    line(
        T::DocSchema,
        format!(
            "{} ({} {}: {state})",
            a.version,
            t(T::DocThisTct),
            a.supported
        ),
    );
    let quick = if a.quick {
        format!(" {}", t(T::DocQuick))
    } else {
        String::new()
    };
    line(
        T::DocIntegrity,
        match &a.integrity {
            Ok(lines) => format!("{}{quick}", printable(&lines.join("; "))),
            Err(e) => e.to_string(),
        },
    );
    line(
        T::DocBrokenLinks,
        match &a.broken_links {
            Ok(n) => n.to_string(),
            Err(e) => e.to_string(),
        },
    );
    line(
        T::DocJournal,
        match &a.journal {
            Ok(mode) => printable(mode),
            Err(e) => e.to_string(),
        },
    );
}

/// The log's path and how many bugs it holds (each entry starts `tct VERSION DATE
/// TIME`, crash.rs), with the last one's time.
fn log(path: &Path) -> String {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return format!("{} ({})", shown(path), t(T::DocNone));
        }
        Err(e) => return format!("{} ({})", shown(path), io_words(&e)),
    };
    let stamps: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let (tct, _version, day, time) = (w.next()?, w.next()?, w.next()?, w.next()?);
            let dated = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok();
            (tct == "tct" && dated).then(|| format!("{day} {time}"))
        })
        .collect();
    match stamps.last() {
        Some(last) => format!(
            "{} ({}: {}, {} {})",
            shown(path),
            t(T::DocLogEntries),
            stamps.len(),
            t(T::DocLogLast),
            printable(last)
        ),
        None => format!("{} ({})", shown(path), t(T::DocNone)),
    }
}

fn terminal(line: &mut impl FnMut(T, String)) {
    use std::io::IsTerminal;
    line(T::DocTerminal, yes_no(std::io::stdout().is_terminal()));
    line(
        T::DocWindowSize,
        crate::tui::window_size().map_or(t(T::DocUnknown).into(), |(w, h)| format!("{w}×{h}")),
    );
    let colour = Theme::from_env().color;
    line(
        T::DocColour,
        match colour {
            true => yes_no(true),
            false => format!("{} (NO_COLOR)", yes_no(false)),
        },
    );
    // The symbols the screen draws: the old Windows console's fonts lack ✓ ◐ ✗.
    line(
        T::DocGlyphs,
        if crate::glyphs::plain() {
            t(T::DocGlyphsPlain).to_string()
        } else {
            "✓ ◐ ✗".to_string()
        },
    );
    for var in ["TERM", "COLORTERM", "NO_COLOR", "WT_SESSION", "TCT_GLYPHS"] {
        let value = std::env::var_os(var)
            .map_or(t(T::DocNotSet).into(), |v| printable(&v.to_string_lossy()));
        line(T::DocEnv, format!("{var}={value}"));
    }
}
