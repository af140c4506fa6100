//! Dates and numbers the way Vietnamese documents write them: dd/mm/yyyy and 1.234,5.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// Reads `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`) or ISO `yyyy-mm-dd`.
/// A date that does not exist, such as 31/02/2022, is an error, never rolled over.
pub fn parse_date(input: &str) -> Result<NaiveDate> {
    let s = input.trim();
    let bad = || Error::User(format!("{}: «{s}» (dd/mm/yyyy)", t(T::ErrDate)));
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if parts[2].len() == 4 {
        (num(parts[2])?, num(parts[1])?, num(parts[0])?)
    } else {
        return Err(bad());
    };
    if !(1900..=2200).contains(&y) {
        return Err(Error::User(format!("{}: «{s}»", t(T::ErrYearRange))));
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| Error::User(format!("{}: «{s}»", t(T::ErrDateMissing))))
}

/// `23/09/2022`.
pub fn fmt_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// A moment as stored (`2022-09-23 10:01:02`, local time) as people read it:
/// `10:01 23/09/2022`. Anything else is shown as it is.
pub fn fmt_stamp(s: &str) -> String {
    match chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S") {
        Ok(t) => format!("{} {}", t.format("%H:%M"), fmt_date(t.date())),
        Err(_) => s.to_string(),
    }
}

/// ISO form used in the database, where text order is date order.
pub fn iso(d: NaiveDate) -> String {
    // Without chrono's formatter: every row a pane or an import reads or writes has
    // dates, and this is where their cost shows.
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Reads the database's ISO form, `YYYY-MM-DD` (by hand for the same reason).
pub fn from_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// A number with `.` between thousands and `,` before decimals, at most `decimals`
/// places and no trailing zeros: `1234.5` → `1.234,5`.
pub fn fmt_number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    let digits = int.as_bytes();
    for (i, b) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(*b as char);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// English-style number for `--lang en`: `1,234.5`.
pub fn fmt_number_en(x: f64, decimals: usize) -> String {
    fmt_number(x, decimals)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// Why a text is not read as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    /// Scientific notation ("1.5e3"): how a spreadsheet shows a number, not how a
    /// report writes one.
    Exponent,
    /// Dots or commas that fit neither way of grouping thousands: "0.125" (a decimal
    /// point, or a thousands dot after a zero?), "1.23.456", "1,234,567".
    Ambiguous,
}

/// Reads a number written the Vietnamese way (`1.234,5`: dots group thousands, a comma
/// marks decimals) or the English way when that is the only reading (`1,234.5`,
/// `66.1`). A dot followed by three digits groups thousands (`45.000`), so one that
/// cannot (`0.125`) is refused rather than read as 125.
pub fn parse_number(input: &str) -> Result<f64, NumberError> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let numeric = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    if body.contains(['e', 'E'])
        && body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| numeric(c) || "eE+-".contains(c))
    {
        return Err(NumberError::Exponent);
    }
    if !body.chars().any(|c| c.is_ascii_digit()) || !body.chars().all(numeric) {
        return Err(NumberError::NotANumber);
    }
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    let plain = match (dots, commas) {
        (0, 0) => body.to_string(),
        (0, 1) => body.replace(',', "."),
        (_, 0) if grouped(body, '.') => body.replace('.', ""),
        // "66.1", "1234.5": a decimal point, since no thousands group fits.
        (1, 0) if body.split('.').nth(1).is_some_and(|f| f.len() != 3) => body.to_string(),
        (0, _) | (_, 0) => return Err(NumberError::Ambiguous),
        _ => {
            // Both: the last one marks decimals, the other groups thousands.
            let (group, point) = if body.rfind(',') > body.rfind('.') {
                ('.', ',')
            } else {
                (',', '.')
            };
            match body.split_once(point) {
                Some((int, frac))
                    if !frac.contains([group, point]) && !int.is_empty() && grouped(int, group) =>
                {
                    format!("{}.{frac}", int.replace(group, ""))
                }
                _ => return Err(NumberError::Ambiguous),
            }
        }
    };
    let x: f64 = plain.parse().map_err(|_| NumberError::NotANumber)?;
    let x = if s.starts_with('-') { -x } else { x };
    if x.is_finite() {
        Ok(x)
    } else {
        Err(NumberError::NotANumber)
    }
}

