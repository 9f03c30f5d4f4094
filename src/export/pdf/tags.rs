//! The document's logical structure, for readers that read a PDF's tags rather than its
//! drawing (screen readers, reflow on a phone, copying a table). printpdf has no structure
//! tree, so the writer records one as it lays out: each block's drawing is wrapped in a
//! marked-content sequence whose MCID ties it to an element, and `document` writes the
//! elements into the file. Whatever is drawn outside every element (running header, footer,
//! rules, fills) becomes an artifact, which readers skip.

use printpdf::{DictItem, Op};
use std::collections::BTreeMap;

/// What an element holds, in reading order: other elements, or drawing on a page.
#[derive(Debug, Clone)]
pub enum Kid {
    Elem(usize),
    Mark { page: usize, mcid: i64 },
}

#[derive(Debug, Clone)]
pub struct Elem {
    /// A standard structure type: H1, P, Table, TD, Figure…
    pub role: &'static str,
    /// A figure's text alternative.
    pub alt: Option<String>,
    pub kids: Vec<Kid>,
}

/// The element whose drawing is being recorded, and the page its sequence is open on.
struct Leaf {
    elem: usize,
    /// Blocks started inside this one (a chart's legend paragraph) belong to it.
    depth: usize,
    open_on: Option<usize>,
}

#[derive(Default)]
pub struct Tags {
    pub elems: Vec<Elem>,
    /// The document's top-level elements in reading order.
    pub roots: Vec<usize>,
    /// Open groups (a table, a row, a list): new elements go into the innermost.
    groups: Vec<usize>,
    leaf: Option<Leaf>,
    /// The next MCID of each page.
    next: Vec<i64>,
}

impl Tags {
    /// A new element in the innermost open group.
    pub fn elem(&mut self, role: &'static str, alt: Option<String>) -> usize {
        let id = self.elems.len();
        self.elems.push(Elem {
            role,
            alt,
            kids: Vec::new(),
        });
        match self.groups.last() {
            Some(&g) => self.elems[g].kids.push(Kid::Elem(id)),
            None => self.roots.push(id),
        }
        id
    }

    pub fn open(&mut self, role: &'static str) {
        if self.leaf.is_some() {
            return;
        }
        let id = self.elem(role, None);
        self.groups.push(id);
    }

    pub fn close(&mut self) {
        if self.leaf.is_none() {
            self.groups.pop();
        }
    }

    /// Starts recording drawing into `elem` (nothing is written until something is drawn).
    pub fn mark(&mut self, elem: usize) {
        match &mut self.leaf {
            Some(l) => l.depth += 1,
            None => {
                self.leaf = Some(Leaf {
                    elem,
                    depth: 0,
                    open_on: None,
                })
            }
        }
    }

    pub fn begin(&mut self, role: &'static str, alt: Option<String>) {
        if let Some(l) = &mut self.leaf {
            l.depth += 1;
            return;
        }
        let id = self.elem(role, alt);
        self.mark(id);
    }

    /// Ends the current element's drawing; returns the page whose sequence must be closed.
    pub fn end(&mut self) -> Option<usize> {
        let l = self.leaf.as_mut()?;
        if l.depth > 0 {
            l.depth -= 1;
            return None;
        }
        self.leaf.take().and_then(|l| l.open_on)
    }

    /// The page a new page's start must close the open sequence on.
    pub fn page_ends(&mut self) -> Option<usize> {
        self.leaf.as_mut().and_then(|l| l.open_on.take())
    }

    /// The marked-content operator to put before drawing on `page`, if an element is
    /// recording and its sequence is not open there yet.
    pub fn drawing_on(&mut self, page: usize) -> Option<Op> {
        let l = self.leaf.as_mut()?;
        if l.open_on == Some(page) {
            return None;
        }
        if self.next.len() <= page {
            self.next.resize(page + 1, 0);
        }
        let mcid = self.next[page];
        self.next[page] += 1;
        l.open_on = Some(page);
        self.elems[l.elem].kids.push(Kid::Mark { page, mcid });
        let mut map = BTreeMap::new();
        map.insert("MCID".to_string(), DictItem::Int(mcid));
        Some(Op::BeginMarkedContentWithProperties {
            tag: self.elems[l.elem].role.to_string(),
            properties: DictItem::Dict { map },
        })
    }

    /// `other`'s elements after these, its pages numbered from `first_page`.
    pub fn append(&mut self, other: Tags, first_page: usize) {
        let base = self.elems.len();
        let shift = |k: Kid| match k {
            Kid::Elem(e) => Kid::Elem(e + base),
            Kid::Mark { page, mcid } => Kid::Mark {
                page: page + first_page,
                mcid,
            },
        };
        for e in other.elems {
            self.elems.push(Elem {
                kids: e.kids.into_iter().map(shift).collect(),
                ..e
            });
        }
        self.roots.extend(other.roots.into_iter().map(|r| r + base));
    }

    /// Whether an element holds anything a reader would meet. Table cells stay even when
    /// empty, so every row keeps its columns.
    pub fn live(&self, e: usize) -> bool {
        let el = &self.elems[e];
        matches!(el.role, "TD" | "TH")
            || el.kids.iter().any(|k| match k {
                Kid::Elem(c) => self.live(*c),
                Kid::Mark { .. } => true,
            })
    }
}

/// A page's drawing with everything outside the tagged sequences marked as an artifact.
pub fn artifacts(ops: Vec<Op>) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len() + 8);
    let (mut depth, mut in_artifact) = (0usize, false);
    for op in ops {
        let opens = matches!(
            op,
            Op::BeginMarkedContent { .. } | Op::BeginMarkedContentWithProperties { .. }
        );
        // Link areas are annotations, not drawing.
        let drawing = !opens && !matches!(op, Op::LinkAnnotation { .. });
        if depth == 0 && drawing && !in_artifact {
            out.push(Op::BeginMarkedContent {
                tag: "Artifact".into(),
            });
            in_artifact = true;
        } else if depth == 0 && opens && in_artifact {
            out.push(Op::EndMarkedContent);
            in_artifact = false;
        }
        match op {
            _ if opens => depth += 1,
            Op::EndMarkedContent => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(op);
    }
    if in_artifact {
        out.push(Op::EndMarkedContent);
    }
    out
}
