//! A conversation's transcript as both sides hold it: stored messages in sequence order,
//! each once, whatever order and however often the socket delivers them.

use sf_api::live_chat::ChatMessage;

/// Puts `message` in its place; `false` when it was held already (the same number, or the
/// same writer's id).
pub fn place(transcript: &mut Vec<ChatMessage>, message: ChatMessage) -> bool {
    let held = transcript
        .iter()
        .any(|other| other.seq == message.seq || other.client_id == message.client_id);
    if held {
        return false;
    }
    let at = transcript.partition_point(|other| other.seq < message.seq);
    transcript.insert(at, message);
    true
}

/// The highest `n` such that messages 1 to `n` are all held: what a reconnecting hello's
/// `after` says, so the server sends everything from the first one missing.
pub fn held(transcript: &[ChatMessage]) -> i64 {
    let mut held = 0;
    for message in transcript {
        if message.seq != held + 1 {
            break;
        }
        held = message.seq;
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use sf_api::live_chat::Author;

    fn message(seq: i64, client_id: &str) -> ChatMessage {
        ChatMessage {
            seq,
            client_id: client_id.into(),
            author: Author::Shopper,
            author_name: None,
            body: String::new(),
            sent_at: String::new(),
            image: None,
        }
    }

    #[test]
    fn messages_are_placed_by_number_once_and_gaps_are_seen() {
        let mut transcript = Vec::new();
        assert!(place(&mut transcript, message(3, "c")));
        assert!(place(&mut transcript, message(1, "a")));
        assert!(!place(&mut transcript, message(3, "c")));
        assert!(
            !place(&mut transcript, message(9, "a")),
            "same id, another number"
        );
        assert_eq!(held(&transcript), 1, "2 is missing");
        assert!(place(&mut transcript, message(2, "b")));
        let seqs: Vec<i64> = transcript.iter().map(|m| m.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        assert_eq!(held(&transcript), 3);
    }
}
