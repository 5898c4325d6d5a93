//! Everything the live chat says, in English, Spanish and Arabic.

use crate::catalogue;

catalogue! {
    /// Texts of `<sf-live-chat>`.
    pub enum LiveChatMsg {
        /// The launcher's label and the pane's heading.
        Title { en: "Chat with us", es: "Habla con nosotros", ar: "تحدث معنا" }
        /// Read after the launcher's label; `{count}` agent messages arrived while closed.
        Unread { en: "{count} unread messages", es: "{count} mensajes sin leer", ar: "رسائل غير مقروءة: {count}" }
        /// The pane's close button.
        Close { en: "Close chat", es: "Cerrar el chat", ar: "إغلاق المحادثة" }
        /// The order the chat is about; `{number}`.
        AboutOrder { en: "About order {number}", es: "Sobre el pedido {number}", ar: "بخصوص الطلب {number}" }
        /// Shown when the chat was opened from a help article.
        AboutArticle { en: "About the article “{title}”", es: "Sobre el artículo «{title}»", ar: "بخصوص المقالة «{title}»" }
        /// What the pre-chat step is for, when agents are online; `{minutes}`.
        Intro { en: "Tell us how we can help. We usually reply within {minutes} minutes.", es: "Cuéntanos cómo podemos ayudarte. Solemos responder en {minutes} minutos.", ar: "أخبرنا كيف يمكننا مساعدتك. نرد عادةً خلال {minutes} دقيقة." }
        /// Nobody can answer now; `{minutes}`.
        Away { en: "No one is available to chat right now. Leave a message and we'll reply by email, usually within {minutes} minutes.", es: "Ahora mismo no hay nadie disponible. Déjanos un mensaje y te responderemos por correo, normalmente en {minutes} minutos.", ar: "لا يوجد أحد متاح للمحادثة الآن. اترك رسالة وسنرد عليك بالبريد الإلكتروني، عادةً خلال {minutes} دقيقة." }
        /// Heading of help articles offered while nobody can answer.
        SuggestionsHeading { en: "While you wait, these articles might help", es: "Mientras esperas, estos artículos pueden ayudarte", ar: "أثناء الانتظار، قد تفيدك هذه المقالات" }
        /// Heading of the pre-chat step.
        StartHeading { en: "Start a conversation", es: "Empieza una conversación", ar: "ابدأ محادثة" }
        /// Label of the optional name field.
        NameLabel { en: "Your name (optional)", es: "Tu nombre (opcional)", ar: "اسمك (اختياري)" }
        /// The name is too long.
        NameTooLong { en: "Name must be 100 characters or fewer", es: "El nombre debe tener 100 caracteres como máximo", ar: "يجب ألا يزيد الاسم عن 100 حرف" }
        /// Label of the first message and of the message box.
        MessageLabel { en: "Your message", es: "Tu mensaje", ar: "رسالتك" }
        /// The message was left empty.
        MessageMissing { en: "Enter a message", es: "Escribe un mensaje", ar: "اكتب رسالة" }
        /// The message is too long.
        MessageTooLong { en: "Message must be 2000 characters or fewer", es: "El mensaje debe tener 2000 caracteres como máximo", ar: "يجب ألا تزيد الرسالة عن 2000 حرف" }
        /// The pre-chat step's button.
        StartButton { en: "Start chat", es: "Empezar el chat", ar: "ابدأ المحادثة" }
        /// The pre-chat button while the request runs.
        Starting { en: "Starting chat…", es: "Empezando el chat…", ar: "جارٍ بدء المحادثة…" }
        /// The token ran out: a new conversation is needed.
        Expired { en: "This chat has ended. Send a new message if you still need help.", es: "Este chat ha terminado. Envía un mensaje nuevo si aún necesitas ayuda.", ar: "انتهت هذه المحادثة. أرسل رسالة جديدة إن كنت لا تزال بحاجة إلى مساعدة." }
        /// Accessible name of the transcript.
        LogLabel { en: "Conversation", es: "Conversación", ar: "المحادثة" }
        /// Author of the shopper's messages.
        You { en: "You", es: "Tú", ar: "أنت" }
        /// Author of an agent's message without a name.
        Agent { en: "Support", es: "Atención al cliente", ar: "الدعم" }
        /// A message on its way.
        Sending { en: "Sending…", es: "Enviando…", ar: "جارٍ الإرسال…" }
        /// A message stored.
        Sent { en: "Sent", es: "Enviado", ar: "تم الإرسال" }
        /// A message an agent received.
        Delivered { en: "Delivered", es: "Entregado", ar: "تم التسليم" }
        /// A message an agent read.
        Read { en: "Read", es: "Leído", ar: "تمت القراءة" }
        /// A message that did not go out.
        NotSent { en: "Not sent", es: "No enviado", ar: "لم يُرسل" }
        /// Button sending a failed message again.
        Retry { en: "Retry", es: "Reintentar", ar: "إعادة المحاولة" }
        /// Alert: the server could not be reached for a while.
        FailedOffline { en: "We couldn't send your message. Check your connection, then retry.", es: "No pudimos enviar tu mensaje. Revisa tu conexión y vuelve a intentarlo.", ar: "تعذر إرسال رسالتك. تحقق من اتصالك ثم أعد المحاولة." }
        /// Alert: messages sent too fast.
        FailedTooFast { en: "You're sending messages too quickly. Wait a moment, then retry.", es: "Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a intentarlo.", ar: "أنت ترسل الرسائل بسرعة كبيرة. انتظر لحظة ثم أعد المحاولة." }
        /// Alert: the server refused a message for another reason.
        FailedRefused { en: "We couldn't send your message. Change it, then retry.", es: "No pudimos enviar tu mensaje. Cámbialo y vuelve a intentarlo.", ar: "تعذر إرسال رسالتك. عدّلها ثم أعد المحاولة." }
        /// The socket dropped and is being opened again.
        Reconnecting { en: "Reconnecting…", es: "Reconectando…", ar: "جارٍ إعادة الاتصال…" }
        /// An agent is typing.
        AgentTyping { en: "Agent is typing…", es: "El agente está escribiendo…", ar: "الموظف يكتب…" }
        /// Button sending a message.
        SendButton { en: "Send", es: "Enviar", ar: "إرسال" }
        /// The conversation was closed by an agent.
        Ended { en: "This conversation has ended.", es: "Esta conversación ha terminado.", ar: "انتهت هذه المحادثة." }
        /// Legend of the rating.
        RatingLegend { en: "How was this conversation?", es: "¿Qué tal fue esta conversación?", ar: "كيف كانت هذه المحادثة؟" }
        /// Rating 1.
        Stars1 { en: "1 – Very poor", es: "1 – Muy mala", ar: "1 – سيئة جدًا" }
        /// Rating 2.
        Stars2 { en: "2 – Poor", es: "2 – Mala", ar: "2 – سيئة" }
        /// Rating 3.
        Stars3 { en: "3 – OK", es: "3 – Normal", ar: "3 – مقبولة" }
        /// Rating 4.
        Stars4 { en: "4 – Good", es: "4 – Buena", ar: "4 – جيدة" }
        /// Rating 5.
        Stars5 { en: "5 – Excellent", es: "5 – Excelente", ar: "5 – ممتازة" }
        /// No rating chosen.
        RatingMissing { en: "Choose a rating from 1 to 5", es: "Elige una valoración del 1 al 5", ar: "اختر تقييمًا من 1 إلى 5" }
        /// Label of the rating's comment.
        CommentLabel { en: "Anything else you'd like to tell us? (optional)", es: "¿Algo más que quieras contarnos? (opcional)", ar: "هل هناك ما تود إخبارنا به؟ (اختياري)" }
        /// The comment is too long.
        CommentTooLong { en: "Comment must be 1000 characters or fewer", es: "El comentario debe tener 1000 caracteres como máximo", ar: "يجب ألا يزيد التعليق عن 1000 حرف" }
        /// The rating's button.
        RateButton { en: "Send rating", es: "Enviar valoración", ar: "إرسال التقييم" }
        /// The switch of the sound for new messages (a toggle button, pressed when on).
        Sound { en: "Sound for new messages", es: "Sonido para mensajes nuevos", ar: "صوت للرسائل الجديدة" }
        /// Label of the image picker.
        AttachImage { en: "Add an image (optional)", es: "Añadir una imagen (opcional)", ar: "أضف صورة (اختياري)" }
        /// Hint of the image picker.
        ImageHint { en: "A PNG, JPEG, GIF or WebP image of up to 5 MB. It is sent as soon as you choose it.", es: "Una imagen PNG, JPEG, GIF o WebP de hasta 5 MB. Se envía en cuanto la eliges.", ar: "صورة PNG أو JPEG أو GIF أو WebP حتى 5 ميغابايت. تُرسل فور اختيارها." }
        /// An image is on its way.
        ImageSending { en: "Sending your image…", es: "Enviando tu imagen…", ar: "جارٍ إرسال صورتك…" }
        /// The image is too large.
        ImageTooLarge { en: "Choose an image of 5 MB or less", es: "Elige una imagen de 5 MB o menos", ar: "اختر صورة بحجم 5 ميغابايت أو أقل" }
        /// The file is not an image of a format taken.
        ImageNotSupported { en: "Choose a PNG, JPEG, GIF or WebP image", es: "Elige una imagen PNG, JPEG, GIF o WebP", ar: "اختر صورة بصيغة PNG أو JPEG أو GIF أو WebP" }
        /// The conversation holds its images already.
        ImageLimit { en: "This conversation already has 10 images. Describe the rest in a message", es: "Esta conversación ya tiene 10 imágenes. Describe el resto en un mensaje", ar: "تحتوي هذه المحادثة على 10 صور بالفعل. صف الباقي في رسالة" }
        /// The image could not be sent.
        ImageFailed { en: "We couldn't send your image. Check your connection, then choose it again", es: "No pudimos enviar tu imagen. Comprueba tu conexión y vuelve a elegirla", ar: "تعذر إرسال صورتك. تحقق من اتصالك ثم اخترها مرة أخرى" }
        /// Text alternative of the shopper's own image.
        ImageFromYou { en: "Your image (opens in a new tab)", es: "Tu imagen (se abre en una pestaña nueva)", ar: "صورتك (تفتح في علامة تبويب جديدة)" }
        /// Text alternative of an agent's image.
        ImageFrom { en: "Image from {author} (opens in a new tab)", es: "Imagen de {author} (se abre en una pestaña nueva)", ar: "صورة من {author} (تفتح في علامة تبويب جديدة)" }
        /// The conversation's part of the chat could not be fetched.
        ConversationUnavailable { en: "We couldn't load your conversation. Check your connection.", es: "No pudimos cargar tu conversación. Comprueba tu conexión.", ar: "تعذر تحميل محادثتك. تحقق من اتصالك." }
        /// Button fetching it again.
        TryAgain { en: "Try again", es: "Intentar de nuevo", ar: "حاول مرة أخرى" }
        /// After rating.
        Thanks { en: "Thank you for your feedback.", es: "Gracias por tu opinión.", ar: "شكرًا لك على رأيك." }
    }
}
