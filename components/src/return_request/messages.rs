//! Everything the return request says, in English, Spanish and Arabic.

use crate::catalogue;

catalogue! {
    /// Texts of `<sf-return-request>`.
    pub enum ReturnMsg {
        /// Accessible name of the whole component.
        Label { en: "Returns", es: "Devoluciones", ar: "المرتجعات" }
        /// A signed link is being opened.
        OpeningLink { en: "Opening your order…", es: "Abriendo tu pedido…", ar: "جارٍ فتح طلبك…" }
        /// A signed-in shopper's orders are being fetched.
        OpeningCustomer { en: "Finding your orders…", es: "Buscando tus pedidos…", ar: "جارٍ البحث عن طلباتك…" }
        /// A signed link expired or was altered.
        LinkInvalid { en: "This link has expired or isn't valid. Enter your order number and email address to return items.", es: "Este enlace ha caducado o no es válido. Escribe tu número de pedido y tu correo para devolver artículos.", ar: "انتهت صلاحية هذا الرابط أو أنه غير صالح. أدخل رقم طلبك وبريدك الإلكتروني لإرجاع المنتجات." }
        /// The store's sign-in could not be checked.
        CustomerInvalid { en: "We couldn't confirm your account just now. Enter your order number and email address instead.", es: "No pudimos confirmar tu cuenta ahora. Escribe tu número de pedido y tu correo.", ar: "تعذر التحقق من حسابك الآن. أدخل رقم طلبك وبريدك الإلكتروني بدلًا من ذلك." }
        /// The order's token ran out.
        SessionEnded { en: "For your security this return has ended. Look up your order again to continue.", es: "Por seguridad, esta devolución ha terminado. Vuelve a buscar tu pedido para continuar.", ar: "لأمانك انتهت جلسة هذا الإرجاع. ابحث عن طلبك مرة أخرى للمتابعة." }
        /// Heading of a signed-in shopper's orders.
        YourOrders { en: "Which order are you returning from?", es: "¿De qué pedido quieres devolver algo?", ar: "من أي طلب تريد الإرجاع؟" }
        /// A signed-in shopper has no orders.
        NoOrdersYet { en: "You have no orders yet.", es: "Aún no tienes pedidos.", ar: "ليست لديك طلبات بعد." }
        /// Button to find an order placed as a guest.
        FindGuestOrder { en: "Find an order by its number", es: "Buscar un pedido por su número", ar: "ابحث عن طلب برقمه" }
        /// An order in a list; `{number}`.
        OrderButton { en: "Order {number}", es: "Pedido {number}", ar: "الطلب {number}" }
        /// When an order was placed; `{date}`.
        PlacedOn { en: "Placed {date}", es: "Realizado el {date}", ar: "تم الطلب في {date}" }
        /// The order's returnable items are loading.
        Loading { en: "Loading your order…", es: "Cargando tu pedido…", ar: "جارٍ تحميل طلبك…" }
        /// They could not be loaded.
        LoadFailed { en: "We couldn't load your order. Check your connection and try again.", es: "No pudimos cargar tu pedido. Revisa tu conexión e inténtalo de nuevo.", ar: "تعذر تحميل طلبك. تحقق من اتصالك وحاول مرة أخرى." }
        /// Button to try again.
        TryAgain { en: "Try again", es: "Intentar de nuevo", ar: "حاول مرة أخرى" }
        /// Heading of the items step; `{number}`.
        ItemsHeading { en: "Choose what to return from order {number}", es: "Elige qué devolver del pedido {number}", ar: "اختر ما تريد إرجاعه من الطلب {number}" }
        /// The policy in short; `{days}`.
        PolicyWindow { en: "Most items can be returned within {days} days of delivery; each item says its last day.", es: "La mayoría de artículos se pueden devolver en los {days} días siguientes a la entrega; cada artículo indica su último día.", ar: "يمكن إرجاع معظم المنتجات خلال {days} يومًا من التوصيل، ويذكر كل منتج آخر يوم لإرجاعه." }
        /// The restocking fee; `{percent}`.
        PolicyRestocking { en: "Refunds to your original payment keep a {percent} restocking fee.", es: "Los reembolsos al pago original descuentan un {percent} de reposición.", ar: "تُخصم رسوم إعادة تخزين بنسبة {percent} من المبالغ المستردة إلى وسيلة الدفع الأصلية." }
        /// Nothing in the order can be returned.
        NothingReturnable { en: "Nothing in this order can be returned now.", es: "Ahora no se puede devolver nada de este pedido.", ar: "لا يمكن إرجاع أي شيء من هذا الطلب الآن." }
        /// The last day an item can be returned; `{date}`.
        ReturnBy { en: "Return by {date}", es: "Devuélvelo antes del {date}", ar: "أرجعه قبل {date}" }
        /// Not returnable: not delivered yet.
        NotDelivered { en: "Not delivered yet, so it can't be returned yet.", es: "Aún no se ha entregado, así que todavía no se puede devolver.", ar: "لم يُسلَّم بعد، لذا لا يمكن إرجاعه الآن." }
        /// Not returnable: the window closed; `{date}`.
        WindowClosedOn { en: "The return window closed on {date}.", es: "El plazo de devolución terminó el {date}.", ar: "انتهت مهلة الإرجاع في {date}." }
        /// Not returnable: the window closed (no date known).
        WindowClosed { en: "The return window has closed.", es: "El plazo de devolución ha terminado.", ar: "انتهت مهلة الإرجاع." }
        /// Not returnable: final sale.
        FinalSale { en: "Final sale: this item can't be returned.", es: "Venta final: este artículo no se puede devolver.", ar: "بيع نهائي: لا يمكن إرجاع هذا المنتج." }
        /// Not returnable: every unit is in a return already.
        AlreadyReturned { en: "Already in a return.", es: "Ya está en una devolución.", ar: "مُدرج بالفعل في عملية إرجاع." }
        /// The checkbox choosing an item.
        ReturnThisItem { en: "Return this item", es: "Devolver este artículo", ar: "إرجاع هذا المنتج" }
        /// Label of the quantity.
        QuantityLabel { en: "How many?", es: "¿Cuántos?", ar: "كم عددها؟" }
        /// Hint of the quantity; `{max}`.
        QuantityHint { en: "From 1 to {max}", es: "De 1 a {max}", ar: "من 1 إلى {max}" }
        /// The − button; `{name}`.
        Fewer { en: "Fewer {name}", es: "Menos {name}", ar: "عدد أقل من {name}" }
        /// The + button; `{name}`.
        More { en: "More {name}", es: "Más {name}", ar: "عدد أكثر من {name}" }
        /// Label of the reason.
        ReasonLabel { en: "Why are you returning it?", es: "¿Por qué lo devuelves?", ar: "لماذا تُرجعه؟" }
        /// The reason's placeholder.
        ChooseReason { en: "Choose a reason", es: "Elige un motivo", ar: "اختر سببًا" }
        /// Reason: does not fit.
        DoesNotFit { en: "It doesn't fit", es: "No me queda bien", ar: "المقاس غير مناسب" }
        /// Reason: damaged.
        Damaged { en: "It arrived damaged", es: "Llegó dañado", ar: "وصل تالفًا" }
        /// Reason: wrong item.
        WrongItem { en: "It's not what I ordered", es: "No es lo que pedí", ar: "ليس ما طلبته" }
        /// Reason: not as described.
        NotAsDescribed { en: "It's not as described", es: "No es como se describía", ar: "ليس كما هو موصوف" }
        /// Reason: changed mind.
        ChangedMind { en: "I changed my mind", es: "He cambiado de opinión", ar: "غيّرت رأيي" }
        /// Legend of the finer reason.
        SubReasonLegend { en: "What was wrong?", es: "¿Qué pasaba?", ar: "ما المشكلة؟" }
        /// Sub-reason: too small.
        TooSmall { en: "Too small", es: "Demasiado pequeño", ar: "صغير جدًا" }
        /// Sub-reason: too large.
        TooLarge { en: "Too large", es: "Demasiado grande", ar: "كبير جدًا" }
        /// Sub-reason: wrong size.
        WrongSize { en: "Wrong size", es: "Talla equivocada", ar: "مقاس خاطئ" }
        /// Sub-reason: wrong colour.
        WrongColour { en: "Wrong colour", es: "Color equivocado", ar: "لون خاطئ" }
        /// Sub-reason: another product.
        WrongProduct { en: "A different product", es: "Otro producto", ar: "منتج مختلف" }
        /// Label of the photo picker.
        PhotoLabel { en: "Photo of the problem", es: "Foto del problema", ar: "صورة للمشكلة" }
        /// Hint of the photo picker.
        PhotoHint { en: "A PNG, JPEG, GIF or WebP image of 5 MB or less that shows the damage or what arrived.", es: "Una imagen PNG, JPEG, GIF o WebP de 5 MB como máximo que muestre el daño o lo que llegó.", ar: "صورة PNG أو JPEG أو GIF أو WebP بحجم 5 ميغابايت أو أقل تُظهر التلف أو ما وصلك." }
        /// The photo is uploading.
        PhotoUploading { en: "Adding your photo…", es: "Añadiendo tu foto…", ar: "جارٍ إضافة صورتك…" }
        /// The photo was stored.
        PhotoAdded { en: "Photo added", es: "Foto añadida", ar: "تمت إضافة الصورة" }
        /// Legend of the outcome.
        OutcomeLegend { en: "What would you like instead?", es: "¿Qué prefieres a cambio?", ar: "ماذا تريد بدلًا منه؟" }
        /// Outcome: refund.
        Refund { en: "A refund to your original payment", es: "Un reembolso a tu forma de pago original", ar: "استرداد المبلغ إلى وسيلة الدفع الأصلية" }
        /// Outcome: store credit.
        StoreCredit { en: "Store credit", es: "Saldo en la tienda", ar: "رصيد في المتجر" }
        /// Outcome: store credit with a bonus; `{percent}`.
        StoreCreditBonus { en: "Store credit, with {percent} extra", es: "Saldo en la tienda, con un {percent} extra", ar: "رصيد في المتجر مع {percent} إضافية" }
        /// Outcome: exchange.
        Exchange { en: "An exchange for another variant", es: "Un cambio por otra variante", ar: "استبداله بنوع آخر" }
        /// Label of the exchange variant.
        ExchangeLabel { en: "Which one would you like?", es: "¿Cuál quieres?", ar: "أيها تريد؟" }
        /// The variant's placeholder.
        ChooseVariant { en: "Choose a variant", es: "Elige una variante", ar: "اختر نوعًا" }
        /// Label of the comment.
        CommentLabel { en: "Anything else we should know? (optional)", es: "¿Algo más que debamos saber? (opcional)", ar: "هل هناك شيء آخر يجب أن نعرفه؟ (اختياري)" }
        /// The comment's length; `{count}` of `{max}`.
        CommentCount { en: "{count} of {max} characters", es: "{count} de {max} caracteres", ar: "{count} من {max} حرفًا" }
        /// The button to the next step.
        ContinueButton { en: "Continue", es: "Continuar", ar: "متابعة" }
        /// The button back a step.
        BackButton { en: "Back", es: "Atrás", ar: "رجوع" }
        /// Heading of the method step.
        MethodHeading { en: "How will you send the items back?", es: "¿Cómo nos devolverás los artículos?", ar: "كيف سترسل المنتجات؟" }
        /// Method: mail.
        Mail { en: "By mail, with a label you print", es: "Por correo, con una etiqueta que imprimes", ar: "بالبريد، مع ملصق تطبعه" }
        /// Method: mail with a fee; `{fee}`.
        MailWithFee { en: "By mail, with a label you print ({fee} for the label)", es: "Por correo, con una etiqueta que imprimes ({fee} por la etiqueta)", ar: "بالبريد، مع ملصق تطبعه ({fee} مقابل الملصق)" }
        /// Method: drop-off.
        DropOff { en: "At a partner drop-off point, showing a QR code", es: "En un punto de entrega asociado, mostrando un código QR", ar: "في نقطة تسليم شريكة، بإظهار رمز QR" }
        /// Method: in store.
        InStore { en: "In one of our shops", es: "En una de nuestras tiendas", ar: "في أحد متاجرنا" }
        /// Legend of the shops.
        StoreLegend { en: "Which shop will you bring them to?", es: "¿A qué tienda los llevarás?", ar: "إلى أي متجر ستحضرها؟" }
        /// A shop's opening hours; `{hours}`.
        OpenHours { en: "Open {hours}", es: "Horario: {hours}", ar: "ساعات العمل: {hours}" }
        /// The method step's button while the quote is asked for.
        GettingSummary { en: "Getting your summary…", es: "Preparando tu resumen…", ar: "جارٍ إعداد الملخص…" }
        /// Heading of the summary step.
        SummaryHeading { en: "Check your return", es: "Revisa tu devolución", ar: "راجع طلب الإرجاع" }
        /// One line of a return; `{quantity}`, `{name}`.
        LineQuantity { en: "{quantity} × {name}", es: "{quantity} × {name}", ar: "{quantity} × {name}" }
        /// An exchange's variant; `{variant}`.
        ExchangeFor { en: "Exchange for {variant}", es: "Cambio por {variant}", ar: "استبدال بـ {variant}" }
        /// Term: the method.
        MethodTerm { en: "Sent back", es: "Devolución", ar: "طريقة الإرجاع" }
        /// Term: the comment.
        CommentTerm { en: "Your comment", es: "Tu comentario", ar: "تعليقك" }
        /// Heading of the amounts.
        AmountsHeading { en: "What you get back", es: "Lo que recibes", ar: "ما ستسترده" }
        /// Amount: the items' value.
        ItemsValue { en: "Items", es: "Artículos", ar: "المنتجات" }
        /// Amount: restocking fee.
        RestockingFee { en: "Restocking fee", es: "Gastos de reposición", ar: "رسوم إعادة التخزين" }
        /// Amount: return shipping.
        ShippingFee { en: "Return label", es: "Etiqueta de devolución", ar: "ملصق الإرجاع" }
        /// Amount: store-credit bonus.
        Bonus { en: "Store credit bonus", es: "Extra de saldo", ar: "مكافأة الرصيد" }
        /// Amount: refunded.
        RefundTotal { en: "Refund to your original payment", es: "Reembolso a tu forma de pago", ar: "المبلغ المسترد إلى وسيلة الدفع" }
        /// Amount: store credit.
        CreditTotal { en: "Store credit", es: "Saldo en la tienda", ar: "رصيد في المتجر" }
        /// The submit button.
        SubmitButton { en: "Submit return request", es: "Enviar solicitud de devolución", ar: "إرسال طلب الإرجاع" }
        /// The submit button while sending.
        Submitting { en: "Sending your return request…", es: "Enviando tu solicitud…", ar: "جارٍ إرسال طلب الإرجاع…" }
        /// Heading of the confirmation; `{rma}`.
        DoneHeading { en: "Return {rma} requested", es: "Devolución {rma} solicitada", ar: "تم طلب الإرجاع {rma}" }
        /// The RMA spelled out; `{rma}`.
        RmaIs { en: "Your return number is {rma}.", es: "Tu número de devolución es {rma}.", ar: "رقم الإرجاع الخاص بك هو {rma}." }
        /// Heading of what happens next.
        NextHeading { en: "What happens next", es: "Qué pasa ahora", ar: "ما الخطوة التالية" }
        /// Next, by mail.
        NextMail { en: "Print your return label, stick it on the parcel and post it.", es: "Imprime tu etiqueta de devolución, pégala en el paquete y envíalo.", ar: "اطبع ملصق الإرجاع وألصقه على الطرد ثم أرسله بالبريد." }
        /// Next, at a drop-off point.
        NextDropOff { en: "Take the items to a partner drop-off point and show this QR code there.", es: "Lleva los artículos a un punto de entrega asociado y muestra allí este código QR.", ar: "خذ المنتجات إلى نقطة تسليم شريكة وأظهر رمز QR هذا هناك." }
        /// Next, in a shop; `{store}`.
        NextInStore { en: "Bring the items and this QR code to {store}.", es: "Lleva los artículos y este código QR a {store}.", ar: "أحضر المنتجات ورمز QR هذا إلى {store}." }
        /// Next, in a shop whose name is unknown.
        NextInStoreAny { en: "Bring the items and this QR code to the shop you chose.", es: "Lleva los artículos y este código QR a la tienda que elegiste.", ar: "أحضر المنتجات ورمز QR هذا إلى المتجر الذي اخترته." }
        /// How to come back to the status.
        NextStatus { en: "To see how your return is going, look up your order here again.", es: "Para ver cómo va tu devolución, vuelve a buscar tu pedido aquí.", ar: "لمتابعة حالة الإرجاع، ابحث عن طلبك هنا مرة أخرى." }
        /// The label link.
        LabelLink { en: "Print your return label", es: "Imprime tu etiqueta de devolución", ar: "اطبع ملصق الإرجاع" }
        /// Told after a link that opens a new tab.
        OpensInNewTab { en: "(opens in a new tab)", es: "(se abre en una pestaña nueva)", ar: "(يفتح في علامة تبويب جديدة)" }
        /// The QR code's text alternative; `{rma}`.
        QrLabel { en: "QR code for return {rma}", es: "Código QR de la devolución {rma}", ar: "رمز QR للإرجاع {rma}" }
        /// Button to another return from the same order.
        StartAnother { en: "Return something else from this order", es: "Devolver otra cosa de este pedido", ar: "إرجاع شيء آخر من هذا الطلب" }
        /// Button to the lookup form.
        LookUpAnother { en: "Look up another order", es: "Buscar otro pedido", ar: "ابحث عن طلب آخر" }
        /// Button back to a signed-in shopper's orders.
        BackToYourOrders { en: "All your orders", es: "Todos tus pedidos", ar: "كل طلباتك" }
        /// Heading of the order's returns.
        YourReturns { en: "Your returns from this order", es: "Tus devoluciones de este pedido", ar: "مرتجعاتك من هذا الطلب" }
        /// Heading of one return; `{rma}`.
        ReturnHeading { en: "Return {rma}", es: "Devolución {rma}", ar: "الإرجاع {rma}" }
        /// Accessible name of a return's steps.
        ProgressLabel { en: "Progress of the return", es: "Progreso de la devolución", ar: "مراحل الإرجاع" }
        /// Read after a step passed.
        StepDone { en: "(done)", es: "(completado)", ar: "(اكتمل)" }
        /// Status: requested.
        Requested { en: "Requested", es: "Solicitada", ar: "تم الطلب" }
        /// Status: approved.
        Approved { en: "Approved", es: "Aprobada", ar: "تمت الموافقة" }
        /// Status: in transit.
        InTransit { en: "On its way back", es: "De camino", ar: "في طريق العودة" }
        /// Status: received.
        Received { en: "Received", es: "Recibida", ar: "تم الاستلام" }
        /// Status: refunded.
        Refunded { en: "Refunded", es: "Reembolsada", ar: "تم الاسترداد" }
        /// Status: rejected.
        Rejected { en: "Rejected", es: "Rechazada", ar: "مرفوض" }
        /// Why a return was rejected; `{reason}`.
        RejectedBecause { en: "The store said: {reason}", es: "La tienda dijo: {reason}", ar: "قال المتجر: {reason}" }
        /// Where a return was received; `{store}`.
        ReceivedAt { en: "at {store}", es: "en {store}", ar: "في {store}" }
        /// Problem: no item chosen.
        NoItems { en: "Choose at least one item to return", es: "Elige al menos un artículo para devolver", ar: "اختر منتجًا واحدًا على الأقل لإرجاعه" }
        /// Problem: an item twice, or too many.
        TooManyLines { en: "Choose each item once", es: "Elige cada artículo una sola vez", ar: "اختر كل منتج مرة واحدة" }
        /// Problem: no quantity.
        NoQuantity { en: "Enter how many you are returning", es: "Escribe cuántos devuelves", ar: "أدخل عدد ما ترجعه" }
        /// Problem: more than can be returned; `{max}`.
        AtMost { en: "Enter a number from 1 to {max}", es: "Escribe un número de 1 a {max}", ar: "أدخل رقمًا من 1 إلى {max}" }
        /// Problem: no reason.
        NoReason { en: "Choose why you are returning this item", es: "Elige por qué devuelves este artículo", ar: "اختر سبب إرجاع هذا المنتج" }
        /// Problem: no sub-reason.
        NoSubReason { en: "Choose what was wrong", es: "Elige qué pasaba", ar: "اختر ما كانت المشكلة" }
        /// Problem: no outcome.
        NoOutcome { en: "Choose a refund, store credit or an exchange", es: "Elige un reembolso, saldo o un cambio", ar: "اختر استرداد المبلغ أو رصيدًا في المتجر أو الاستبدال" }
        /// Problem: no exchange variant.
        NoExchangeVariant { en: "Choose the variant you want instead", es: "Elige la variante que quieres a cambio", ar: "اختر النوع الذي تريده بدلًا منه" }
        /// Problem: no photo.
        NoPhoto { en: "Add a photo that shows the problem", es: "Añade una foto que muestre el problema", ar: "أضف صورة تُظهر المشكلة" }
        /// Problem: the photo is still uploading.
        PhotoWait { en: "Wait until your photo has been added", es: "Espera a que se añada tu foto", ar: "انتظر حتى تتم إضافة صورتك" }
        /// Problem: not an image the store takes.
        PhotoType { en: "Choose a PNG, JPEG, GIF or WebP image", es: "Elige una imagen PNG, JPEG, GIF o WebP", ar: "اختر صورة PNG أو JPEG أو GIF أو WebP" }
        /// Problem: the photo is too large.
        PhotoSize { en: "Choose a photo of 5 MB or less", es: "Elige una foto de 5 MB como máximo", ar: "اختر صورة بحجم 5 ميغابايت أو أقل" }
        /// Problem: no method.
        NoMethod { en: "Choose how you will send the items back", es: "Elige cómo devolverás los artículos", ar: "اختر طريقة إرسال المنتجات" }
        /// Problem: no shop.
        NoStore { en: "Choose the shop you will bring the items to", es: "Elige la tienda a la que llevarás los artículos", ar: "اختر المتجر الذي ستحضر المنتجات إليه" }
        /// Problem: the comment is too long; `{max}`.
        CommentTooLong { en: "Your comment must be {max} characters or fewer", es: "Tu comentario debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد تعليقك عن {max} حرفًا" }
    }
}
