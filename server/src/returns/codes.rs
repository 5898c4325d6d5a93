//! A return's readable number (RMA) and its QR code.

use rand::Rng;

/// Letters and digits that cannot be mistaken for one another when read aloud or typed from
/// a screen: no 0/O, 1/I/L, nor U (which reads as V).
const RMA_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters after `R-`: 30⁶ ≈ 729 million numbers, so a clash is rare (and retried).
const RMA_LENGTH: usize = 6;

/// A new random RMA, like `R-7K3F9Q`.
pub fn new_rma() -> String {
    let mut rng = rand::thread_rng();
    let code: String = (0..RMA_LENGTH)
        .map(|_| char::from(RMA_ALPHABET[rng.gen_range(0..RMA_ALPHABET.len())]))
        .collect();
    format!("R-{code}")
}

/// An RMA as typed or scanned (`r-7k3f9q`, ` R-7K3F9Q `, `R7K3F9Q`), in its stored form;
/// `None` when it cannot be one, so a lookup never runs on junk.
pub fn normalise_rma(raw: &str) -> Option<String> {
    let upper = raw.trim().to_ascii_uppercase();
    let code = upper
        .strip_prefix("R-")
        .or_else(|| upper.strip_prefix('R'))?;
    let valid = code.len() == RMA_LENGTH && code.bytes().all(|byte| RMA_ALPHABET.contains(&byte));
    valid.then(|| format!("R-{code}"))
}

/// The QR code of `rma` as an SVG element to put in a page: no XML declaration, hidden from
/// assistive technology (the page says the RMA in words beside it), sized by CSS.
pub fn qr_svg(rma: &str) -> Option<String> {
    let code = qrcode::QrCode::new(rma.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen(
        "<svg ",
        r#"<svg aria-hidden="true" focusable="false" class="sf-qr" "#,
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_rmas_read_back_as_themselves() {
        for _ in 0..100 {
            let rma = new_rma();
            assert_eq!(normalise_rma(&rma).as_deref(), Some(rma.as_str()));
        }
    }

    #[test]
    fn typed_rmas_are_forgiven_their_case_spaces_and_dash() {
        assert_eq!(normalise_rma(" r-7k3f9q ").as_deref(), Some("R-7K3F9Q"));
        assert_eq!(normalise_rma("R7K3F9Q").as_deref(), Some("R-7K3F9Q"));
        assert_eq!(normalise_rma("R-7K3F9"), None);
        assert_eq!(normalise_rma("R-7K3F9O"), None, "O is not in the alphabet");
        assert_eq!(normalise_rma("'; DROP TABLE returns"), None);
    }

    #[test]
    fn the_qr_code_is_an_svg_hidden_from_screen_readers() {
        let svg = qr_svg("R-7K3F9Q").unwrap();
        assert!(svg.starts_with(r#"<svg aria-hidden="true""#));
        assert!(svg.contains("<path") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
    }
}
