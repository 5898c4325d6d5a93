//! What the order lookup form says, in English, Spanish and Arabic.

use crate::catalogue;

catalogue! {
    /// Texts of the order lookup form, shared by the components that start from an order.
    pub enum LookupMsg {
        /// Heading of the lookup form.
        LookupHeading { en: "Find your order", es: "Busca tu pedido", ar: "ابحث عن طلبك" }
        /// What the lookup form needs.
        LookupIntro { en: "Enter the order number from your confirmation email and the email address you ordered with.", es: "Escribe el número de pedido de tu correo de confirmación y el correo con el que hiciste el pedido.", ar: "أدخل رقم الطلب من رسالة التأكيد والبريد الإلكتروني الذي طلبت به." }
        /// Label of the order number field.
        OrderNumberLabel { en: "Order number", es: "Número de pedido", ar: "رقم الطلب" }
        /// The order number was left empty.
        OrderNumberMissing { en: "Enter your order number", es: "Escribe tu número de pedido", ar: "أدخل رقم طلبك" }
        /// The order number has characters order numbers never have.
        OrderNumberInvalid { en: "Enter the order number as it appears on your confirmation, like SF-1001", es: "Escribe el número de pedido tal como aparece en tu confirmación, como SF-1001", ar: "أدخل رقم الطلب كما يظهر في رسالة التأكيد، مثل SF-1001" }
        /// The order number is too long.
        OrderNumberTooLong { en: "Order number must be 40 characters or fewer", es: "El número de pedido debe tener 40 caracteres como máximo", ar: "يجب ألا يزيد رقم الطلب عن 40 حرفًا" }
        /// The lookup button.
        FindButton { en: "Find my order", es: "Buscar mi pedido", ar: "ابحث عن طلبي" }
        /// The lookup button while the request runs.
        Finding { en: "Finding your order…", es: "Buscando tu pedido…", ar: "جارٍ البحث عن طلبك…" }
        /// Number and email do not match an order (never says which one is wrong).
        NotFound { en: "We couldn't find an order with those details. Check the order number and the email address you ordered with.", es: "No encontramos ningún pedido con esos datos. Revisa el número de pedido y el correo con el que lo hiciste.", ar: "لم نعثر على طلب بهذه البيانات. تحقق من رقم الطلب والبريد الإلكتروني الذي طلبت به." }
    }
}
