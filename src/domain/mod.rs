//! Plain types and rules: no SQL, no terminal. The cheapest place to test.

pub mod deadline_words;
pub mod format;
pub mod inspection;
pub mod office;
pub mod scorecard;
pub mod status_words;
pub mod target;
pub mod task;
pub mod text;
pub mod unit;
