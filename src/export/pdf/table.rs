//! Tables that flow across pages: every cell wraps within its column, a row that does not fit
//! moves to the next page under a repeated header, and a row taller than a whole page (a goal
//! with pages of text) is split line by line rather than running off the paper.

use super::layout::{Writer, MARGIN_X, TOP, WIDTH};
use super::text::{self, Line, Span};
use super::theme::{Style, NAVY, RULE, WHITE, ZEBRA};
pub use crate::export::doc::table::{Cell, Table};

const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;
/// Space between two blocks of one cell.
const BLOCK_GAP: f32 = 2.5;

fn layout_cell(w: &Writer, cell: &Cell, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, block) in cell.blocks.iter().enumerate() {
        if i > 0 {
            lines.push(Line::blank(BLOCK_GAP));
        }
        lines.extend(text::wrap(w.fonts, block, (width - 2.0 * PAD_X).max(10.0)));
    }
    lines
}

struct Geometry {
    xs: Vec<f32>,
    widths: Vec<f32>,
    header: Vec<Vec<Line>>,
    header_h: f32,
}

/// The column titles; `tagged` the first time only, a header repeated on a later page being
/// an artifact a reader has already met.
fn draw_header(w: &mut Writer, t: &Table, g: &Geometry, tagged: bool) {
    if !t.header {
        return;
    }
    let y = w.y;
    w.canvas().fill_rect(MARGIN_X, y, WIDTH, g.header_h, NAVY);
    if tagged {
        w.tags.open("TR");
    }
    for (i, lines) in g.header.iter().enumerate() {
        if tagged {
            w.begin("TH");
        }
        let mut c = w.canvas();
        let mut top = y + PAD_Y;
        for l in lines {
            let inner = g.widths[i] - 2.0 * PAD_X;
            let x = g.xs[i] + PAD_X + (inner - l.width) * t.columns[i].align.factor();
            c.draw_line(l, x, top);
            top += l.height;
        }
        if tagged {
            w.end();
        }
    }
    if tagged {
        w.tags.close();
    }
    w.y += g.header_h;
}

/// Tables of up to this many rows are kept on one page, with the heading before them, when
/// they fit in `KEEP_WHOLE_SHARE` of a page (and moving them leaves no page less than half
/// full); a longer table keeps at least `KEEP_ROWS` rows
/// with its header and heading, and never carries a single last row onto a page of its own.
const KEEP_WHOLE_ROWS: usize = 6;
const KEEP_WHOLE_SHARE: f32 = 0.6;
const KEEP_ROWS: usize = 2;
/// What a heading and a line or two under it take before a table: a table that fits with
/// this to spare is kept whole where it is.
const HEADING_ROOM: f32 = 80.0;
/// A row up to this share of a page moves to the next page whole rather than split.
const MOVE_WHOLE_SHARE: f32 = 0.4;
/// A taller row is split only where at least this much of it stays on the page (three lines).
const MIN_SPLIT: f32 = 36.0;

fn moves_whole(height: f32, page_room: f32) -> bool {
    height <= page_room * MOVE_WHOLE_SHARE
}

fn widths(t: &Table) -> (Vec<f32>, Vec<f32>) {
    let total: f32 = t.columns.iter().map(|c| c.weight).sum();
    let widths: Vec<f32> = t.columns.iter().map(|c| WIDTH * c.weight / total).collect();
    let xs = widths
        .iter()
        .scan(MARGIN_X, |x, cw| {
            let here = *x;
            *x += cw;
            Some(here)
        })
        .collect();
    (xs, widths)
}

/// The size of the column titles: smaller when a word of one title would not fit its column
/// (a long role name over a narrow RACI column), so no word is cut in the middle; the same
/// for every title of the table, so the header reads as one line of type.
fn header_style(w: &Writer, t: &Table, widths: &[f32]) -> Style {
    let mut style = Style::small_bold().colored(WHITE);
    let fits = |s: &Style| {
        t.columns.iter().zip(widths).all(|(c, cw)| {
            c.title
                .split_whitespace()
                .all(|word| w.fonts.width(s.face, s.size, word) <= cw - 2.0 * PAD_X)
        })
    };
    while !fits(&style) && style.size > 6.0 {
        style.size -= 0.25;
    }
    style
}

