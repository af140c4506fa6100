//! A document's properties (docProps/core.xml): docx-rs writes "unknown" and
//! 1970 and offers no setter for the author, so the part is written here. The author
//! is the issuing body as set, as an archive records a document's author; the time is
//! when the file is made.

use chrono::{DateTime, Utc};

use super::Document;

/// `&`, `<`, `>` and quotes as XML text may hold them.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// core.xml for a document made at `at`.
pub fn core_xml(n: &Document, at: DateTime<Utc>) -> String {
    let author = escape(&n.author);
    let title = escape(&format!("{} {}", n.title, n.summary));
    let at = at.format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>vi-VN</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified></cp:coreProperties>"#
    )
}
