//! A form's problems as data, shared by the forms whose state is one value (the review form,
//! the return request): what the error summary lists, how a failed call becomes problems, and
//! the words of the problems every such form says alike. Each form brings its own rules (`L`,
//! usually the API's problem enum) and says those, and its photo sentences, itself.

use crate::client::ClientError;
use crate::i18n::{CommonMsg, I18n, Message};
use sf_api::error::ErrorCode;

/// What to say about a problem; turned into words by the view, in the shopper's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemText<L> {
    /// One of the form's own rules (checked here first, or recognised in the server's refusal).
    Local(L),
    /// A photo has not finished uploading.
    PhotoUploading,
    /// A photo is not an image the store takes.
    PhotoType,
    /// A photo is larger than the store takes.
    PhotoSize,
    /// The server's own sentence (English), for what the form does not know.
    Server(String),
    /// No answer from the server.
    Network,
    /// The server failed.
    ServerFailed,
    /// Too many attempts: wait this many seconds.
    RateLimited(u32),
}

/// How a form words its photo problems (each says them of its own photos).
#[derive(Clone, Copy, Debug)]
pub struct PhotoWords<M> {
    /// For [`ProblemText::PhotoUploading`].
    pub uploading: M,
    /// For [`ProblemText::PhotoType`].
    pub wrong_type: M,
    /// For [`ProblemText::PhotoSize`].
    pub too_large: M,
}

impl<L> ProblemText<L> {
    /// What to tell a shopper whose photo upload failed with `error`.
    pub fn from_photo_upload(error: &ClientError) -> Self {
        match error {
            ClientError::Api { status: 413, .. } => Self::PhotoSize,
            ClientError::Api { status: 415, .. } => Self::PhotoType,
            other => Self::from_failure(other),
        }
    }

    /// A call that failed for no field's sake: the server's sentence for a refusal, else no
    /// answer or a failure.
    fn from_failure(error: &ClientError) -> Self {
        match error {
            ClientError::Network => Self::Network,
            ClientError::Api {
                status: 400..=499,
                message,
                ..
            } => Self::Server(message.clone()),
            _ => Self::ServerFailed,
        }
    }

    /// The problem in the shopper's language: the form's own rules by `local`, its photo
    /// problems by `photo`, the rest as every form says them.
    pub fn words<M: Message>(
        &self,
        i18n: I18n,
        photo: PhotoWords<M>,
        local: impl FnOnce(&L) -> String,
    ) -> String {
        let msg = match self {
            Self::Local(problem) => return local(problem),
            Self::PhotoUploading => photo.uploading,
            Self::PhotoType => photo.wrong_type,
            Self::PhotoSize => photo.too_large,
            Self::Server(sentence) => return sentence.clone(),
            Self::Network => return i18n.t(CommonMsg::NetworkError).to_owned(),
            Self::ServerFailed => return i18n.t(CommonMsg::ServerError).to_owned(),
            Self::RateLimited(seconds) => {
                return i18n.format(
                    CommonMsg::TooManyAttempts,
                    &[("seconds", &seconds.to_string())],
                )
            }
        };
        i18n.t(msg).to_owned()
    }
}

/// One problem: the field it is about (the API's name, `""` for the form as a whole) and
/// what to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem<L> {
    /// The field, as the API's error body names it (`title`, `item-12-reason`).
    pub field: String,
    /// What to say.
    pub text: ProblemText<L>,
}

impl<L> Problem<L> {
    /// A problem with `field` (`""`: the form as a whole).
    pub fn new(field: impl Into<String>, text: ProblemText<L>) -> Self {
        Self {
            field: field.into(),
            text,
        }
    }
}

/// The problems a failed call means: the server's refusal field by field (its sentence read
/// back into the form's rule by `recognise` where it is one; a field the form does not show,
/// by `shown`, goes to the form as a whole, at the top of the summary), or one for the whole
/// form. In the server's order.
pub fn problems_from<L>(
    error: &ClientError,
    recognise: impl Fn(&str) -> Option<L>,
    shown: impl Fn(&str) -> bool,
) -> Vec<Problem<L>> {
    match error {
        ClientError::Api {
            code: ErrorCode::RateLimited,
            retry_after_seconds,
            ..
        } => vec![Problem::new(
            "",
            ProblemText::RateLimited(retry_after_seconds.unwrap_or(1)),
        )],
        ClientError::Api { fields, .. } if !fields.is_empty() => fields
            .iter()
            .map(|(field, message)| {
                let text = recognise(message)
                    .map_or_else(|| ProblemText::Server(message.clone()), ProblemText::Local);
                let field = if shown(field) { field.as_str() } else { "" };
                Problem::new(field, text)
            })
            .collect(),
        other => vec![Problem::new("", ProblemText::from_failure(other))],
    }
}

/// The fields `problems` are about, in their order: what a state's tests compare.
#[cfg(test)]
pub(crate) fn fields_of<L>(problems: &[Problem<L>]) -> Vec<&str> {
    problems
        .iter()
        .map(|problem| problem.field.as_str())
        .collect()
}
