//! Everything the shipment tracker says, in English, Spanish and Arabic.

use crate::catalogue;

catalogue! {
    /// Texts of the shipment tracker.
    pub enum TrackerMsg {
        /// Accessible name of the whole tracker.
        Label { en: "Order tracking", es: "Seguimiento del pedido", ar: "تتبع الطلب" }
        /// A signed link from an email is being opened.
        OpeningLink { en: "Opening your order…", es: "Abriendo tu pedido…", ar: "جارٍ فتح طلبك…" }
        /// A signed link expired or was altered.
        LinkInvalid { en: "This link has expired or isn't valid. Enter your order number and email address to see your order.", es: "Este enlace ha caducado o no es válido. Escribe tu número de pedido y tu correo para ver tu pedido.", ar: "انتهت صلاحية هذا الرابط أو أنه غير صالح. أدخل رقم طلبك وبريدك الإلكتروني لعرض طلبك." }
        /// A shopper signed in to the store: their orders are being fetched.
        OpeningCustomer { en: "Opening your orders…", es: "Abriendo tus pedidos…", ar: "جارٍ فتح طلباتك…" }
        /// The store's sign-in could not be confirmed (expired or altered).
        CustomerInvalid { en: "We couldn't confirm your account just now. Enter your order number and email address to see your order.", es: "No pudimos confirmar tu cuenta en este momento. Escribe tu número de pedido y tu correo para ver tu pedido.", ar: "تعذر تأكيد حسابك الآن. أدخل رقم طلبك وبريدك الإلكتروني لعرض طلبك." }
        /// Heading of a signed-in shopper's order list.
        YourOrders { en: "Your orders", es: "Tus pedidos", ar: "طلباتك" }
        /// A signed-in shopper with no orders yet.
        NoOrdersYet { en: "You have no orders to track yet. An order placed as a guest can be found with its number and email address.", es: "Aún no tienes pedidos para seguir. Un pedido hecho como invitado se encuentra con su número y tu correo.", ar: "ليس لديك طلبات لتتبعها بعد. يمكن العثور على طلب تم كضيف برقمه وبريدك الإلكتروني." }
        /// Button to find an order placed as a guest.
        FindGuestOrder { en: "Find an order by its number", es: "Buscar un pedido por su número", ar: "ابحث عن طلب برقمه" }
        /// Button back from an order to the signed-in shopper's list.
        BackToYourOrders { en: "All your orders", es: "Todos tus pedidos", ar: "كل طلباتك" }
        /// The part of the tracker that shows orders could not be downloaded.
        TrackerUnavailable { en: "We couldn't load your order just now. Check your connection and try again.", es: "No pudimos cargar tu pedido en este momento. Revisa tu conexión e inténtalo de nuevo.", ar: "تعذر تحميل طلبك الآن. تحقق من اتصالك وحاول مرة أخرى." }
        /// An order chosen from the list is loading.
        LoadingOrder { en: "Loading your order…", es: "Cargando tu pedido…", ar: "جارٍ تحميل طلبك…" }
        /// Heading of a found order; `{number}`.
        OrderHeading { en: "Order {number}", es: "Pedido {number}", ar: "الطلب {number}" }
        /// When the order was placed; `{date}`.
        PlacedOn { en: "Placed {date}", es: "Realizado el {date}", ar: "تم الطلب في {date}" }
        /// Button back to the lookup form.
        LookUpAnother { en: "Look up another order", es: "Buscar otro pedido", ar: "ابحث عن طلب آخر" }
        /// Heading of one package; `{index}` of `{count}`.
        PackageHeading { en: "Package {index} of {count}", es: "Paquete {index} de {count}", ar: "الطرد {index} من {count}" }
        /// Term: the carrier.
        CarrierTerm { en: "Carrier", es: "Transportista", ar: "شركة الشحن" }
        /// Term: the tracking number.
        TrackingNumberTerm { en: "Tracking number", es: "Número de seguimiento", ar: "رقم التتبع" }
        /// Link to the carrier's page; `{carrier}`.
        CarrierLink { en: "Track on the {carrier} website", es: "Seguir en la web de {carrier}", ar: "تتبّع على موقع {carrier}" }
        /// Told to screen readers after a link that opens a new tab.
        OpensInNewTab { en: "(opens in a new tab)", es: "(se abre en una pestaña nueva)", ar: "(يفتح في علامة تبويب جديدة)" }
        /// Accessible name of the progress steps.
        ProgressLabel { en: "Delivery progress", es: "Progreso de la entrega", ar: "مراحل التوصيل" }
        /// Read after a step already passed.
        StepDone { en: "(done)", es: "(completado)", ar: "(اكتمل)" }
        /// Step: ordered.
        StepOrdered { en: "Ordered", es: "Pedido", ar: "تم الطلب" }
        /// Step: handed to the carrier.
        StepShipped { en: "Shipped", es: "Enviado", ar: "تم الشحن" }
        /// Step: on its way.
        StepInTransit { en: "In transit", es: "En tránsito", ar: "في الطريق" }
        /// Step: on the van.
        StepOutForDelivery { en: "Out for delivery", es: "En reparto", ar: "خرج للتوصيل" }
        /// Step: delivered.
        StepDelivered { en: "Delivered", es: "Entregado", ar: "تم التوصيل" }
        /// Step: waiting at the store.
        StepReadyForPickup { en: "Ready for pickup", es: "Listo para recoger", ar: "جاهز للاستلام" }
        /// Term: the current status.
        StatusTerm { en: "Status", es: "Estado", ar: "الحالة" }
        /// Status: pending.
        StatusPending { en: "Order received, not shipped yet", es: "Pedido recibido, aún sin enviar", ar: "تم استلام الطلب ولم يُشحن بعد" }
        /// Status: info received.
        StatusInfoReceived { en: "Label created, waiting for the carrier to collect it", es: "Etiqueta creada, esperando a que el transportista lo recoja", ar: "تم إنشاء الملصق، بانتظار استلامه من شركة الشحن" }
        /// Status: in transit.
        StatusInTransit { en: "In transit", es: "En tránsito", ar: "في الطريق" }
        /// Status: out for delivery.
        StatusOutForDelivery { en: "Out for delivery today", es: "En reparto hoy", ar: "خرج للتوصيل اليوم" }
        /// Status: available for pickup.
        StatusAvailableForPickup { en: "Ready for pickup", es: "Listo para recoger", ar: "جاهز للاستلام" }
        /// Status: attempt failed.
        StatusAttemptFailed { en: "Delivery attempt failed", es: "Intento de entrega fallido", ar: "تعذرت محاولة التوصيل" }
        /// Status: delivered.
        StatusDelivered { en: "Delivered", es: "Entregado", ar: "تم التوصيل" }
        /// Status: exception.
        StatusException { en: "There is a problem with this delivery", es: "Hay un problema con esta entrega", ar: "توجد مشكلة في هذا التوصيل" }
        /// Status: expired.
        StatusExpired { en: "Tracking is no longer updated", es: "El seguimiento ya no se actualiza", ar: "لم يعد التتبع يُحدَّث" }
        /// Term: the delivery estimate.
        EstimateTerm { en: "Estimated delivery", es: "Entrega estimada", ar: "موعد التوصيل المتوقع" }
        /// The estimate moved; `{date}` is the old one.
        EstimateWas { en: "changed, was {date}", es: "ha cambiado, antes {date}", ar: "تغيّر، كان {date}" }
        /// Heading of the event list.
        TimelineHeading { en: "Tracking history, newest first", es: "Historial de seguimiento, lo más reciente primero", ar: "سجل التتبع، الأحدث أولًا" }
        /// No carrier events yet.
        NoEvents { en: "No news from the carrier yet.", es: "Aún no hay noticias del transportista.", ar: "لا توجد أخبار من شركة الشحن بعد." }
        /// Heading of a package's contents.
        ItemsHeading { en: "In this package", es: "En este paquete", ar: "في هذا الطرد" }
        /// Heading of items not shipped yet.
        UnshippedHeading { en: "Not shipped yet", es: "Aún sin enviar", ar: "لم يُشحن بعد" }
        /// No packages and no items.
        NothingShipped { en: "Nothing has shipped yet. We'll show each package here as soon as it leaves.", es: "Aún no se ha enviado nada. Mostraremos cada paquete aquí en cuanto salga.", ar: "لم يُشحن شيء بعد. سنعرض كل طرد هنا فور خروجه." }
        /// One line of an order; `{quantity}`, `{name}`.
        ItemLine { en: "{quantity} × {name}", es: "{quantity} × {name}", ar: "{quantity} × {name}" }
        /// Pickup order ready; `{store}`.
        PickupReady { en: "Ready for pickup at {store}", es: "Listo para recoger en {store}", ar: "جاهز للاستلام في {store}" }
        /// Pickup order not ready yet; `{store}`.
        PickupPreparing { en: "Being prepared for pickup at {store}. We'll tell you when it's ready.", es: "Lo estamos preparando para recoger en {store}. Te avisaremos cuando esté listo.", ar: "يجري تجهيزه للاستلام في {store}. سنخبرك عندما يصبح جاهزًا." }
        /// Term: store address.
        AddressTerm { en: "Address", es: "Dirección", ar: "العنوان" }
        /// Term: opening hours.
        OpeningHoursTerm { en: "Open", es: "Horario", ar: "ساعات العمل" }
        /// Term: the pickup code.
        PickupCodeTerm { en: "Pickup code", es: "Código de recogida", ar: "رمز الاستلام" }
        /// What to do with the pickup code.
        PickupCodeHint { en: "Show this code at the counter.", es: "Muestra este código en el mostrador.", ar: "أظهر هذا الرمز عند المنضدة." }
        /// Button opening the chat about this order.
        ChatAboutOrder { en: "Chat with us about this order", es: "Habla con nosotros sobre este pedido", ar: "تحدث معنا بشأن هذا الطلب" }
        /// Problem: failed attempt.
        AdviceAttemptFailed { en: "The carrier tried to deliver but couldn't. They usually try again on the next working day; the carrier's website lets you choose another day or a pickup point.", es: "El transportista intentó entregarlo sin éxito. Suele volver a intentarlo el siguiente día laborable; en su web puedes elegir otro día o un punto de recogida.", ar: "حاولت شركة الشحن التوصيل ولم تتمكن. عادةً تعيد المحاولة في يوم العمل التالي، ويمكنك من موقعها اختيار يوم آخر أو نقطة استلام." }
        /// Problem: address issue.
        AdviceAddressIssue { en: "The carrier can't find the delivery address. Chat with us so we can give them the right one.", es: "El transportista no encuentra la dirección de entrega. Habla con nosotros para que les demos la correcta.", ar: "لا تستطيع شركة الشحن العثور على عنوان التوصيل. تحدث معنا لنزودها بالعنوان الصحيح." }
        /// Problem: customs.
        AdviceCustoms { en: "The package is held at customs. They may need a document or a fee; the carrier's website says what. Chat with us if you need help.", es: "El paquete está retenido en aduanas. Puede que necesiten un documento o un pago; la web del transportista lo indica. Habla con nosotros si necesitas ayuda.", ar: "الطرد محتجز في الجمارك. قد يلزم مستند أو رسوم، ويوضح موقع شركة الشحن ذلك. تحدث معنا إن احتجت مساعدة." }
        /// Problem: damaged.
        AdviceDamaged { en: "The package was damaged on its way. Chat with us and we'll send a replacement or refund you.", es: "El paquete se dañó por el camino. Habla con nosotros y te enviaremos otro o te devolveremos el dinero.", ar: "تضرر الطرد في الطريق. تحدث معنا وسنرسل بديلًا أو نعيد إليك المبلغ." }
        /// Problem: lost.
        AdviceLost { en: "The carrier has lost the package. Chat with us and we'll send a replacement or refund you.", es: "El transportista ha perdido el paquete. Habla con nosotros y te enviaremos otro o te devolveremos el dinero.", ar: "فقدت شركة الشحن الطرد. تحدث معنا وسنرسل بديلًا أو نعيد إليك المبلغ." }
        /// Problem: returned to sender.
        AdviceReturned { en: "The package is on its way back to us. Chat with us to have it sent again or refunded.", es: "El paquete está volviendo a nosotros. Habla con nosotros para que lo reenviemos o te lo reembolsemos.", ar: "الطرد في طريق عودته إلينا. تحدث معنا لإعادة إرساله أو استرداد المبلغ." }
        /// Problem: refused.
        AdviceRefused { en: "The delivery was refused, so the package will come back to us. If that wasn't you, chat with us.", es: "Se rechazó la entrega, así que el paquete volverá a nosotros. Si no fuiste tú, habla con nosotros.", ar: "رُفض استلام الطرد، لذا سيعود إلينا. إن لم تكن أنت من رفضه فتحدث معنا." }
        /// Problem: delayed.
        AdviceDelayed { en: "The carrier reports a delay. The package is still on its way; the estimate above is their latest.", es: "El transportista informa de un retraso. El paquete sigue en camino; la estimación de arriba es la más reciente.", ar: "تبلغ شركة الشحن عن تأخير. لا يزال الطرد في الطريق، والموعد المتوقع أعلاه هو أحدث ما لديها." }
        /// Problem: cancelled by the carrier.
        AdviceCancelled { en: "The carrier cancelled this delivery. Chat with us and we'll arrange it again.", es: "El transportista canceló esta entrega. Habla con nosotros y la organizaremos de nuevo.", ar: "ألغت شركة الشحن هذا التوصيل. تحدث معنا وسنرتبه من جديد." }
        /// Problem: exception without a known reason.
        AdviceOther { en: "The carrier reported a problem with this delivery. Chat with us and we'll find out what happened.", es: "El transportista informó de un problema con esta entrega. Habla con nosotros y averiguaremos qué pasó.", ar: "أبلغت شركة الشحن عن مشكلة في هذا التوصيل. تحدث معنا وسنعرف ما حدث." }
        /// Problem: the carrier stopped reporting.
        AdviceExpired { en: "The carrier stopped updating this tracking. If the package hasn't arrived, chat with us and we'll look into it.", es: "El transportista dejó de actualizar este seguimiento. Si el paquete no ha llegado, habla con nosotros y lo revisaremos.", ar: "توقفت شركة الشحن عن تحديث هذا التتبع. إن لم يصل الطرد فتحدث معنا وسنتحقق من الأمر." }
        /// Problem: no event for days.
        AdviceStale { en: "We haven't heard from the carrier for more than 3 days. Tracking sometimes pauses between scans, but if you're worried, chat with us and we'll ask them.", es: "No tenemos noticias del transportista desde hace más de 3 días. A veces el seguimiento se detiene entre escaneos, pero si te preocupa, habla con nosotros y les preguntaremos.", ar: "لم تصلنا أخبار من شركة الشحن منذ أكثر من 3 أيام. قد يتوقف التتبع أحيانًا بين عمليات المسح، لكن إن كنت قلقًا فتحدث معنا وسنسألهم." }
        /// Heading of the notifications form.
        NotifyHeading { en: "Get updates about this order", es: "Recibe novedades de este pedido", ar: "احصل على تحديثات هذا الطلب" }
        /// What the notifications form does.
        NotifyIntro { en: "We'll send a message each time a package's status changes. Leave a field empty to turn that channel off.", es: "Te enviaremos un mensaje cada vez que cambie el estado de un paquete. Deja un campo vacío para desactivar ese canal.", ar: "سنرسل رسالة كلما تغيرت حالة أحد الطرود. اترك الحقل فارغًا لإيقاف تلك القناة." }
        /// Label of the SMS field.
        SmsLabel { en: "Mobile number for text messages, like +44 7700 900123", es: "Móvil para mensajes de texto, como +34 612 345 678", ar: "رقم الجوال للرسائل النصية، مثل ‎+971 50 123 4567" }
        /// The SMS field is not a phone number.
        SmsInvalid { en: "Enter a mobile number in international format, like +44 7700 900123", es: "Escribe un móvil en formato internacional, como +34 612 345 678", ar: "أدخل رقم جوال بالصيغة الدولية، مثل ‎+971 50 123 4567" }
        /// The notifications button.
        SaveNotifications { en: "Save update settings", es: "Guardar avisos", ar: "حفظ إعدادات التحديثات" }
        /// The notifications were saved, with at least one channel.
        NotificationsOn { en: "Saved. We'll send updates about this order.", es: "Guardado. Te enviaremos novedades de este pedido.", ar: "تم الحفظ. سنرسل لك تحديثات هذا الطلب." }
        /// The notifications were saved with no channel.
        NotificationsOff { en: "Saved. We won't send updates about this order.", es: "Guardado. No te enviaremos novedades de este pedido.", ar: "تم الحفظ. لن نرسل لك تحديثات هذا الطلب." }
        /// The token ran out while the tracker was open.
        SessionEnded { en: "For your security this order view has ended. Look up your order again to continue.", es: "Por seguridad, esta vista del pedido ha terminado. Vuelve a buscar tu pedido para continuar.", ar: "لأمانك انتهت جلسة عرض هذا الطلب. ابحث عن طلبك مرة أخرى للمتابعة." }
        /// Announced when a package's status changes; `{package}`, `{status}`.
        StatusChanged { en: "Update for package {package}: {status}", es: "Novedad del paquete {package}: {status}", ar: "تحديث للطرد {package}: {status}" }
        /// The live-updates connection dropped and the browser is reconnecting.
        Reconnecting { en: "Reconnecting to live updates…", es: "Reconectando con las novedades en directo…", ar: "جارٍ إعادة الاتصال بالتحديثات المباشرة…" }
        /// A refresh after a live update failed.
        RefreshFailed { en: "We couldn't load the latest tracking.", es: "No pudimos cargar el seguimiento más reciente.", ar: "تعذر تحميل أحدث بيانات التتبع." }
        /// Button to try loading again.
        TryAgain { en: "Try again", es: "Intentar de nuevo", ar: "حاول مرة أخرى" }
    }
}
