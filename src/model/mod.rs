//! Plain types several layers share: what is asked of the store and what it answers.
//! No SQL and no terminal here; the store fills them in, the screen, the reports and
//! the documents read them.

mod inspection;
mod query;
mod records;
mod rows;

pub use inspection::*;
pub use query::*;
pub use records::*;
pub use rows::*;
