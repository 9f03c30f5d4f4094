//! The look of the document in one place: a calm navy-and-teal palette, the type scale, and
//! the status colours. Every status colour carries a printed label as well, and the fills
//! differ in lightness, so the plan still reads on a greyscale printer.

use super::fonts::Face;
use crate::model::FactorStatus;
use crate::status::MeasureStatus;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub const fn hex(v: u32) -> Rgb {
        Rgb(
            ((v >> 16) & 0xff) as f32 / 255.0,
            ((v >> 8) & 0xff) as f32 / 255.0,
            (v & 0xff) as f32 / 255.0,
        )
    }

    /// The colour mixed with white: 0 keeps it, 1 is white.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |c: f32| c + (1.0 - c) * amount;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }

    pub fn color(self) -> printpdf::Color {
        printpdf::Color::Rgb(printpdf::Rgb::new(self.0, self.1, self.2, None))
    }
}

pub const INK: Rgb = Rgb::hex(0x1F2933);
pub const MUTED: Rgb = Rgb::hex(0x5B6673);
pub const NAVY: Rgb = Rgb::hex(0x1B3A5C);
pub const TEAL: Rgb = Rgb::hex(0x2A7F8E);
pub const TEAL_LIGHT: Rgb = Rgb::hex(0xCFE8E6);
pub const WHITE: Rgb = Rgb::hex(0xFFFFFF);
pub const RULE: Rgb = Rgb::hex(0xC9D2DC);
pub const PANEL: Rgb = Rgb::hex(0xF1F4F7);
pub const ZEBRA: Rgb = Rgb::hex(0xF6F8FA);
pub const AMBER: Rgb = Rgb::hex(0xC98A1B);

/// The body size; everything else is set relative to the page, not to this.
pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 8.0;
/// Table text, a little smaller than the body so that tables of five columns breathe.
pub const CELL: f32 = 8.5;
/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.36;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    /// Drawn as a rounded label behind the text (statuses, RACI letters).
    pub background: Option<Rgb>,
}

impl Style {
    pub const fn new(face: Face, size: f32, color: Rgb) -> Style {
        Style {
            face,
            size,
            color,
            background: None,
        }
    }
    pub const fn body() -> Style {
        Style::new(Face::Regular, BODY, INK)
    }
    pub const fn bold() -> Style {
        Style::new(Face::Bold, BODY, INK)
    }
    pub const fn italic() -> Style {
        Style::new(Face::Italic, BODY, INK)
    }
    pub const fn cell() -> Style {
        Style::new(Face::Regular, CELL, INK)
    }
    pub const fn cell_bold() -> Style {
        Style::new(Face::Bold, CELL, INK)
    }
    pub const fn small() -> Style {
        Style::new(Face::Regular, SMALL, MUTED)
    }
    pub const fn small_bold() -> Style {
        Style::new(Face::Bold, SMALL, INK)
    }
    pub const fn muted() -> Style {
        Style::new(Face::Italic, BODY, MUTED)
    }
    pub const fn sized(self, size: f32) -> Style {
        Style { size, ..self }
    }
    pub const fn colored(self, color: Rgb) -> Style {
        Style { color, ..self }
    }
    pub const fn on(self, background: Rgb) -> Style {
        Style {
            background: Some(background),
            ..self
        }
    }
}

/// Fill and text colour of a measure's status label, darkest for the statuses that need
/// attention least and most, so the five stay apart in grey too.
pub fn measure_status(status: MeasureStatus) -> (Rgb, Rgb) {
    match status {
        MeasureStatus::Achieved => (Rgb::hex(0x1B4F72), WHITE),
        MeasureStatus::OnTrack => (Rgb::hex(0x2E7D4F), WHITE),
        MeasureStatus::AtRisk => (Rgb::hex(0xF2C14E), INK),
        MeasureStatus::OffTrack => (Rgb::hex(0xA62E2E), WHITE),
        MeasureStatus::NotMeasured => (Rgb::hex(0xDDE2E7), INK),
    }
}

/// Fill and text colour of a risk's band: high as off track, medium as at risk, low as on
/// track, so the page reads one colour code.
pub fn risk_band(band: crate::figures::RiskBand) -> (Rgb, Rgb) {
    use crate::figures::RiskBand;
    measure_status(match band {
        RiskBand::High => MeasureStatus::OffTrack,
        RiskBand::Medium => MeasureStatus::AtRisk,
        RiskBand::Low => MeasureStatus::OnTrack,
    })
}

pub fn factor_status(status: FactorStatus) -> Rgb {
    match status {
        FactorStatus::InPlace => Rgb::hex(0x2E7D4F),
        FactorStatus::InProgress => AMBER,
        FactorStatus::NotStarted => Rgb::hex(0x8A949F),
    }
}

/// The roadmap's phases, one colour each in time order, shared by the timeline and the
/// heatmap so a phase reads the same on both. None is navy, which marks the current stage;
/// neighbours differ in lightness as well as hue, so they stay apart in grey.
const PHASES: [Rgb; 6] = [
    Rgb::hex(0x2A7F8E),
    Rgb::hex(0x7A4E9B),
    Rgb::hex(0xB7791F),
    Rgb::hex(0x3F7F3A),
    Rgb::hex(0x9E3B55),
    Rgb::hex(0x3D6CB3),
];

pub fn phase_color(index: usize) -> Rgb {
    PHASES[index % PHASES.len()]
}

/// Heatmap cells: the current stage dark, a phase's target a light tint of the phase's colour
/// with a border of it, and a stage kept as a target in between, as the model's worked
/// examples shade them. Returns fill and ink.
pub fn heatmap_current(kept_as_target: bool) -> (Rgb, Rgb) {
    if kept_as_target {
        (TEAL, WHITE)
    } else {
        (NAVY, WHITE)
    }
}

pub fn heatmap_target(phase: Rgb) -> (Rgb, Rgb) {
    (phase.tint(0.78), INK)
}

/// The empty cells of the heatmap grid.
pub const GRID: Rgb = Rgb::hex(0xE9EDF1);
