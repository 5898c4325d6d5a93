//! What `__Pascal__` says, in every language.

use crate::catalogue;

catalogue! {
    /// Texts of `<sf-__kebab__>`.
    pub enum __Pascal__Msg {
        /// The component's heading. TODO: the real name.
        Heading { en: "__Title__", es: "__Title__ (es)", ar: "__Title__ (ar)" }
        /// Status while asking the server.
        Loading { en: "Loading…", es: "Cargando…", ar: "جارٍ التحميل…" }
        /// Status once the server answered.
        Ready { en: "Ready", es: "Listo", ar: "جاهز" }
        /// Status when the server could not be reached.
        Failed { en: "Support cannot be reached right now", es: "No se puede contactar con la atención ahora", ar: "لا يمكن الوصول إلى الدعم الآن" }
    }
}
