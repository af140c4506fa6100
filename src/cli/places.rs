//! Where the default database lives. On Windows a secretary looks for files in
//! Documents, not in the hidden AppData: the database goes in `Documents\tct\`, and
//! the notices Ctrl-E writes beside it land there too. Elsewhere it stays in the
//! platform's data directory (`~/.local/share/tct/` on Linux).

use std::path::{Path, PathBuf};

/// The file name of the default database.
pub const DB_NAME: &str = "tct.db";

/// What the default database's place depends on: the platform and its folders.
#[derive(Debug, Clone)]
pub struct Places {
    pub windows: bool,
    /// The user's Documents folder, when the system names one.
    pub documents: Option<PathBuf>,
    /// The platform's data directory for tct.
    pub data: PathBuf,
}

/// The default database: on Windows `Documents\tct\tct.db`, unless only the data
/// directory holds one — a database made by an earlier tct stays where it is and is
/// used there (moving it could split it from its -wal file or pull it from under a
/// running window); without a Documents folder, and on other systems, the data
/// directory's. `exists` says whether a file is there.
pub fn default_db(places: &Places, exists: impl Fn(&Path) -> bool) -> PathBuf {
    let old = places.data.join(DB_NAME);
    let Some(documents) = places.documents.as_ref().filter(|_| places.windows) else {
        return old;
    };
    let new = documents.join("tct").join(DB_NAME);
    if !exists(&new) && exists(&old) {
        return old;
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(windows: bool, documents: Option<&str>) -> Places {
        Places {
            windows,
            documents: documents.map(PathBuf::from),
            data: PathBuf::from("/appdata/tct/data"),
        }
    }

    const OLD: &str = "/appdata/tct/data/tct.db";
    const NEW: &str = "/docs/tct/tct.db";

    #[test]
    fn windows_puts_a_new_database_in_documents() {
        let p = default_db(&places(true, Some("/docs")), |_| false);
        assert_eq!(p, Path::new(NEW));
    }

    #[test]
    fn a_database_in_the_old_place_is_kept_there() {
        let p = default_db(&places(true, Some("/docs")), |f| f == Path::new(OLD));
        assert_eq!(p, Path::new(OLD));
    }

    #[test]
    fn a_database_in_documents_wins_over_the_old_place() {
        let both = |f: &Path| f == Path::new(OLD) || f == Path::new(NEW);
        assert_eq!(
            default_db(&places(true, Some("/docs")), both),
            Path::new(NEW)
        );
    }

    #[test]
    fn without_documents_the_data_directory_serves() {
        assert_eq!(default_db(&places(true, None), |_| false), Path::new(OLD));
    }

    #[test]
    fn other_systems_keep_the_data_directory() {
        let p = default_db(&places(false, Some("/docs")), |_| false);
        assert_eq!(p, Path::new(OLD));
    }
}
