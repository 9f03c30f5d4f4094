//! The room's address as a QR code, drawn as SVG so it stays sharp on a projector and in print.

use crate::error::{Error, Result};

/// An SVG QR code of `text`, dark on white with the quiet zone phones need to find it.
pub fn svg(text: &str) -> Result<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).map_err(|e| {
            Error::Invalid {
                problems: vec![crate::error::Problem {
                    path: "url".into(),
                    reason: format!("cannot be drawn as a QR code: {e}"),
                }],
            }
        })?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_room_address_draws_as_an_svg() {
        let svg = super::svg("http://192.168.1.20:48213/k7qm3p/").unwrap();
        assert!(
            svg.starts_with("<?xml") || svg.starts_with("<svg"),
            "{}",
            &svg[..40]
        );
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
