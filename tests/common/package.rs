//! Workbooks made part by part, for files no spreadsheet program writes: a declared
//! dimension of the whole sheet, a part that says it unpacks to a gigabyte, an ODS
//! whose repeats span millions of cells.

use std::io::Write;

use zip::write::SimpleFileOptions;

/// A zip of the parts in order; `mimetype` stored, the rest deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        out.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Says, in both of its headers, that the part `name` unpacks to `size` bytes.
pub fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    // (signature, offset of the unpacked size, of the name's length, of the name)
    for (sig, size_at, len_at, name_at) in
        [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)]
    {
        for h in 0..zip.len().saturating_sub(name_at) {
            if &zip[h..h + 4] != sig {
                continue;
            }
            let len = u16::from_le_bytes([zip[h + len_at], zip[h + len_at + 1]]) as usize;
            if zip.get(h + name_at..h + name_at + len) == Some(name.as_bytes()) {
                zip[h + size_at..h + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(patched, 2, "{name} found in both headers");
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A worksheet row of inline strings, from column A.
pub fn xlsx_row(row: usize, cells: &[&str]) -> String {
    let mut s = format!("<row r=\"{row}\">");
    for (i, text) in cells.iter().enumerate() {
        let col = (b'A' + i as u8) as char;
        s.push_str(&format!(
            "<c r=\"{col}{row}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
            escape(text)
        ));
    }
    s.push_str("</row>");
    s
}

/// An XLSX of one sheet: its `<dimension>` (if any), its rows' XML, and shared
/// strings (if any).
pub fn xlsx(dimension: Option<&str>, rows: &str, shared: Option<&str>) -> Vec<u8> {
    let dim = dimension.map_or(String::new(), |d| format!("<dimension ref=\"{d}\"/>"));
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         {dim}<sheetData>{rows}</sheetData></worksheet>"
    );
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
        <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
        </Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
        </Relationships>";
    let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
        xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
        <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let mut wb_rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>",
    );
    let shared = shared.map(|s| {
        wb_rels.push_str(
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>",
        );
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{s}</sst>"
        )
    });
    wb_rels.push_str("</Relationships>");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(s) = &shared {
        parts.push(("xl/sharedStrings.xml", s.as_bytes()));
    }
    zip(&parts)
}

/// An ODS row of strings, repeated `repeat` times.
pub fn ods_row(cells: &[&str], repeat: usize) -> String {
    let mut s = format!("<table:table-row table:number-rows-repeated=\"{repeat}\">");
    for text in cells {
        s.push_str(&format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
            escape(text)
        ));
    }
    s.push_str("</table:table-row>");
    s
}

/// An ODS of one sheet with these rows' XML.
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Nhiệm vụ\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}