/// Digits in thousands groups: 1 to 3 digits, not starting with 0 unless alone ("0"
/// has no thousands), then groups of exactly 3.
fn grouped(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    let single = !s.contains(sep);
    (single || first_ok) && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser with its error as the words the user sees, to compare whole.
    fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
        super::parse_date(s).map_err(|e| e.to_string())
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn stamps_read_as_time_then_date() {
        assert_eq!(fmt_stamp("2022-09-23 10:01:02"), "10:01 23/09/2022");
        assert_eq!(fmt_stamp("hôm qua"), "hôm qua");
    }

    #[test]
    fn parses_both_date_forms() {
        assert_eq!(parse_date("23/09/2022"), Ok(d(2022, 9, 23)));
        assert_eq!(parse_date("3/9/2022"), Ok(d(2022, 9, 3)));
        assert_eq!(parse_date("2022-09-23"), Ok(d(2022, 9, 23)));
        assert_eq!(parse_date(" 23.09.2022 "), Ok(d(2022, 9, 23)));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert!(
            parse_date("31/02/2022")
                .unwrap_err()
                .contains("không tồn tại")
        );
        assert!(parse_date("29/02/2023").is_err());
        assert_eq!(parse_date("29/02/2024"), Ok(d(2024, 2, 29)));
        assert!(parse_date("23/09/22").is_err());
        assert!(parse_date("hôm nay").is_err());
        assert!(parse_date("01/01/99999").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn formats_dates_day_first() {
        assert_eq!(fmt_date(d(2022, 9, 3)), "03/09/2022");
        assert_eq!(from_iso(&iso(d(2022, 9, 3))), Some(d(2022, 9, 3)));
        assert_eq!(iso(d(987, 1, 2)), "0987-01-02");
        for bad in [
            "2022-9-3",
            "2022-02-30",
            "abcd-ef-gh",
            "2022/09/03",
            "",
            "2022-09-031",
        ] {
            assert_eq!(from_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_numbers_vietnamese_style() {
        assert_eq!(fmt_number(1234.5, 2), "1.234,5");
        assert_eq!(fmt_number(112.5, 2), "112,5");
        assert_eq!(fmt_number(200000.0, 2), "200.000");
        assert_eq!(fmt_number(-1234567.891, 2), "-1.234.567,89");
        assert_eq!(fmt_number(0.0, 1), "0");
        assert_eq!(fmt_number(-0.001, 1), "0");
        assert_eq!(fmt_number_en(1234.5, 1), "1,234.5");
    }

    #[test]
    fn parses_numbers_written_either_way() {
        assert_eq!(parse_number("1.234,5"), Ok(1234.5));
        assert_eq!(parse_number("1,234.5"), Ok(1234.5));
        assert_eq!(parse_number("112,5"), Ok(112.5));
        assert_eq!(parse_number("0,125"), Ok(0.125));
        assert_eq!(parse_number("66.1"), Ok(66.1));
        assert_eq!(parse_number("200.000"), Ok(200000.0));
        assert_eq!(parse_number("1.200.000"), Ok(1200000.0));
        assert_eq!(parse_number("1 200 000"), Ok(1200000.0));
        assert_eq!(parse_number("-5"), Ok(-5.0));
        assert_eq!(parse_number("-1.234"), Ok(-1234.0));
        assert_eq!(parse_number("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("inf"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("NaN"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("-"), Err(NumberError::NotANumber));
    }

    #[test]
    fn refuses_numbers_that_read_two_ways() {
        for s in ["1.5e3", "1E5", "2e-3", "-1,5E+2"] {
            assert_eq!(parse_number(s), Err(NumberError::Exponent), "{s}");
        }
        for s in [
            "0.125",
            "1234.567",
            "1.23.456",
            "01.234",
            "1,234,567",
            "1.234.5",
            "1,23.5",
            "1.2,34.5",
            ".125",
        ] {
            assert_eq!(parse_number(s), Err(NumberError::Ambiguous), "{s}");
        }
    }
}
