//! HMAC-SHA256 with constant-time checking: carrier webhooks, what the store signs (see
//! [`crate::identity`]) and shoppers' tokens (see [`crate::tokens`]).

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `message` under `key`.
pub fn sign(key: &[u8], message: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// Whether `signature` is the HMAC-SHA256 of `message` under `key`, compared in constant
/// time so response times do not reveal how much of a forged signature was right.
pub fn verify(key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(message);
    mac.verify_slice(signature).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_key_and_message_verify() {
        let signature = sign(b"secret", b"message");
        assert!(verify(b"secret", b"message", &signature));
        assert!(!verify(b"secret", b"messagf", &signature));
        assert!(!verify(b"secres", b"message", &signature));
        assert!(!verify(b"secret", b"message", &signature[..31]));
    }
}
