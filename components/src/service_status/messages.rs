//! What `ServiceStatus` says.

use crate::catalogue;

catalogue! {
    /// Texts of the service status element.
    pub enum StatusMsg {
        /// Accessible name of the service status element.
        Label { en: "Support service status", es: "Estado del servicio de atención", ar: "حالة خدمة الدعم" }
        /// Status: still asking the server.
        Checking { en: "Checking whether support is available…", es: "Comprobando si la atención está disponible…", ar: "جارٍ التحقق من توفر الدعم…" }
        /// Status: all fine.
        Online { en: "Support is online", es: "La atención está disponible", ar: "الدعم متاح" }
        /// Status: server up, database not.
        Degraded { en: "Support is having problems. Some things may not work.", es: "La atención tiene problemas. Algunas funciones pueden fallar.", ar: "يواجه الدعم مشكلات. قد لا تعمل بعض الميزات." }
        /// Status: server unreachable.
        Unreachable { en: "Support cannot be reached right now", es: "No se puede contactar con la atención ahora", ar: "لا يمكن الوصول إلى الدعم الآن" }
        /// Button to ask the status again.
        Retry { en: "Check again", es: "Comprobar de nuevo", ar: "تحقق مرة أخرى" }
    }
}
