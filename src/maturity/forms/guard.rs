//! Measures a workbook before the XLSX reader sees it. calamine trusts what a file declares: it
//! reserves memory for the shared-string count a workbook states and inflates every part it
//! reads in full, so a few kilobytes can ask for gigabytes. A scoring form is small (about
//! 30 KB inflated), so anything far larger is refused here, by what the zip's directory
//! declares and then by what each part really inflates to, in constant memory.

use crate::error::{Error, Result};
use quick_xml::events::Event;
use std::io::{BufReader, Cursor, Read};

/// Parts in a form as exported: about a dozen. Spreadsheet programs add a few.
pub const MAX_PARTS: usize = 200;
/// All parts together, inflated. Twenty notes of Excel's longest cell text (32,767
/// characters, three bytes each in UTF-8) still fit.
pub const MAX_INFLATED: u64 = 32 * 1024 * 1024;
/// Distinct texts a form may declare in its shared-string table (a form holds a few hundred).
pub const MAX_SHARED_STRINGS: u64 = 100_000;

fn refuse(reason: impl Into<String>) -> Error {
    Error::invalid("form", reason)
}

/// The zip reader itself stops at a part's declared size; either way the part is refused.
fn damaged(name: &str, e: impl std::fmt::Display) -> Error {
    refuse(format!(
        "part {name} cannot be read ({e}): the file is damaged or built to exhaust memory"
    ))
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Refuses a workbook whose parts are too many or inflate to too much, whether the zip
/// declares it or hides it behind a false size; and one declaring more shared strings than a
/// form can hold. Nothing larger than the limits is ever held in memory.
pub fn check_workbook(bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refuse(format!("is not a readable XLSX workbook ({e})")))?;
    if zip.len() > MAX_PARTS {
        return Err(refuse(format!(
            "holds {} parts; a scoring form has a few dozen at most (limit {MAX_PARTS}), so this is not one",
            zip.len()
        )));
    }
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| refuse(format!("is not a readable XLSX workbook ({e})")))?;
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_INFLATED {
        return Err(refuse(format!(
            "would inflate to {} (its parts declare that much); a scoring form is far smaller (limit {})",
            mib(declared),
            mib(MAX_INFLATED)
        )));
    }
    let mut budget = MAX_INFLATED;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| refuse(format!("is not a readable XLSX workbook ({e})")))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let declared = part.size();
        // Read one byte past what is declared (and never past what is left of the budget),
        // so a part that lies about its size is caught without inflating the rest of it.
        let limit = declared.min(budget).saturating_add(1);
        let mut limited = (&mut part).take(limit);
        let read = if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            check_shared_strings(&name, &mut limited)?
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
        }
        .map_err(|e| damaged(&name, e))?;
        if read > declared {
            return Err(refuse(format!(
                "part {name} inflates to more than the {declared} bytes it declares: the file is damaged or built to exhaust memory"
            )));
        }
        budget = budget.saturating_sub(read);
    }
    Ok(())
}

/// Reads the shared-string table to its end (so its size is measured), refusing a declared
/// count the reader would reserve memory for.
fn check_shared_strings(name: &str, part: &mut impl Read) -> Result<std::io::Result<u64>> {
    let mut counted = Counted { inner: part, n: 0 };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(&mut counted));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                for attr in ["uniqueCount", "count"] {
                    let Ok(Some(value)) = e.try_get_attribute(attr) else {
                        continue;
                    };
                    let value = value.value.into_owned();
                    let count: Option<u64> = value.trim().parse().ok();
                    if count.is_none_or(|n| n > MAX_SHARED_STRINGS) {
                        return Err(refuse(format!(
                            "part {name} declares {attr}=\"{value}\" texts; a scoring form holds a few hundred (limit {MAX_SHARED_STRINGS})"
                        )));
                    }
                }
                break;
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(damaged(name, e)),
        }
    }
    drop(xml);
    let rest = std::io::copy(&mut counted, &mut std::io::sink());
    Ok(rest.map(|_| counted.n))
}

struct Counted<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}