fn geometry(w: &Writer, t: &Table) -> Geometry {
    let (xs, widths) = widths(t);
    let style = header_style(w, t, &widths);
    let header: Vec<Vec<Line>> = t
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, cw)| header_lines(w, &c.title, style, cw - 2.0 * PAD_X))
        .collect();
    let header_h = if t.header {
        header.iter().map(|l| text::height(l)).fold(0.0, f32::max) + 2.0 * PAD_Y
    } else {
        0.0
    };
    Geometry {
        xs,
        widths,
        header,
        header_h,
    }
}

/// A header repeats on every page a table spans, so it may take at most this much of one;
/// a longer title (a role named in a paragraph) is cut short with "…". Without a cap, a header
/// taller than a page would leave no room for any row on any page.
fn max_header(w: &Writer) -> f32 {
    (w.bottom() - TOP) / 4.0
}

fn header_lines(w: &Writer, title: &str, style: Style, width: f32) -> Vec<Line> {
    let wrap = |t: &str| text::wrap(w.fonts, &[Span::new(t, style)], width);
    let max = max_header(w);
    let lines = wrap(title);
    if text::height(&lines) <= max {
        return lines;
    }
    // The longest start of the title that fits with its "…", found by halving.
    let chars: Vec<char> = title.chars().collect();
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let mid = (fits + too_long) / 2;
        let cut: String = chars[..mid].iter().collect::<String>() + "…";
        if text::height(&wrap(&cut)) <= max {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    wrap(
        &(chars[..fits]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…"),
    )
}

fn lay_rows(w: &Writer, t: &Table, g: &Geometry, limit: usize) -> Vec<Vec<Vec<Line>>> {
    t.rows
        .iter()
        .take(limit)
        .map(|row| {
            row.iter()
                .zip(&g.widths)
                .map(|(c, cw)| layout_cell(w, c, *cw))
                .collect()
        })
        .collect()
}

fn row_height(cells: &[Vec<Line>]) -> f32 {
    cells.iter().map(|l| text::height(l)).fold(0.0, f32::max) + 2.0 * PAD_Y
}

/// The room a table needs before it starts: all of it when it is short enough to keep whole,
/// else its header and its first two rows (or the start of a row too tall for a page, which is
/// split anyway). Headings pass this on as what they keep.
pub fn keep(w: &Writer, t: &Table) -> f32 {
    let g = geometry(w, t);
    let page = w.bottom() - TOP;
    let rows = lay_rows(w, t, &g, KEEP_WHOLE_ROWS + 1);
    let heights: Vec<f32> = rows.iter().map(|r| row_height(r)).collect();
    let total = g.header_h + heights.iter().sum::<f32>();
    // Moved whole only from a page at least half full, so moving it leaves no page near-empty.
    let movable = total + HEADING_ROOM <= w.room() || w.room() <= page / 2.0;
    if t.rows.len() <= KEEP_WHOLE_ROWS && total <= page * KEEP_WHOLE_SHARE && movable {
        return total;
    }
    let page_room = page - g.header_h - 2.0 * PAD_Y;
    let mut need = g.header_h;
    for (i, (cells, whole)) in rows.iter().zip(&heights).enumerate().take(KEEP_ROWS) {
        // Tall rows are not all kept: moving them would leave most of a page empty.
        if i > 0 && need + whole > page * MOVE_WHOLE_SHARE {
            break;
        }
        if moves_whole(whole - 2.0 * PAD_Y, page_room) && need + whole <= page {
            need += whole;
        } else {
            // A row taller than what is left of an empty page is split: its first lines do.
            let start = cells
                .iter()
                .map(|l| text::height(&l[..l.len().min(3)]))
                .fold(0.0, f32::max);
            return need + start + 2.0 * PAD_Y;
        }
    }
    need
}

/// Draws the table at the cursor, across as many pages as it needs.
pub fn draw(w: &mut Writer, t: &Table) {
    let g = geometry(w, t);
    let need = keep(w, t);
    w.ensure(need);
    let rows = lay_rows(w, t, &g, usize::MAX);
    w.tags.open("Table");
    draw_header(w, t, &g, true);
    let page_room = w.bottom() - TOP - g.header_h - 2.0 * PAD_Y;
    let n = rows.len();
    for (i, cells) in rows.iter().enumerate() {
        // The last two rows travel together when only the first of them would fit here, so
        // no row is carried alone onto the next page; not when that would leave the header
        // with fewer than two rows of its own, nor for rows too tall to move whole.
        if n > KEEP_ROWS + 1 && i == n - 2 && !w.at_top() {
            let (a, b) = (row_height(cells), row_height(&rows[n - 1]));
            let movable = a + b - 4.0 * PAD_Y <= page_room * KEEP_WHOLE_SHARE;
            if a <= w.room() && a + b > w.room() && movable && i >= KEEP_ROWS {
                w.new_page();
                draw_header(w, t, &g, false);
            }
        }
        w.tags.open("TR");
        draw_row(w, t, &g, i, cells, page_room);
        w.tags.close();
    }
    w.tags.close();
    w.y += 6.0;
}

fn draw_row(
    w: &mut Writer,
    t: &Table,
    g: &Geometry,
    index: usize,
    cells: &[Vec<Line>],
    page_room: f32,
) {
    let mut next = vec![0usize; cells.len()];
    // Whether the page was just begun: a page break then would gain nothing.
    let mut fresh = false;
    let whole = row_height(cells) - 2.0 * PAD_Y;
    // One cell element for all the pages a split row is drawn on.
    let cell_elems: Vec<usize> = cells.iter().map(|_| w.tags.elem("TD", None)).collect();
    loop {
        let avail = w.room() - 2.0 * PAD_Y;
        let started = next.iter().any(|n| *n > 0);
        let remaining = cells
            .iter()
            .zip(&next)
            .map(|(l, n)| text::height(&l[*n..]))
            .fold(0.0, f32::max);
        // A short row is never split; it moves to the next page whole. A tall one is split
        // where it falls, so moving it leaves no page near-empty, unless too little of it
        // would stay on this page to read.
        if !started
            && whole > avail
            && !fresh
            && (moves_whole(whole, page_room) || avail < MIN_SPLIT)
        {
            w.new_page();
            draw_header(w, t, g, false);
            fresh = true;
            continue;
        }
        let mut take = next.clone();
        let mut h: f32 = 0.0;
        for (c, lines) in cells.iter().enumerate() {
            let mut used = 0.0;
            while take[c] < lines.len() && used + lines[take[c]].height <= avail {
                used += lines[take[c]].height;
                take[c] += 1;
            }
            h = h.max(used);
        }
        if h <= 0.0 && remaining > 0.0 && fresh {
            // Not even one line fits on an empty page: draw a line of each column anyway, so
            // the table always moves on rather than asking for pages without end.
            for (c, lines) in cells.iter().enumerate() {
                if take[c] < lines.len() {
                    h = h.max(lines[take[c]].height);
                    take[c] += 1;
                }
            }
        }
        let complete = take.iter().zip(cells).all(|(k, l)| *k == l.len());
        if !complete && h <= 0.0 && remaining > 0.0 {
            w.new_page();
            draw_header(w, t, g, false);
            fresh = true;
            continue;
        }
        let y = w.y;
        let row_h = h + 2.0 * PAD_Y;
        let mut c = w.canvas();
        for (col, cell) in t.rows[index].iter().enumerate() {
            let fill = cell.fill.or((index % 2 == 1).then_some(ZEBRA));
            if let Some(f) = fill {
                c.fill_rect(g.xs[col], y, g.widths[col], row_h, f);
            }
        }
        for (col, lines) in cells.iter().enumerate() {
            w.mark(cell_elems[col]);
            let mut c = w.canvas();
            let mut top = y + PAD_Y;
            for l in &lines[next[col]..take[col]] {
                let inner = g.widths[col] - 2.0 * PAD_X;
                let x =
                    g.xs[col] + PAD_X + (inner - l.width).max(0.0) * t.columns[col].align.factor();
                c.draw_line(l, x, top);
                top += l.height;
            }
            w.end();
        }
        w.canvas()
            .hline(MARGIN_X, MARGIN_X + WIDTH, y + row_h, RULE, 0.4);
        w.y += row_h;
        if complete {
            return;
        }
        next = take;
        w.new_page();
        draw_header(w, t, g, false);
        fresh = true;
    }
}
