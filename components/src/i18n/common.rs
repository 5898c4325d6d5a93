//! Texts shared by several components.

use crate::catalogue;
use sf_api::validation::FieldProblem;

/// What to tell someone whose email address was refused for `problem`.
pub fn email_problem(problem: FieldProblem) -> CommonMsg {
    match problem {
        FieldProblem::Missing => CommonMsg::EmailMissing,
        FieldProblem::TooLong(_) => CommonMsg::EmailTooLong,
        // An email parse only reports the three kinds; the rest read as "not an email".
        _ => CommonMsg::EmailInvalid,
    }
}

catalogue! {
    /// Texts shared by several components: form errors, network problems.
    pub enum CommonMsg {
        /// Label of the email field.
        EmailLabel { en: "Email address", es: "Correo electrónico", ar: "البريد الإلكتروني" }
        /// Title of an error summary (GOV.UK pattern).
        ErrorSummaryTitle { en: "There is a problem", es: "Hay un problema", ar: "توجد مشكلة" }
        /// Prefix read before an inline field error.
        ErrorPrefix { en: "Error:", es: "Error:", ar: "خطأ:" }
        /// The email field was left empty.
        EmailMissing { en: "Enter your email address", es: "Escribe tu correo electrónico", ar: "أدخل بريدك الإلكتروني" }
        /// The email field does not hold an address.
        EmailInvalid { en: "Enter an email address in the correct format, like name@example.com", es: "Escribe un correo con el formato correcto, como nombre@ejemplo.com", ar: "أدخل بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.com" }
        /// The email field is too long.
        EmailTooLong { en: "Email address must be 254 characters or fewer", es: "El correo debe tener 254 caracteres como máximo", ar: "يجب ألا يزيد البريد الإلكتروني عن 254 حرفًا" }
        /// Locked out after repeated failures; `{seconds}` until the next try.
        TooManyAttempts { en: "Too many attempts. Wait {seconds} seconds, then try again.", es: "Demasiados intentos. Espera {seconds} segundos y vuelve a intentarlo.", ar: "محاولات كثيرة جدًا. انتظر {seconds} ثانية ثم حاول مرة أخرى." }
        /// The server could not be reached.
        NetworkError { en: "We could not reach the support service. Check your connection and try again.", es: "No pudimos conectar con el servicio de atención. Revisa tu conexión e inténtalo de nuevo.", ar: "تعذر الوصول إلى خدمة الدعم. تحقق من اتصالك وحاول مرة أخرى." }
        /// The server failed.
        ServerError { en: "Something went wrong on our side. Please try again in a moment.", es: "Algo salió mal por nuestra parte. Inténtalo de nuevo en un momento.", ar: "حدث خطأ من جهتنا. يرجى المحاولة بعد قليل." }
    }
}
