//! What the support desk says.

use sf_components::catalogue;

catalogue! {
    /// Texts of the support desk.
    pub enum DeskMsg {
        /// Heading of the desk.
        Heading { en: "Support desk", es: "Mesa de soporte", ar: "مكتب الدعم" }
        /// Heading of the desk's sign-in form.
        SignInHeading { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
        /// Label of the password field.
        PasswordLabel { en: "Password", es: "Contraseña", ar: "كلمة المرور" }
        /// The sign-in button.
        SignInButton { en: "Sign in", es: "Iniciar sesión", ar: "تسجيل الدخول" }
        /// Shown while signing in.
        SigningIn { en: "Signing in…", es: "Iniciando sesión…", ar: "جارٍ تسجيل الدخول…" }
        /// The sign-out button.
        SignOutButton { en: "Sign out", es: "Cerrar sesión", ar: "تسجيل الخروج" }
        /// Greeting of a signed-in agent; `{name}` is their display name.
        SignedInAs { en: "Signed in as {name}", es: "Sesión iniciada como {name}", ar: "تم تسجيل الدخول باسم {name}" }
        /// Heading of the desk's chat.
        ChatHeading { en: "Live chat", es: "Chat en vivo", ar: "الدردشة المباشرة" }
        /// The agent's availability switch.
        AvailableForChats { en: "Available for chats", es: "Disponible para chats", ar: "متاح للدردشة" }
        /// Accessible name of the inbox's views.
        InboxLabel { en: "Conversations to show", es: "Conversaciones que mostrar", ar: "المحادثات المعروضة" }
        /// Open conversations nobody has taken.
        ViewUnassigned { en: "Unassigned", es: "Sin asignar", ar: "غير مسندة" }
        /// Open conversations of this agent.
        ViewMine { en: "Mine", es: "Mías", ar: "محادثاتي" }
        /// Every open conversation.
        ViewAll { en: "All open", es: "Todas las abiertas", ar: "كل المفتوحة" }
        /// Closed conversations.
        ViewClosed { en: "Closed", es: "Cerradas", ar: "المغلقة" }
        /// An inbox view with nothing in it.
        InboxEmpty { en: "No conversations here.", es: "No hay conversaciones aquí.", ar: "لا توجد محادثات هنا." }
        /// The inbox could not be read.
        InboxFailed { en: "The conversations could not be loaded. They will be tried again when something changes.", es: "No se pudieron cargar las conversaciones. Se volverá a intentar cuando algo cambie.", ar: "تعذر تحميل المحادثات. ستتم المحاولة مرة أخرى عند حدوث أي تغيير." }
        /// Unread messages of a conversation; `{count}`.
        Unread { en: "{count} unread", es: "{count} sin leer", ar: "{count} غير مقروءة" }
        /// Heading of an open conversation; `{name}`.
        ConversationWith { en: "Conversation with {name}", es: "Conversación con {name}", ar: "محادثة مع {name}" }
        /// Term: the shopper's email.
        EmailTerm { en: "Email", es: "Correo", ar: "البريد الإلكتروني" }
        /// Term: the order attached.
        OrderTerm { en: "Order", es: "Pedido", ar: "الطلب" }
        /// The help article the shopper read before asking.
        ArticleTerm { en: "Read before asking", es: "Leyó antes de preguntar", ar: "قرأ قبل السؤال" }
        /// What the shopper searched the help centre for.
        SearchesTerm { en: "Searched the help centre for", es: "Buscó en el centro de ayuda", ar: "بحث في مركز المساعدة عن" }
        /// Accessible name of the transcript.
        TranscriptLabel { en: "Messages", es: "Mensajes", ar: "الرسائل" }
        /// The preview of a conversation whose last message is an image alone.
        ImagePreview { en: "(an image)", es: "(una imagen)", ar: "(صورة)" }
        /// Author of the shopper's messages.
        AuthorShopper { en: "Shopper", es: "Cliente", ar: "العميل" }
        /// A reply not stored yet.
        Sending { en: "Sending…", es: "Enviando…", ar: "جارٍ الإرسال…" }
        /// The shopper is typing.
        ShopperTyping { en: "The shopper is typing…", es: "El cliente está escribiendo…", ar: "العميل يكتب…" }
        /// The conversation is closed.
        ConversationClosed { en: "This conversation is closed.", es: "Esta conversación está cerrada.", ar: "هذه المحادثة مغلقة." }
        /// Label of the reply box.
        ReplyLabel { en: "Reply", es: "Respuesta", ar: "الرد" }
        /// The send button.
        SendReply { en: "Send reply", es: "Enviar respuesta", ar: "إرسال الرد" }
        /// Label of the agent to give the conversation to.
        AssignTo { en: "Assign to", es: "Asignar a", ar: "إسناد إلى" }
        /// The signed-in agent in the list of agents; `{name}`.
        Me { en: "{name} (me)", es: "{name} (yo)", ar: "{name} (أنا)" }
        /// The button giving the conversation to the agent chosen.
        Assign { en: "Assign", es: "Asignar", ar: "إسناد" }
        /// Close the conversation.
        CloseConversation { en: "Close conversation", es: "Cerrar conversación", ar: "إغلاق المحادثة" }
        /// Reopen the conversation.
        Reopen { en: "Reopen conversation", es: "Reabrir conversación", ar: "إعادة فتح المحادثة" }
        /// Heading of the shopper's timeline beside a conversation.
        TimelineHeading { en: "About this shopper", es: "Sobre este cliente", ar: "عن هذا العميل" }
        /// Nothing else is known of the shopper.
        TimelineEmpty { en: "No orders, returns, reviews, notes or earlier conversations.", es: "Sin pedidos, devoluciones, opiniones, notas ni conversaciones anteriores.", ar: "لا توجد طلبات أو مرتجعات أو مراجعات أو ملاحظات أو محادثات سابقة." }
        /// One of the shopper's returns on the timeline; `{rma}`, `{number}` of its order.
        TimelineReturnEntry { en: "Return {rma} (order {number})", es: "Devolución {rma} (pedido {number})", ar: "المرتجع {rma} (الطلب {number})" }
        /// One of the shopper's orders; `{number}`, `{date}`.
        TimelineOrder { en: "Order {number}, placed {date}", es: "Pedido {number}, realizado el {date}", ar: "الطلب {number}، بتاريخ {date}" }
        /// Another conversation of the shopper; `{date}` of its last message.
        TimelineConversation { en: "Conversation, {date}", es: "Conversación, {date}", ar: "محادثة، {date}" }
        /// The timeline could not be read.
        TimelineFailed { en: "What we know of this shopper could not be loaded.", es: "No se pudo cargar lo que sabemos de este cliente.", ar: "تعذر تحميل معلومات هذا العميل." }
        /// An agent's note on the timeline; `{channel}`, `{date}`, `{agent}`.
        TimelineNote { en: "{channel}, {date} ({agent})", es: "{channel}, {date} ({agent})", ar: "{channel}، {date} ({agent})" }
        /// Label of where a noted contact happened.
        NoteChannelLabel { en: "Contact made", es: "Contacto realizado", ar: "طريقة التواصل" }
        /// A contact at a store's counter.
        ChannelStore { en: "In a store", es: "En una tienda", ar: "في متجر" }
        /// A contact by phone.
        ChannelPhone { en: "By phone", es: "Por teléfono", ar: "عبر الهاتف" }
        /// Any other contact.
        ChannelOther { en: "Elsewhere", es: "En otro lugar", ar: "في مكان آخر" }
        /// Label of the note's text.
        NoteLabel { en: "Note", es: "Nota", ar: "ملاحظة" }
        /// The button adding a note.
        AddNote { en: "Add note", es: "Añadir nota", ar: "إضافة ملاحظة" }
        /// A note could not be added.
        NoteFailed { en: "The note was not added. Write what happened, then try again.", es: "No se añadió la nota. Escribe lo que ocurrió e inténtalo de nuevo.", ar: "لم تتم إضافة الملاحظة. اكتب ما حدث ثم حاول مرة أخرى." }
        /// Label of the canned reply picker.
        CannedLabel { en: "Canned reply", es: "Respuesta guardada", ar: "رد محفوظ" }
        /// The picker's empty choice.
        CannedNone { en: "Choose one", es: "Elige una", ar: "اختر ردًا" }
        /// Puts the chosen canned reply into the reply box.
        CannedInsert { en: "Insert", es: "Insertar", ar: "إدراج" }
        /// The canned replies' manager.
        CannedManage { en: "Canned replies", es: "Respuestas guardadas", ar: "الردود المحفوظة" }
        /// Edit a canned reply.
        CannedEdit { en: "Edit", es: "Editar", ar: "تعديل" }
        /// Edit a canned reply, named; `{title}`.
        CannedEditNamed { en: "Edit {title}", es: "Editar {title}", ar: "تعديل {title}" }
        /// Remove a canned reply.
        CannedDelete { en: "Delete", es: "Eliminar", ar: "حذف" }
        /// Remove a canned reply, named; `{title}`.
        CannedDeleteNamed { en: "Delete {title}", es: "Eliminar {title}", ar: "حذف {title}" }
        /// Label of a canned reply's title.
        CannedTitleLabel { en: "Title", es: "Título", ar: "العنوان" }
        /// Label of a canned reply's text.
        CannedBodyLabel { en: "Reply text", es: "Texto de la respuesta", ar: "نص الرد" }
        /// Add a canned reply.
        CannedAdd { en: "Add canned reply", es: "Añadir respuesta guardada", ar: "إضافة رد محفوظ" }
        /// Save an edited canned reply.
        CannedSaveChanges { en: "Save changes", es: "Guardar cambios", ar: "حفظ التغييرات" }
        /// A canned reply was refused.
        CannedFailed { en: "Give the reply a title (80 characters at most) and a text (2,000 characters at most), then try again.", es: "Pon a la respuesta un título (80 caracteres como máximo) y un texto (2000 como máximo) e inténtalo de nuevo.", ar: "أعطِ الرد عنوانًا (80 حرفًا كحد أقصى) ونصًا (2000 حرف كحد أقصى) ثم حاول مرة أخرى." }
        /// Heading of the help articles, also the button that opens them.
        HelpHeading { en: "Help articles", es: "Artículos de ayuda", ar: "مقالات المساعدة" }
        /// Starts an article from nothing; also the editor's heading then.
        HelpNewArticle { en: "New article", es: "Nuevo artículo", ar: "مقالة جديدة" }
        /// Heading of the editor of an article that exists.
        HelpEditHeading { en: "Edit article", es: "Editar artículo", ar: "تعديل المقالة" }
        /// Caption of the table of every article.
        HelpArticlesCaption { en: "Articles in every language", es: "Artículos en todos los idiomas", ar: "المقالات بكل اللغات" }
        /// There are no articles.
        HelpNoArticles { en: "No articles have been written yet.", es: "Aún no se ha escrito ningún artículo.", ar: "لم تُكتب أي مقالة بعد." }
        /// The articles could not be read.
        HelpListFailed { en: "The articles could not be loaded. Reload the page to try again.", es: "No se pudieron cargar los artículos. Vuelve a cargar la página para intentarlo de nuevo.", ar: "تعذر تحميل المقالات. أعد تحميل الصفحة للمحاولة مرة أخرى." }
        /// An article's title: a column and a field.
        HelpTitle { en: "Title", es: "Título", ar: "العنوان" }
        /// An article's slug: a column, and the editor's term for one that is saved.
        HelpSlug { en: "Slug", es: "Slug", ar: "المعرّف" }
        /// Label of a new article's slug, with its form.
        HelpSlugLabel { en: "Slug (lowercase words joined by hyphens, like return-an-item)", es: "Slug (palabras en minúsculas unidas por guiones, como devolver-un-articulo)", ar: "المعرّف (كلمات بأحرف لاتينية صغيرة تفصل بينها شرطات، مثل return-an-item)" }
        /// An article's language: a column and a field.
        HelpLanguage { en: "Language", es: "Idioma", ar: "اللغة" }
        /// The English language.
        LanguageEnglish { en: "English", es: "inglés", ar: "الإنجليزية" }
        /// The Spanish language.
        LanguageSpanish { en: "Spanish", es: "español", ar: "الإسبانية" }
        /// The Arabic language.
        LanguageArabic { en: "Arabic", es: "árabe", ar: "العربية" }
        /// An article's category: a column and a field.
        HelpCategoryLabel { en: "Category", es: "Categoría", ar: "الفئة" }
        /// Whether shoppers see an article: a column and a checkbox.
        HelpPublished { en: "Published", es: "Publicado", ar: "منشورة" }
        /// Whether the FAQ lists an article: a column.
        HelpInFaq { en: "In FAQ", es: "En preguntas frecuentes", ar: "في الأسئلة الشائعة" }
        /// Whether the FAQ lists an article: the checkbox.
        HelpShowInFaq { en: "Show in the FAQ", es: "Mostrar en las preguntas frecuentes", ar: "إظهار في الأسئلة الشائعة" }
        /// Readers' answers to "Was this helpful?": a column.
        HelpVotes { en: "Votes", es: "Votos", ar: "الأصوات" }
        /// The votes as a screen reader says them; `{yes}`, `{no}`.
        HelpVotesSpoken { en: "{yes} yes, {no} no", es: "{yes} sí, {no} no", ar: "{yes} نعم، {no} لا" }
        /// The column of each article's button (read, not shown).
        HelpActions { en: "Actions", es: "Acciones", ar: "الإجراءات" }
        /// Opens an article in the editor.
        HelpEdit { en: "Edit", es: "Editar", ar: "تعديل" }
        /// Opens an article in the editor, named; `{title}`, `{language}`.
        HelpEditNamed { en: "Edit {title} ({language})", es: "Editar {title} ({language})", ar: "تعديل {title} ({language})" }
        /// Yes, in a table or beside a comment.
        Yes { en: "Yes", es: "Sí", ar: "نعم" }
        /// No, in a table or beside a comment.
        No { en: "No", es: "No", ar: "لا" }
        /// Label of an article's summary.
        HelpSummary { en: "Summary (the answer, in the FAQ)", es: "Resumen (la respuesta, en las preguntas frecuentes)", ar: "الملخص (الإجابة في الأسئلة الشائعة)" }
        /// Label of an article's text.
        HelpMarkdown { en: "Article text (Markdown)", es: "Texto del artículo (Markdown)", ar: "نص المقالة (Markdown)" }
        /// The preview button, and the name of the preview.
        HelpPreview { en: "Preview", es: "Vista previa", ar: "معاينة" }
        /// The preview could not be made.
        HelpPreviewFailed { en: "The preview could not be made. Check your connection and try again.", es: "No se pudo generar la vista previa. Comprueba tu conexión e inténtalo de nuevo.", ar: "تعذر إنشاء المعاينة. تحقق من اتصالك وحاول مرة أخرى." }
        /// The save button.
        HelpSave { en: "Save", es: "Guardar", ar: "حفظ" }
        /// Shown while saving.
        HelpSaving { en: "Saving…", es: "Guardando…", ar: "جارٍ الحفظ…" }
        /// The article was saved.
        HelpSaved { en: "Saved.", es: "Guardado.", ar: "تم الحفظ." }
        /// The language asked for is not written yet; `{language}`.
        HelpFromEnglish { en: "This article is not written in {language} yet. The English version is filled in for you to translate; it stays unpublished until you publish it.", es: "Este artículo aún no está escrito en {language}. Se ha rellenado la versión en inglés para que la traduzcas; no se publicará hasta que lo publiques.", ar: "هذه المقالة غير مكتوبة باللغة {language} بعد. مُلئت النسخة الإنجليزية لتترجمها، وستبقى غير منشورة حتى تنشرها." }
        /// The article could not be read.
        HelpLoadFailed { en: "This article could not be loaded. Choose Edit again to retry.", es: "No se pudo cargar este artículo. Elige Editar de nuevo para reintentarlo.", ar: "تعذر تحميل هذه المقالة. اختر تعديل مرة أخرى لإعادة المحاولة." }
        /// Heading of readers' comments on the article edited.
        HelpCommentsHeading { en: "Readers’ comments", es: "Comentarios de los lectores", ar: "تعليقات القراء" }
        /// No reader has commented.
        HelpNoComments { en: "No comments yet.", es: "Aún no hay comentarios.", ar: "لا توجد تعليقات بعد." }
        /// Whether a commenting reader found the article helpful; `{answer}` is Yes or No.
        HelpCommentHelpful { en: "Helpful: {answer}", es: "Útil: {answer}", ar: "مفيدة: {answer}" }
        /// Heading of the searches that found nothing.
        HelpMissedHeading { en: "Searches that found nothing", es: "Búsquedas sin resultados", ar: "عمليات بحث بلا نتائج" }
        /// Every search found something.
        HelpNoMissed { en: "Every search found something.", es: "Todas las búsquedas encontraron algo.", ar: "وجدت كل عمليات البحث نتائج." }
        /// The missed searches could not be read.
        HelpMissedFailed { en: "The searches could not be loaded.", es: "No se pudieron cargar las búsquedas.", ar: "تعذر تحميل عمليات البحث." }
        /// What a shopper searched for: a column.
        HelpQuery { en: "Search", es: "Búsqueda", ar: "البحث" }
        /// How many times it was searched: a column.
        HelpTimes { en: "Times", es: "Veces", ar: "عدد المرات" }
        /// When it was last searched: a column.
        HelpLastSearched { en: "Last searched", es: "Última búsqueda", ar: "آخر بحث" }
        /// A new article has no slug.
        HelpSlugMissing { en: "Enter the slug, like return-an-item", es: "Escribe el slug, como devolver-un-articulo", ar: "أدخل المعرّف، مثل return-an-item" }
        /// The title is empty.
        HelpTitleMissing { en: "Enter the title", es: "Escribe el título", ar: "أدخل العنوان" }
        /// The title is too long; `{max}`.
        HelpTitleTooLong { en: "The title must be {max} characters or fewer", es: "El título debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد العنوان عن {max} حرفًا" }
        /// The summary is empty.
        HelpSummaryMissing { en: "Enter the summary", es: "Escribe el resumen", ar: "أدخل الملخص" }
        /// The summary is too long; `{max}`.
        HelpSummaryTooLong { en: "The summary must be {max} characters or fewer", es: "El resumen debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد الملخص عن {max} حرفًا" }
        /// The article's text is empty.
        HelpMarkdownMissing { en: "Write the article’s text", es: "Escribe el texto del artículo", ar: "اكتب نص المقالة" }
        /// The article's text is too long; `{max}`.
        HelpMarkdownTooLong { en: "The article must be {max} characters or fewer", es: "El artículo debe tener {max} caracteres como máximo", ar: "يجب ألا تزيد المقالة عن {max} حرفًا" }
        /// Heading of the returns, also the button that opens them.
        ReturnsHeading { en: "Returns", es: "Devoluciones", ar: "المرتجعات" }
        /// Heading of a store-staff agent's counter; `{store}` is their shop.
        CounterHeading { en: "Counter — {store}", es: "Mostrador — {store}", ar: "المكتب — {store}" }
        /// Heading of the return finder of agents without a shop.
        FindReturnHeading { en: "Find a return", es: "Buscar una devolución", ar: "البحث عن مرتجع" }
        /// Label of the return number input.
        RmaLabel { en: "Return number (RMA)", es: "Número de devolución (RMA)", ar: "رقم المرتجع (RMA)" }
        /// The button finding a return by its number.
        FindReturn { en: "Find", es: "Buscar", ar: "بحث" }
        /// Shown while finding a return.
        FindingReturn { en: "Finding…", es: "Buscando…", ar: "جارٍ البحث…" }
        /// The return number was left empty.
        RmaMissing { en: "Enter the return number, like R-7K3F9Q", es: "Escribe el número de devolución, como R-7K3F9Q", ar: "أدخل رقم المرتجع، مثل R-7K3F9Q" }
        /// The return number is too long; `{max}`.
        RmaTooLong { en: "The return number must be {max} characters or fewer", es: "El número de devolución debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد رقم المرتجع عن {max} حرفًا" }
        /// No return has the number typed.
        RmaNotFound { en: "No return has this number. Check it and try again.", es: "Ninguna devolución tiene este número. Revísalo e inténtalo de nuevo.", ar: "لا يوجد مرتجع بهذا الرقم. تحقق منه وحاول مرة أخرى." }
        /// Starts the camera to read a return's QR code.
        ScanQrCode { en: "Scan QR code with camera", es: "Escanear código QR con la cámara", ar: "مسح رمز QR بالكاميرا" }
        /// Stops the camera.
        StopCamera { en: "Stop camera", es: "Detener cámara", ar: "إيقاف الكاميرا" }
        /// Accessible name of the camera's picture.
        CameraView { en: "Camera view", es: "Imagen de la cámara", ar: "عرض الكاميرا" }
        /// Said while the camera looks for a code.
        Scanning { en: "Point the camera at the return’s QR code.", es: "Apunta la cámara al código QR de la devolución.", ar: "وجّه الكاميرا نحو رمز QR الخاص بالمرتجع." }
        /// The camera could not be opened.
        CameraFailed { en: "The camera could not be opened. Allow the camera for this page, or type the return number.", es: "No se pudo abrir la cámara. Permite la cámara en esta página o escribe el número de devolución.", ar: "تعذر فتح الكاميرا. اسمح باستخدام الكاميرا لهذه الصفحة أو اكتب رقم المرتجع." }
        /// The browser cannot read QR codes after all.
        ScanUnsupported { en: "This browser cannot read QR codes. Type the return number instead.", es: "Este navegador no puede leer códigos QR. Escribe el número de devolución.", ar: "لا يستطيع هذا المتصفح قراءة رموز QR. اكتب رقم المرتجع بدلًا من ذلك." }
        /// Heading and caption of the queue of returns.
        QueueHeading { en: "Return queue", es: "Cola de devoluciones", ar: "قائمة المرتجعات" }
        /// Label of the queue's status filter.
        QueueFilter { en: "Returns to show", es: "Devoluciones que mostrar", ar: "المرتجعات المعروضة" }
        /// Every open return (requested, approved, in transit, received).
        QueueAllOpen { en: "All open", es: "Todas las abiertas", ar: "كل المفتوحة" }
        /// The queue has nothing in it.
        QueueEmpty { en: "No returns here.", es: "No hay devoluciones aquí.", ar: "لا توجد مرتجعات هنا." }
        /// The queue could not be read.
        QueueFailed { en: "The returns could not be loaded. Choose the filter again to retry.", es: "No se pudieron cargar las devoluciones. Vuelve a elegir el filtro para reintentarlo.", ar: "تعذر تحميل المرتجعات. اختر عامل التصفية مرة أخرى لإعادة المحاولة." }
        /// A return's number: a column.
        RmaColumn { en: "RMA", es: "RMA", ar: "RMA" }
        /// Who made a return: a column and a term.
        ShopperColumn { en: "Shopper", es: "Cliente", ar: "العميل" }
        /// Where a return is: a column and a term.
        StatusColumn { en: "Status", es: "Estado", ar: "الحالة" }
        /// How a return comes back: a column and a term.
        MethodColumn { en: "Method", es: "Método", ar: "الطريقة" }
        /// The shop of a counter return: a column and a term.
        StoreColumn { en: "Store", es: "Tienda", ar: "المتجر" }
        /// Units in a return: a column.
        UnitsColumn { en: "Units", es: "Unidades", ar: "الوحدات" }
        /// When a return was asked for: a column.
        RequestedOnColumn { en: "Requested on", es: "Solicitada el", ar: "تاريخ الطلب" }
        /// Opens a row of a desk list (a return, a review); the row's own name is in the
        /// button's accessible name ("Open return R-1", "Open review …").
        Open { en: "Open", es: "Abrir", ar: "فتح" }
        /// Opens a return, named; `{rma}`.
        OpenReturnNamed { en: "Open return {rma}", es: "Abrir la devolución {rma}", ar: "فتح المرتجع {rma}" }
        /// Heading of an open return; `{rma}`.
        ReturnHeading { en: "Return {rma}", es: "Devolución {rma}", ar: "المرتجع {rma}" }
        /// A return could not be read.
        ReturnLoadFailed { en: "This return could not be loaded. Choose Open again to retry.", es: "No se pudo cargar esta devolución. Elige Abrir de nuevo para reintentarlo.", ar: "تعذر تحميل هذا المرتجع. اختر فتح مرة أخرى لإعادة المحاولة." }
        /// Status: asked for.
        StatusRequested { en: "Requested", es: "Solicitada", ar: "مطلوب" }
        /// Status: agreed.
        StatusApproved { en: "Approved", es: "Aprobada", ar: "موافق عليه" }
        /// Status: on its way back.
        StatusInTransit { en: "In transit", es: "En tránsito", ar: "قيد الشحن" }
        /// Status: the store has the items.
        StatusReceived { en: "Received", es: "Recibida", ar: "مستلم" }
        /// Status: paid back.
        StatusRefunded { en: "Refunded", es: "Reembolsada", ar: "مسترد" }
        /// Status: refused.
        StatusRejected { en: "Rejected", es: "Rechazada", ar: "مرفوض" }
        /// Method: by mail.
        MethodMail { en: "By mail", es: "Por correo", ar: "بالبريد" }
        /// Method: at a drop-off point.
        MethodDropOff { en: "At a drop-off point", es: "En un punto de entrega", ar: "في نقطة تسليم" }
        /// Method: at a shop's counter.
        MethodInStore { en: "In a store", es: "En una tienda", ar: "في متجر" }
        /// Heading and caption of a return's items.
        ItemsCaption { en: "Items", es: "Artículos", ar: "المنتجات" }
        /// An item's name: a column.
        ItemColumn { en: "Item", es: "Artículo", ar: "المنتج" }
        /// An item's variant: a column.
        VariantColumn { en: "Variant", es: "Variante", ar: "النوع" }
        /// How many of an item: a column.
        QuantityColumn { en: "Quantity", es: "Cantidad", ar: "الكمية" }
        /// Why an item comes back: a column.
        ReasonColumn { en: "Reason", es: "Motivo", ar: "السبب" }
        /// What the shopper gets: a column.
        OutcomeColumn { en: "Outcome", es: "Resultado", ar: "النتيجة" }
        /// The variant wanted instead: a column.
        ExchangeColumn { en: "Exchange for", es: "Cambiar por", ar: "الاستبدال بـ" }
        /// What arrived of an item: a column.
        ReceivedColumn { en: "Received", es: "Recibidas", ar: "المستلم" }
        /// How many arrived damaged: a column.
        DamagedColumn { en: "Damaged", es: "Dañadas", ar: "التالف" }
        /// The shopper's photo: a column.
        PhotoColumn { en: "Photo", es: "Foto", ar: "الصورة" }
        /// What arrived of an item; `{received}`, `{damaged}`.
        ReceivedCount { en: "{received} ({damaged} damaged)", es: "{received} ({damaged} dañadas)", ar: "{received} ({damaged} تالف)" }
        /// Text alternative of the shopper's photo; `{item}`.
        PhotoOf { en: "Shopper’s photo of {item}", es: "Foto del cliente de {item}", ar: "صورة العميل لـ {item}" }
        /// A reason with its finer reason; `{reason}`, `{detail}`.
        ReasonWithDetail { en: "{reason}: {detail}", es: "{reason}: {detail}", ar: "{reason}: {detail}" }
        /// Reason: it does not fit.
        ReasonDoesNotFit { en: "Does not fit", es: "No le queda bien", ar: "المقاس غير مناسب" }
        /// Reason: it arrived damaged.
        ReasonDamaged { en: "Arrived damaged", es: "Llegó dañado", ar: "وصل تالفًا" }
        /// Reason: not what was ordered.
        ReasonWrongItem { en: "Wrong item", es: "Artículo equivocado", ar: "منتج خاطئ" }
        /// Reason: not as described.
        ReasonNotAsDescribed { en: "Not as described", es: "No es como se describía", ar: "ليس كما هو موصوف" }
        /// Reason: the shopper changed their mind.
        ReasonChangedMind { en: "Changed their mind", es: "Cambió de opinión", ar: "غيّر رأيه" }
        /// Finer reason: too small.
        DetailTooSmall { en: "too small", es: "demasiado pequeño", ar: "صغير جدًا" }
        /// Finer reason: too large.
        DetailTooLarge { en: "too large", es: "demasiado grande", ar: "كبير جدًا" }
        /// Finer reason: another size.
        DetailWrongSize { en: "wrong size", es: "talla equivocada", ar: "مقاس خاطئ" }
        /// Finer reason: another colour.
        DetailWrongColour { en: "wrong colour", es: "color equivocado", ar: "لون خاطئ" }
        /// Finer reason: another product.
        DetailWrongProduct { en: "wrong product", es: "producto equivocado", ar: "منتج آخر" }
        /// Outcome: money back.
        OutcomeRefund { en: "Refund", es: "Reembolso", ar: "استرداد المبلغ" }
        /// Outcome: store credit.
        OutcomeStoreCredit { en: "Store credit", es: "Saldo en tienda", ar: "رصيد في المتجر" }
        /// Outcome: another variant.
        OutcomeExchange { en: "Exchange", es: "Cambio", ar: "استبدال" }
        /// Heading of the shopper's comment.
        CommentHeading { en: "Shopper’s comment", es: "Comentario del cliente", ar: "تعليق العميل" }
        /// The shopper wrote no comment.
        NoComment { en: "No comment.", es: "Sin comentario.", ar: "لا يوجد تعليق." }
        /// Heading of a return's amounts.
        AmountsHeading { en: "Amounts", es: "Importes", ar: "المبالغ" }
        /// The returned units' prices.
        AmountItems { en: "Items", es: "Artículos", ar: "المنتجات" }
        /// Kept for restocking.
        AmountRestocking { en: "Restocking fee", es: "Cargo de reposición", ar: "رسوم إعادة التخزين" }
        /// Kept for the mail label.
        AmountShipping { en: "Mail label fee", es: "Cargo de la etiqueta de envío", ar: "رسوم ملصق البريد" }
        /// Added for taking store credit.
        AmountBonus { en: "Store credit bonus", es: "Bonificación en saldo", ar: "مكافأة الرصيد" }
        /// Paid back to the original payment.
        AmountRefund { en: "Refund to the original payment", es: "Reembolso al pago original", ar: "المبلغ المسترد إلى وسيلة الدفع الأصلية" }
        /// Given as store credit.
        AmountStoreCredit { en: "Store credit", es: "Saldo en tienda", ar: "رصيد في المتجر" }
        /// Heading of a return's history.
        HistoryHeading { en: "History", es: "Historial", ar: "السجل" }
        /// A step of a return's history; `{status}`, `{date}`.
        HistoryStep { en: "{status}, {date}", es: "{status}, {date}", ar: "{status}، {date}" }
        /// A step of a return's history at a shop; `{status}`, `{store}`, `{date}`.
        HistoryStepAt { en: "{status} at {store}, {date}", es: "{status} en {store}, {date}", ar: "{status} في {store}، {date}" }
        /// Why a return was rejected, in its history; `{note}`.
        HistoryNote { en: "Reason: {note}", es: "Motivo: {note}", ar: "السبب: {note}" }
        /// Agrees to a return.
        Approve { en: "Approve", es: "Aprobar", ar: "موافقة" }
        /// Marks a return as on its way back.
        MarkInTransit { en: "Mark in transit", es: "Marcar en tránsito", ar: "وضع علامة قيد الشحن" }
        /// Marks a return as received.
        MarkReceived { en: "Mark received", es: "Marcar como recibida", ar: "وضع علامة مستلم" }
        /// Marks a return as received at the agent's own shop.
        MarkReceivedHere { en: "Mark received here", es: "Marcar como recibida aquí", ar: "وضع علامة مستلم هنا" }
        /// Marks a return as paid back.
        MarkRefunded { en: "Mark refunded", es: "Marcar como reembolsada", ar: "وضع علامة مسترد" }
        /// Shown while a change is sent.
        Saving { en: "Saving…", es: "Guardando…", ar: "جارٍ الحفظ…" }
        /// Caption of what arrived of each item.
        ReceivedCaption { en: "What arrived", es: "Lo que llegó", ar: "ما وصل" }
        /// Label of the units of an item received; `{item}`.
        ReceivedOf { en: "Received: {item}", es: "Recibidas: {item}", ar: "المستلم: {item}" }
        /// Label of the units of an item damaged; `{item}`.
        DamagedOf { en: "Damaged: {item}", es: "Dañadas: {item}", ar: "التالف: {item}" }
        /// Units received out of range; `{item}`, `{max}`.
        ReceivedOutOfRange { en: "Enter how many of {item} arrived, from 0 to {max}", es: "Escribe cuántas unidades de {item} llegaron, de 0 a {max}", ar: "أدخل عدد ما وصل من {item}، من 0 إلى {max}" }
        /// Units damaged out of range; `{item}`, `{max}` received.
        DamagedOutOfRange { en: "Enter how many of {item} are damaged, from 0 to the {max} received", es: "Escribe cuántas unidades de {item} están dañadas, de 0 a las {max} recibidas", ar: "أدخل عدد التالف من {item}، من 0 إلى {max} المستلمة" }
        /// Label of the reason for rejecting a return.
        RejectReasonLabel { en: "Reason for rejecting (the shopper will read it)", es: "Motivo del rechazo (el cliente lo leerá)", ar: "سبب الرفض (سيقرؤه العميل)" }
        /// Rejects a return.
        RejectReturn { en: "Reject return", es: "Rechazar devolución", ar: "رفض المرتجع" }
        /// The rejection has no reason.
        RejectReasonMissing { en: "Enter why the return is rejected", es: "Escribe por qué se rechaza la devolución", ar: "أدخل سبب رفض المرتجع" }
        /// The rejection's reason is too long; `{max}`.
        RejectReasonTooLong { en: "The reason must be {max} characters or fewer", es: "El motivo debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد السبب عن {max} حرفًا" }
        /// A return that is done.
        NoMoreActions { en: "Nothing more to do: this return is closed.", es: "No queda nada por hacer: esta devolución está cerrada.", ar: "لا يوجد المزيد: هذا المرتجع مغلق." }
        /// A return was approved; `{rma}`.
        DoneApproved { en: "Return {rma} approved.", es: "Devolución {rma} aprobada.", ar: "تمت الموافقة على المرتجع {rma}." }
        /// A return was rejected; `{rma}`.
        DoneRejected { en: "Return {rma} rejected. The shopper will see your reason.", es: "Devolución {rma} rechazada. El cliente verá tu motivo.", ar: "تم رفض المرتجع {rma}. سيرى العميل السبب." }
        /// A return was marked in transit; `{rma}`.
        DoneInTransit { en: "Return {rma} marked in transit.", es: "Devolución {rma} marcada en tránsito.", ar: "تم وضع علامة قيد الشحن على المرتجع {rma}." }
        /// A return was marked received; `{rma}`.
        DoneReceived { en: "Return {rma} marked received.", es: "Devolución {rma} marcada como recibida.", ar: "تم وضع علامة مستلم على المرتجع {rma}." }
        /// A return was marked received at a shop; `{rma}`, `{store}`.
        DoneReceivedAt { en: "Return {rma} marked received at {store}.", es: "Devolución {rma} marcada como recibida en {store}.", ar: "تم وضع علامة مستلم على المرتجع {rma} في {store}." }
        /// A return was marked refunded; `{rma}`.
        DoneRefunded { en: "Return {rma} marked refunded.", es: "Devolución {rma} marcada como reembolsada.", ar: "تم وضع علامة مسترد على المرتجع {rma}." }
        /// How many characters a text has of the most it may have; `{count}`, `{max}`.
        CharacterCount { en: "{count} of {max} characters", es: "{count} de {max} caracteres", ar: "{count} من {max} حرفًا" }
        /// Heading of the reviews, also the button that opens them.
        ReviewsHeading { en: "Reviews", es: "Opiniones", ar: "المراجعات" }
        /// Heading and caption of the queue of reviews.
        ReviewQueueHeading { en: "Review moderation", es: "Moderación de opiniones", ar: "مراجعة التقييمات" }
        /// Label of the review queue's status filter.
        ReviewFilter { en: "Reviews to show", es: "Opiniones que mostrar", ar: "المراجعات المعروضة" }
        /// A review's status: held for a person to read.
        ReviewPending { en: "Waiting for moderation", es: "Pendiente de moderación", ar: "بانتظار المراجعة" }
        /// A review's status: listed for every shopper.
        ReviewPublished { en: "Published", es: "Publicada", ar: "منشورة" }
        /// A review's status: not listed.
        ReviewRejected { en: "Rejected", es: "Rechazada", ar: "مرفوضة" }
        /// The review queue has nothing in it.
        ReviewQueueEmpty { en: "No reviews here.", es: "No hay opiniones aquí.", ar: "لا توجد مراجعات هنا." }
        /// The review queue could not be read.
        ReviewQueueFailed { en: "The reviews could not be loaded. Choose the filter again to retry.", es: "No se pudieron cargar las opiniones. Vuelve a elegir el filtro para reintentarlo.", ar: "تعذر تحميل المراجعات. اختر عامل التصفية مرة أخرى لإعادة المحاولة." }
        /// The product reviewed: a column and a term.
        ProductColumn { en: "Product", es: "Producto", ar: "المنتج" }
        /// A review's stars: a column and a term.
        RatingColumn { en: "Rating", es: "Valoración", ar: "التقييم" }
        /// A review's title: a column.
        ReviewTitleColumn { en: "Title", es: "Título", ar: "العنوان" }
        /// The name a reviewer shows: a column and a term.
        ReviewerColumn { en: "Name", es: "Nombre", ar: "الاسم" }
        /// Whether a review is tied to a delivered order: a column and a term.
        PurchaseColumn { en: "Purchase", es: "Compra", ar: "الشراء" }
        /// When a review was written: a column and a term.
        WrittenOnColumn { en: "Written on", es: "Escrita el", ar: "تاريخ الكتابة" }
        /// What the automatic check found: a column and a term.
        CheckColumn { en: "Automatic check", es: "Revisión automática", ar: "الفحص التلقائي" }
        /// Stars in words; `{stars}`.
        StarsOfFive { en: "{stars} of 5 stars", es: "{stars} de 5 estrellas", ar: "{stars} من 5 نجوم" }
        /// A review tied to a delivered order of the product.
        VerifiedPurchase { en: "Verified purchase", es: "Compra verificada", ar: "عملية شراء موثقة" }
        /// A review not tied to an order.
        NotVerified { en: "Not verified", es: "Sin verificar", ar: "غير موثقة" }
        /// Why the automatic check held a review; `{flags}`.
        HeldFor { en: "Held: {flags}", es: "Retenida: {flags}", ar: "محتجزة: {flags}" }
        /// The automatic check found nothing.
        NothingFound { en: "Nothing found", es: "Nada encontrado", ar: "لم يُعثر على شيء" }
        /// A flag: a web address.
        FlagLink { en: "link", es: "enlace", ar: "رابط" }
        /// A flag: spam.
        FlagSpam { en: "spam", es: "spam", ar: "رسائل مزعجة" }
        /// A flag: a word of the profanity list.
        FlagProfanity { en: "profanity", es: "lenguaje ofensivo", ar: "ألفاظ نابية" }
        /// A flag: an email address.
        FlagEmail { en: "email address", es: "correo electrónico", ar: "بريد إلكتروني" }
        /// A flag: a phone number.
        FlagPhone { en: "phone number", es: "número de teléfono", ar: "رقم هاتف" }
        /// Opens a review, named; `{title}`.
        OpenReviewNamed { en: "Open review “{title}”", es: "Abrir la opinión «{title}»", ar: "فتح المراجعة «{title}»" }
        /// Heading of an open review; `{title}`.
        ReviewHeading { en: "Review “{title}”", es: "Opinión «{title}»", ar: "المراجعة «{title}»" }
        /// A review could not be read.
        ReviewLoadFailed { en: "This review could not be loaded. Choose Open again to retry.", es: "No se pudo cargar esta opinión. Elige Abrir de nuevo para reintentarlo.", ar: "تعذر تحميل هذه المراجعة. اختر فتح مرة أخرى لإعادة المحاولة." }
        /// How a garment fits: a term.
        FitTerm { en: "Fit", es: "Talla", ar: "المقاس" }
        /// Quality in stars: a term.
        QualityTerm { en: "Quality", es: "Calidad", ar: "الجودة" }
        /// How many shoppers found a review helpful: a term.
        HelpfulTerm { en: "Helpful votes", es: "Votos de utilidad", ar: "أصوات الإفادة" }
        /// Fit: smaller than its size.
        FitRunsSmall { en: "Runs small", es: "Talla pequeña", ar: "مقاسه صغير" }
        /// Fit: as its size says.
        FitTrueToSize { en: "True to size", es: "Talla fiel", ar: "مقاسه مضبوط" }
        /// Fit: larger than its size.
        FitRunsLarge { en: "Runs large", es: "Talla grande", ar: "مقاسه كبير" }
        /// Heading of what the shopper wrote.
        ReviewTextHeading { en: "What the shopper wrote", es: "Lo que escribió el cliente", ar: "ما كتبه العميل" }
        /// Heading of a review's photos.
        PhotosHeading { en: "Photos", es: "Fotos", ar: "الصور" }
        /// Text alternative of a review's photo; `{number}`.
        ReviewPhotoAlt { en: "Shopper’s photo {number}", es: "Foto {number} del cliente", ar: "صورة العميل {number}" }
        /// Heading of a review's moderation log.
        ModerationLogHeading { en: "Moderation log", es: "Registro de moderación", ar: "سجل المراجعة" }
        /// A decision of the automatic check; `{status}`, `{date}`.
        LogAutomatic { en: "{status} by the automatic check, {date}", es: "{status} por la revisión automática, {date}", ar: "{status} بواسطة الفحص التلقائي، {date}" }
        /// A decision of an agent; `{status}`, `{agent}`, `{date}`.
        LogAgent { en: "{status} by {agent}, {date}", es: "{status} por {agent}, {date}", ar: "{status} بواسطة {agent}، {date}" }
        /// What the automatic check found; `{flags}`.
        LogFlags { en: "Found: {flags}", es: "Encontrado: {flags}", ar: "تم العثور على: {flags}" }
        /// Publishes a review.
        Publish { en: "Publish", es: "Publicar", ar: "نشر" }
        /// Rejects a review.
        Reject { en: "Reject", es: "Rechazar", ar: "رفض" }
        /// Label of the reason for rejecting a review.
        ReviewRejectReasonLabel { en: "Reason for rejecting (kept in the moderation log)", es: "Motivo del rechazo (se guarda en el registro de moderación)", ar: "سبب الرفض (يُحفظ في سجل المراجعة)" }
        /// The rejection of a review has no reason.
        ReviewRejectReasonMissing { en: "Enter why the review is rejected", es: "Escribe por qué se rechaza la opinión", ar: "أدخل سبب رفض المراجعة" }
        /// A review was published.
        DoneReviewPublished { en: "Review published. Shoppers can read it now.", es: "Opinión publicada. Los clientes ya pueden leerla.", ar: "تم نشر المراجعة. يمكن للعملاء قراءتها الآن." }
        /// A review was rejected.
        DoneReviewRejected { en: "Review rejected. Your reason is in its moderation log.", es: "Opinión rechazada. Tu motivo está en su registro de moderación.", ar: "تم رفض المراجعة. سببك محفوظ في سجل المراجعة." }
        /// Heading of the store's public reply.
        StoreReplyHeading { en: "Store’s public reply", es: "Respuesta pública de la tienda", ar: "الرد العلني للمتجر" }
        /// Label of the store's reply.
        ReplyAsStore { en: "Reply as the store", es: "Responder como la tienda", ar: "الرد باسم المتجر" }
        /// Said when the review has a reply already.
        ReplyReplaces { en: "Saving replaces the reply shoppers see now.", es: "Al guardar se sustituye la respuesta que ven ahora los clientes.", ar: "يؤدي الحفظ إلى استبدال الرد الذي يراه العملاء الآن." }
        /// Saves the store's reply.
        SaveReply { en: "Save reply", es: "Guardar respuesta", ar: "حفظ الرد" }
        /// The reply is empty.
        ReplyMissing { en: "Write the reply", es: "Escribe la respuesta", ar: "اكتب الرد" }
        /// The reply is too long; `{max}`.
        ReplyTooLong { en: "The reply must be {max} characters or fewer", es: "La respuesta debe tener {max} caracteres como máximo", ar: "يجب ألا يزيد الرد عن {max} حرفًا" }
        /// The store's reply was saved.
        DoneReplySaved { en: "Reply saved. Shoppers see it under the review while it is published.", es: "Respuesta guardada. Los clientes la ven bajo la opinión mientras esté publicada.", ar: "تم حفظ الرد. يراه العملاء أسفل المراجعة ما دامت منشورة." }
        /// Heading of the finder of an order's review requests.
        RequestsHeading { en: "Review links of an order", es: "Enlaces de opinión de un pedido", ar: "روابط المراجعة لطلب" }
        /// Label of the order number input.
        OrderNumberLabel { en: "Order number", es: "Número de pedido", ar: "رقم الطلب" }
        /// Finds an order's review requests.
        FindRequests { en: "Find review links", es: "Buscar enlaces", ar: "البحث عن الروابط" }
        /// The order number is missing.
        OrderNumberMissing { en: "Enter the order number, like SF-1001", es: "Escribe el número de pedido, como SF-1001", ar: "أدخل رقم الطلب، مثل SF-1001" }
        /// The order number is not one.
        OrderNumberInvalid { en: "Enter an order number like SF-1001 (letters, digits and dashes, 40 at most)", es: "Escribe un número de pedido como SF-1001 (letras, cifras y guiones, 40 como máximo)", ar: "أدخل رقم طلب مثل SF-1001 (حروف وأرقام وشرطات، 40 كحد أقصى)" }
        /// No order has the number.
        OrderNotFound { en: "No order has this number. Check it with the shopper.", es: "Ningún pedido tiene este número. Compruébalo con el cliente.", ar: "لا يوجد طلب بهذا الرقم. تحقق منه مع العميل." }
        /// The order has no review requests; `{number}`.
        RequestsNone { en: "Order {number} has no review links yet: they are made when it is delivered.", es: "El pedido {number} aún no tiene enlaces: se crean cuando se entrega.", ar: "لا توجد روابط مراجعة للطلب {number} بعد: تُنشأ عند تسليمه." }
        /// How many review requests an order has; `{count}`, `{number}`.
        RequestsFound { en: "Review links of order {number}: {count}.", es: "Enlaces de opinión del pedido {number}: {count}.", ar: "روابط المراجعة للطلب {number}: {count}." }
        /// Caption of an order's review requests; `{number}`.
        RequestsCaption { en: "Review links of order {number}", es: "Enlaces de opinión del pedido {number}", ar: "روابط المراجعة للطلب {number}" }
        /// When a review request was made: a column.
        DeliveredColumn { en: "Delivered on", es: "Entregado el", ar: "تاريخ التسليم" }
        /// A review request's link: a column.
        LinkColumn { en: "Link to send the shopper", es: "Enlace para el cliente", ar: "الرابط المرسل إلى العميل" }
        /// One of the shopper's reviews on the timeline; `{product}`, `{stars}`, `{title}`, `{status}`, `{date}`.
        TimelineReviewEntry { en: "Review of {product}, {stars} of 5 stars: “{title}” ({status}, {date})", es: "Opinión de {product}, {stars} de 5 estrellas: «{title}» ({status}, {date})", ar: "مراجعة {product}، {stars} من 5 نجوم: «{title}» ({status}، {date})" }
        /// The store's reply under a review on the timeline; `{reply}`.
        TimelineReviewReply { en: "Store’s reply: {reply}", es: "Respuesta de la tienda: {reply}", ar: "رد المتجر: {reply}" }
        /// Shown after signing out.
        SignedOut { en: "You have signed out.", es: "Has cerrado la sesión.", ar: "لقد سجلت الخروج." }
        /// The password field was left empty.
        PasswordMissing { en: "Enter your password", es: "Escribe tu contraseña", ar: "أدخل كلمة المرور" }
        /// The password is too long.
        PasswordTooLong { en: "Password must be 256 characters or fewer", es: "La contraseña debe tener 256 caracteres como máximo", ar: "يجب ألا تزيد كلمة المرور عن 256 حرفًا" }
        /// Wrong email or password.
        WrongCredentials { en: "The email address or password is not right. Check them and try again.", es: "El correo o la contraseña no son correctos. Revísalos e inténtalo de nuevo.", ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى." }
    }
}
