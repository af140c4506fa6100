//! A mistake in the command line's arguments, worded by tct in the user's language:
//! clap's own sentences are English, so only the facts it found (the argument, the
//! value, the valid values, the usage) are taken from its error.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, T};

/// One line: what is wrong, what would be right, and how the command is used;
/// `args` are the words typed, for the subcommand whose help to point at.
pub fn words(e: &clap::Error, lang: Lang, args: &[String]) -> String {
    let w = |k: T| k.in_lang(lang);
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let quoted = |s: String| format!("«{s}»");
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let mut line = match e.kind() {
        ErrorKind::UnknownArgument => {
            format!("{} {}", w(T::ArgUnknown), quoted(arg))
        }
        ErrorKind::InvalidValue => match one(ContextKind::InvalidValue).filter(|v| !v.is_empty()) {
            Some(v) => format!("{} {} {} {arg}", w(T::ArgBadValue), quoted(v), w(T::ArgFor)),
            None => format!("{} {arg}", w(T::ArgNoValue)),
        },
        ErrorKind::ValueValidation => {
            let v = one(ContextKind::InvalidValue).unwrap_or_default();
            format!("{} {} {} {arg}", w(T::ArgBadValue), quoted(v), w(T::ArgFor))
        }
        ErrorKind::InvalidSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("{} {}", w(T::ArgUnknownCommand), quoted(sub))
        }
        ErrorKind::MissingRequiredArgument => format!("{}: {arg}", w(T::ArgMissing)),
        ErrorKind::MissingSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("{} {}", w(T::ArgMissingCommand), quoted(sub))
        }
        ErrorKind::ArgumentConflict => {
            let prior = one(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} {} {prior}", w(T::ArgConflict))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{} {arg}", w(T::ArgCount))
        }
        ErrorKind::NoEquals => format!("{arg} {} (--x=…)", w(T::ArgNoEquals)),
        ErrorKind::InvalidUtf8 => w(T::ArgNotUtf8).to_string(),
        _ => w(T::ArgInvalid).to_string(),
    };
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(one);
    if let Some(s) = suggested {
        line.push_str(&format!("; {} {}?", w(T::ArgDidYouMean), quoted(s)));
    } else if let Some(valid) =
        one(ContextKind::ValidValue).or_else(|| one(ContextKind::ValidSubcommand))
    {
        line.push_str(&format!("; {}: {valid}", w(T::ArgChoose)));
    }
    if let Some(usage) = one(ContextKind::Usage) {
        line.push_str(&format!(
            "; {}: {}",
            w(T::ArgUsage),
            usage_line(&usage, lang)
        ));
    }
    let help = format!("{} --help", command_path(args).join(" "));
    line.push_str(&format!(" ({}: {help})", w(T::ArgMore)));
    line
}

/// `tct` and the subcommands named in `args`, as far as they are known.
fn command_path(args: &[String]) -> Vec<String> {
    let mut cmd = <super::Cli as clap::CommandFactory>::command();
    let mut path = vec!["tct".to_string()];
    for a in args.iter().skip(1) {
        let Some(sub) = cmd.find_subcommand(a).cloned() else {
            continue;
        };
        path.push(a.clone());
        cmd = sub;
    }
    path
}

/// clap's usage without its English title and placeholders, on one line.
fn usage_line(usage: &str, lang: Lang) -> String {
    let line = usage.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = line.strip_prefix("Usage: ").unwrap_or(&line);
    placeholders(line, lang)
}

/// The placeholders clap writes in a usage (`[OPTIONS]`, `<COMMAND>`) in `lang`.
pub fn placeholders(text: &str, lang: Lang) -> String {
    let (options, command) = (T::ArgOptions.in_lang(lang), T::ArgCommand.in_lang(lang));
    text.replace("[OPTIONS]", &format!("[{options}]"))
        .replace("[COMMAND]", &format!("[{command}]"))
        .replace("<COMMAND>", &format!("<{command}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(args: &[&str], lang: Lang) -> String {
        let e = super::super::help::command(lang)
            .try_get_matches_from(args)
            .expect_err("a mistake");
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        words(&e, lang, &args)
    }

    #[test]
    fn an_unknown_value_names_the_valid_ones_in_each_language() {
        assert_eq!(
            said(&["tct", "report", "foo"], Lang::Vi),
            "giá trị không hợp lệ «foo» cho <LOẠI>; chọn một trong: units, targets, \
             overdue, conclusions (xem thêm: tct report --help)"
        );
        assert_eq!(
            said(&["tct", "report", "foo"], Lang::En),
            "invalid value «foo» for <WHAT>; one of: units, targets, overdue, \
             conclusions (more: tct report --help)"
        );
    }

    #[test]
    fn a_missing_argument_shows_the_usage() {
        assert_eq!(
            said(&["tct", "report"], Lang::Vi),
            "thiếu đối số: <LOẠI>; cách dùng: tct report <LOẠI> (xem thêm: tct report --help)"
        );
        assert_eq!(
            said(
                &["tct", "--lang", "en", "report", "units", "--bogus"],
                Lang::En
            ),
            "unknown argument «--bogus»; usage: tct report <WHAT> \
             (more: tct report --help)"
        );
    }

    #[test]
    fn no_english_word_of_claps_in_vietnamese() {
        for args in [
            &["tct", "report", "--bogus"][..],
            &["tct", "report"],
            &["tct", "export"],
            &["tct", "frobnicate"],
            &["tct", "report", "units", "--inspection", "abc"],
            &["tct", "report", "units", "--format"],
        ] {
            let s = said(args, Lang::Vi);
            for english in ["error", "Usage", "invalid", "found", "OPTIONS", "tip"] {
                assert!(!s.contains(english), "{args:?}: {s}");
            }
            assert_eq!(s.lines().count(), 1, "{s}");
        }
    }
}
