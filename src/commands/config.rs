//! `tct config`: the notice's settings, kept in the database.

use crate::domain::text::{nfc, printable};
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::notice::SETTING_KEYS;
use crate::store::Store;

/// `tct config`: lists the settings, or shows or sets one.
pub fn run(store: &mut Store, key: Option<&str>, value: Option<&str>) -> Result<()> {
    match (key, value) {
        (None, _) => {
            let all = store.settings()?;
            for k in SETTING_KEYS {
                let v = all
                    .iter()
                    .find(|(name, _)| name == k)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or("");
                println!("{k} = {}", printable(v));
            }
            Ok(())
        }
        (Some(k), _) if !SETTING_KEYS.contains(&k) => Err(Error::User(format!(
            "{}: «{k}» ({})",
            t(T::ErrUnknownSetting),
            SETTING_KEYS.join(", ")
        ))),
        (Some(k), None) => {
            println!("{}", printable(&store.setting(k)?.unwrap_or_default()));
            Ok(())
        }
        (Some(_), Some(_)) if store.read_only() => Err(Error::User(t(T::ReadOnlyNoEdit).into())),
        (Some(k), Some(v)) => {
            store.set_setting(k, &nfc(v.trim()))?;
            Ok(())
        }
    }
}
